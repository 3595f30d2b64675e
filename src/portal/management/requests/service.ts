import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { applicationPdfData } from '../../../db/repositories/application-pdf.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { transition } from '../../../db/repositories/request-lifecycle.ts';
import { countWaiting, hasSafeFile, listQueue, requestDetail, type QueueFilters } from '../../../db/repositories/request-queue.ts';
import { findRequest } from '../../../db/repositories/subjects.ts';
import { loadVerifierCandidates } from '../../../db/repositories/verifiers.ts';
import { attachments, permissions, profiles, rolePermissions, roleRequests, roles, users } from '../../../db/schema/index.ts';
import type { RoleDef } from '../../../domain/reference-data.ts';
import { naturalVerifier } from '../../../domain/routing.ts';
import { requestApproved, requestRejected } from '../../../mail/templates.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { notFound } from '../../../lib/errors.ts';
import { authorize, decide, requestQueueScope } from '../../policies/index.ts';

const DAY_MS = 86_400_000;

/** Whole days a request has waited since it became pending. */
export function daysWaiting(submittedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - submittedAt.getTime()) / DAY_MS));
}

export type DecisionOutcome = 'ok' | 'decided' | 'signed_missing';

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
      const list = await listQueue(db, scope, input.filters, { page: input.page, size: input.size }, ctx.now);
      const roleOptions = await db.select({ code: roles.code, name: roles.name }).from(roles).orderBy(asc(roles.sortOrder));
      return { ...list, scope, roleOptions, waiting: await countWaiting(db, scope) };
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
      return {
        ...d,
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
      return db.transaction(async (tx) => {
        const r = await findRequest(tx, input.requestId);
        authorize(ctx.actor, 'request.decide', r?.subject);
        const [row] = await tx.select({ safe: hasSafeFile }).from(roleRequests).where(eq(roleRequests.id, r.request.id));
        const safeFile = Boolean(row?.safe);
        if (!safeFile && !input.copyConfirmed && r.request.status === 'oczekujacy') return 'signed_missing';
        const moved = await transition(tx, r.request.id, 'zatwierdzony', {
          by: ctx.actor.userId,
          event: 'approved',
          at: ctx.now,
          ip: ctx.ip,
          requestId: ctx.requestId,
          details: { signedApplication: safeFile ? 'file' : 'confirmed_copy' },
        });
        if (!moved.ok) return 'decided';
        if (!safeFile) {
          await tx
            .update(roleRequests)
            .set({ signedCopyConfirmedAt: ctx.now, signedCopyConfirmedBy: ctx.actor.userId })
            .where(eq(roleRequests.id, r.request.id));
          await recordAudit(tx, { action: 'request.signed_copy_confirmed', ...auditOf(ctx), subjectType: 'role_request', subjectId: r.request.id });
        }
        const facts = await mailFacts(tx, r.request.id);
        if (facts.to) await outbox.enqueue(tx, { channel: 'email', to: facts.to, ...requestApproved({ ...facts, portalUrl: config.publicUrl }) });
        return 'ok';
      });
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
