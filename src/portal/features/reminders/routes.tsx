import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { requestsMissingAttachment } from '../../../db/repositories/reminders.ts';
import { profiles, roleRequests } from '../../../db/schema/index.ts';
import { notFound } from '../../../lib/errors.ts';
import { formatDatePl } from '../../../lib/text.ts';
import { CsrfField } from '../../../views/components/Field.tsx';
import { SignedInLayout } from '../../../views/layouts/SignedInLayout.tsx';
import { signedInFrame } from '../../http/frame.ts';
import { requireUser, safeRelativePath } from '../../session/guard.ts';

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
    const frame = await signedInFrame(app, req, reply);
    return reply.html(
      <SignedInLayout title="Brak załączników do wniosków o rolę" frame={frame}>
        <div class="notice notice--warning" role="alertdialog" aria-labelledby="reminder-title" aria-describedby="reminder-text">
          <h1 id="reminder-title" data-qa="page-reminder">Brak załączników do wniosków o rolę</h1>
          <p id="reminder-text">Do poniższych wniosków nie załączyłeś potwierdzenia wnioskowanych uprawnień</p>
        </div>
        <table class="table" data-qa="reminder-list">
          <caption class="visually-hidden">Wnioski bez załączników</caption>
          <thead><tr><th scope="col">Wnioskowana rola</th><th scope="col">Numer</th><th scope="col">Data złożenia</th></tr></thead>
          <tbody>
            {missing.map((r) => (
              <tr>
                <td data-label="Wnioskowana rola" safe>{r.roleName}</td>
                <td data-label="Numer" safe>{r.number}</td>
                <td data-label="Data złożenia" safe>{formatDatePl(r.submittedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          Podpisany wniosek załączysz w widoku <a href="/moje-konto">Moje konto</a>. Jeżeli wysłałeś go mailem lub pocztą, zaznacz tam
          przy wniosku „Plik został wysłany mailem lub wydruk pocztą”.
        </p>
        <form method="post" action="/przypomnienie">
          <CsrfField token={frame.csrf} />
          {next ? <input type="hidden" name="next" value={next} /> : ''}
          <button class="button" type="submit">Przypomnij mi przy kolejnym logowaniu</button>
        </form>
      </SignedInLayout>,
    );
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
