import type { FastifyInstance } from 'fastify';
import { activateByToken, checkActivationToken, resendActivation } from '../../account/service.ts';
import { getAttempt } from '../../pz/service.ts';
import { attemptIdOf, interactionBase, requestMeta, type UidParams } from '../flow.ts';
import { readForm } from '../input.ts';
import { authenticatedOf } from '../scope.ts';
import { ActivatePage, ActivationLinkPage, ActivationResultPage } from './pages.tsx';
import { csrfToken } from '../../../lib/csrf.ts';

export const activationMessages = {
  resent: 'Wysłaliśmy nową wiadomość z linkiem aktywacyjnym.',
  tooSoon: 'Nowy e-mail możesz zamówić raz na minutę. Spróbuj za chwilę.',
  tooMany: 'Wysłaliśmy już 5 wiadomości w ciągu godziny. Spróbuj później.',
} as const;

/** "Aktywuj konto" inside the sign-in: the e-mail was sent, "Chcę dostać nowy e-mail". */
export async function activationRoutes(app: FastifyInstance): Promise<void> {
  const step = { config: { ueozStep: 'activation_required' as const } };

  app.get<UidParams>('/ueoz/logowanie/:uid/aktywacja', step, async (req, reply) => {
    const { account, uid } = authenticatedOf(req);
    const q = req.query as Record<string, unknown>;
    const info = q.wyslano ? activationMessages.resent : undefined;
    const error = q.blad === 'za-wczesnie' ? activationMessages.tooSoon : q.blad === 'limit' ? activationMessages.tooMany : undefined;
    return reply.html(ActivatePage({ uid, csrf: csrfToken(reply), email: account.email ?? '', ...(info ? { info } : {}), ...(error ? { error } : {}) }));
  });

  app.post<UidParams>('/ueoz/logowanie/:uid/aktywacja/nowy-email', step, async (req, reply) => {
    const { account, base } = authenticatedOf(req);
    const r = await resendActivation(
      { db: app.deps.database.db, outbox: app.deps.outbox, publicUrl: app.deps.config.publicUrl },
      { accountId: account.id, now: app.deps.now(), meta: requestMeta(req) },
    );
    const q = r.ok ? 'wyslano=1' : r.reason === 'too_soon' ? 'blad=za-wczesnie' : 'blad=limit';
    return reply.redirect(`${base}/aktywacja?${q}`, 303);
  });
}

/**
 * The link from the activation e-mail (outside any sign-in). GET shows the "Aktywuj konto" button and
 * spends nothing; POST activates, and in the browser that started the login continues it.
 */
export async function activationLinkRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.deps.database.db;

  app.get('/ueoz/aktywuj', async (req, reply) => {
    const token = (req.query as Record<string, unknown>).token;
    const r = await checkActivationToken(db(), { token: typeof token === 'string' ? token : '', now: app.deps.now(), meta: requestMeta(req) });
    if (!r.ok) return reply.html(ActivationResultPage({ status: r.reason }), r.reason === 'invalid' ? 400 : 410);
    return reply.html(ActivationLinkPage({ token: token as string, csrf: csrfToken(reply) }));
  });

  app.post('/ueoz/aktywuj', async (req, reply) => {
    const form = readForm(req.body, { token: 'Link aktywacyjny' });
    if (!form.ok) return reply.html(ActivationResultPage({ status: 'invalid' }), 400);
    const r = await activateByToken(db(), { token: form.values.token, now: app.deps.now(), meta: requestMeta(req) });
    if (!r.ok) return reply.html(ActivationResultPage({ status: r.reason }), r.reason === 'invalid' ? 400 : 410);
    const attemptId = attemptIdOf(req);
    const a = attemptId ? await getAttempt(db(), attemptId, app.deps.now()) : null;
    if (a && a.accountId === r.accountId && a.stage === 'authenticated') return reply.redirect(`${interactionBase(a.interactionUid)}/dokoncz`, 303);
    return reply.html(ActivationResultPage({ status: 'ok' }));
  });
}
