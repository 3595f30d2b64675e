import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { requestsMissingAttachment, type MissingAttachment } from '../../../db/repositories/reminders.ts';
import { findRequest } from '../../../db/repositories/subjects.ts';
import { roleRequests } from '../../../db/schema/index.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { authorize } from '../../policies/index.ts';

/** "Brak załączników do wniosków o rolę": the login reminder and the per-request opt-out. */
export function reminderService({ db }: ServiceDeps) {
  return {
    /** The actor's pending requests without a safe file and without the opt-out. */
    async missing(ctx: Ctx): Promise<MissingAttachment[]> {
      return requestsMissingAttachment(db, ctx.actor.userId);
    },

    /** "Plik został wysłany mailem lub wydruk pocztą — nie przypominaj mi…": only on one's own pending request. */
    async setOptOut(ctx: Ctx, input: { requestId: string; optOut: boolean }): Promise<void> {
      await db.transaction(async (tx) => {
        // the row is locked so a withdrawal or a decision cannot slip between the check and the write
        await tx.select({ id: roleRequests.id }).from(roleRequests).where(eq(roleRequests.id, input.requestId)).for('update');
        const r = await findRequest(tx, input.requestId);
        authorize(ctx.actor, 'request.setReminder', r?.subject);
        await tx.update(roleRequests).set({ reminderOptOut: input.optOut }).where(eq(roleRequests.id, r.request.id));
        await recordAudit(tx, {
          action: 'request.reminder_opt_out',
          ...auditOf(ctx),
          subjectType: 'role_request',
          subjectId: r.request.id,
          details: { number: r.request.number, optOut: input.optOut },
        });
      });
    },
  };
}
