import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../db/repositories/audit.ts';
import { deadlineKey } from '../../db/repositories/report-obligations.ts';
import { countReportsByStatus, listReports, reportFilterOptions, type ReportFilters, type ReportSort } from '../../db/repositories/statistical-reports.ts';
import type { DbOrTx } from '../../db/client.ts';
import { formDeadlines, profiles, reportEvents, reports, reportVersions, roleRequests, rolePermissions, units, users } from '../../db/schema/index.ts';
import { reportDecision } from '../../mail/templates.ts';
import type { ReportArea } from '../../domain/reference-data.ts';
import { cellsOf, type FormDefinition, type ReportValues } from '../../domain/reporting/definition.ts';
import { nextState, timeliness, type ReportAction, type ReportStatus } from '../../domain/reporting/lifecycle.ts';
import { checkCells, validateReport, type ReportValidation } from '../../domain/reporting/rules.ts';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { warsawDay } from '../../lib/warsaw-time.ts';
import { formRegistry } from '../../reporting/definitions.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../context.ts';
import {
  actingLevelOf,
  authorize,
  can,
  decide,
  fillsOnBehalf,
  isCezAdministrator,
  REPORT_AREA_PERMISSIONS,
  SEARCH_REPORTS,
  reportListScope,
  type Action,
  type ReportSubject,
} from '../policies/index.ts';
import { reportingMessages as m } from './messages.ts';

export type ReportRow = typeof reports.$inferSelect;

export interface ReportUnitFacts {
  id: string;
  name: string;
  kindCode: string;
  regon: string | null;
  teryt: string | null;
  registryBookNo: string | null;
  nip: string | null;
  address: string | null;
  voivodeshipCode: string | null;
}

/** Longest written explanation of a warning, and of a verifier's comment. */
export const EXPLANATION_MAX = 1000;
export const COMMENT_MAX = 2000;

export function subjectOf(r: Pick<ReportRow, 'unitId' | 'area' | 'status' | 'levelUnitIds' | 'pendingLevel'> & { submittedBy?: string | null }): ReportSubject {
  return {
    type: 'report',
    unitId: r.unitId,
    area: r.area as ReportArea,
    status: r.status as ReportStatus,
    levelUnitIds: r.levelUnitIds,
    pendingLevel: r.pendingLevel,
    submittedBy: r.submittedBy ?? null,
  };
}

/** The unit's columns the report pages show, the address still in its parts. */
type UnitRow = Omit<ReportUnitFacts, 'address'> & { street: string | null; buildingNo: string | null; postalCode: string | null; locality: string | null };

