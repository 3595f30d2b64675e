import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { applicationPdfData } from '../../../db/repositories/application-pdf.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { transition } from '../../../db/repositories/request-lifecycle.ts';
import { countWaiting, hasSafeFile, listQueue, queueFilterOptions, requestDetail, type QueueFilters } from '../../../db/repositories/request-queue.ts';
import { findRequest } from '../../../db/repositories/subjects.ts';
import { loadVerifierCandidates } from '../../../db/repositories/verifiers.ts';
import { attachments, permissions, profiles, rolePermissions, roleRequests, roles, users } from '../../../db/schema/index.ts';
import type { RoleDef } from '../../../domain/reference-data.ts';
import { naturalVerifier } from '../../../domain/routing.ts';
import { decisionDueAt, isArchivable, isOverdue } from '../../../domain/decision-deadline.ts';
import { UUID_RE } from '../../../lib/ids.ts';
import { requestApproved, requestRejected } from '../../../mail/templates.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { forbidden, notFound } from '../../../lib/errors.ts';
import { authorize, decide, requestQueueScope } from '../../policies/index.ts';
import { peselForVerifier } from '../../auth/pesel-view.ts';

const DAY_MS = 86_400_000;

/** Whole days a request has waited since it became pending. */
export function daysWaiting(submittedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - submittedAt.getTime()) / DAY_MS));
}

export type DecisionOutcome = 'ok' | 'decided' | 'signed_missing';
export type ArchiveOutcome = 'ok' | 'decided' | 'not_archivable';

/** Why one request of "Zatwierdź zaznaczone" was not approved. */
export type BulkRefusal = 'not_pending' | 'signed_missing' | 'own' | 'read_only' | 'not_found';
export interface BulkResult {
  approved: { id: string; number: string }[];
  /** number: null when the request is not the actor's to see (a foreign or unknown id: nothing is revealed) */
  refused: { id: string; number: string | null; reason: BulkRefusal }[];
}

type ApproveOne = { outcome: DecisionOutcome | 'hidden' | 'own' | 'read_only'; number: string | null };

