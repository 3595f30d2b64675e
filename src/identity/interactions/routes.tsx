import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { z } from 'zod';
import { accounts, pzCredentials } from '../../db/schema/index.ts';
import { maskPesel } from '../../domain/identifiers.ts';
import { validateForm, formValues } from '../../lib/forms.ts';
import { abortMigration, accountAfterPz, activateByToken, isLoginTaken, latestMigration, resendActivation, skipMigration, updateAccountInfo, type AccountRow } from '../account/service.ts';
import { recordIdentityAudit } from '../audit.ts';
import { passwordFailureMessage, pzMessages, sendCodeFailureMessage, verifyCodeFailureMessage } from '../pz/messages.ts';
import { checkPassword, getAttempt, maskPhone, registerPzAccount, sendCode, startAttempt, verifyCode, type LoginAttempt } from '../pz/service.ts';
import { loginAttempts } from '../../db/schema/index.ts';
import { INTERACTION_PREFIX } from '../provider.ts';
import {
  ActivatePage, ActivationResultPage, MigrationSearchPage, PZ_REGISTER_FIELDS, PzCodePage, PzLoginPage, PzRegisterPage, UPDATE_FIELDS,
  UeozLoginPage, UpdateAccountPage, Z02Page,
} from './pages.tsx';
import { InteractionExpiredPage } from './expired.tsx';

const ATTEMPT_COOKIE = 'ueoz-attempt';
type Params = { Params: { uid: string } };

const UpdateForm = z
  .object({
    login: z.string({ error: 'Wpisz login' }).trim().min(1, 'Wpisz login').regex(/^[A-Za-z0-9._-]{3,50}$/, 'Login może mieć od 3 do 50 znaków: litery, cyfry, kropkę, podkreślenie lub myślnik'),
    email: z.string({ error: 'Wpisz adres e-mail' }).trim().min(1, 'Wpisz adres e-mail').max(254, 'Adres e-mail jest za długi').pipe(z.email('Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl')),
    email2: z.string({ error: 'Powtórz adres e-mail' }).trim().min(1, 'Powtórz adres e-mail'),
    terms: z.literal('tak', { error: 'Zaznacz, że znasz Warunki korzystania z serwisu' }),
  });

/**
 * The UEOZ interaction pages: Profil Zaufany (demo simulator), SMS code, first-login migration,
 * "Zaktualizuj informacje konta", "Aktywuj konto". They run inside one oidc-provider interaction;
 * its uid is in every path so the provider's interaction cookie (scoped to that path) comes along.
 */
