import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/repositories/audit.ts';
import { assignObligations, formCatalogue, surveySupervisors, unitReportsOfYear, type ObligationUnit } from '../../db/repositories/report-obligations.ts';
import { reportEvents, reports, units, unitSurveys, users } from '../../db/schema/index.ts';
import { currentReportingYear, SURVEY_QUESTIONS } from '../../domain/reporting/catalogue.ts';
import { surveyQuestionsFor, type SurveyQuestion } from '../../domain/reporting/obligations.ts';
import { notFound } from '../../lib/errors.ts';
import { warsawDay } from '../../lib/warsaw-time.ts';
import { formRegistry } from '../../reporting/definitions.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../context.ts';
import { authorize, can, REPORT_AREA_PERMISSIONS, type SurveySubject } from '../policies/index.ts';

export type SurveyAnswers = Record<string, 'T' | 'N'>;

export type SurveyState =
  /** the profile files no reports, or its unit's kind needs no ankieta */
  { kind: 'none' } | { kind: 'due'; year: number; questions: SurveyQuestion[]; unitName: string } | { kind: 'answered'; year: number };

/**
 * The ankieta ("Ankieta przypisująca sprawozdania"): at the first login of a reporting year a filler of
 * a reporting unit answers it; the answers assign the unit's obligations (with the forms its kind owes
 * anyway) and stay visible to the supervisors, who may correct them. A kind with no questions gets its
 * obligations without an ankieta.
 */
