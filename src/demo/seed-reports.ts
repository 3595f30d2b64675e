import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { assignObligations, formCatalogue } from '../db/repositories/report-obligations.ts';
import { formDeadlines, reportEvents, reports, reportVersions, units, unitSurveys } from '../db/schema/index.ts';
import { currentReportingYear, SURVEY_QUESTIONS } from '../domain/reporting/catalogue.ts';
import { type ReportStatus } from '../domain/reporting/lifecycle.ts';
import { fromWarsaw, warsawDay } from '../lib/warsaw-time.ts';
import { formRegistry } from '../reporting/definitions.ts';
import { exampleValues } from './report-examples.ts';

/**
 * Demo reports (issue 10, point 8): obligations of the current and the previous reporting year for
 * the named demo units and for a handful of generated units in every voivodeship (more in
 * kujawsko-pomorskie, where the demo verifier works), in every status, so each demo filler and
 * verifier finds work on the first start. The current year is the calendar year before the seed day
 * (catalogue.ts); its deadlines are moved relative to the seed day (the unit's in 10 days, the office's
 * in 45, CeZ's in 75) so timeliness shows both "Termin za N dni" and late reports; the previous year
 * keeps the published dates. Przychodnia „Starówka” w Toruniu keeps its current-year ankieta
 * unanswered (robert.szymanski answers it), with an approved previous year for the `prev()` rules.
 *
 * Idempotent: a unit that already has any report is left alone, and deadlines an administrator
 * changed are kept.
 */

const DAY = 86_400_000;

function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Generated units of the reporting kinds, a few per voivodeship (deterministic: by source key). */
async function sampleUnits(db: DbOrTx, perVoivodeship: number, kujawskoPomorskie: number) {
  const out: { id: string; kindCode: string; voivodeshipCode: string | null }[] = [];
  for (let v = 2; v <= 32; v += 2) {
    const code = String(v).padStart(2, '0');
    const rows = await db
      .select({ id: units.id, kindCode: units.kindCode, voivodeshipCode: units.voivodeshipCode })
      .from(units)
      .where(
        and(like(units.sourceKey, 'gen-%'), eq(units.voivodeshipCode, code), inArray(units.kindCode, ['PODM', 'PRAKT', 'JEDN_ORG']), eq(units.isActive, true)),
      )
      .orderBy(asc(units.sourceKey))
      .limit(code === '04' ? kujawskoPomorskie : perVoivodeship);
    out.push(...rows);
  }
  return out;
}

/** Where a demo report stands: its status, and for "Do weryfikacji" the level that acts. */
interface Plan {
  status: ReportStatus;
  pendingLevel?: number;
  /** the report was corrected once: version 2, with version 1 kept */
  corrected?: boolean;
}

const CURRENT_PLANS: readonly Plan[] = [
  { status: 'do_weryfikacji', pendingLevel: 0 },
  { status: 'do_wypelnienia' },
  { status: 'w_trakcie' },
  { status: 'do_korekty' },
  { status: 'zatwierdzone' },
  { status: 'do_weryfikacji', pendingLevel: 0 },
  { status: 'do_weryfikacji', pendingLevel: 1 },
  { status: 'do_wypelnienia' },
];

export async function seedDemoReports(db: Db, now: Date = new Date()): Promise<void> {
  const registry = formRegistry();
  const today = warsawDay(now);
  const year = currentReportingYear(today);
  const prev = year - 1;
  const catalogue = await formCatalogue(db);
  await db.transaction(async (tx) => {
    // the current year's deadlines relative to the seed day (unless an administrator set them)
    for (const [level, days] of [
      ['jednostka', 10],
      ['nadzor', 45],
      ['cez', 75],
    ] as const) {
      await tx
        .update(formDeadlines)
        .set({ dueOn: plusDays(today, days), source: 'Termin demonstracyjny (względem dnia załadowania danych)' })
        .where(and(eq(formDeadlines.year, year), eq(formDeadlines.level, level), isNull(formDeadlines.editedAt)));
    }

    const named = await tx
      .select({ id: units.id, key: units.sourceKey, kindCode: units.kindCode, voivodeshipCode: units.voivodeshipCode })
      .from(units)
      .where(
        inArray(units.sourceKey, [
          'starostwo-aleksandrow-kujawski',
          'k-dent',
          'ani-med',
          'pulsantis-max',
          'goz-piotrowice',
          'wsse-gdansk',
          'przychodnia-torun',
        ]),
      );
    const sample = await sampleUnits(tx, 2, 12);
    const all = [...named.map((n) => ({ ...n, key: n.key })), ...sample.map((s) => ({ ...s, key: '' }))];
    const [done] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(reports)
      .where(
        inArray(
          reports.unitId,
          all.map((u) => u.id),
        ),
      );
    if ((done?.n ?? 0) > 0) return;

    let i = 0;
    // the current year's reports take the plans in turn, so any run of 8 (a voivodeship's) holds every status
    let ci = 0;
    for (const u of all) {
      const answers = Object.fromEntries(
        catalogue.filter((e) => e.kindCode === u.kindCode && e.bySurvey && SURVEY_QUESTIONS[e.form]).map((e) => [SURVEY_QUESTIONS[e.form]!.code, 'T']),
      );
      // the Toruń clinic's previous year is the example as it is, so its filler's bigger numbers raise the year-on-year warnings
      const k = u.key === 'przychodnia-torun' ? 1 : 1 + (i % 4);
      // the previous year: answered, assigned and approved (one report of three corrected once)
      for (const [y, isCurrent] of [
        [prev, false],
        [year, true],
      ] as const) {
        if (isCurrent && u.key === 'przychodnia-torun') continue;
        // the previous year's campaign ran in the first months of the year after it; the current one started 20 days ago
        const createdAt = isCurrent ? new Date(now.getTime() - 20 * DAY) : fromWarsaw(y + 1, 1, 5, 9);
        if (Object.keys(answers).length) {
          await tx.insert(unitSurveys).values({ unitId: u.id, year: y, answers, answeredAt: createdAt }).onConflictDoNothing();
        }
        const created = await assignObligations(tx, registry, u, y, answers, { at: createdAt });
        for (const id of created) {
          const plan: Plan = isCurrent
            ? u.key === 'starostwo-aleksandrow-kujawski'
              ? { status: 'w_trakcie' }
              : CURRENT_PLANS[ci++ % CURRENT_PLANS.length]!
            : { status: 'zatwierdzone', corrected: i % 3 === 0 };
          // sent six days ago this year (before the demo deadline); last year mostly in time, every fifth after the deadline
          const sentAt = isCurrent ? new Date(now.getTime() - 6 * DAY) : fromWarsaw(y + 1, i % 5 === 0 ? 4 : 3, i % 5 === 0 ? 25 : 20, 11);
          await applyPlan(tx, id, plan, k, now, sentAt);
          i++;
        }
      }
    }
  });
}

