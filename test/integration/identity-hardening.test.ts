// Findings from probing the running portal (issue 8, point 9/10, identity part), each proved here
// through the routes or the services: logout and idle logout end the UEOZ sign-in, `next` with
// non-ASCII characters, control characters and broken bodies, lockout that does not tell whether an
// account exists, activation links, races, discovery behind a forged Host, issuer + subject users
// linked by PESEL, and the purge job.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { upsertUserFromClaims } from '../../src/db/repositories/users.ts';
import { accounts, auditLog, emailVerificationTokens, oidcModels, sessions, users } from '../../src/db/schema/index.ts';
import { BUILTIN_ISSUER } from '../../src/db/schema/portal.ts';
import { accountAfterPz, updateAccountInfo } from '../../src/identity/account/service.ts';
import { passwordFailureMessage } from '../../src/identity/pz/messages.ts';
import { checkPassword, pzPasswords, startAttempt } from '../../src/identity/pz/service.ts';
import { QUEUES } from '../../src/jobs/queue.ts';
import { peselLinkHash } from '../../src/portal/auth/pesel-link.ts';
import { safeRelativePath } from '../../src/portal/session/guard.ts';
import { buildTestApp, eventually, type TestApp } from '../helpers/app.ts';
import { Agent, csrfOf, pathOf } from '../helpers/agent.ts';
import { pzLogin, startLogin } from '../helpers/login.ts';

const MIN = 60_000;
const meta = { ip: '198.51.100.7', requestId: 'test' };

/** The visible text of a page's notices. */
function notices(html: string): string {
  return [...html.matchAll(/data-qa="notice-\w+"[^>]*>\s*<p[^>]*>([^<]*)<\/p>/g)].map((m) => m[1]).join(' | ');
}

