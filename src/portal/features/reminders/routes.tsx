import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { requestsMissingAttachment } from '../../../db/repositories/reminders.ts';
import { profiles, roleRequests } from '../../../db/schema/index.ts';
import { notFound } from '../../../lib/errors.ts';
import { signedInFrame } from '../../http/frame.ts';
import { requireUser, safeRelativePath } from '../../session/guard.ts';
import { ReminderPage } from './pages.tsx';

type Params = { Params: { id: string } };

/**
 * "Brak załączników do wniosków o rolę": shown after each login while pending requests have no safe
 * file and no opt-out (a page, so it works without JavaScript), and the per-request opt-out.
 */
export async function reminderRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.deps.database.db;
  const uid = (req: FastifyRequest) => req.session!.userId!;

  app.get('/przypomnienie', { preHandler: requireUser }, async (req, reply) => {
    const next = safeRelativePath((req.query as Record<string, unknown>).next);
    const missing = await requestsMissingAttachment(db(), uid(req));
    if (missing.length === 0) return reply.redirect(next ?? '/start', 303);
    return reply.html(ReminderPage({ frame: await signedInFrame(app, req, reply), missing, next }));
  });

  // after the reminder the user goes where the login was heading (a same-site path only)
  app.post('/przypomnienie', { preHandler: requireUser }, async (req, reply) => reply.redirect(safeRelativePath((req.body as Record<string, unknown>).next) ?? '/start', 303));

  /** "Plik został wysłany mailem lub wydruk pocztą — nie przypominaj mi o braku załącznika do tego wniosku" */
  app.post<Params>('/wnioski/:id/bez-przypomnien', { preHandler: requireUser }, async (req, reply) => {
    if (!/^[0-9a-f-]{36}$/i.test(req.params.id)) throw notFound();
    const optOut = (req.body as Record<string, unknown>).optOut === 'tak';
    const changed = await db().transaction(async (tx) => {
      const [own] = await tx
        .select({ id: roleRequests.id, number: roleRequests.number })
        .from(roleRequests)
        .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
        .where(and(eq(roleRequests.id, req.params.id), eq(profiles.userId, uid(req)), eq(roleRequests.status, 'oczekujacy')));
      if (!own) return false;
      await tx.update(roleRequests).set({ reminderOptOut: optOut }).where(eq(roleRequests.id, own.id));
      await recordAudit(tx, { action: 'request.reminder_opt_out', actorUserId: uid(req), subjectType: 'role_request', subjectId: own.id, ip: req.ip, requestId: req.id, details: { number: own.number, optOut } });
      return true;
    });
    if (!changed) throw notFound();
    return reply.redirect('/moje-konto?zapisano-przypomnienie=1#oczekujace-wnioski', 303);
  });
}
