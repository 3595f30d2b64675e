import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findUser } from '../../../db/repositories/users.ts';
import { checkContact } from '../../../domain/contact.ts';
import { formValues } from '../../../lib/forms.ts';
import { signedInFrame } from '../../http/frame.ts';
import { requireUser } from '../../session/guard.ts';
import { transferMessages as m } from './messages.ts';
import { completeTransfer, transferSummary, verifyLegacyAccount } from './service.ts';
import { TransferLoginPage, TransferSummaryPage } from './pages.tsx';

/** A verified SSOZ I account is remembered in the session for this long before step 2 must be done. */
const VERIFIED_TTL_MS = 15 * 60_000;

const hhmm = new Intl.DateTimeFormat('pl-PL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Warsaw' });
const longDate = (iso: string) => new Intl.DateTimeFormat('pl-PL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** "Przenoszę uprawnienia z SSOZ I": two steps, the second refused until the first succeeded. */
export async function transferRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.deps.database.db;
  const meta = (req: FastifyRequest) => ({ ip: req.ip, requestId: req.id });
  const both = (text: string) => ({ summary: [{ href: '#f-login', text }], errors: { login: m.fieldInvalid, password: m.fieldInvalid } });

  const verifiedLegacyId = (req: FastifyRequest): string | null => {
    const v = req.session?.data.ssoz1 as { legacyId?: string; at?: number } | undefined;
    if (!v?.legacyId || !v.at || app.deps.now().getTime() - v.at > VERIFIED_TTL_MS) return null;
    return v.legacyId;
  };

  app.get('/profil/przeniesienie', { preHandler: requireUser }, async (req, reply) => reply.html(TransferLoginPage({ frame: await signedInFrame(app, req, reply) })));

  app.post('/profil/przeniesienie', { preHandler: requireUser, config: { rateLimit: { max: 20, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const v = formValues(req.body);
    const login = (v.login ?? '').trim();
    const password = v.password ?? '';
    const page = async (text: string, status: number) => reply.html(TransferLoginPage({ frame: await signedInFrame(app, req, reply), login, ...both(text) }), status);
    if (!login || !password) return page(m.summaryInvalid, 400);
    const r = await verifyLegacyAccount(db(), { login, password, userId: req.session!.userId!, cutoff: app.deps.config.legacyCutoffDate, now: app.deps.now(), meta: meta(req) });
    if (!r.ok) {
      switch (r.reason) {
        case 'invalid': return page(m.summaryInvalid, 400);
        case 'locked': return page(m.locked(hhmm.format(r.until)), 429);
        case 'too_old': return page(m.tooOld(longDate(app.deps.config.legacyCutoffDate)), 400);
        case 'transferred': return page(m.transferred, 409);
        case 'no_roles': return page(m.noRoles, 400);
      }
    }
    await req.saveSessionData({ ssoz1: { legacyId: r.legacyId, at: app.deps.now().getTime() } });
    return reply.redirect('/profil/przeniesienie/podsumowanie', 303);
  });

  const summaryPage = async (req: FastifyRequest, reply: FastifyReply, legacyId: string, values: Record<string, string>, errors?: Record<string, string>, status = 200) => {
    const s = await transferSummary(db(), legacyId);
    if (!s) return reply.redirect('/profil/przeniesienie', 303);
    const summary = errors ? (['phone', 'email'] as const).filter((f) => errors[f]).map((f) => ({ href: `#f-${f}`, text: errors[f] as string })) : [];
    return reply.html(TransferSummaryPage({ frame: await signedInFrame(app, req, reply), s, values, summary, ...(errors ? { errors } : {}) }), status);
  };

  app.get('/profil/przeniesienie/podsumowanie', { preHandler: requireUser }, async (req, reply) => {
    const legacyId = verifiedLegacyId(req);
    if (!legacyId) return reply.redirect('/profil/przeniesienie', 303);
    const user = await findUser(db(), req.session!.userId!);
    return summaryPage(req, reply, legacyId, { phone: '', email: user?.email ?? '' });
  });

  app.post('/profil/przeniesienie/podsumowanie', { preHandler: requireUser }, async (req, reply) => {
    const legacyId = verifiedLegacyId(req);
    if (!legacyId) return reply.redirect('/profil/przeniesienie', 303);
    const v = formValues(req.body);
    const contact = checkContact(v);
    if (!contact.ok) return summaryPage(req, reply, legacyId, v, { ...contact.errors }, 400);
    const r = await completeTransfer(db(), { legacyId, userId: req.session!.userId!, phone: contact.phone, email: contact.email, now: app.deps.now(), meta: meta(req) });
    // the new profile is active at once: work in it
    await req.saveSessionData({ ssoz1: undefined, ...(r.ok ? { profileId: r.profileId } : {}) });
    if (!r.ok) {
      // a second "Zakończ" (double submit) finds the transfer done: show the result, not an error
      return reply.redirect(r.reason === 'transferred' ? '/start' : '/profil/przeniesienie', 303);
    }
    return reply.redirect('/start?przeniesiono=1', 303);
  });
}