async function applyPlan(tx: DbOrTx, id: string, plan: Plan, k: number, now: Date, sentAt: Date): Promise<void> {
  const [r] = await tx.select().from(reports).where(eq(reports.id, id));
  if (!r || plan.status === 'do_wypelnienia') return;
  const full = exampleValues(r.form, k);
  // every step of the history follows the sending by whole days, never later than now
  const after = (days: number) => new Date(Math.min(now.getTime() - 60_000, sentAt.getTime() + days * DAY));
  const ev = (action: string, fromStatus: string | null, toStatus: ReportStatus, at: Date, version = 1, comment: string | null = null) =>
    tx.insert(reportEvents).values({ reportId: id, at, action, fromStatus, toStatus, version, comment });
  if (plan.status === 'w_trakcie') {
    // a draft: the first sections saved, the rest still empty
    const sections = new Set(['D0', 'D1']);
    const values = Object.fromEntries(Object.entries(full).filter(([code]) => sections.has(code.split('.')[0]!)));
    const savedAt = new Date(now.getTime() - 3 * DAY);
    await tx.update(reports).set({ status: 'w_trakcie', values, updatedAt: savedAt }).where(eq(reports.id, id));
    await ev('save', 'do_wypelnienia', 'w_trakcie', savedAt, 1, 'Dział 0, Dział 1');
    return;
  }
  await ev('submit', 'do_wypelnienia', 'do_weryfikacji', sentAt);
  const base = { values: full, submittedAt: sentAt, firstSubmittedOn: warsawDay(sentAt), updatedAt: sentAt };
  if (plan.status === 'do_weryfikacji') {
    const level = Math.min(plan.pendingLevel ?? 0, r.levelUnitIds.length - 1);
    if (level > 0) await ev('approve', 'do_weryfikacji', 'do_weryfikacji', after(2));
    await tx
      .update(reports)
      .set({ ...base, status: 'do_weryfikacji', pendingLevel: level })
      .where(eq(reports.id, id));
    return;
  }
  if (plan.status === 'do_korekty') {
    const comment = 'Proszę sprawdzić dane działu 1 i poprawić sprawozdanie.';
    await ev('return', 'do_weryfikacji', 'do_korekty', after(3), 1, comment);
    await tx
      .update(reports)
      .set({ ...base, status: 'do_korekty', returnComment: comment, cellComments: r.form === 'MZ-11' ? { 'D1.01.1': 'Sprawdź wartość' } : {} })
      .where(eq(reports.id, id));
    return;
  }
  // approved by every level; a corrected one has version 1 kept and version 2 approved
  const approveAll = async (from: number, version: number) => {
    for (let l = 0; l < r.levelUnitIds.length; l++) {
      await ev('approve', 'do_weryfikacji', l + 1 < r.levelUnitIds.length ? 'do_weryfikacji' : 'zatwierdzone', after(from + 2 * l), version);
    }
    return after(from + 2 * (r.levelUnitIds.length - 1));
  };
  let approvedAt = await approveAll(2, 1);
  let version = 1;
  if (plan.corrected) {
    const v1 = { ...full };
    const first = Object.keys(v1).find((c) => /^D3\.0[2-7]\.1$/.test(c) || /^D1\.02\.1$/.test(c));
    if (first) v1[first] = String(Math.max(0, Number(v1[first]) - 1));
    const reason = 'Korekta liczby pracujących po kontroli';
    await tx.insert(reportVersions).values({ reportId: id, version: 1, values: v1, explanations: {}, approvedAt, correctionReason: reason });
    await ev('reopen', 'zatwierdzone', 'do_korekty', after(30), 2, reason);
    await ev('submit', 'do_korekty', 'do_weryfikacji', after(33), 2);
    approvedAt = await approveAll(35, 2);
    version = 2;
    // "Ostatnio wysłane" is the second sending; timeliness still counts the first
    base.submittedAt = after(33);
  }
  await tx.insert(reportVersions).values({ reportId: id, version, values: full, explanations: {}, approvedAt });
  await tx
    .update(reports)
    .set({ ...base, status: 'zatwierdzone', version, approvedAt, pendingLevel: null })
    .where(eq(reports.id, id));
}
