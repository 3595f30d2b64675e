import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountAfterPz } from '../../account/service.ts';
import { passwordFailureMessage, pzMessages, sendCodeFailureMessage, verifyCodeFailureMessage } from '../../pz/messages.ts';
import { checkPassword, credentialPhone, maskPhone, registerPzAccount, sendCode, startAttempt, verifyCode } from '../../pz/service.ts';
import { nextPath, requestMeta, setAttemptCookie, type UidParams } from '../flow.ts';
import { firstError, readForm } from '../input.ts';
import { interactionOf } from '../scope.ts';
import { PZ_REGISTER_FIELDS, PzCodePage, PzLoginPage, PzRegisterPage } from './pages.tsx';
import { csrfToken } from '../../../lib/csrf.ts';
import { summaryOf } from '../../../lib/input.ts';

const LOGIN_FIELDS = { login: 'Nazwa użytkownika lub adres e-mail', password: 'Hasło' } as const;
const CODE_FIELDS = { code: 'Kod autoryzacyjny' } as const;
const REGISTER_FIELDS = {
  firstName: 'Imię',
  lastName: 'Nazwisko',
  pesel: 'Numer PESEL',
  email: 'Adres e-mail',
  phone: 'Numer telefonu komórkowego',
  username: 'Nazwa użytkownika',
  password: 'Hasło',
} as const;

/**
 * The simulated Profil Zaufany (demo only): password, SMS code, "Załącz profil". Registered inside
 * the interaction scope, so each handler finds the interaction and the attempt on `req.ueoz`.
 */