describe('identity hardening', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());
  const db = () => t.database.db;

  /** From "Zaloguj się/ Zarejestruj" into the portal; returns the agent and every response of the way back. */
  async function signIn(login: string, phone: string) {
    const a = new Agent(t);
    const base = await startLogin(a);
    const afterCode = await pzLogin(t, a, base, login, phone);
    assert.equal(pathOf(afterCode), `${base}/dokoncz`);
    const hops = [];
    let r = await a.get(pathOf(afterCode));
    hops.push(r);
    while (r.statusCode >= 300 && r.statusCode < 400 && r.headers.location) {
      r = await a.get(String(r.headers.location));
      hops.push(r);
    }
    return { a, hops, page: r };
  }

  /** Where "Zaloguj się/ Zarejestruj" lands after the provider has answered the authorization request. */
  async function loginLandsOn(a: Agent): Promise<string> {
    const start = await a.get('/logowanie');
    assert.equal(start.statusCode, 303);
    return pathOf(await a.get(String(start.headers.location)));
  }

  // ───────────────────────── logout ─────────────────────────

  it('"Wyloguj się" ends the UEOZ session on the server: the next sign-in asks for Profil Zaufany, without JavaScript', async () => {
    const { a, page } = await signIn('jan.kowalski', '+48 600 100 202');
    const [acc] = await db().select().from(accounts).where(eq(accounts.login, 'jan.kowalski'));
    const providerSessions = () =>
      db()
        .select()
        .from(oidcModels)
        .where(and(eq(oidcModels.type, 'Session'), sql`${oidcModels.payload}->>'accountId' = ${acc!.id}`));
    assert.ok((await providerSessions()).length >= 1, 'signed in at UEOZ');
    const out = await a.post('/wyloguj', {}, { csrfFrom: page.body });
    assert.equal(pathOf(out), '/wylogowano', 'no end-session form to submit');
    assert.equal((await providerSessions()).length, 0, 'the UEOZ session is gone');
    // the browser still sends its old UEOZ cookie: it must not sign anyone in
    assert.match(await loginLandsOn(a), /^\/ueoz\/logowanie\/[\w-]+$/);
  });

  it('the UEOZ session cookie is a browser-session cookie (no Expires, no Max-Age)', async () => {
    const { hops } = await signIn('maria.wisniewska', '+48 600 100 203');
    const set = hops.flatMap((h) => h.cookies).filter((c) => c.name === '_session' && c.value !== '');
    assert.ok(set.length >= 1, 'the provider set its session cookie');
    for (const c of set) {
      assert.equal(c.expires, undefined, 'no Expires');
      assert.equal(c.maxAge, undefined, 'no Max-Age');
    }
  });

  it('a link from another site to the end-session endpoint only asks: nothing submits it without the user', async () => {
    const { a } = await signIn('ewa.kaminska', '+48 600 100 205');
    const [acc] = await db().select().from(accounts).where(eq(accounts.login, 'ewa.kaminska'));
    const page = await a.get('/ueoz/oidc/session/end');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Czy chcesz wylogować się z Usług Elektronicznych Ochrony Zdrowia\?/);
    assert.doesNotMatch(page.body, /auto-submit/, 'no script submits the confirmation');
    const left = await db()
      .select()
      .from(oidcModels)
      .where(and(eq(oidcModels.type, 'Session'), sql`${oidcModels.payload}->>'accountId' = ${acc!.id}`));
    assert.ok(left.length >= 1, 'still signed in at UEOZ');
  });

  it('after the 30-minute idle logout "Zaloguj się/ Zarejestruj" asks for Profil Zaufany again (prompt=login)', async () => {
    t.clock.now = new Date();
    const { a } = await signIn('tomasz.lewandowski', '+48 600 100 204');
    t.clock.now = new Date(Date.now() + 31 * MIN);
    const expired = await a.get('/start');
    assert.equal(expired.statusCode, 401);
    const start = await a.get('/logowanie');
    assert.equal(new URL(String(start.headers.location), 'http://x').searchParams.get('prompt'), 'login');
    assert.match(pathOf(await a.get(String(start.headers.location))), /^\/ueoz\/logowanie\/[\w-]+$/);
    t.clock.now = new Date();
  });

  // ───────────────────────── next ─────────────────────────

  it('safeRelativePath keeps a non-ASCII path, percent-encoded, and still refuses other sites', () => {
    assert.equal(safeRelativePath('/ą'), '/%C4%85');
    assert.equal(safeRelativePath('/%C4%85?x=ż'), '/%C4%85?x=%C5%BC');
    assert.equal(safeRelativePath('//evil.example/'), null);
    assert.equal(safeRelativePath('/\\evil.example'), null);
    assert.equal(safeRelativePath('/a\u0085b'), null);
    // dot segments that leave "//host" after parsing are another site too
    for (const v of ['/.//evil.example', '/..//evil.example', '/%2e%2e//evil.example', '/x/..//evil.example/phish']) assert.equal(safeRelativePath(v), null, v);
  });

  it('a `next` with non-ASCII characters survives the login and the callback (no 500, the fresh login kept)', async () => {
    const a = new Agent(t);
    const start = await a.get('/logowanie?next=/%C4%85');
    assert.equal(start.statusCode, 303);
    const base = pathOf(await a.get(String(start.headers.location)));
    await a.get(`${base}/pz`);
    const done = await pzLogin(t, a, base, 'katarzyna.dabrowska', '+48 600 100 206');
    let r = await a.get(pathOf(done));
    for (let i = 0; i < 5 && !String(r.headers.location ?? '').startsWith('/%C4%85') && r.statusCode === 303; i++) r = await a.get(String(r.headers.location));
    assert.equal(r.statusCode, 303, r.body.slice(0, 300));
    assert.equal(String(r.headers.location), '/%C4%85');
    // signed in: the same link goes straight there, and so does the reminder's form
    const again = await a.get('/logowanie?next=/%C4%85');
    assert.equal(again.statusCode, 303);
    assert.equal(String(again.headers.location), '/%C4%85');
    const csrf = await a.csrf();
    const reminder = await a.post('/przypomnienie', { next: '/ą', _csrf: csrf });
    assert.equal(reminder.statusCode, 303);
    assert.equal(String(reminder.headers.location), '/%C4%85');
  });

  // ───────────────────────── input boundary ─────────────────────────

  it('a NUL byte in the PZ login, "Załącz profil" or /ueoz/oidc/auth answers 400 with the form and a message', async () => {
    const a = new Agent(t);
    const base = await startLogin(a);
    const login = await a.post(`${base}/pz`, { login: 'jan\u0000kowalski', password: 'Demo-2026!' }, { csrfFrom: (await a.get(`${base}/pz`)).body });
    assert.equal(login.statusCode, 400);
    assert.match(login.body, /data-qa="page-pz-login"/);
    assert.match(notices(login.body), /niedozwolone znaki/);

    const form = await a.get(`${base}/pz/zaloz`);
    const reg = await a.post(
      `${base}/pz/zaloz`,
      {
        firstName: 'Ze\u0000nek',
        lastName: 'Nowy',
        pesel: '92031501237',
        email: 'zenek.nowy@example.pl',
        phone: '+48 600 999 111',
        username: 'zenek.nowy',
        password: 'Bardzo-dobre-haslo-1',
      },
      { csrfFrom: form.body },
    );
    assert.equal(reg.statusCode, 400);
    assert.match(reg.body, /data-qa="page-pz-register"/);
    assert.match(reg.body, /Pole „Imię” zawiera niedozwolone znaki/);
    assert.match(reg.body, /value="Nowy"/, 'typed values kept');

    const start = await a.get('/logowanie');
    const auth = new URL(String(start.headers.location), 'http://x');
    auth.searchParams.set('state', 'x\u0000y');
    const refused = await a.get(auth.pathname + auth.search);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Nieprawidłowe żądanie/);
  });

  it('a null, missing or wrongly typed body on the UEOZ forms answers 400 with the form, never 500', async () => {
    const a = new Agent(t);
    const base = await startLogin(a);
    const pz = await a.get(`${base}/pz`);
    const csrf = csrfOf(pz.body);
    const cookie = [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const send = (url: string, payload: string) =>
      t.app.inject({ method: 'POST', url, payload, headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf } });
    for (const [url, qa] of [
      [`${base}/pz`, 'page-pz-login'],
      [`${base}/pz/zaloz`, 'page-pz-register'],
    ] as const) {
      for (const payload of ['null', '[]', '{"login":["a","b"],"password":1,"firstName":{"x":1}}']) {
        const r = await send(url, payload);
        assert.equal(r.statusCode, 400, `${url} ${payload}: ${r.body.slice(0, 200)}`);
        assert.match(r.body, new RegExp(`data-qa="${qa}"`));
      }
    }
    const noBody = await t.app.inject({ method: 'POST', url: '/ueoz/aktywuj', headers: { cookie, 'x-csrf-token': csrf } });
    assert.equal(noBody.statusCode, 400);
    assert.match(noBody.body, /data-qa="activation-invalid"/);
  });

  // ───────────────────────── lockout ─────────────────────────

  it('an unknown login looks like a known one: same messages and statuses, and it locks after 5 tries too', async () => {
    const t0 = new Date(Date.UTC(2027, 4, 3, 8, 0, 0));
    t.clock.now = t0;
    const answers = async (login: string) => {
      const a = new Agent(t);
      const base = await startLogin(a);
      const out: string[] = [];
      for (let i = 1; i <= 6; i++) {
        const r = await a.post(`${base}/pz`, { login, password: `Zle-haslo-${i}!` }, { csrfFrom: (await a.get(`${base}/pz`)).body });
        out.push(`${r.statusCode} ${notices(r.body)}`);
      }
      return out;
    };
    const known = await answers('piotr.zielinski');
    const unknown = await answers('nie.ma.takiego.konta');
    assert.deepEqual(unknown, known);
    assert.match(known[4] ?? '', /^429 Konto zostało czasowo zablokowane po 5 nieudanych próbach logowania/);
    assert.match(known[3] ?? '', /^401 Nieprawidłowa nazwa użytkownika lub hasło/);
    t.clock.now = new Date();
  });

  it('every password check runs one argon2 verification: unknown, locked and known logins alike', async () => {
    const now = new Date(Date.UTC(2027, 4, 4, 8, 0, 0));
    const original = pzPasswords.verify;
    let calls = 0;
    pzPasswords.verify = async (hash, password) => {
      calls++;
      return original(hash, password);
    };
    try {
      const check = async (login: string, password = 'Zle-haslo-1!') => {
        calls = 0;
        const attemptId = await startAttempt(db(), { interactionUid: 'spy', ip: meta.ip, now });
        const r = await checkPassword(db(), { attemptId, login, password, now, meta });
        return { r, calls };
      };
      assert.equal((await check('ktos.nieznany')).calls, 1, 'unknown login');
      for (let i = 0; i < 5; i++) await check('ktos.nieznany');
      const locked = await check('ktos.nieznany');
      assert.equal(locked.r.ok ? '' : locked.r.reason, 'locked');
      assert.equal(locked.calls, 1, 'locked login');
      assert.equal((await check('piotr.zielinski')).calls, 1, 'known login');
      for (let i = 0; i < 5; i++) await check('piotr.zielinski');
      const knownLocked = await check('piotr.zielinski', 'Demo-2026!');
      assert.equal(knownLocked.r.ok ? '' : knownLocked.r.reason, 'locked');
      assert.equal(knownLocked.calls, 1, 'locked known login');
      assert.equal(
        passwordFailureMessage(locked.r as { reason: 'locked'; lockedUntil: Date }),
        passwordFailureMessage(knownLocked.r as { reason: 'locked'; lockedUntil: Date }),
      );
    } finally {
      pzPasswords.verify = original;
    }
  });

  // ───────────────────────── account update and activation ─────────────────────────

  /** anna.nowak's first login up to "Zaktualizuj informacje konta". */
  async function toUpdateForm(a: Agent) {
    const base = await startLogin(a);
    const afterCode = await pzLogin(t, a, base, 'anna.nowak', '+48 600 100 200');
    if (pathOf(afterCode) === `${base}/migracja`) {
      const z02 = await eventually(async () => {
        const r = await a.get(`${base}/migracja`);
        return r.body.includes('data-qa="page-z02"') ? r : null;
      });
      await a.post(`${base}/migracja/nowe-konto`, {}, { csrfFrom: z02.body });
    }
    const form = await a.get(`${base}/konto`);
    assert.match(form.body, /data-qa="page-update-account"/);
    return { base, form };
  }

  it('"Zaktualizuj informacje konta" refuses an e-mail address another account uses, next to the field', async () => {
    t.clock.now = new Date();
    const a = new Agent(t);
    const { base, form } = await toUpdateForm(a);
    const r = await a.post(
      `${base}/konto`,
      { login: 'anowak2', email: 'Jan.Kowalski@example.pl', email2: 'Jan.Kowalski@example.pl', terms: 'tak' },
      { csrfFrom: form.body },
    );
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /Ten adres e-mail jest już używany przez inne konto/);
    assert.match(r.body, /href="#f-email"/, 'in the error summary, linked to the field');
    assert.match(r.body, /value="anowak2"/, 'typed values kept');
  });

  it('"Zaktualizuj informacje konta" (login and e-mail) opens only after a fresh Profil Zaufany sign-in with its SMS code: before it, GET and POST are sent back to the sign-in step and change nothing', async () => {
    t.clock.now = new Date();
    const a = new Agent(t);
    const base = await startLogin(a);
    const accountsBefore = await db().select().from(accounts);
    const page = await a.get(`${base}/konto`);
    assert.equal(page.statusCode, 303);
    assert.equal(pathOf(page), `${base}/pz`);
    const pz = await a.get(`${base}/pz`);
    const post = await a.post(
      `${base}/konto`,
      { login: 'przejete.konto', email: 'przejete@example.pl', email2: 'przejete@example.pl', terms: 'tak' },
      { csrfFrom: pz.body },
    );
    assert.equal(post.statusCode, 303);
    assert.equal(pathOf(post), `${base}/pz`);
    // the password alone (anna.nowak, whose first login leads to this form) is not enough either
    const afterPassword = await a.post(`${base}/pz`, { login: 'anna.nowak', password: 'Demo-2026!' }, { csrfFrom: pz.body });
    assert.equal(pathOf(afterPassword), `${base}/kod`);
    const codePage = await a.get(`${base}/kod`);
    for (const res of [
      await a.get(`${base}/konto`),
      await a.post(
        `${base}/konto`,
        { login: 'przejete.konto', email: 'przejete@example.pl', email2: 'przejete@example.pl', terms: 'tak' },
        { csrfFrom: codePage.body },
      ),
    ]) {
      assert.equal(res.statusCode, 303);
      assert.equal(pathOf(res), `${base}/kod`);
    }
    assert.deepEqual(await db().select().from(accounts), accountsBefore, 'no account changed');
  });

  it('the activation link: opening it spends nothing; "Aktywuj konto" does; a new e-mail voids the older link', async () => {
    t.clock.now = new Date(Date.now() + 2 * MIN);
    const a = new Agent(t);
    const { base, form } = await toUpdateForm(a);
    const saved = await a.post(
      `${base}/konto`,
      { login: 'anowak3', email: 'anna.nowak@example.pl', email2: 'anna.nowak@example.pl', terms: 'tak' },
      { csrfFrom: form.body },
    );
    assert.equal(pathOf(saved), `${base}/aktywacja`);
    const links = async () => {
      const list = (await t.app.inject({ url: '/dev/poczta.json?to=anna.nowak@example.pl' })).json() as Array<{ text: string }>;
      return list.map((m) => /(http:\/\/\S+\/ueoz\/aktywuj\?token=[\w-]+)/.exec(m.text)?.[1]).filter((l): l is string => Boolean(l));
    };
    const first = await eventually(async () => (await links())[0]);
    // a mail scanner opens the link twice: the account is still waiting, the link still good
    for (let i = 0; i < 2; i++) {
      const opened = await new Agent(t).get(first);
      assert.equal(opened.statusCode, 200);
      assert.match(opened.body, /<button[^>]*>Aktywuj konto<\/button>/);
    }
    const [acc] = await db().select().from(accounts).where(eq(accounts.login, 'anowak3'));
    assert.equal(acc?.status, 'activation_required');

    // "Chcę dostać nowy e-mail" a minute later: the first link stops working, the new one works
    t.clock.now = new Date(t.clock.now.getTime() + 2 * MIN);
    const page = await a.get(`${base}/aktywacja`);
    await a.post(`${base}/aktywacja/nowy-email`, {}, { csrfFrom: page.body });
    const second = await eventually(async () => (await links()).find((l) => l !== first));
    const scanner = new Agent(t);
    const oldPage = await scanner.get(first);
    assert.equal(oldPage.statusCode, 410);
    assert.match(oldPage.body, /data-qa="activation-replaced"/);
    const token = (l: string) => new URL(l).searchParams.get('token') ?? '';
    const csrfPage = await scanner.get('/kontakt');
    const oldPost = await scanner.post('/ueoz/aktywuj', { token: token(first) }, { csrfFrom: csrfPage.body });
    assert.equal(oldPost.statusCode, 410, 'the older link does not activate');
    const newPage = await a.get(second);
    const done = await a.post('/ueoz/aktywuj', { token: token(second) }, { csrfFrom: newPage.body });
    assert.equal(pathOf(done), `${base}/dokoncz`, done.body.slice(0, 300));
    const [active] = await db().select().from(accounts).where(eq(accounts.login, 'anowak3'));
    assert.equal(active?.status, 'active');
    const tokens = await db().select().from(emailVerificationTokens).where(eq(emailVerificationTokens.accountId, active!.id));
    assert.equal(tokens.length, 2);
  });

  // ───────────────────────── races ─────────────────────────

  it('a login another account took in the meantime is refused with a message, not a unique-index error', async () => {
    const now = new Date();
    const [other] = await db()
      .insert(accounts)
      .values({ pesel: '90010112345', firstName: 'Inny', lastName: 'Ktoś', login: 'zajety.login', status: 'active', email: 'inny@example.pl' })
      .returning();
    const [me] = await db().insert(accounts).values({ pesel: '90010112346', firstName: 'Ja', lastName: 'Ktoś', status: 'update_required' }).returning();
    assert.ok(other && me);
    const r = await updateAccountInfo(
      { db: db(), outbox: t.app.deps.outbox, publicUrl: t.config.publicUrl },
      { accountId: me.id, login: 'Zajety.Login', email: 'ja@example.pl', now, meta },
    );
    assert.deepEqual(r, { ok: false, errors: { login: 'Ten login jest już zajęty. Wybierz inny' } });
  });

  it('two first logins with the same PESEL at once end with one account and one ePŁOZ search', async () => {
    const now = new Date();
    const pesel = '91020212349';
    const a1 = await startAttempt(db(), { interactionUid: 'race-1', ip: meta.ip, now });
    const a2 = await startAttempt(db(), { interactionUid: 'race-2', ip: meta.ip, now });
    const deps = { db: db(), queue: t.app.deps.queue };
    const [x, y] = await Promise.all(
      [a1, a2].map((attemptId) => accountAfterPz(deps, { attemptId, pesel, firstName: 'Ola', lastName: 'Równoległa', now, meta })),
    );
    assert.equal(x?.id, y?.id);
    assert.equal((await db().select().from(accounts).where(eq(accounts.pesel, pesel))).length, 1);
  });

  // ───────────────────────── provider ─────────────────────────

  it('OIDC discovery names the configured public URL whatever the Host header says', async () => {
    const issuer = `${t.config.publicUrl}/ueoz/oidc`;
    for (const headers of [{ host: 'evil.example' }, { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }]) {
      const r = await t.app.inject({ url: '/ueoz/oidc/.well-known/openid-configuration', headers });
      assert.equal(r.statusCode, 200);
      const d = r.json() as Record<string, string>;
      assert.equal(d.issuer, issuer);
      for (const k of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint', 'end_session_endpoint']) {
        assert.ok(d[k]?.startsWith(issuer), `${k} = ${d[k]}`);
      }
    }
  });

  it('portal users are keyed by issuer + subject; a first sign-in from a new issuer is linked to the person by PESEL', async () => {
    const { a, page } = await signIn('katarzyna.dabrowska', '+48 600 100 206');
    assert.match(page.body, /Katarzyna/);
    const [kasia] = await db().select().from(users).where(eq(users.login, 'katarzyna.dabrowska'));
    assert.equal(kasia?.issuer, BUILTIN_ISSUER);
    const hash = peselLinkHash(t.config, '83010190220');
    assert.equal(kasia?.peselHash, hash, 'the keyed hash, never the number');
    assert.doesNotMatch(JSON.stringify(kasia), /83010190220/);
    await a.post('/wyloguj', {}, { csrfFrom: page.body });

    // the same subject at another issuer is another person; the PESEL says it is Katarzyna
    const keycloak = 'https://keycloak.example/realms/cez';
    const linked = await db().transaction((tx) =>
      upsertUserFromClaims(tx, {
        issuer: keycloak,
        subject: kasia!.subject,
        peselHash: hash,
        firstName: 'Katarzyna',
        lastName: 'Dąbrowska',
        login: 'kdabrowska',
        email: null,
        now: new Date(),
      }),
    );
    assert.equal(linked.user.id, kasia!.id, 'the same person, every profile kept');
    assert.equal(linked.linkedFrom, BUILTIN_ISSUER);
    assert.equal(linked.user.issuer, keycloak);
    const stranger = await db().transaction((tx) =>
      upsertUserFromClaims(tx, {
        issuer: 'https://other.example',
        subject: kasia!.subject,
        peselHash: peselLinkHash(t.config, '85031401244'),
        firstName: 'A',
        lastName: 'B',
        login: null,
        email: null,
        now: new Date(),
      }),
    );
    assert.notEqual(stranger.user.id, kasia!.id, 'the subject alone never matches');
  });

  it('the callback links a person coming from another issuer by PESEL, keeps their profiles and audits user.identity_linked', async () => {
    // Jan's portal user as if it had come from another UEOZ: another issuer and subject, his PESEL hash
    const hash = peselLinkHash(t.config, '65022802359');
    const oldIssuer = 'https://old-ueoz.example/ueoz/oidc';
    const [jan] = await db()
      .update(users)
      .set({ issuer: oldIssuer, subject: randomUUID(), peselHash: hash })
      .where(eq(users.login, 'jan.kowalski'))
      .returning();
    const { page } = await signIn('jan.kowalski', '+48 600 100 202');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Centrum e-Zdrowia/, 'his profiles are still there');
    const [now] = await db().select().from(users).where(eq(users.id, jan!.id));
    assert.equal(now?.issuer, BUILTIN_ISSUER);
    assert.equal((await db().select().from(users).where(eq(users.peselHash, hash!))).length, 1, 'no second user for the same person');
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.identity_linked'), eq(auditLog.actorUserId, jan!.id)));
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]?.details, { fromIssuer: oldIssuer, toIssuer: BUILTIN_ISSUER, by: 'pesel' });
  });

  // ───────────────────────── housekeeping ─────────────────────────

  it('the hourly purge job removes expired portal sessions and OIDC models', async () => {
    const schedules = await t.queue.boss.getSchedules(QUEUES.purgeExpired.name);
    assert.equal(schedules.length, 1, 'scheduled');
    const long = new Date(Date.now() - 48 * 3600_000);
    t.clock.now = new Date();
    await db()
      .insert(sessions)
      .values({ idHash: 'f'.repeat(64), userId: null, data: {}, createdAt: long, lastSeenAt: long, idleExpiresAt: long, absoluteExpiresAt: long });
    await db().insert(oidcModels).values({ type: 'Session', id: 'expired-one', payload: {}, expiresAt: long });
    await t.queue.boss.send(QUEUES.purgeExpired.name, {});
    await eventually(async () => {
      const s = await db()
        .select()
        .from(sessions)
        .where(eq(sessions.idHash, 'f'.repeat(64)));
      const m = await db().select().from(oidcModels).where(eq(oidcModels.id, 'expired-one'));
      return s.length === 0 && m.length === 0;
    }, 20_000);
  });
});
