import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { transition } from '../../../db/repositories/request-lifecycle.ts';
import { findProfile, findRequest } from '../../../db/repositories/subjects.ts';
import { profiles } from '../../../db/schema/index.ts';
import { WITHDRAWN_REASON } from '../../../domain/status.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { authorize, can } from '../../policies/index.ts';

/** Working in a profile, withdrawing a request, editing contact data: each authorised by the policy layer. */
export function profileService({ db }: ServiceDeps) {
  return {
    /** "Pracuj w profilu" / "Pracuj w tym profilu": only an active profile of one's own. */
    async work(ctx: Ctx, input: { profileId: string }): Promise<string> {
      const p = await findProfile(db, input.profileId);
      authorize(ctx.actor, 'profile.work', p?.subject);
      await recordAudit(db, { action: 'profile.selected', ...auditOf(ctx), subjectType: 'profile', subjectId: p.profile.id });
      return p.profile.id;
    },

    /** The confirmation page's data ("Uwaga! Wycofujesz złożony wniosek"); null when the request can no longer be withdrawn. */
    async withdrawal(ctx: Ctx, input: { requestId: string }) {
      const r = await findRequest(db, input.requestId);
      authorize(ctx.actor, 'request.view', r?.subject);
      return can(ctx.actor, 'request.withdraw', r.subject) ? r : null;
    },

    /**
     * "Tak, wycofaj wniosek": odrzucony with "Wycofany przez wnioskującego"; irreversible; through the
     * request lifecycle. 'not_pending' when it was decided or withdrawn meanwhile (a second click).
     */
    async withdraw(ctx: Ctx, input: { requestId: string }): Promise<'ok' | 'not_pending'> {
      return db.transaction(async (tx) => {
        const r = await findRequest(tx, input.requestId);
        authorize(ctx.actor, 'request.view', r?.subject);
        const moved = await transition(tx, r.request.id, 'odrzucony', {
          by: ctx.actor.userId,
          reason: WITHDRAWN_REASON,
          event: 'withdrawn',
          at: ctx.now,
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
        return moved.ok ? 'ok' : 'not_pending';
      });
    },

    async contact(ctx: Ctx, input: { profileId: string }) {
      const p = await findProfile(db, input.profileId);
      authorize(ctx.actor, 'profile.editContact', p?.subject);
      return p;
    },

    /** "Edytuj dane kontaktowe": only the contact data in SSOZ II; Profil Zaufany data is not touched. */
    async updateContact(ctx: Ctx, input: { profileId: string; phone: string; email: string }): Promise<void> {
      await db.transaction(async (tx) => {
        const p = await findProfile(tx, input.profileId);
        authorize(ctx.actor, 'profile.editContact', p?.subject);
        await tx.update(profiles).set({ phone: input.phone, email: input.email, updatedAt: ctx.now }).where(eq(profiles.id, p.profile.id));
        await recordAudit(tx, {
          action: 'profile.contact_updated',
          ...auditOf(ctx),
          subjectType: 'profile',
          subjectId: p.profile.id,
          details: { before: { phone: p.profile.phone, email: p.profile.email }, after: { phone: input.phone, email: input.email } },
        });
      });
    },
  };
}
