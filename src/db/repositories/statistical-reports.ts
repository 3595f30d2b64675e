import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { formDeadlines, formDefinitions, reports, units } from '../schema/index.ts';
import type { ReportStatus } from '../../domain/reporting/lifecycle.ts';
import type { ReportArea } from '../../domain/reference-data.ts';
import { foldForSearch } from '../../lib/text.ts';
import type { ReportListScope } from '../../portal/policies/index.ts';

export type ReportSort = 'termin' | 'jednostka' | 'formularz' | 'rok' | 'status';
export type TimelinessFilter = '' | 'po_terminie' | 'w_terminie' | 'oczekuje';

export interface ReportFilters {
  area: ReportArea;
  /** '' = every status ("Wszystkie") */
  status: ReportStatus | '';
  form: string;
  year: number | null;
  /** part of the unit's name, REGON or NIP */
  unit: string;
  timeliness: TimelinessFilter;
  /** Warsaw calendar day, for the timeliness filter */
  today: string;
}

/**
 * The scope as SQL. A verifier's "Do weryfikacji" holds the reports waiting at its own level (not
 * those a lower level still has, nor those already passed on to a higher one); any other status
 * holds every report of its chain.
 */
function scopeWhere(scope: ReportListScope, status: ReportStatus | ''): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  const parts: SQL[] = [];
  if (scope.ownUnitId) parts.push(sql`${reports.unitId} = ${scope.ownUnitId}`);
  if (scope.verifyingUnitId) {
    parts.push(
      status === 'do_weryfikacji'
        ? sql`${reports.levelUnitIds}[${reports.pendingLevel} + 1] = ${scope.verifyingUnitId}::uuid`
        : sql`${scope.verifyingUnitId}::uuid = any(${reports.levelUnitIds})`,
    );
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * The statuses a filter holds: "Do wypełnienia" is every report owed and not sent yet, the drafts
 * ("W trakcie wypełniania") included — the home tile's count of what is left to fill.
 */
export function statusesOf(filter: ReportStatus): ReportStatus[] {
  return filter === 'do_wypelnienia' ? ['do_wypelnienia', 'w_trakcie'] : [filter];
}

const dueOn = sql<
  string | null
>`(select ${formDeadlines.dueOn} from ${formDeadlines} where ${formDeadlines.form} = ${reports.form} and ${formDeadlines.year} = ${reports.year} and ${formDeadlines.level} = 'jednostka')`;

function whereOf(scope: ReportListScope, f: ReportFilters): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(reports.area, f.area), sql`${reports.cancelledAt} is null`, scopeWhere(scope, f.status)];
  if (f.status) conds.push(inArray(reports.status, statusesOf(f.status)));
  if (f.form) conds.push(eq(reports.form, f.form));
  if (f.year) conds.push(eq(reports.year, f.year));
  if (f.unit) {
    // the typed text is matched literally: % and _ are no wildcards here
    const q = foldForSearch(f.unit).replace(/[%_\\]/g, '\\$&');
    const digits = f.unit.replace(/\D/g, '');
    conds.push(
      digits.length >= 5
        ? sql`(${units.regon} like ${`${digits}%`} or ${units.nip} = ${digits} or ${units.searchName} like ${`%${q}%`})`
        : ilike(units.searchName, `%${q}%`),
    );
  }
  if (f.timeliness === 'po_terminie') conds.push(sql`${dueOn} < coalesce(${reports.firstSubmittedOn}, ${f.today}::date)`);
  if (f.timeliness === 'w_terminie') conds.push(sql`${reports.firstSubmittedOn} is not null and ${reports.firstSubmittedOn} <= ${dueOn}`);
  if (f.timeliness === 'oczekuje') conds.push(sql`${reports.firstSubmittedOn} is null and ${dueOn} >= ${f.today}::date`);
  return and(...conds);
}