/** "Zarządzanie → Wnioski o role": the queue, a request's details and the decisions, scoped by the policy layer. */
export function managementRequestService({ db, outbox, config }: ServiceDeps) {
  /** Within the caller's transaction: the request's row (locked by transition), the applicant and the unit for the e-mail. */
  async function mailFacts(tx: Tx, requestId: string) {
    const r = await findRequest(tx, requestId);
    if (!r) throw new Error('decided request vanished');
    // the profile's contact e-mail ("Dane kontaktowe użytkownika"), the address the applicant keeps current for this unit
    const [p] = await tx.select({ email: profiles.email }).from(profiles).where(eq(profiles.id, r.request.profileId));
    return { number: r.request.number, roleName: r.roleName, unitName: r.unitName, to: p?.email ?? null };
  }

  /** One approval in its own transaction; refusals are outcomes (the single "Zatwierdź" turns them into 404/403). */
  async function approveOne(ctx: Ctx, requestId: string, copyConfirmed: boolean): Promise<ApproveOne> {
    return db.transaction(async (tx) => {
      const r = await findRequest(tx, requestId);
      if (!r) return { outcome: 'hidden', number: null };
      const decision = decide(ctx.actor, 'request.decide', r.subject);
      if (decision === 'hide') return { outcome: 'hidden', number: null };
      const number = r.request.number;
      if (decision === 'deny')
        return { outcome: r.ownerUserId === ctx.actor.userId || r.request.profileId === ctx.actor.profile?.id ? 'own' : 'read_only', number };
      const [row] = await tx.select({ safe: hasSafeFile }).from(roleRequests).where(eq(roleRequests.id, r.request.id));
      const safeFile = Boolean(row?.safe);
      const alreadyConfirmed = r.request.signedCopyConfirmedAt !== null;
      if (!safeFile && !alreadyConfirmed && !copyConfirmed && r.request.status === 'oczekujacy') return { outcome: 'signed_missing', number };
      const moved = await transition(tx, r.request.id, 'zatwierdzony', {
        by: ctx.actor.userId,
        event: 'approved',
        at: ctx.now,
        ip: ctx.ip,
        requestId: ctx.requestId,
        details: { signedApplication: safeFile ? 'file' : 'confirmed_copy' },
      });
      if (!moved.ok) return { outcome: 'decided', number };
      if (!safeFile && !alreadyConfirmed) {
        await tx.update(roleRequests).set({ signedCopyConfirmedAt: ctx.now, signedCopyConfirmedBy: ctx.actor.userId }).where(eq(roleRequests.id, r.request.id));
        await recordAudit(tx, { action: 'request.signed_copy_confirmed', ...auditOf(ctx), subjectType: 'role_request', subjectId: r.request.id });
      }
      const facts = await mailFacts(tx, r.request.id);
      if (facts.to) await outbox.enqueue(tx, { channel: 'email', to: facts.to, ...requestApproved({ ...facts, portalUrl: config.publicUrl }) });
      return { outcome: 'ok', number };
    });
  }

  return {
    /** The count on the "Zarządzanie" tile: pending requests this verifier sees; null when the profile has no management. */
    async waitingCount(ctx: Ctx): Promise<number | null> {
      const scope = requestQueueScope(ctx.actor);
      return scope ? countWaiting(db, scope) : null;
    },

    async queue(ctx: Ctx, input: { filters: QueueFilters; page: number; size: number }) {
      authorize(ctx.actor, 'management.open', { type: 'management', submodule: 'requests' });
      const scope = requestQueueScope(ctx.actor);
      if (!scope) throw new Error('management without a scope');
      const days = config.requests.decisionDays;
      const list = await listQueue(db, scope, input.filters, { page: input.page, size: input.size }, ctx.now, days);
      const roleOptions = await db.select({ code: roles.code, name: roles.name }).from(roles).orderBy(asc(roles.sortOrder));
      const canBulk = decide(ctx.actor, 'request.bulkApprove', { type: 'management', submodule: 'requests' }) === 'allow';
      const rows = list.rows.map((row) => {
        const pending = row.status === 'oczekujacy';
        const own = row.ownerUserId === ctx.actor.userId || row.profileId === ctx.actor.profile?.id;
        return {
          ...row,
          dueAt: pending ? decisionDueAt(row.submittedAt, days) : null,
          overdue: isOverdue(row, ctx.now, days),
          /** a checkbox of "Zatwierdź zaznaczone": pending, with a signed application in hand, not one's own */
          selectable: canBulk && pending && !own && (row.safeFile || row.copyConfirmed),
        };
      });
      return {
        total: list.total,
        rows,
        scope,
        roleOptions,
        ...(await queueFilterOptions(db)),
        canBulk,
        waiting: await countWaiting(db, scope),
      };
    },

    async detail(ctx: Ctx, input: { requestId: string }) {
      const r = await findRequest(db, input.requestId);
      authorize(ctx.actor, 'request.review', r?.subject);
      const d = await requestDetail(db, r.request.id);
      if (!d) throw new Error('request vanished');
      const perms = await db
        .select({ code: permissions.code, name: permissions.name, description: permissions.description })
        .from(rolePermissions)
        .innerJoin(permissions, eq(permissions.code, rolePermissions.permissionCode))
        .where(eq(rolePermissions.roleCode, d.role.code))
        .orderBy(asc(permissions.name));
      const confirmedBy = d.request.signedCopyConfirmedBy
        ? (await db.select({ firstName: users.firstName, lastName: users.lastName }).from(users).where(eq(users.id, d.request.signedCopyConfirmedBy)))[0]
        : undefined;
      // routed to CeZ although another office verifies such requests: routing fell back because that office had no active administrator
      let fallbackFrom: string | null = null;
      const candidates = await loadVerifierCandidates(db);
      if (d.request.verifyingUnitId === candidates.cez.unitId) {
        const natural = naturalVerifier({
          verifiers: candidates,
          role: { ...d.role, unitClass: d.role.unitClass as RoleDef['unitClass'], reportArea: d.role.reportArea as RoleDef['reportArea'] } as RoleDef,
          unit: { kindCode: d.unit.kindCode, voivodeshipCode: d.unit.voivodeshipCode ?? '', isAddictionCare: d.unit.isAddictionCare },
        });
        if (natural.unitId !== candidates.cez.unitId) fallbackFrom = natural.name;
      }
      const decision = decide(ctx.actor, 'request.decide', r.subject);
      const pending = d.request.status === 'oczekujacy';
      // masked for every verifier, in full for Administrator CeZ (audited); the ciphertext goes no further
      const { peselEnc, peselMasked, ...user } = d.user;
      const pesel = await peselForVerifier(db, ctx, config.peselKey, { id: user.id, peselMasked, peselEnc }, { page: 'request', roleRequestId: d.request.id });
      return {
        ...d,
        user,
        pesel,
        dueAt: pending ? decisionDueAt(d.request.submittedAt, config.requests.decisionDays) : null,
        overdue: isOverdue(d.request, ctx.now, config.requests.decisionDays),
        staleDays: config.requests.staleDays,
        canArchive: decide(ctx.actor, 'request.archive', r.subject) === 'allow' && isArchivable(d.request, ctx.now, config.requests.staleDays),
        cezName: candidates.cez.name,
        permissions: perms,
        confirmedBy: confirmedBy ? `${confirmedBy.firstName} ${confirmedBy.lastName}` : null,
        fallbackFrom,
        waitedDays: d.request.status === 'oczekujacy' ? daysWaiting(d.request.submittedAt, ctx.now) : null,
        /** allow: the decision forms are shown; deny: why not (own request, or read-only) */
        canDecide: decision === 'allow' && d.request.status === 'oczekujacy',
        own: r.ownerUserId === ctx.actor.userId,
        readOnly: decision === 'deny' && r.ownerUserId !== ctx.actor.userId,
      };
    },

    /** Throws the 404 / 403 of "Zatwierdź" and "Odrzuć" (used before a form with errors is shown again). */
    async authorizeDecision(ctx: Ctx, input: { requestId: string }): Promise<void> {
      const r = await findRequest(db, input.requestId);
      authorize(ctx.actor, 'request.decide', r?.subject);
    },

    /** The generated application PDF, as the applicant downloads it, for a verifier in scope (audited: personal data). */
    async pdf(ctx: Ctx, input: { requestId: string }) {
      const r = await findRequest(db, input.requestId);
      authorize(ctx.actor, 'request.review', r?.subject);
      const pdf = await applicationPdfData(db, r.request.submissionId, { printedAt: ctx.now, systemUrl: config.publicUrl });
      await recordAudit(db, { action: 'management.request_pdf_viewed', ...auditOf(ctx), subjectType: 'role_request', subjectId: r.request.id });
      return pdf;
    },

    /** A safe file of the request's submission, for a verifier in scope; pending, infected and removed files are not found. */
    async file(ctx: Ctx, input: { requestId: string; fileId: string }) {
      const r = await findRequest(db, input.requestId);
      authorize(ctx.actor, 'request.review', r?.subject);
      const [f] = await db
        .select()
        .from(attachments)
        .where(
          and(
            eq(attachments.id, input.fileId),
            eq(attachments.submissionId, r.request.submissionId),
            eq(attachments.scanStatus, 'clean'),
            isNull(attachments.deletedAt),
          ),
        );
      if (!f) throw notFound();
      await recordAudit(db, {
        action: 'management.attachment_downloaded',
        ...auditOf(ctx),
        subjectType: 'attachment',
        subjectId: f.id,
        details: { requestId: r.request.id },
      });
      return f;
    },

    /**
     * "Zatwierdź": needs the signed application — a safe file, or the verifier's confirmation that the
     * paper or e-mailed copy arrived (recorded on the request). Through the lifecycle (row lock: of two
     * verifiers deciding at once one wins, the other gets 'decided' and nothing is written or sent).
     */
    async approve(ctx: Ctx, input: { requestId: string; copyConfirmed: boolean }): Promise<DecisionOutcome> {
      const r = await approveOne(ctx, input.requestId, input.copyConfirmed);
      if (r.outcome === 'hidden') throw notFound();
      if (r.outcome === 'own' || r.outcome === 'read_only') throw forbidden();
      return r.outcome;
    },

    /**
     * "Zatwierdź zaznaczone": each ticked request through the same approval as "Zatwierdź", each in its
     * own transaction (each audited and e-mailed on its own; one refusal does not undo the others). Only
     * requests with a signed application already in hand qualify (a safe file, or a copy a verifier has
     * confirmed): the bulk step confirms nothing. A second post of the same selection approves nothing
     * twice — those requests are no longer pending.
     */
    async bulkApprove(ctx: Ctx, input: { requestIds: readonly string[] }): Promise<BulkResult> {
      authorize(ctx.actor, 'request.bulkApprove', { type: 'management', submodule: 'requests' });
      const result: BulkResult = { approved: [], refused: [] };
      for (const id of new Set(input.requestIds)) {
        if (!UUID_RE.test(id)) {
          result.refused.push({ id, number: null, reason: 'not_found' });
          continue;
        }
        const r = await approveOne(ctx, id, false);
        if (r.outcome === 'ok') result.approved.push({ id, number: r.number ?? '' });
        else if (r.outcome === 'hidden') result.refused.push({ id, number: null, reason: 'not_found' });
        else result.refused.push({ id, number: r.number, reason: r.outcome === 'decided' ? 'not_pending' : r.outcome });
      }
      return result;
    },

    /**
     * "Archiwizuj": a rejected request, or a pending one waiting longer than the stale days
     * (config.requests.staleDays), moves to "zarchiwizowany" through the lifecycle (history, profile
     * status, audit). The reason is optional; no e-mail goes out (the applicant was told of a rejection
     * already, and a stale request's applicant sees the status in Moje konto).
     */
    async archive(ctx: Ctx, input: { requestId: string; reason: string }): Promise<ArchiveOutcome> {
      return db.transaction(async (tx) => {
        const r = await findRequest(tx, input.requestId);
        authorize(ctx.actor, 'request.archive', r?.subject);
        const status = r.request.status;
        if (status !== 'oczekujacy' && status !== 'odrzucony') return 'decided';
        if (!isArchivable(r.request, ctx.now, config.requests.staleDays)) return 'not_archivable';
        const moved = await transition(tx, r.request.id, 'zarchiwizowany', {
          by: ctx.actor.userId,
          reason: input.reason || null,
          event: 'archived',
          at: ctx.now,
          ip: ctx.ip,
          requestId: ctx.requestId,
          details: { staleDays: config.requests.staleDays },
        });
        return moved.ok ? 'ok' : 'decided';
      });
    },

    /** Throws the 404 / 403 of "Archiwizuj" (used before a form with errors is shown again). */
    async authorizeArchive(ctx: Ctx, input: { requestId: string }): Promise<void> {
      const r = await findRequest(db, input.requestId);
      authorize(ctx.actor, 'request.archive', r?.subject);
    },

    /** "Odrzuć" with a reason, shown to the applicant in Moje konto and in the e-mail. */
    async reject(ctx: Ctx, input: { requestId: string; reason: string }): Promise<DecisionOutcome> {
      return db.transaction(async (tx) => {
        const r = await findRequest(tx, input.requestId);
        authorize(ctx.actor, 'request.decide', r?.subject);
        const moved = await transition(tx, r.request.id, 'odrzucony', {
          by: ctx.actor.userId,
          reason: input.reason,
          event: 'rejected',
          at: ctx.now,
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
        if (!moved.ok) return 'decided';
        const facts = await mailFacts(tx, r.request.id);
        if (facts.to)
          await outbox.enqueue(tx, { channel: 'email', to: facts.to, ...requestRejected({ ...facts, reason: input.reason, portalUrl: config.publicUrl }) });
        return 'ok';
      });
    },
  };
}