export async function interactionRoutes(app: FastifyInstance, opts: { provider: Provider }): Promise<void> {
  const { provider } = opts;
  const db = () => app.deps.database.db;
  const now = () => app.deps.now();
  const meta = (req: FastifyRequest) => ({ ip: req.ip, requestId: req.id });
  const pzAvailable = app.deps.config.demo;
  const cookieOpts = { path: '/ueoz', httpOnly: true, sameSite: 'lax' as const, secure: app.deps.config.isProduction, signed: true };
  const base = (uid: string) => `${INTERACTION_PREFIX}/${encodeURIComponent(uid)}`;

  /** The live interaction of this path, or null (expired / unknown / another browser). */
  async function interaction(req: FastifyRequest<Params>, reply: FastifyReply) {
    try {
      const details = await provider.interactionDetails(req.raw, reply.raw);
      return details.uid === req.params.uid ? details : null;
    } catch {
      return null;
    }
  }

  async function attemptOf(req: FastifyRequest<Params>): Promise<LoginAttempt | null> {
    const c = req.cookies[ATTEMPT_COOKIE];
    const un = c ? req.unsignCookie(c) : null;
    if (!un?.valid || !un.value) return null;
    const a = await getAttempt(db(), un.value, now());
    return a && a.interactionUid === req.params.uid ? a : null;
  }

  async function accountOf(a: LoginAttempt): Promise<AccountRow | null> {
    if (!a.accountId) return null;
    const [acc] = await db().select().from(accounts).where(eq(accounts.id, a.accountId));
    return acc ?? null;
  }

  /** Where an attempt goes next; 'finish' ends the interaction with a login. */
  function nextPath(uid: string, a: LoginAttempt, acc: AccountRow | null): string {
    if (a.stage === 'password') return `${base(uid)}/pz`;
    if (a.stage === 'code') return `${base(uid)}/kod`;
    switch (acc?.status) {
      case 'migration': return `${base(uid)}/migracja`;
      case 'update_required': return `${base(uid)}/konto`;
      case 'activation_required': return `${base(uid)}/aktywacja`;
      case 'active': return `${base(uid)}/dokoncz`;
      default: return `${base(uid)}/pz`;
    }
  }

  /** Common guard of every step: live interaction and this browser's authenticated attempt. */
  async function authenticated(req: FastifyRequest<Params>, reply: FastifyReply, status: AccountRow['status'] | null) {
    if (!(await interaction(req, reply))) {
      await reply.html(InteractionExpiredPage(), 410);
      return null;
    }
    const a = await attemptOf(req);
    if (!a) {
      await reply.redirect(`${base(req.params.uid)}/pz`, 303);
      return null;
    }
    const acc = a.stage === 'authenticated' ? await accountOf(a) : null;
    if (!acc || (status && acc.status !== status)) {
      await reply.redirect(nextPath(req.params.uid, a, acc), 303);
      return null;
    }
    return { attempt: a, account: acc };
  }

  app.get<Params>(`${INTERACTION_PREFIX}/:uid`, async (req, reply) => {
    if (!(await interaction(req, reply))) return reply.html(InteractionExpiredPage(), 410);
    return reply.html(UeozLoginPage({ uid: req.params.uid, pzAvailable }));
  });

  if (pzAvailable) {
    app.get<Params>(`${INTERACTION_PREFIX}/:uid/pz`, async (req, reply) => {
      if (!(await interaction(req, reply))) return reply.html(InteractionExpiredPage(), 410);
      const a = await attemptOf(req);
      if (!a || a.stage !== 'password') {
        const id = await startAttempt(db(), { interactionUid: req.params.uid, ip: req.ip, now: now() });
        reply.setCookie(ATTEMPT_COOKIE, id, cookieOpts);
      }
      const q = req.query as Record<string, string | undefined>;
      return reply.html(PzLoginPage({ uid: req.params.uid, csrf: reply.generateCsrf(), ...(q.utworzono ? { info: 'Konto Profilu Zaufanego zostało utworzone. Zaloguj się.' } : {}) }));
    });

    app.post<Params>(`${INTERACTION_PREFIX}/:uid/pz`, { config: { rateLimit: { max: 30, timeWindow: '5 minutes' } } }, async (req, reply) => {
      if (!(await interaction(req, reply))) return reply.html(InteractionExpiredPage(), 410);
      const a = await attemptOf(req);
      const v = formValues(req.body);
      const csrf = reply.generateCsrf();
      // an attempt that ran out (or has already finished) is replaced, so the form with the message works on the next submit
      const restart = async () => {
        reply.setCookie(ATTEMPT_COOKIE, await startAttempt(db(), { interactionUid: req.params.uid, ip: req.ip, now: now() }), cookieOpts);
      };
      if (!a) {
        await restart();
        return reply.html(PzLoginPage({ uid: req.params.uid, csrf, login: v.login ?? '', error: pzMessages.attemptExpired }), 400);
      }
      const r = await checkPassword(db(), { attemptId: a.id, login: (v.login ?? '').trim(), password: v.password ?? '', now: now(), meta: meta(req) });
      if (!r.ok && r.reason === 'attempt_expired') await restart();
      if (!r.ok) return reply.html(PzLoginPage({ uid: req.params.uid, csrf, login: v.login ?? '', error: passwordFailureMessage(r) }), r.reason === 'locked' ? 429 : 401);
      const sent = await sendCode(db(), app.deps.outbox, { attemptId: a.id, now: now(), meta: meta(req) });
      if (!sent.ok) return reply.html(PzLoginPage({ uid: req.params.uid, csrf, login: v.login ?? '', error: sendCodeFailureMessage(sent.reason) }), 429);
      return reply.redirect(`${base(req.params.uid)}/kod`, 303);
    });

    app.get<Params>(`${INTERACTION_PREFIX}/:uid/kod`, async (req, reply) => {
      if (!(await interaction(req, reply))) return reply.html(InteractionExpiredPage(), 410);
      const a = await attemptOf(req);
      if (!a || a.stage !== 'code' || !a.credentialId) return reply.redirect(`${base(req.params.uid)}/pz`, 303);
      const [cred] = await db().select({ phone: pzCredentials.phone }).from(pzCredentials).where(eq(pzCredentials.id, a.credentialId));
      const q = req.query as Record<string, string | undefined>;
      return reply.html(PzCodePage({ uid: req.params.uid, csrf: reply.generateCsrf(), phoneMasked: maskPhone(cred?.phone ?? ''), ...(q.nowy ? { info: 'Wysłaliśmy nowy kod autoryzacyjny.' } : {}) }));
    });

    app.post<Params>(`${INTERACTION_PREFIX}/:uid/kod`, { config: { rateLimit: { max: 30, timeWindow: '5 minutes' } } }, async (req, reply) => {
      if (!(await interaction(req, reply))) return reply.html(InteractionExpiredPage(), 410);
      const a = await attemptOf(req);
      if (!a || a.stage !== 'code' || !a.credentialId) return reply.redirect(`${base(req.params.uid)}/pz`, 303);
      const code = (formValues(req.body).code ?? '').replace(/\s+/g, '');
      const r = await verifyCode(db(), { attemptId: a.id, code, now: now(), meta: meta(req) });
      if (!r.ok) {
        const [cred] = await db().select({ phone: pzCredentials.phone }).from(pzCredentials).where(eq(pzCredentials.id, a.credentialId));
        return reply.html(PzCodePage({ uid: req.params.uid, csrf: reply.generateCsrf(), phoneMasked: maskPhone(cred?.phone ?? ''), error: verifyCodeFailureMessage(r) }), 401);
      }
      const acc = await accountAfterPz(
        { db: db(), queue: app.deps.queue },
        { attemptId: a.id, pesel: r.credential.pesel, firstName: r.credential.firstName, lastName: r.credential.lastName, now: now(), meta: meta(req) },
      );
      return reply.redirect(nextPath(req.params.uid, { ...a, stage: 'authenticated' }, acc), 303);
    });

    app.post<Params>(`${INTERACTION_PREFIX}/:uid/kod/nowy`, { config: { rateLimit: { max: 10, timeWindow: '5 minutes' } } }, async (req, reply) => {
      if (!(await interaction(req, reply))) return reply.html(InteractionExpiredPage(), 410);
      const a = await attemptOf(req);
      if (!a || a.stage !== 'code' || !a.credentialId) return reply.redirect(`${base(req.params.uid)}/pz`, 303);
      const sent = await sendCode(db(), app.deps.outbox, { attemptId: a.id, now: now(), meta: meta(req) });
      if (!sent.ok) {
        const [cred] = await db().select({ phone: pzCredentials.phone }).from(pzCredentials).where(eq(pzCredentials.id, a.credentialId));
        return reply.html(PzCodePage({ uid: req.params.uid, csrf: reply.generateCsrf(), phoneMasked: maskPhone(cred?.phone ?? ''), error: sendCodeFailureMessage(sent.reason) }), 429);
      }
      return reply.redirect(`${base(req.params.uid)}/kod?nowy=1`, 303);
    });

    app.get<Params>(`${INTERACTION_PREFIX}/:uid/pz/zaloz`, async (req, reply) => {
      if (!(await interaction(req, reply))) return reply.html(InteractionExpiredPage(), 410);
      return reply.html(PzRegisterPage({ uid: req.params.uid, csrf: reply.generateCsrf() }));
    });

    app.post<Params>(`${INTERACTION_PREFIX}/:uid/pz/zaloz`, { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } }, async (req, reply) => {
      if (!(await interaction(req, reply))) return reply.html(InteractionExpiredPage(), 410);
      const v = formValues(req.body);
      const r = await registerPzAccount(db(), {
        firstName: v.firstName ?? '', lastName: v.lastName ?? '', pesel: v.pesel ?? '', email: v.email ?? '', phone: v.phone ?? '',
        username: v.username ?? '', password: v.password ?? '', now: now(), meta: meta(req),
      });
      if (!r.ok) {
        const summary = PZ_REGISTER_FIELDS.filter((f) => r.errors[f]).map((f) => ({ href: `#f-${f}`, text: r.errors[f] as string }));
        const { password: _omit, ...kept } = v;
        return reply.html(PzRegisterPage({ uid: req.params.uid, csrf: reply.generateCsrf(), values: kept, errors: r.errors, summary }), 400);
      }
      return reply.redirect(`${base(req.params.uid)}/pz?utworzono=1`, 303);
    });
  }

  app.get<Params>(`${INTERACTION_PREFIX}/:uid/migracja`, async (req, reply) => {
    const s = await authenticated(req, reply, 'migration');
    if (!s) return;
    // wait a moment for the search to end, so most people (with or without JavaScript) never see the progress page
    let m = await latestMigration(db(), s.account.id);
    for (let i = 0; i < 20 && m?.status === 'searching'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      m = await latestMigration(db(), s.account.id);
    }
    if (m?.status === 'found') return reply.redirect(`${base(req.params.uid)}/konto`, 303);
    if (!m || m.status === 'searching' || m.status === 'aborted') {
      return reply.html(MigrationSearchPage({ startedAt: m?.startedAt ?? now(), selfUrl: `${base(req.params.uid)}/migracja` }));
    }
    return reply.html(
      Z02Page({
        uid: req.params.uid, csrf: reply.generateCsrf(), eventNumber: m.eventNumber, startedAt: m.startedAt, finishedAt: m.finishedAt ?? now(),
        firstName: s.account.firstName, lastName: s.account.lastName, maskedPesel: maskPesel(s.account.pesel),
      }),
    );
  });

  app.post<Params>(`${INTERACTION_PREFIX}/:uid/migracja/przerwij`, async (req, reply) => {
    const s = await authenticated(req, reply, 'migration');
    if (!s) return;
    await abortMigration(db(), s.account.id, now(), meta(req));
    await db().update(loginAttempts).set({ stage: 'done' }).where(eq(loginAttempts.id, s.attempt.id));
    const url = await provider.interactionResult(req.raw, reply.raw, { error: 'access_denied', error_description: 'migration_aborted' }, { mergeWithLastSubmission: false });
    return reply.redirect(url, 303);
  });

  app.post<Params>(`${INTERACTION_PREFIX}/:uid/migracja/nowe-konto`, async (req, reply) => {
    const s = await authenticated(req, reply, 'migration');
    if (!s) return;
    await skipMigration(db(), s.account.id, now(), meta(req));
    return reply.redirect(`${base(req.params.uid)}/konto`, 303);
  });

  const updatePage = (req: FastifyRequest<Params>, reply: FastifyReply, acc: AccountRow, extra: Partial<Parameters<typeof UpdateAccountPage>[0]> = {}) =>
    UpdateAccountPage({
      uid: req.params.uid, csrf: reply.generateCsrf(), firstName: acc.firstName, lastName: acc.lastName, pesel: acc.pesel,
      migrated: Boolean(acc.eplozAccountId), values: { login: acc.login ?? '', email: acc.email ?? '', email2: acc.email ?? '' }, ...extra,
    });

  app.get<Params>(`${INTERACTION_PREFIX}/:uid/konto`, async (req, reply) => {
    const s = await authenticated(req, reply, 'update_required');
    if (!s) return;
    return reply.html(updatePage(req, reply, s.account));
  });

  app.post<Params>(`${INTERACTION_PREFIX}/:uid/konto`, async (req, reply) => {
    const s = await authenticated(req, reply, 'update_required');
    if (!s) return;
    const result = validateForm(UpdateForm, req.body, UPDATE_FIELDS);
    const errors: Record<string, string> = { ...result.fieldErrors };
    // cross-field and database rules run even when another field is wrong, so all errors show at once
    const raw = formValues(req.body);
    const email = (raw.email ?? '').trim().toLowerCase();
    const email2 = (raw.email2 ?? '').trim().toLowerCase();
    if (email && email2 && email !== email2 && !errors.email2) errors.email2 = 'Adresy e-mail muszą być takie same';
    const login = (raw.login ?? '').trim();
    if (!errors.login && login && (await isLoginTaken(db(), login, s.account.id))) errors.login = 'Ten login jest już zajęty. Wybierz inny';
    if (!result.ok || Object.keys(errors).length) {
      const summary = UPDATE_FIELDS.filter((f) => errors[f]).map((f) => ({ href: `#f-${f}`, text: errors[f] as string }));
      await recordIdentityAudit(db(), { action: 'account.update', outcome: 'failure', accountId: s.account.id, ip: req.ip, requestId: req.id, details: { fields: Object.keys(errors) } });
      return reply.html(updatePage(req, reply, s.account, { values: formValues(req.body), errors, summary }), 400);
    }
    await updateAccountInfo(
      { db: db(), outbox: app.deps.outbox, publicUrl: app.deps.config.publicUrl },
      { accountId: s.account.id, login: result.data!.login, email: result.data!.email, now: now(), meta: meta(req) },
    );
    return reply.redirect(`${base(req.params.uid)}/aktywacja`, 303);
  });

  app.get<Params>(`${INTERACTION_PREFIX}/:uid/aktywacja`, async (req, reply) => {
    const s = await authenticated(req, reply, 'activation_required');
    if (!s) return;
    const q = req.query as Record<string, string | undefined>;
    const info = q.wyslano ? 'Wysłaliśmy nową wiadomość z linkiem aktywacyjnym.' : undefined;
    const error = q.blad === 'za-wczesnie' ? 'Nowy e-mail możesz zamówić raz na minutę. Spróbuj za chwilę.' : q.blad === 'limit' ? 'Wysłaliśmy już 5 wiadomości w ciągu godziny. Spróbuj później.' : undefined;
    return reply.html(ActivatePage({ uid: req.params.uid, csrf: reply.generateCsrf(), email: s.account.email ?? '', ...(info ? { info } : {}), ...(error ? { error } : {}) }));
  });

  app.post<Params>(`${INTERACTION_PREFIX}/:uid/aktywacja/nowy-email`, async (req, reply) => {
    const s = await authenticated(req, reply, 'activation_required');
    if (!s) return;
    const r = await resendActivation({ db: db(), outbox: app.deps.outbox, publicUrl: app.deps.config.publicUrl }, { accountId: s.account.id, now: now(), meta: meta(req) });
    const q = r.ok ? 'wyslano=1' : r.reason === 'too_soon' ? 'blad=za-wczesnie' : 'blad=limit';
    return reply.redirect(`${base(req.params.uid)}/aktywacja?${q}`, 303);
  });

  app.get<Params>(`${INTERACTION_PREFIX}/:uid/dokoncz`, async (req, reply) => {
    const s = await authenticated(req, reply, 'active');
    if (!s) return;
    await db().update(loginAttempts).set({ stage: 'done' }).where(eq(loginAttempts.id, s.attempt.id));
    await recordIdentityAudit(db(), { action: 'login', outcome: 'success', accountId: s.account.id, actor: s.account.login, ip: req.ip, requestId: req.id });
    reply.clearCookie(ATTEMPT_COOKIE, { path: '/ueoz' });
    const url = await provider.interactionResult(req.raw, reply.raw, { login: { accountId: s.account.id } }, { mergeWithLastSubmission: false });
    return reply.redirect(url, 303);
  });

  /** The link from the activation e-mail; in the browser that started the login it continues it. */
  app.get('/ueoz/aktywuj', async (req, reply) => {
    const token = String((req.query as Record<string, unknown>).token ?? '');
    const r = await activateByToken(db(), { token, now: now(), meta: meta(req) });
    if (!r.ok) return reply.html(ActivationResultPage({ status: r.reason }), r.reason === 'invalid' ? 400 : 410);
    const c = req.cookies[ATTEMPT_COOKIE];
    const un = c ? req.unsignCookie(c) : null;
    if (un?.valid && un.value) {
      const a = await getAttempt(db(), un.value, now());
      if (a && a.accountId === r.accountId && a.stage === 'authenticated') return reply.redirect(`${base(a.interactionUid)}/dokoncz`, 303);
    }
    return reply.html(ActivationResultPage({ status: 'ok' }));
  });
}