function unitFacts(u: UnitRow): ReportUnitFacts {
  const street = [u.street, u.buildingNo].filter(Boolean).join(' ');
  const address = [street, [u.postalCode, u.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
  return {
    id: u.id,
    name: u.name,
    kindCode: u.kindCode,
    regon: u.regon,
    teryt: u.teryt,
    registryBookNo: u.registryBookNo,
    nip: u.nip,
    address,
    voivodeshipCode: u.voivodeshipCode,
  };
}

/** One report by id; `lock` takes the row lock of the transaction (FOR UPDATE) so concurrent transitions queue. */
async function loadReport(db: DbOrTx, id: string, lock = false): Promise<ReportRow | null> {
  const q = db.select().from(reports).where(eq(reports.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The unit's approved values of the same form for the year before (the `prev(…)` of the rules), or null. */
async function previousValues(db: DbOrTx, r: Pick<ReportRow, 'unitId' | 'form' | 'year'>): Promise<ReportValues | null> {
  const [v] = await db
    .select({ values: reportVersions.values })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .where(and(eq(reports.unitId, r.unitId), eq(reports.form, r.form), eq(reports.year, r.year - 1)))
    .orderBy(desc(reportVersions.version))
    .limit(1);
  return v?.values ?? null;
}

/** The report row a page is drawn from: `reports` under another name, so the subqueries below can read `reports` too. */
const page = alias(reports, 'page');

/** A timestamp as JSON gives it (ISO 8601 with an offset), as the Date drizzle gives for the column. */
const dateOf = (v: string | null): Date | null => (v === null ? null : new Date(v));

/**
 * One report with everything its pages show, in one statement (issue #11: a report page was seven round
 * trips, which dominated the deadline day): the unit, last year's approved values (the rules' `prev`),
 * the form's deadlines, the names of the verifying units, the history and the approved versions.
 */
async function loadReportPage(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      report: page,
      unit: {
        id: units.id,
        name: units.name,
        kindCode: units.kindCode,
        regon: units.regon,
        teryt: units.teryt,
        registryBookNo: units.registryBookNo,
        nip: units.nip,
        street: units.street,
        buildingNo: units.buildingNo,
        postalCode: units.postalCode,
        locality: units.locality,
        voivodeshipCode: units.voivodeshipCode,
      },
      previous: sql<ReportValues | null>`(select ${reportVersions.values} from ${reportVersions} inner join ${reports} on ${reports.id} = ${reportVersions.reportId}
        where ${reports.unitId} = ${page.unitId} and ${reports.form} = ${page.form} and ${reports.year} = ${page.year} - 1
        order by ${reportVersions.version} desc limit 1)`,
      deadlines: sql<
        { level: string; dueOn: string }[] | null
      >`(select json_agg(json_build_object('level', ${formDeadlines.level}, 'dueOn', ${formDeadlines.dueOn}))
        from ${formDeadlines} where ${formDeadlines.form} = ${page.form} and ${formDeadlines.year} = ${page.year})`,
      levelUnits: sql<{ id: string; name: string }[] | null>`(select json_agg(json_build_object('id', ${units.id}, 'name', ${units.name}))
        from ${units} where ${units.id} = any(${page.levelUnitIds}))`,
      events: sql<
        | {
            at: string;
            action: string;
            fromStatus: string | null;
            toStatus: string;
            version: number;
            comment: string | null;
            onBehalf: boolean;
            actorName: string | null;
            actorUnitName: string | null;
          }[]
        | null
      >`(select json_agg(json_build_object('at', ${reportEvents.at}, 'action', ${reportEvents.action}, 'fromStatus', ${reportEvents.fromStatus},
          'toStatus', ${reportEvents.toStatus}, 'version', ${reportEvents.version}, 'comment', ${reportEvents.comment}, 'onBehalf', ${reportEvents.onBehalf},
          'actorName', ${users.firstName} || ' ' || ${users.lastName}, 'actorUnitName', ${units.name}) order by ${reportEvents.at}, ${reportEvents.id})
        from ${reportEvents} left join ${users} on ${users.id} = ${reportEvents.actorUserId} left join ${units} on ${units.id} = ${reportEvents.actorUnitId}
        where ${reportEvents.reportId} = ${page.id})`,
      versions: sql<{ version: number; approvedAt: string; correctionReason: string | null }[] | null>`(select json_agg(json_build_object('version',
          ${reportVersions.version}, 'approvedAt', ${reportVersions.approvedAt}, 'correctionReason', ${reportVersions.correctionReason})
          order by ${reportVersions.version})
        from ${reportVersions} where ${reportVersions.reportId} = ${page.id})`,
    })
    .from(page)
    // a join, not a subquery: drizzle then names every column with its table, which the subqueries need
    .innerJoin(units, eq(units.id, page.unitId))
    .where(eq(page.id, id));
  if (!row) return null;
  return {
    report: row.report,
    unit: unitFacts(row.unit),
    previous: row.previous,
    deadlines: new Map((row.deadlines ?? []).map((d) => [deadlineKey(row.report.form, row.report.year, d.level), d.dueOn])),
    levelUnits: row.levelUnits ?? [],
    events: (row.events ?? []).map((e) => ({ ...e, at: dateOf(e.at)! })),
    versions: (row.versions ?? []).map((v) => ({ ...v, approvedAt: dateOf(v.approvedAt)! })),
  };
}

type ReportPageRows = NonNullable<Awaited<ReturnType<typeof loadReportPage>>>;

/** A cell's label ("Dział 1…, wiersz 01 …, kolumna 1 …") for the history, its code when unknown. */
function labelOf(def: FormDefinition, code: string): string {
  return cellsOf(def).find((c) => c.code === code)?.label ?? code;
}

function definitionOf(r: Pick<ReportRow, 'form' | 'definitionVersion'>): FormDefinition {
  const def = formRegistry().get(r.form, r.definitionVersion);
  if (!def) throw new Error(`no definition ${r.form} v${r.definitionVersion}`);
  return def;
}

/**
 * The values of one section from a posted body: strings only, trimmed at the ends; every other key
 * ignored. A cell the body does not name is left out (its value stays as it is): the section's form
 * always sends every cell, an emptied one as "", so only a partial body from elsewhere lacks some, and it
 * must not empty them.
 */
export function sectionValuesFrom(def: FormDefinition, sectionCode: string, body: unknown): Record<string, string> {
  const b = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const out: Record<string, string> = {};
  for (const c of cellsOf(def)) {
    if (c.sectionCode !== sectionCode || c.na || !Object.hasOwn(b, c.code)) continue;
    const v = b[c.code];
    const s = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
    out[c.code] = s.replace(/\r\n?/g, '\n').trim();
  }
  return out;
}

export type TransitionOutcome = { kind: 'done'; report: ReportRow } | { kind: 'invalid'; validation: ReportValidation; missing: Record<string, string> };

/** E-mail addresses of the active profiles in a unit that fill reports of the area (who is told of a decision). */
async function fillerEmails(db: DbOrTx, unitId: string, permission: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: profiles.email })
    .from(profiles)
    .innerJoin(roleRequests, and(eq(roleRequests.profileId, profiles.id), eq(roleRequests.status, 'zatwierdzony')))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleCode, roleRequests.roleCode), eq(rolePermissions.permissionCode, permission)))
    .where(and(eq(profiles.unitId, unitId), eq(profiles.status, 'aktywny')));
  return rows.map((r) => r.email).sort();
}

