import { and, arrayContains, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { formDeadlines, formDefinitions, users } from '../../../db/schema/index.ts';
import { DEADLINE_LEVELS, type DeadlineLevel } from '../../../domain/reporting/lifecycle.ts';
import { scheduleStamp, type Schedule } from '../../../domain/reporting/deadlines.ts';
import { notFound } from '../../../lib/errors.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { authorize } from '../../policies/index.ts';

/** One level's deadline as the pages show it. */
export interface LevelDeadline {
  dueOn: string;
  source: string | null;
  editedAt: Date | null;
  /** "Imię Nazwisko" of whoever changed it last in "Terminy sprawozdań" */
  editedBy: string | null;
}

/** The schedule of one form and reporting (data) year. */
export interface ScheduleRow {
  form: string;
  year: number;
  title: string;
  levels: Partial<Record<DeadlineLevel, LevelDeadline>>;
}

export type SaveOutcome = { kind: 'saved' | 'unchanged' | 'conflict' };

/** Each form's data years, from its loaded definitions, with the newest version's title. */
async function formYears(db: DbOrTx, filter: { form?: string; year?: number } = {}): Promise<{ form: string; year: number; title: string }[]> {
  const conditions = [filter.form ? sql`d.form = ${filter.form}` : sql`true`, filter.year ? sql`y = ${filter.year}` : sql`true`];
  const res = (await db.execute(sql`
    select d.form as form, y::int as year, (array_agg(d.title order by d.version desc))[1] as title
    from ${formDefinitions} d, unnest(d.years) as y
    where ${sql.join(conditions, sql` and `)}
    group by d.form, y
    order by y desc, d.form asc
  `)) as unknown as { rows: { form: string; year: number | string; title: string }[] };
  return res.rows.map((r) => ({ form: r.form, year: Number(r.year), title: r.title }));
}

async function deadlinesOf(db: DbOrTx, filter: { form?: string; year?: number } = {}) {
  return db
    .select({
      form: formDeadlines.form,
      year: formDeadlines.year,
      level: formDeadlines.level,
      dueOn: formDeadlines.dueOn,
      source: formDeadlines.source,
      editedAt: formDeadlines.editedAt,
      editedBy: sql<string | null>`${users.firstName} || ' ' || ${users.lastName}`,
    })
    .from(formDeadlines)
    .leftJoin(users, eq(users.id, formDeadlines.editedBy))
    .where(and(filter.form ? eq(formDeadlines.form, filter.form) : undefined, filter.year ? eq(formDeadlines.year, filter.year) : undefined))
    .orderBy(asc(formDeadlines.form), asc(formDeadlines.year));
}

function isLevel(v: string): v is DeadlineLevel {
  return (DEADLINE_LEVELS as readonly string[]).includes(v);
}

/** What an audit row keeps of a schedule: the date of each level, null where the level has none. */
function snapshot(s: Partial<Record<DeadlineLevel, string | undefined>>): Record<DeadlineLevel, string | null> {
  return { jednostka: s.jednostka ?? null, nadzor: s.nadzor ?? null, cez: s.cez ?? null };
}

/** "Zarządzanie → Terminy sprawozdań": the schedule of deadlines per form × reporting year × level (TERMINY_ZARZADZAJ). */
export function managementDeadlineService({ db }: ServiceDeps) {
  const build = async (filter: { form?: string; year?: number }): Promise<ScheduleRow[]> => {
    const pairs = await formYears(db, filter);
    const deadlines = await deadlinesOf(db, filter);
    const byKey = new Map<string, ScheduleRow>(pairs.map((p) => [`${p.form}/${p.year}`, { ...p, levels: {} }]));
    for (const d of deadlines) {
      const row = byKey.get(`${d.form}/${d.year}`);
      if (!row || !isLevel(d.level)) continue;
      row.levels[d.level] = { dueOn: d.dueOn, source: d.source, editedAt: d.editedAt, editedBy: d.editedBy };
    }
    return [...byKey.values()];
  };

  return {
    /** The list, filtered by form and year, and the filters' options (every form and year there is). */
    async list(ctx: Ctx, filter: { form?: string; year?: number }) {
      authorize(ctx.actor, 'schedule.view', { type: 'schedule' });
      const all = await formYears(db);
      return {
        rows: await build(filter),
        // form codes are ASCII: a plain comparison (no per-call collator)
        forms: [...new Map(all.map((p) => [p.form, p.title])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        years: [...new Set(all.map((p) => p.year))].sort((a, b) => b - a),
      };
    },

    /** One form's schedule for a data year; 404 when no loaded definition of the form covers that year. */
    async get(ctx: Ctx, input: { form: string; year: number }): Promise<ScheduleRow> {
      authorize(ctx.actor, 'schedule.view', { type: 'schedule' });
      const [row] = await build(input);
      if (!row) throw notFound();
      authorize(ctx.actor, 'schedule.edit', { type: 'schedule' });
      return row;
    },

    /**
     * "Zapisz terminy": in one transaction, the form's definitions and the year's deadline rows locked
     * (two administrators saving at once are serialised, so before/after in the audit are exact); a
     * changed level gets the new date, the source and who changed it, an emptied CeZ level is removed,
     * a new one added. Nothing changed: nothing written, no audit entry (a double submit is harmless).
     */
    async save(ctx: Ctx, input: { form: string; year: number; schedule: Schedule; source: string; expected: string | null }): Promise<SaveOutcome> {
      authorize(ctx.actor, 'schedule.edit', { type: 'schedule' });
      return db.transaction(async (tx) => {
        const defs = await tx
          .select({ version: formDefinitions.version })
          .from(formDefinitions)
          .where(and(eq(formDefinitions.form, input.form), arrayContains(formDefinitions.years, [input.year])))
          .for('update');
        if (!defs.length) throw notFound();
        const rows = await tx
          .select()
          .from(formDeadlines)
          .where(and(eq(formDeadlines.form, input.form), eq(formDeadlines.year, input.year)))
          .for('update');
        const current: Partial<Record<DeadlineLevel, string>> = {};
        for (const r of rows) if (isLevel(r.level)) current[r.level] = r.dueOn;
        // the page showed other dates than there are now: someone changed them since; nothing is overwritten
        if (input.expected !== null && input.expected !== scheduleStamp(current)) return { kind: 'conflict' };
        const before = snapshot(current);
        const after = snapshot(input.schedule);
        const changed = DEADLINE_LEVELS.filter((l) => before[l] !== after[l]);
        if (!changed.length) return { kind: 'unchanged' };
        for (const level of changed) {
          const dueOn = after[level];
          const where = and(eq(formDeadlines.form, input.form), eq(formDeadlines.year, input.year), eq(formDeadlines.level, level));
          if (dueOn === null) await tx.delete(formDeadlines).where(where);
          else {
            const set = { dueOn, source: input.source, editedAt: ctx.now, editedBy: ctx.actor.userId };
            await tx
              .insert(formDeadlines)
              .values({ form: input.form, year: input.year, level, ...set })
              .onConflictDoUpdate({ target: [formDeadlines.form, formDeadlines.year, formDeadlines.level], set });
          }
        }
        await recordAudit(tx, {
          action: 'deadline.updated',
          ...auditOf(ctx),
          subjectType: 'form_deadline',
          subjectId: `${input.form}/${input.year}`,
          details: { form: input.form, year: input.year, before, after, source: input.source },
        });
        return { kind: 'saved' };
      });
    },
  };
}
