import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { parseForm } from '../../http/input.ts';
import { safeRelativePath } from '../../session/guard.ts';
import { ReminderPage } from './pages.tsx';
import { IdParams, OptOutForm, ReminderForm, ReminderQuery } from './schema.ts';

/**
 * "Brak załączników do wniosków o rolę": shown after each login while pending requests have no safe
 * file and no opt-out (a page, so it works without JavaScript), and the per-request opt-out (signed-in scope).
 */
export async function reminderRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.reminders;

  app.get('/przypomnienie', { schema: { querystring: ReminderQuery } }, async (req, reply) => {
    const next = safeRelativePath(req.query.next);
    const missing = await s().missing(ctxOf(req));
    if (missing.length === 0) return reply.redirect(next ?? '/start', 303);
    return reply.html(ReminderPage({ frame: frameOf(req, reply), missing, next }));
  });

  // after the reminder the user goes where the login was heading (a same-site path only)
  app.post('/przypomnienie', async (req, reply) => {
    const form = parseForm(ReminderForm, req.body, ['next']);
    return reply.redirect((form.ok ? safeRelativePath(form.data.next) : null) ?? '/start', 303);
  });

  /** "Plik został wysłany mailem lub wydruk pocztą — nie przypominaj mi o braku załącznika do tego wniosku" */
  app.post('/wnioski/:id/bez-przypomnien', { schema: { params: IdParams } }, async (req, reply) => {
    const form = parseForm(OptOutForm, req.body, ['optOut']);
    await s().setOptOut(ctxOf(req), { requestId: req.params.id, optOut: form.ok && form.data.optOut === 'tak' });
    return reply.redirect('/moje-konto?zapisano-przypomnienie=1#oczekujace-wnioski', 303);
  });
}
