import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkContact } from '../../../domain/contact.ts';
import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { parseForm, summaryOf } from '../../http/input.ts';
import { guardStep, stepOf } from '../../wizard/step-map.ts';
import { transferMessages as m } from './messages.ts';
import { TransferLoginPage, TransferSummaryPage } from './pages.tsx';
import { CONTACT_FIELDS, ContactForm, LOGIN_FIELDS, LoginForm, transferWizard } from './schema.ts';

const hhmm = new Intl.DateTimeFormat('pl-PL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Warsaw' });
const LONG_DATE = new Intl.DateTimeFormat('pl-PL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDate = (iso: string) => LONG_DATE.format(new Date(`${iso}T00:00:00Z`));

const LOGIN_PATH = stepOf(transferWizard, 'login').path;
const SUMMARY_PATH = stepOf(transferWizard, 'summary').path;

/** "Przenoszę uprawnienia z SSOZ I": two steps of a step map, the second refused until the first succeeded (signed-in scope). */
export async function transferRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.transfer;
  const both = (text: string) => ({ summary: [{ href: '#f-login', text }], errors: { login: m.fieldInvalid, password: m.fieldInvalid } });

  app.get(LOGIN_PATH, async (req, reply) => reply.html(TransferLoginPage({ frame: frameOf(req, reply) })));

  app.post(LOGIN_PATH, { config: { rateLimit: { max: 20, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const form = parseForm(LoginForm, req.body, LOGIN_FIELDS);
    if (!form.ok) {
      // a forbidden character or an overlong value: its own message next to the field
      const errors = { login: m.fieldInvalid, password: m.fieldInvalid, ...form.errors };
      return reply.html(TransferLoginPage({ frame: frameOf(req, reply), login: form.values.login ?? '', summary: form.summary, errors }), 400);
    }
    const { login, password } = form.data;
    const page = (text: string, status: number) => reply.html(TransferLoginPage({ frame: frameOf(req, reply), login, ...both(text) }), status);
    if (!login || !password) return page(m.summaryInvalid, 400);
    const r = await s().verify(ctxOf(req), { login, password });
    if (!r.ok) {
      switch (r.reason) {
        case 'invalid':
          return page(m.summaryInvalid, 400);
        case 'locked':
          return page(m.locked(hhmm.format(r.until)), 429);
        case 'too_old':
          return page(m.tooOld(longDate(app.deps.config.legacyCutoffDate)), 400);
        case 'transferred':
          return page(m.transferred, 409);
        case 'no_roles':
          return page(m.noRoles, 400);
      }
    }
    return reply.redirect(SUMMARY_PATH, 303);
  });

  const summaryPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    legacyId: string,
    values: { phone: string; email: string },
    errors?: Record<string, string>,
  ) => {
    const summary = await s().summary(ctxOf(req), { legacyId });
    if (!summary) return reply.redirect(LOGIN_PATH, 303);
    return reply.html(
      TransferSummaryPage({
        frame: frameOf(req, reply),
        s: summary,
        values,
        summary: errors ? summaryOf(errors, CONTACT_FIELDS) : [],
        ...(errors ? { errors } : {}),
      }),
      errors ? 400 : 200,
    );
  };

  app.get(SUMMARY_PATH, async (req, reply) => {
    const ctx = ctxOf(req);
    const verified = await s().verified(ctx);
    const guard = guardStep(transferWizard, 'summary', verified);
    if (!guard.ok || !verified) return reply.redirect(guard.ok ? LOGIN_PATH : guard.redirect, 303);
    return summaryPage(req, reply, verified.legacyId, { phone: '', email: ctx.actor.email ?? '' });
  });

  app.post(SUMMARY_PATH, async (req, reply) => {
    const form = parseForm(ContactForm, req.body, CONTACT_FIELDS);
    const contact = form.ok ? checkContact(form.data) : null;
    if (!contact?.ok) {
      const verified = await s().verified(ctxOf(req));
      const guard = guardStep(transferWizard, 'summary', verified);
      if (!guard.ok || !verified) return reply.redirect(guard.ok ? LOGIN_PATH : guard.redirect, 303);
      const errors: Record<string, string> = form.ok ? { ...contact?.errors } : form.errors;
      const values = form.ok ? (contact && !contact.ok ? contact.typed : form.data) : { phone: form.values.phone ?? '', email: form.values.email ?? '' };
      return summaryPage(req, reply, verified.legacyId, values, errors);
    }
    // the service checks the step itself, in the transaction that completes it
    const r = await s().complete(ctxOf(req), { phone: contact.phone, email: contact.email });
    if (!r) return reply.redirect(LOGIN_PATH, 303);
    if (!r.ok) {
      // a second "Zakończ" (double submit) finds the transfer done: show the result, not an error
      return reply.redirect(r.reason === 'transferred' ? '/start' : LOGIN_PATH, 303);
    }
    // the new profile is active at once: work in it
    await req.saveSessionData({ profileId: r.profileId });
    return reply.redirect('/start?przeniesiono=1', 303);
  });
}
