import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { formDeadlines, reportEvents, reportFormKinds, reports, unitKinds, units, unitSupervisors } from '../schema/index.ts';
import { FALLBACK_VERIFIER_KIND, SURVEY_QUESTIONS, type FormKindEntry } from '../../domain/reporting/catalogue.ts';
import { formsOwed } from '../../domain/reporting/obligations.ts';
import type { ReportOrigin } from '../../domain/reporting/lifecycle.ts';
import type { FormRegistry } from '../../reporting/definitions.ts';

export interface ObligationUnit {
  id: string;
  kindCode: string;
  voivodeshipCode: string | null;
}

/** The form × kind catalogue as loaded (report_form_kinds). */
export async function formCatalogue(db: DbOrTx): Promise<FormKindEntry[]> {
  return db.select().from(reportFormKinds).orderBy(asc(reportFormKinds.form), asc(reportFormKinds.kindCode));
}

async function centralUnitId(db: DbOrTx): Promise<string | null> {
  const [c] = await db
    .select({ id: units.id })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(and(eq(unitKinds.isCentral, true), eq(units.isActive, true)))
    .orderBy(asc(units.createdAt))
    .limit(1);
  return c?.id ?? null;
}

/** An active unit of a kind that supervises this unit: named in its supervisors, else the one of its voivodeship. */
async function supervisorOfKind(db: DbOrTx, unit: ObligationUnit, kind: string): Promise<string | null> {
  const [named] = await db
    .select({ id: units.id })
    .from(unitSupervisors)
    .innerJoin(units, eq(units.id, unitSupervisors.supervisorUnitId))
    .where(and(eq(unitSupervisors.unitId, unit.id), eq(units.kindCode, kind), eq(units.isActive, true)))
    .limit(1);
  if (named) return named.id;
  if (!unit.voivodeshipCode) return null;
  const [local] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.kindCode, kind), eq(units.voivodeshipCode, unit.voivodeshipCode), eq(units.isActive, true)))
    .orderBy(asc(units.createdAt), asc(units.id))
    .limit(1);
  return local?.id ?? null;
}

/**
 * The verifying chain of a unit's form for a year: the supervising unit of the catalogue's kind
 * (falling back to the voivodeship office), then Centrum e-Zdrowia when the schedule has a CeZ level
 * for that form and year. A unit without any supervisor is verified by CeZ alone.
 */
export async function levelChain(db: DbOrTx, unit: ObligationUnit, entry: Pick<FormKindEntry, 'verifierKind'>, form: string, year: number): Promise<string[]> {
  const chain: string[] = [];
  const first = (await supervisorOfKind(db, unit, entry.verifierKind)) ?? (await supervisorOfKind(db, unit, FALLBACK_VERIFIER_KIND));
  if (first && first !== unit.id) chain.push(first);
  const [cezLevel] = await db
    .select({ form: formDeadlines.form })
    .from(formDeadlines)
    .where(and(eq(formDeadlines.form, form), eq(formDeadlines.year, year), eq(formDeadlines.level, 'cez')));
  const cez = await centralUnitId(db);
  if (cez && (cezLevel || chain.length === 0) && !chain.includes(cez)) chain.push(cez);
  return chain;
}

/** The units that supervise a unit for the ankieta: the first level of every form its kind may owe. */
export async function surveySupervisors(db: DbOrTx, unit: ObligationUnit, catalogue: readonly FormKindEntry[]): Promise<string[]> {
  const kinds = [...new Set(catalogue.filter((e) => e.kindCode === unit.kindCode).map((e) => e.verifierKind))];
  const out = new Set<string>();
  for (const k of kinds) {
    const s = (await supervisorOfKind(db, unit, k)) ?? (await supervisorOfKind(db, unit, FALLBACK_VERIFIER_KIND));
    if (s) out.add(s);
  }
  return [...out];
}

/**
 * Creates the reports a unit owes for a year (its kind's forms, and those its ankieta answered "Tak"),
 * each "Do wypełnienia" with its verifying chain; a report that exists is left as it is. Returns the
 * new reports' ids. Runs in the caller's transaction.
 */
export async function assignObligations(
  tx: DbOrTx,
  registry: FormRegistry,
  unit: ObligationUnit,
  year: number,
  answers: Readonly<Record<string, string>> | null,
  opts: { origin?: ReportOrigin; actorUserId?: string | null; actorUnitId?: string | null; at: Date },
): Promise<string[]> {
  const catalogue = await formCatalogue(tx);
  const owed = formsOwed(unit.kindCode, catalogue, SURVEY_QUESTIONS, answers);
  const created: string[] = [];
  for (const o of owed) {
    const def = registry.forYear(o.form, year);
    if (!def) continue;
    const entry = catalogue.find((e) => e.form === o.form && e.kindCode === unit.kindCode)!;
    const chain = await levelChain(tx, unit, entry, o.form, year);
    const [row] = await tx
      .insert(reports)
      .values({
        unitId: unit.id,
        form: o.form,
        year,
        definitionVersion: def.version,
        area: def.area,
        status: 'do_wypelnienia',
        levelUnitIds: chain,
        origin: opts.origin ?? o.origin,
        createdAt: opts.at,
        updatedAt: opts.at,
      })
      .onConflictDoNothing()
      .returning({ id: reports.id });
    if (!row) continue;
    created.push(row.id);
    await tx.insert(reportEvents).values({
      reportId: row.id,
      at: opts.at,
      actorUserId: opts.actorUserId ?? null,
      actorUnitId: opts.actorUnitId ?? null,
      action: 'create',
      toStatus: 'do_wypelnienia',
      version: 1,
    });
  }
  return created;
}

/** The reports of a unit and year with their form and status (the ankieta's result, shown to supervisors). */
export async function unitReportsOfYear(db: DbOrTx, unitId: string, year: number) {
  return db
    .select({ id: reports.id, form: reports.form, status: reports.status, origin: reports.origin, cancelledAt: reports.cancelledAt })
    .from(reports)
    .where(and(eq(reports.unitId, unitId), eq(reports.year, year)))
    .orderBy(asc(reports.form));
}

/** Deadlines of forms for years, by `form year level`. */
export async function deadlinesFor(db: DbOrTx, pairs: readonly { form: string; year: number }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!pairs.length) return out;
  const forms = [...new Set(pairs.map((p) => p.form))];
  const years = [...new Set(pairs.map((p) => p.year))];
  const rows = await db
    .select()
    .from(formDeadlines)
    .where(and(inArray(formDeadlines.form, forms), inArray(formDeadlines.year, years)));
  for (const r of rows) out.set(`${r.form} ${r.year} ${r.level}`, r.dueOn);
  return out;
}

export const deadlineKey = (form: string, year: number, level: string) => `${form} ${year} ${level}`;
