import { checkContact } from '../../../domain/contact.ts';
import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { parseForm, summaryOf } from '../../http/input.ts';
import { ContactEditPage, WithdrawPage } from './pages.tsx';
import { CONTACT_FIELDS, ContactForm, IdParams, WorkForm } from './schema.ts';

/** Working in a profile, withdrawing a request, editing contact data (signed-in scope). */
export async function profileRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.profiles;

  app.post('/profil/:id/pracuj', { schema: { params: IdParams } }, async (req, reply) => {
    const profileId = await s().work(ctxOf(req), { profileId: req.params.id });
    await req.saveSessionData({ profileId });
    return reply.redirect('/start', 303);
  });
  app.post('/profil/pracuj', async (req, reply) => {
    const form = parseForm(WorkForm, req.body, ['profileId']);
    const profileId = await s().work(ctxOf(req), { profileId: form.ok ? form.data.profileId : '' });
    await req.saveSessionData({ profileId });
    return reply.redirect('/start', 303);
  });

  app.get('/wnioski/:id/wycofaj', { schema: { params: IdParams } }, async (req, reply) => {
    const r = await s().withdrawal(ctxOf(req), { requestId: req.params.id });
    if (!r) return reply.redirect('/moje-konto', 303);
    return reply.html(
      WithdrawPage({
        frame: frameOf(req, reply),
        requestId: r.request.id,
        unitName: r.unitName,
        kindCode: r.kindCode,
        roleName: r.roleName,
        number: r.request.number,
        submittedAt: r.request.submittedAt,
      }),
    );
  });

  app.post('/wnioski/:id/wycofaj', { schema: { params: IdParams } }, async (req, reply) => {
    const r = await s().withdraw(ctxOf(req), { requestId: req.params.id });
    // a second click, or a request decided meanwhile: nothing was withdrawn now, so no notice says so
    return reply.redirect(r === 'ok' ? '/moje-konto?wycofano=1' : '/moje-konto', 303);
  });

  app.get('/profil/:id/dane-kontaktowe', { schema: { params: IdParams } }, async (req, reply) => {
    const p = await s().contact(ctxOf(req), { profileId: req.params.id });
    return reply.html(
      ContactEditPage({
        frame: frameOf(req, reply),
        profileId: p.profile.id,
        unitName: p.unitName,
        values: { phone: p.profile.phone, email: p.profile.email },
      }),
    );
  });

  app.post('/profil/:id/dane-kontaktowe', { schema: { params: IdParams } }, async (req, reply) => {
    const p = await s().contact(ctxOf(req), { profileId: req.params.id });
    const form = parseForm(ContactForm, req.body, CONTACT_FIELDS);
    const contact = form.ok ? checkContact(form.data) : null;
    if (!contact?.ok) {
      const errors: Record<string, string> = form.ok ? { ...contact?.errors } : form.errors;
      const values = form.ok ? (contact && !contact.ok ? contact.typed : form.data) : { phone: form.values.phone ?? '', email: form.values.email ?? '' };
      return reply.html(
        ContactEditPage({
          frame: frameOf(req, reply),
          profileId: p.profile.id,
          unitName: p.unitName,
          values,
          summary: summaryOf(errors, CONTACT_FIELDS),
          errors,
        }),
        400,
      );
    }
    await s().updateContact(ctxOf(req), { profileId: p.profile.id, phone: contact.phone, email: contact.email });
    // the profile's details open on "Dane kontaktowe użytkownika", showing the values just saved
    return reply.redirect(`/moje-konto?zapisano=1&profil=${p.profile.id}#profil-${p.profile.id}-kontakt`, 303);
  });
}