export async function profilZaufanyRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.deps.database.db;
  const now = () => app.deps.now();
  const { config } = app.deps;

  /** A new attempt for this interaction (a page opened afresh, or one that ran out). */
  const restart = async (req: FastifyRequest<UidParams>, reply: FastifyReply) => {
    setAttemptCookie(reply, await startAttempt(db(), { interactionUid: req.params.uid, ip: req.ip, now: now() }), config);
  };

  const phoneOf = async (credentialId: string | null) => maskPhone(await credentialPhone(db(), credentialId));

  app.get<UidParams>('/ueoz/logowanie/:uid/pz', async (req, reply) => {
    const { attempt } = interactionOf(req);
    if (attempt?.stage !== 'password') await restart(req, reply);
    const q = req.query as Record<string, unknown>;
    return reply.html(PzLoginPage({ uid: req.params.uid, csrf: csrfToken(reply), ...(q.utworzono ? { info: pzMessages.registered } : {}) }));
  });

  app.post<UidParams>('/ueoz/logowanie/:uid/pz', { config: { rateLimit: { max: 30, timeWindow: '5 minutes' } } }, async (req, reply) => {
    const { attempt, base } = interactionOf(req);
    const form = readForm(req.body, LOGIN_FIELDS);
    const csrf = csrfToken(reply);
    const login = form.values.login ?? '';
    // an attempt that ran out (or has already finished) is replaced, so the form with the message works on the next submit
    if (!attempt) {
      await restart(req, reply);
      return reply.html(PzLoginPage({ uid: req.params.uid, csrf, login, error: form.ok ? pzMessages.attemptExpired : firstError(form) }), 400);
    }
    if (!form.ok) return reply.html(PzLoginPage({ uid: req.params.uid, csrf, login, error: firstError(form) }), 400);
    const r = await checkPassword(db(), { attemptId: attempt.id, login: login.trim(), password: form.values.password, now: now(), meta: requestMeta(req) });
    if (!r.ok && r.reason === 'attempt_expired') await restart(req, reply);
    if (!r.ok) return reply.html(PzLoginPage({ uid: req.params.uid, csrf, login, error: passwordFailureMessage(r) }), r.reason === 'locked' ? 429 : 401);
    const sent = await sendCode(db(), app.deps.outbox, { attemptId: attempt.id, now: now(), meta: requestMeta(req) });
    if (!sent.ok) return reply.html(PzLoginPage({ uid: req.params.uid, csrf, login, error: sendCodeFailureMessage(sent.reason) }), 429);
    return reply.redirect(`${base}/kod`, 303);
  });

  app.get<UidParams>('/ueoz/logowanie/:uid/kod', { config: { ueozStep: 'code' } }, async (req, reply) => {
    const { attempt } = interactionOf(req);
    const q = req.query as Record<string, unknown>;
    return reply.html(
      PzCodePage({
        uid: req.params.uid,
        csrf: csrfToken(reply),
        phoneMasked: await phoneOf(attempt?.credentialId ?? null),
        ...(q.nowy ? { info: pzMessages.codeResent } : {}),
      }),
    );
  });

  app.post<UidParams>('/ueoz/logowanie/:uid/kod', { config: { ueozStep: 'code', rateLimit: { max: 30, timeWindow: '5 minutes' } } }, async (req, reply) => {
    const { attempt, uid } = interactionOf(req);
    if (!attempt) throw new Error('code step without an attempt');
    const codePage = async (error: string, status: number) =>
      reply.html(PzCodePage({ uid, csrf: csrfToken(reply), phoneMasked: await phoneOf(attempt.credentialId), error }), status);
    const form = readForm(req.body, CODE_FIELDS);
    if (!form.ok) return codePage(firstError(form), 400);
    const r = await verifyCode(db(), { attemptId: attempt.id, code: form.values.code.replace(/\s+/g, ''), now: now(), meta: requestMeta(req) });
    if (!r.ok) return codePage(verifyCodeFailureMessage(r), 401);
    const acc = await accountAfterPz(
      { db: db(), queue: app.deps.queue },
      {
        attemptId: attempt.id,
        pesel: r.credential.pesel,
        firstName: r.credential.firstName,
        lastName: r.credential.lastName,
        now: now(),
        meta: requestMeta(req),
      },
    );
    return reply.redirect(nextPath(uid, { stage: 'authenticated' }, acc), 303);
  });

  app.post<UidParams>(
    '/ueoz/logowanie/:uid/kod/nowy',
    { config: { ueozStep: 'code', rateLimit: { max: 10, timeWindow: '5 minutes' } } },
    async (req, reply) => {
      const { attempt, base, uid } = interactionOf(req);
      if (!attempt) throw new Error('code step without an attempt');
      const sent = await sendCode(db(), app.deps.outbox, { attemptId: attempt.id, now: now(), meta: requestMeta(req) });
      if (!sent.ok) {
        return reply.html(
          PzCodePage({ uid, csrf: csrfToken(reply), phoneMasked: await phoneOf(attempt.credentialId), error: sendCodeFailureMessage(sent.reason) }),
          429,
        );
      }
      return reply.redirect(`${base}/kod?nowy=1`, 303);
    },
  );

  app.get<UidParams>('/ueoz/logowanie/:uid/pz/zaloz', async (req, reply) => reply.html(PzRegisterPage({ uid: req.params.uid, csrf: csrfToken(reply) })));

  app.post<UidParams>('/ueoz/logowanie/:uid/pz/zaloz', { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const { base, uid } = interactionOf(req);
    const form = readForm(req.body, REGISTER_FIELDS);
    const registerPage = (errors: Record<string, string>, values: Record<string, string | undefined>) => {
      const summary = [
        ...(errors._form ? [{ href: '#f-firstName', text: errors._form }] : []),
        ...summaryOf({ ...errors, _form: undefined }, PZ_REGISTER_FIELDS),
      ];
      // the password is never sent back
      const { password: _omit, ...kept } = values;
      const shown = Object.fromEntries(Object.entries(kept).filter((e): e is [string, string] => typeof e[1] === 'string'));
      return reply.html(PzRegisterPage({ uid, csrf: csrfToken(reply), values: shown, errors, summary }), 400);
    };
    if (!form.ok) return registerPage(form.errors as Record<string, string>, form.values);
    const r = await registerPzAccount(db(), { ...form.values, now: now(), meta: requestMeta(req) });
    if (!r.ok) return registerPage(r.errors, form.values);
    return reply.redirect(`${base}/pz?utworzono=1`, 303);
  });
}