export function reportingObligationService({ db }: ServiceDeps) {
  const registry = () => formRegistry();

  async function unitOf(unitId: string): Promise<(ObligationUnit & { name: string; isReporting: boolean }) | null> {
    const [u] = await db
      .select({ id: units.id, kindCode: units.kindCode, voivodeshipCode: units.voivodeshipCode, name: units.name })
      .from(units)
      .where(eq(units.id, unitId));
    return u ? { ...u, isReporting: true } : null;
  }

  async function subjectFor(unit: ObligationUnit, year: number): Promise<SurveySubject> {
    const [row] = await db
      .select({ year: unitSurveys.year })
      .from(unitSurveys)
      .where(and(eq(unitSurveys.unitId, unit.id), eq(unitSurveys.year, year)));
    return { type: 'survey', unitId: unit.id, supervisorUnitIds: await surveySupervisors(db, unit, await formCatalogue(db)), answered: !!row };
  }

  return {
    /**
     * Where the profile worked in stands with this year's ankieta. Called by the home page and the
     * reports list; for a kind without questions it assigns the kind's obligations (once: existing
     * reports are left alone).
     */
    async state(ctx: Ctx): Promise<SurveyState> {
      const p = ctx.actor.profile;
      if (!p || !p.isReporting || !ctx.actor.permissions.has(REPORT_AREA_PERMISSIONS.niefinansowe.fill)) return { kind: 'none' };
      const year = currentReportingYear(warsawDay(ctx.now));
      const unit = { id: p.unitId, kindCode: p.kindCode, voivodeshipCode: p.voivodeshipCode };
      const questions = surveyQuestionsFor(p.kindCode, await formCatalogue(db), SURVEY_QUESTIONS, year);
      if (questions.length === 0) {
        await db.transaction(async (tx) => {
          const created = await assignObligations(tx, registry(), unit, year, null, { at: ctx.now, actorUserId: ctx.actor.userId, actorUnitId: p.unitId });
          if (created.length) {
            await recordAudit(tx, {
              action: 'report.assigned',
              ...auditOf(ctx),
              subjectType: 'unit',
              subjectId: p.unitId,
              details: { year, reports: created },
            });
          }
        });
        return { kind: 'none' };
      }
      const [row] = await db
        .select({ year: unitSurveys.year })
        .from(unitSurveys)
        .where(and(eq(unitSurveys.unitId, p.unitId), eq(unitSurveys.year, year)));
      return row ? { kind: 'answered', year } : { kind: 'due', year, questions, unitName: p.unitName };
    },

    /**
     * "Zapisz ankietę": the answers and the obligations they give, in one transaction. A second
     * submit (double click, another filler of the unit at the same time) finds the ankieta answered
     * and changes nothing.
     */
    async answer(ctx: Ctx, input: { year: number; answers: SurveyAnswers }): Promise<{ kind: 'saved' | 'already'; created: number }> {
      const p = ctx.actor.profile;
      if (!p) throw notFound();
      const year = currentReportingYear(warsawDay(ctx.now));
      if (input.year !== year) return { kind: 'already', created: 0 };
      const unit = { id: p.unitId, kindCode: p.kindCode, voivodeshipCode: p.voivodeshipCode };
      authorize(ctx.actor, 'survey.answer', { type: 'survey', unitId: p.unitId, supervisorUnitIds: [], answered: false });
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(unitSurveys)
          .values({ unitId: p.unitId, year, answers: input.answers, answeredBy: ctx.actor.userId, answeredAt: ctx.now })
          .onConflictDoNothing()
          .returning({ unitId: unitSurveys.unitId });
        if (!inserted.length) return { kind: 'already' as const, created: 0 };
        const created = await assignObligations(tx, registry(), unit, year, input.answers, {
          at: ctx.now,
          actorUserId: ctx.actor.userId,
          actorUnitId: p.unitId,
        });
        await recordAudit(tx, {
          action: 'survey.answered',
          ...auditOf(ctx),
          subjectType: 'unit',
          subjectId: p.unitId,
          details: { year, answers: input.answers, reports: created },
        });
        return { kind: 'saved' as const, created: created.length };
      });
    },

    /** A unit's ankieta and obligations for a year, as its supervisors (and its own fillers) see them. */
    async unitYear(ctx: Ctx, input: { unitId: string; year: number }) {
      const unit = await unitOf(input.unitId);
      if (!unit) throw notFound();
      const subject = await subjectFor(unit, input.year);
      authorize(ctx.actor, 'survey.view', subject);
      const questions = surveyQuestionsFor(unit.kindCode, await formCatalogue(db), SURVEY_QUESTIONS, input.year);
      const [survey] = await db
        .select({
          answers: unitSurveys.answers,
          answeredAt: unitSurveys.answeredAt,
          correctedAt: unitSurveys.correctedAt,
          correctionReason: unitSurveys.correctionReason,
          answeredBy: sql<string | null>`(select ${users.firstName} || ' ' || ${users.lastName} from ${users} where ${users.id} = ${unitSurveys.answeredBy})`,
          correctedBy: sql<string | null>`(select ${users.firstName} || ' ' || ${users.lastName} from ${users} where ${users.id} = ${unitSurveys.correctedBy})`,
        })
        .from(unitSurveys)
        .where(and(eq(unitSurveys.unitId, unit.id), eq(unitSurveys.year, input.year)));
      return {
        unit,
        year: input.year,
        questions,
        survey: survey ?? null,
        reports: await unitReportsOfYear(db, unit.id, input.year),
        mayCorrect: can(ctx.actor, 'survey.correct', subject),
      };
    },

    /** Whether the actor may correct this unit's obligations (survey.correct): throws the policy's 404 or 403 when not. */
    async authorizeCorrection(ctx: Ctx, input: { unitId: string; year: number }): Promise<void> {
      const unit = await unitOf(input.unitId);
      if (!unit) throw notFound();
      authorize(ctx.actor, 'survey.correct', await subjectFor(unit, input.year));
    },

    /**
     * "Zapisz korektę obowiązków": a supervisor changes the answers. A "Tak" adds the form's report
     * (origin: korekta); a "Nie" withdraws it while nobody has started it — a report already in
     * progress or sent stays (the outcome names it), since its data must not be lost.
     */
    async correct(
      ctx: Ctx,
      input: { unitId: string; year: number; answers: SurveyAnswers; reason: string },
    ): Promise<{ kept: string[]; added: number; removed: number }> {
      const unit = await unitOf(input.unitId);
      if (!unit) throw notFound();
      authorize(ctx.actor, 'survey.correct', await subjectFor(unit, input.year));
      const questions = surveyQuestionsFor(unit.kindCode, await formCatalogue(db), SURVEY_QUESTIONS, input.year);
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(unitSurveys)
          .where(and(eq(unitSurveys.unitId, unit.id), eq(unitSurveys.year, input.year)))
          .for('update');
        await tx
          .insert(unitSurveys)
          .values({
            unitId: unit.id,
            year: input.year,
            answers: input.answers,
            answeredBy: null,
            answeredAt: ctx.now,
            correctedBy: ctx.actor.userId,
            correctedAt: ctx.now,
            correctionReason: input.reason,
          })
          .onConflictDoUpdate({
            target: [unitSurveys.unitId, unitSurveys.year],
            set: { answers: input.answers, correctedBy: ctx.actor.userId, correctedAt: ctx.now, correctionReason: input.reason },
          });
        // reports withdrawn earlier come back when the answer is "Tak" again
        const yesForms = questions.filter((q) => input.answers[q.code] === 'T').map((q) => q.form);
        if (yesForms.length) {
          await tx
            .update(reports)
            .set({ cancelledAt: null, updatedAt: ctx.now, updatedBy: ctx.actor.userId })
            .where(and(eq(reports.unitId, unit.id), eq(reports.year, input.year), inArray(reports.form, yesForms)));
        }
        const added = await assignObligations(tx, registry(), unit, input.year, input.answers, {
          origin: 'korekta',
          at: ctx.now,
          actorUserId: ctx.actor.userId,
          actorUnitId: ctx.actor.profile?.unitId ?? null,
        });
        const noForms = questions.filter((q) => input.answers[q.code] === 'N').map((q) => q.form);
        const kept: string[] = [];
        let removed = 0;
        if (noForms.length) {
          const owned = await tx
            .select({ id: reports.id, form: reports.form, status: reports.status, version: reports.version })
            .from(reports)
            .where(and(eq(reports.unitId, unit.id), eq(reports.year, input.year), inArray(reports.form, noForms), isNull(reports.cancelledAt)));
          for (const r of owned) {
            if (r.status !== 'do_wypelnienia') {
              kept.push(r.form);
              continue;
            }
            await tx.update(reports).set({ cancelledAt: ctx.now, updatedAt: ctx.now, updatedBy: ctx.actor.userId }).where(eq(reports.id, r.id));
            await tx.insert(reportEvents).values({
              reportId: r.id,
              at: ctx.now,
              actorUserId: ctx.actor.userId,
              actorUnitId: ctx.actor.profile?.unitId ?? null,
              action: 'cancel',
              fromStatus: r.status,
              toStatus: r.status,
              version: r.version,
            });
            removed++;
          }
        }
        await recordAudit(tx, {
          action: 'survey.corrected',
          ...auditOf(ctx),
          subjectType: 'unit',
          subjectId: unit.id,
          details: { year: input.year, before: before?.answers ?? null, after: input.answers, added, removed, kept, reason: input.reason },
        });
        return { kept, added: added.length, removed };
      });
    },
  };
}