/**
 * "Sprawozdania …": lists and counts in the actor's scope, one report with what the actor may do,
 * and every change of a report through `transitionReport` — the one lifecycle function.
 */
export function reportingService({ db, outbox, config }: ServiceDeps) {
  /** Tells the unit's fillers, in the transaction of the decision (the outbox sends after commit). */
  async function notifyUnit(tx: DbOrTx, r: ReportRow, outcome: 'zwrocone' | 'zatwierdzone' | 'korekta', comment: string | null): Promise<void> {
    const def = definitionOf(r);
    const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, r.unitId));
    const to = await fillerEmails(tx, r.unitId, REPORT_AREA_PERMISSIONS[r.area as ReportArea].fill);
    const content = reportDecision({
      outcome,
      form: r.form,
      title: def.title,
      year: r.year,
      unitName: unit?.name ?? '',
      comment,
      reportUrl: `${config.publicUrl}/sprawozdania/${r.id}`,
    });
    for (const address of to) await outbox.enqueue(tx, { channel: 'email', to: address, ...content });
  }

  /**
   * Every transition of a report: in one transaction, the row locked; the policy decides on the
   * locked row (so two verifiers, or a verifier and the filler, cannot both win); a form sent from a
   * page older than the report is refused (409), and so is one that names no revision at all (400:
   * every page's form carries it, so a post without it is no form of ours — read as "whatever the
   * report holds now" it would let an empty or `null` body empty a section); the table
   * (domain/reporting/lifecycle.ts) gives the next state; then the row, the history and the audit log
   * are written together.
   */
  async function transitionReport(
    ctx: Ctx,
    input: { id: string; revision: number | null; step: ReportAction; policy: Action & `report.${string}` },
    apply: (
      tx: DbOrTx,
      r: ReportRow,
    ) => Promise<{ invalid?: TransitionOutcome & { kind: 'invalid' }; set?: Partial<ReportRow>; comment?: string | null; details?: Record<string, unknown> }>,
  ): Promise<TransitionOutcome> {
    return db.transaction(async (tx) => {
      const r = await loadReport(tx, input.id, true);
      if (!r) throw notFound();
      const subject = subjectOf(r);
      authorize(ctx.actor, 'report.view', subject);
      if (input.revision !== null && input.revision !== r.revision) throw conflict(m.stale);
      // an obligation a supervisor withdrew changes no more (it is kept for the record)
      if (r.cancelledAt) throw conflict(m.cancelled);
      authorize(ctx.actor, input.policy as 'report.fill', subject);
      // after the policy: someone who may not act is told so (403), whatever the body held
      if (input.revision === null) throw badRequest();
      const t = nextState(
        { status: r.status as ReportStatus, pendingLevel: r.pendingLevel, version: r.version },
        input.step,
        Math.max(1, r.levelUnitIds.length),
      );
      if (!t.ok) throw conflict(m.notAllowedNow);
      const change = await apply(tx, r);
      if (change.invalid) return change.invalid;
      const onBehalf = input.policy === 'report.fill' && fillsOnBehalf(ctx.actor, subject);
      const level = input.policy === 'report.fill' ? null : actingLevelOf(ctx.actor, subject);
      const [updated] = await tx
        .update(reports)
        .set({
          ...change.set,
          status: t.next.status,
          pendingLevel: t.next.pendingLevel,
          version: t.next.version,
          revision: r.revision + 1,
          updatedAt: ctx.now,
          updatedBy: ctx.actor.userId,
          ...(input.policy === 'report.fill' ? { filledOnBehalf: onBehalf } : {}),
        })
        .where(eq(reports.id, r.id))
        .returning();
      await tx.insert(reportEvents).values({
        reportId: r.id,
        at: ctx.now,
        actorUserId: ctx.actor.userId,
        actorUnitId: ctx.actor.profile?.unitId ?? null,
        action: input.step,
        fromStatus: r.status,
        toStatus: t.next.status,
        version: t.next.version,
        comment: change.comment ?? null,
        onBehalf,
      });
      await recordAudit(tx, {
        action: `report.${input.step}`,
        ...auditOf(ctx),
        subjectType: 'report',
        subjectId: r.id,
        details: {
          form: r.form,
          year: r.year,
          unitId: r.unitId,
          from: { status: r.status, pendingLevel: r.pendingLevel, version: r.version },
          to: t.next,
          ...(level !== null && level >= 0 ? { level } : {}),
          ...(onBehalf ? { onBehalf: true } : {}),
          ...change.details,
        },
      });
      return { kind: 'done', report: updated! };
    });
  }

  function viewOf(ctx: Ctx, { report: r, unit, previous, deadlines, levelUnits, events, versions }: ReportPageRows) {
    const subject = subjectOf(r);
    const def = definitionOf(r);
    const names = new Map(levelUnits.map((u) => [u.id, u.name]));
    const dueOn = deadlines.get(deadlineKey(r.form, r.year, 'jednostka')) ?? null;
    return {
      report: r,
      def,
      unit,
      previous,
      validation: validateReport(def, r.values, previous, { forSubmission: true }),
      levels: r.levelUnitIds.map((id, i) => ({
        unitId: id,
        unitName: names.get(id) ?? '—',
        dueOn: deadlines.get(deadlineKey(r.form, r.year, i === r.levelUnitIds.length - 1 && i > 0 ? 'cez' : 'nadzor')) ?? null,
      })),
      dueOn,
      timeliness: timeliness(dueOn, r.firstSubmittedOn, warsawDay(ctx.now)),
      events,
      versions,
      may: {
        fill: !r.cancelledAt && can(ctx.actor, 'report.fill', subject),
        verify: !r.cancelledAt && can(ctx.actor, 'report.verify', subject),
        reopen: !r.cancelledAt && can(ctx.actor, 'report.reopen', subject),
        onBehalf: fillsOnBehalf(ctx.actor, subject),
        /** a verifier of the chain (or Administrator CeZ): sees the notes verifiers leave each other */
        verifierNotes: actingLevelOf(ctx.actor, subject) >= 0,
        /** the actor would decide now, but sent the report themselves (four eyes) */
        fourEyes: r.status === 'do_weryfikacji' && r.submittedBy === ctx.actor.userId && actingLevelOf(ctx.actor, subject) === r.pendingLevel,
      },
    };
  }

  return {
    /** The tile's counts for the profile worked in; null when the module is not open to it. */
    async counts(ctx: Ctx, area: ReportArea) {
      const scope = reportListScope(ctx.actor, area);
      return scope ? countReportsByStatus(db, scope, area) : null;
    },

    async list(ctx: Ctx, input: Omit<ReportFilters, 'today'> & { sort: ReportSort; page: number; pageSize: number }) {
      authorize(ctx.actor, 'reports.open', { type: 'reports', area: input.area });
      const scope = reportListScope(ctx.actor, input.area)!;
      const today = warsawDay(ctx.now);
      const pageSize = input.pageSize;
      let page = input.page;
      let { rows, total } = await listReports(db, scope, { ...input, today }, { sort: input.sort, page, pageSize });
      // a page past the end (an old link, a typed number) shows the last one
      const last = Math.max(1, Math.ceil(total / pageSize));
      if (page > last) {
        page = last;
        ({ rows, total } = await listReports(db, scope, { ...input, today }, { sort: input.sort, page, pageSize }));
      }
      const options = await reportFilterOptions(db, input.area);
      return {
        rows: rows.map((r) => ({
          ...r,
          timeliness: timeliness(r.dueOn, r.firstSubmittedOn, today),
          /** the actor may open its content (Pracownik CeZ sees metadata only) */
          opens: can(ctx.actor, 'report.view', subjectOf({ ...r, area: input.area })),
          waitsForMe: can(ctx.actor, 'report.verify', subjectOf({ ...r, area: input.area })),
        })),
        total,
        page,
        pageSize,
        options,
        /** a verifier's list: show timeliness first */
        verifier: scope.kind === 'all' || scope.verifyingUnitId !== null,
        /** finds reports but opens none of them (Pracownik CeZ) */
        searchOnly:
          ctx.actor.permissions.has(SEARCH_REPORTS) &&
          !isCezAdministrator(ctx.actor) &&
          !ctx.actor.permissions.has(REPORT_AREA_PERMISSIONS[input.area].fill) &&
          !ctx.actor.permissions.has(REPORT_AREA_PERMISSIONS[input.area].verify),
      };
    },

    /** One report with its definition, unit, previous year, checks, history and what the actor may do. */
    async get(ctx: Ctx, input: { id: string }) {
      const rows = await loadReportPage(db, input.id);
      if (!rows) throw notFound();
      const r = rows.report;
      // found but not to be opened (Pracownik CeZ): say why, not only "Brak dostępu"
      if (decide(ctx.actor, 'report.view', subjectOf(r)) === 'deny') throw forbidden(m.contentNotForYou);
      authorize(ctx.actor, 'report.view', subjectOf(r));
      return viewOf(ctx, rows);
    },

    /** One approved version's values (the current row when it is that version and approved). */
    async version(ctx: Ctx, input: { id: string; version: number }) {
      const rows = await loadReportPage(db, input.id);
      if (!rows) throw notFound();
      const r = rows.report;
      authorize(ctx.actor, 'report.view', subjectOf(r));
      const [v] = await db
        .select()
        .from(reportVersions)
        .where(and(eq(reportVersions.reportId, r.id), eq(reportVersions.version, input.version)));
      if (!v) throw notFound();
      return { view: viewOf(ctx, rows), version: v };
    },

    /**
     * "Zapisz": the typed values of one section. Values that do not fit their cell are refused with
     * their messages (nothing is written); the rules run on "Sprawdź" and on sending.
     */
    async saveSection(ctx: Ctx, input: { id: string; section: string; revision: number | null; body: unknown }) {
      const r0 = await loadReport(db, input.id);
      if (!r0) throw notFound();
      authorize(ctx.actor, 'report.view', subjectOf(r0));
      // a report the actor may not fill now is refused before its values are read (no form with errors to show)
      authorize(ctx.actor, 'report.fill', subjectOf(r0));
      const def = definitionOf(r0);
      if (!def.sections.some((s) => s.code === input.section)) throw notFound();
      const typed = sectionValuesFrom(def, input.section, input.body);
      const issues = checkCells(def, typed, { forSubmission: false }).filter((i) => i.code in typed);
      if (issues.length) return { kind: 'invalid' as const, typed, issues };
      const out = await transitionReport(ctx, { id: input.id, revision: input.revision, step: 'save', policy: 'report.fill' }, async (_tx, r) => {
        const values = { ...r.values };
        for (const [k, v] of Object.entries(typed)) {
          if (v === '') delete values[k];
          else values[k] = v;
        }
        return { set: { values }, comment: def.sections.find((x) => x.code === input.section)?.title ?? input.section, details: { section: input.section } };
      });
      return { kind: 'saved' as const, report: (out as { report: ReportRow }).report, def };
    },

    /**
     * "Wyślij do weryfikacji": every cell valid, no rule error, every warning explained (kept for the
     * verifier). A report with problems is not sent: the outcome lists them.
     */
    async submit(
      ctx: Ctx,
      input: {
        id: string;
        revision: number | null;
        explanations: Record<string, string>;
        /** the caller's own refusal of a warning's explanation as typed (characters a form may not carry), checked first */
        refuse?: (code: string, typed: string) => string | undefined;
      },
    ) {
      return transitionReport(ctx, { id: input.id, revision: input.revision, step: 'submit', policy: 'report.fill' }, async (tx, r) => {
        const def = definitionOf(r);
        const validation = validateReport(def, r.values, await previousValues(tx, r), { forSubmission: true });
        const missing: Record<string, string> = {};
        const explanations: Record<string, string> = {};
        for (const w of validation.warnings) {
          const typed = input.explanations[w.code] ?? '';
          const refused = input.refuse?.(w.code, typed);
          const text = typed.trim();
          if (refused) missing[w.code] = refused;
          else if (!text) missing[w.code] = m.explanationRequired;
          else if ([...text].length > EXPLANATION_MAX) missing[w.code] = m.explanationTooLong(EXPLANATION_MAX);
          else explanations[w.code] = text;
        }
        if (!validation.canSubmit || Object.keys(missing).length) return { invalid: { kind: 'invalid', validation, missing } };
        const today = warsawDay(ctx.now);
        return {
          set: {
            explanations,
            submittedAt: ctx.now,
            submittedBy: ctx.actor.userId,
            firstSubmittedOn: r.firstSubmittedOn ?? today,
          },
          details: { warnings: validation.warnings.map((w) => w.code) },
        };
      });
    },

    /**
     * "Zatwierdź" or "Zwróć do korekty" at the pending level. Approving the last level locks the
     * report and keeps its version; returning needs a comment (general or on a cell).
     */
    async verify(
      ctx: Ctx,
      input: { id: string; revision: number | null; decision: 'zatwierdz' | 'zwroc'; comment: string; cellComments: Record<string, string> },
    ) {
      const action: ReportAction = input.decision === 'zatwierdz' ? 'approve' : 'return';
      return transitionReport(ctx, { id: input.id, revision: input.revision, step: action, policy: 'report.verify' }, async (tx, r) => {
        const last = (r.pendingLevel ?? 0) + 1 >= r.levelUnitIds.length;
        if (action === 'approve' && last) {
          await tx
            .insert(reportVersions)
            .values({ reportId: r.id, version: r.version, values: r.values, explanations: r.explanations, approvedAt: ctx.now })
            .onConflictDoNothing();
        }
        const comment = input.comment || null;
        // the unit hears of a return to it and of the final approval (a step between verifiers is theirs alone)
        if (action === 'return' && (r.pendingLevel ?? 0) === 0) await notifyUnit(tx, r, 'zwrocone', comment);
        if (action === 'approve' && last) await notifyUnit(tx, r, 'zatwierdzone', comment);
        return {
          set:
            action === 'approve'
              ? { ...(last ? { approvedAt: ctx.now, returnComment: null, cellComments: {} } : {}) }
              : { returnComment: comment, cellComments: input.cellComments },
          comment: [comment, ...Object.entries(input.cellComments).map(([c, t]) => `${labelOf(definitionOf(r), c)}: ${t}`)].filter(Boolean).join('\n') || null,
          details: { decision: input.decision, ...(Object.keys(input.cellComments).length ? { cellComments: input.cellComments } : {}) },
        };
      });
    },

    /** "Otwórz korektę": an approved report becomes the next version, "Do korekty", with the verifier's reason. */
    async reopen(ctx: Ctx, input: { id: string; revision: number | null; reason: string }) {
      return transitionReport(ctx, { id: input.id, revision: input.revision, step: 'reopen', policy: 'report.reopen' }, async (tx, r) => {
        await tx
          .update(reportVersions)
          .set({ correctionReason: input.reason })
          .where(and(eq(reportVersions.reportId, r.id), eq(reportVersions.version, r.version)));
        await notifyUnit(tx, r, 'korekta', input.reason);
        return { set: { returnComment: input.reason, cellComments: {}, approvedAt: null }, comment: input.reason, details: { reason: input.reason } };
      });
    },
  };
}