export interface ReportListRow {
  id: string;
  unitId: string;
  unitName: string;
  regon: string | null;
  form: string;
  formTitle: string;
  year: number;
  status: ReportStatus;
  version: number;
  pendingLevel: number | null;
  levelUnitIds: string[];
  submittedBy: string | null;
  dueOn: string | null;
  firstSubmittedOn: string | null;
  updatedAt: Date;
  filledOnBehalf: boolean;
}

export async function listReports(
  db: DbOrTx,
  scope: ReportListScope,
  f: ReportFilters,
  opts: { sort: ReportSort; page: number; pageSize: number },
): Promise<{ rows: ReportListRow[]; total: number }> {
  const where = whereOf(scope, f);
  const order =
    opts.sort === 'jednostka'
      ? [asc(units.name), asc(reports.id)]
      : opts.sort === 'formularz'
        ? [asc(reports.form), desc(reports.year), asc(units.name), asc(reports.id)]
        : opts.sort === 'rok'
          ? [desc(reports.year), asc(reports.form), asc(units.name), asc(reports.id)]
          : opts.sort === 'status'
            ? [asc(reports.status), asc(units.name), asc(reports.id)]
            : // the default: the latest deadline first, so the campaign under way comes before last year's
              [sql`${dueOn} desc nulls last`, asc(units.name), asc(reports.id)];
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(where);
  const rows = await db
    .select({
      id: reports.id,
      unitId: reports.unitId,
      unitName: units.name,
      regon: units.regon,
      form: reports.form,
      formTitle: formDefinitions.title,
      year: reports.year,
      status: sql<ReportStatus>`${reports.status}`,
      version: reports.version,
      pendingLevel: reports.pendingLevel,
      levelUnitIds: reports.levelUnitIds,
      submittedBy: reports.submittedBy,
      dueOn,
      firstSubmittedOn: reports.firstSubmittedOn,
      updatedAt: reports.updatedAt,
      filledOnBehalf: reports.filledOnBehalf,
    })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .innerJoin(formDefinitions, and(eq(formDefinitions.form, reports.form), eq(formDefinitions.version, reports.definitionVersion)))
    .where(where)
    .orderBy(...order)
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  return { rows, total: count?.n ?? 0 };
}

/** Counts per status for the home tile, with the same scope as the list (a verifier's "Do weryfikacji": its own level). */
export async function countReportsByStatus(db: DbOrTx, scope: ReportListScope, area: ReportArea): Promise<Record<ReportStatus | 'wszystkie', number>> {
  const statuses: ReportStatus[] = ['do_wypelnienia', 'w_trakcie', 'do_weryfikacji', 'do_korekty', 'zatwierdzone'];
  // one statement: the scope of "all" holds each status's scope (a verifier's "waiting for me" is a
  // subset of the reports its unit is on the chain of), so every count is a filter over the same rows
  const [row] = await db
    .select({
      wszystkie: sql<number>`count(*)::int`,
      ...Object.fromEntries(
        statuses.map((s) => [s, sql<number>`(count(*) filter (where ${and(inArray(reports.status, statusesOf(s)), scopeWhere(scope, s)) ?? sql`true`}))::int`]),
      ),
    })
    .from(reports)
    .where(and(eq(reports.area, area), sql`${reports.cancelledAt} is null`, scopeWhere(scope, '')));
  const out = { wszystkie: row?.wszystkie ?? 0 } as Record<ReportStatus | 'wszystkie', number>;
  for (const s of statuses) out[s] = Number((row as Record<string, unknown> | undefined)?.[s] ?? 0);
  return out;
}

/** The forms and years that reports of an area exist for (the list's filter options). */
export async function reportFilterOptions(db: DbOrTx, area: ReportArea) {
  const forms = await db
    .selectDistinct({ form: formDefinitions.form, title: formDefinitions.title })
    .from(formDefinitions)
    .where(eq(formDefinitions.area, area))
    .orderBy(asc(formDefinitions.form));
  const years = await db
    .selectDistinct({ year: reports.year })
    .from(reports)
    .where(and(eq(reports.area, area), inArray(reports.form, forms.length ? forms.map((f) => f.form) : [''])))
    .orderBy(desc(reports.year));
  return { forms, years: years.map((y) => y.year) };
}
