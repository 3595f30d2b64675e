import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkContact } from '../../../domain/contact.ts';
import { notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { formValues } from '../../../lib/forms.ts';
import { signedInFrame } from '../../http/frame.ts';
import { requireUser } from '../../session/guard.ts';
import { ContactEditPage, WithdrawPage } from './pages.tsx';
import { ownProfile, ownRequest, updateContact, withdrawRequest } from './service.ts';

type IdParams = { Params: { id: string } };

/** Working in a profile, withdrawing a request, editing contact data: each on the user's own records only. */
export async function profileRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.deps.database.db;
  const meta = (req: FastifyRequest) => ({ ip: req.ip, requestId: req.id });
  const uid = (req: FastifyRequest) => req.session!.userId!;
  const opts = { preHandler: requireUser };

  /** "Pracuj w profilu" / "Pracuj w tym profilu": only an active profile of the user's own. */
  const work = async (req: FastifyRequest, profileId: string) => {
    const own = await ownProfile(db(), uid(req), profileId);
    if (!own || own.profile.status !== 'aktywny') throw notFound();
    await req.saveSessionData({ profileId: own.profile.id });
    await recordAudit(db(), { action: 'profile.selected', actorUserId: uid(req), subjectType: 'profile', subjectId: own.profile.id, ip: req.ip, requestId: req.id });
  };
  app.post<IdParams>('/profil/:id/pracuj', opts, async (req, reply) => {
    await work(req, req.params.id);
    return reply.redirect('/start', 303);
  });
  app.post('/profil/pracuj', opts, async (req, reply) => {
    await work(req, String(formValues(req.body).profileId ?? ''));
    return reply.redirect('/start', 303);
  });

  app.get<IdParams>('/wnioski/:id/wycofaj', opts, async (req, reply) => {
    const own = await ownRequest(db(), uid(req), req.params.id);
    if (!own) throw notFound();
    if (own.request.status !== 'oczekujacy') return reply.redirect('/moje-konto', 303);
    return reply.html(
      WithdrawPage({
        frame: await signedInFrame(app, req, reply), requestId: own.request.id, unitName: own.unitName, kindCode: own.kindCode, roleName: own.roleName,
        number: own.request.number, submittedAt: own.request.submittedAt,
      }),
    );
  });

  app.post<IdParams>('/wnioski/:id/wycofaj', opts, async (req, reply) => {
    const r = await withdrawRequest(db(), { userId: uid(req), requestId: req.params.id, now: app.deps.now(), meta: meta(req) });
    if (r === 'not_found') throw notFound();
    // a second click, or a request decided meanwhile: nothing was withdrawn now, so no notice says so
    return reply.redirect(r === 'ok' ? '/moje-konto?wycofano=1' : '/moje-konto', 303);
  });

  app.get<IdParams>('/profil/:id/dane-kontaktowe', opts, async (req, reply) => {
    const own = await ownProfile(db(), uid(req), req.params.id);
    if (!own) throw notFound();
    return reply.html(ContactEditPage({ frame: await signedInFrame(app, req, reply), profileId: own.profile.id, unitName: own.unitName, values: { phone: own.profile.phone, email: own.profile.email } }));
  });

  app.post<IdParams>('/profil/:id/dane-kontaktowe', opts, async (req, reply) => {
    const own = await ownProfile(db(), uid(req), req.params.id);
    if (!own) throw notFound();
    const contact = checkContact(formValues(req.body));
    if (!contact.ok) {
      const errors: Record<string, string> = { ...contact.errors };
      const summary = (['phone', 'email'] as const).filter((f) => errors[f]).map((f) => ({ href: `#f-${f}`, text: errors[f] as string }));
      return reply.html(ContactEditPage({ frame: await signedInFrame(app, req, reply), profileId: own.profile.id, unitName: own.unitName, values: contact.typed, summary, errors }), 400);
    }
    await updateContact(db(), { userId: uid(req), profileId: own.profile.id, phone: contact.phone, email: contact.email, now: app.deps.now(), meta: meta(req) });
    // the profile's details open on "Dane kontaktowe użytkownika", showing the values just saved
    return reply.redirect(`/moje-konto?zapisano=1&profil=${own.profile.id}#profil-${own.profile.id}-kontakt`, 303);
  });
}
