// The login issue's limits, proved through the HTTP routes (portal → UEOZ → simulated Profil Zaufany):
// SMS code rules, password lockout, "Chcę dostać nowy e-mail" limits, activation link expiry and reuse,
// "Przerwij proces migracji", session idle and absolute timeouts, production without the PZ simulator,
// and the audit trail (with no full PESEL anywhere). Service-level behaviour is in pz-service.test.ts.
//
// Every test sets the app clock itself, on its own day, so the clock only moves forward and the demo
// users do not share a lockout, a code quota or a resend window. The last test of the first suite
// sweeps the audit rows left by the tests before it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { accounts, auditLog, identityAudit, messages, migrationAttempts, sessions, users } from '../../src/db/schema/index.ts';
import { DEMO_PEOPLE } from '../../src/demo/demo-accounts.ts';
import { buildTestApp, eventually, type TestApp } from '../helpers/app.ts';
import { Agent, pathOf } from '../helpers/agent.ts';

const PASSWORD = 'Demo-2026!';
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
/** 08:00 UTC (09:00 in Warsaw, winter time) on the n-th day of March 2027. */
const day = (n: number) => new Date(Date.UTC(2027, 2, n, 8, 0, 0));

function person(login: string) {
  const p = DEMO_PEOPLE.find((x) => x.login === login);
  if (!p) throw new Error(`no demo person ${login}`);
  return p;
}

/** The visible text of a page's notices (error/info/success), for messages shown to the user. */
function notices(html: string): string {
  return [...html.matchAll(/data-qa="(?:notice-\w+|landing-notice)"[^>]*>\s*<p[^>]*>([^<]*)<\/p>/g)].map((m) => m[1]).join(' | ');
}

describe('login limits through the routes (demo mode)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const db = () => t.database.db;
  const at = (d: Date) => {
    t.clock.now = new Date(d);
  };

  async function smsTo(phone: string) {
    return db()
      .select()
      .from(messages)
      .where(and(eq(messages.to, phone), eq(messages.channel, 'sms')))
      .orderBy(desc(messages.createdAt));
  }
  async function lastCode(phone: string): Promise<string> {
    const code = /(\d{6})/.exec((await smsTo(phone))[0]?.text ?? '')?.[1];
    if (!code) throw new Error(`no code sent to ${phone}`);
    return code;
  }
  async function emailsTo(address: string) {
    return db()
      .select()
      .from(messages)
      .where(and(eq(messages.to, address), eq(messages.channel, 'email')))
      .orderBy(desc(messages.createdAt));
  }
  async function lastActivationLink(address: string): Promise<string> {
    const link = /(https?:\/\/\S+\/ueoz\/aktywuj\?token=[\w-]+)/.exec((await emailsTo(address))[0]?.text ?? '')?.[1];
    if (!link) throw new Error(`no activation link sent to ${address}`);
    return link;
  }
  async function accountOf(login: string) {
    const [acc] = await db()
      .select()
      .from(accounts)
      .where(eq(accounts.pesel, person(login).pesel));
    return acc ?? null;
  }
  async function userIdOf(login: string): Promise<string> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.login, login));
    if (!u) throw new Error(`no portal user ${login}`);
    return u.id;
  }
  async function identityEvents(action: string, actor?: string) {
    return db()
      .select()
      .from(identityAudit)
      .where(actor ? and(eq(identityAudit.action, action), eq(identityAudit.actor, actor)) : eq(identityAudit.action, action));
  }

  /** The activation e-mail's link: its page (changes nothing), then "Aktywuj konto". */
  async function activateByLink(a: Agent, link: string): Promise<LightMyRequestResponse> {
    const page = await a.get(link);
    assert.equal(page.statusCode, 200, page.body.slice(0, 300));
    assert.match(page.body, /data-qa="page-activation-link"/);
    return a.post('/ueoz/aktywuj', { token: new URL(link).searchParams.get('token') ?? '' }, { csrfFrom: page.body });
  }

  /** "Zaloguj się/ Zarejestruj" → UEOZ → the Profil Zaufany page; returns the interaction's base path. */
  async function openPz(a: Agent): Promise<string> {
    const start = await a.get('/logowanie');
    assert.equal(start.statusCode, 303);
    const auth = await a.get(String(start.headers.location));
    assert.equal(auth.statusCode, 303, auth.body.slice(0, 300));
    const base = pathOf(auth);
    assert.match(base, /^\/ueoz\/logowanie\/[\w-]+$/);
    const pz = await a.get(`${base}/pz`);
    assert.equal(pz.statusCode, 200);
    assert.match(pz.body, /data-qa="page-pz-login"/);
    return base;
  }

  /** The PZ form as the user fills it in (the page is loaded first, as a browser would). */
  async function submitPassword(a: Agent, base: string, login: string, password = PASSWORD) {
    const page = await a.get(`${base}/pz`);
    return a.post(`${base}/pz`, { login, password }, { csrfFrom: page.body });
  }

  /** Right password → the code page (and an SMS in the outbox). */
  async function toCodePage(a: Agent, base: string, login: string) {
    const res = await submitPassword(a, base, login);
    assert.equal(res.statusCode, 303, notices(res.body));
    assert.equal(pathOf(res), `${base}/kod`);
    const page = await a.get(`${base}/kod`);
    assert.match(page.body, /data-qa="page-pz-code"/);
    return page;
  }

  const enterCode = (a: Agent, base: string, code: string, page: LightMyRequestResponse) => a.post(`${base}/kod`, { code }, { csrfFrom: page.body });
  const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  /** A full sign-in of an active demo user, ending on the portal page it lands on. */
  async function loginToPortal(a: Agent, login: string): Promise<LightMyRequestResponse> {
    const base = await openPz(a);
    const page = await toCodePage(a, base, login);
    const done = await enterCode(a, base, await lastCode(person(login).phone), page);
    assert.equal(pathOf(done), `${base}/dokoncz`, notices(done.body));
    const landed = await a.follow(done);
    assert.equal(landed.statusCode, 200, landed.body.slice(0, 300));
    return landed;
  }

  /** A first login (anna, piotr) up to "Aktywuj konto": Z02 → new account, or the prefilled form. */
  async function toActivation(a: Agent, login: string, form: { login: string; email: string }) {
    const base = await openPz(a);
    const page = await toCodePage(a, base, login);
    const afterCode = await enterCode(a, base, await lastCode(person(login).phone), page);
    assert.equal(afterCode.statusCode, 303, notices(afterCode.body));
    const update = await eventually(async () => {
      const r = await a.follow(await a.get(`${base}/migracja`));
      if (r.body.includes('data-qa="page-z02"')) return a.follow(await a.post(`${base}/migracja/nowe-konto`, {}, { csrfFrom: r.body }));
      return r.body.includes('data-qa="page-update-account"') ? r : null;
    });
    assert.match(update.body, /data-qa="page-update-account"/);
    const saved = await a.post(`${base}/konto`, { login: form.login, email: form.email, email2: form.email, terms: 'tak' }, { csrfFrom: update.body });
    assert.equal(pathOf(saved), `${base}/aktywacja`, notices(saved.body));
    const activate = await a.get(`${base}/aktywacja`);
    assert.match(activate.body, /data-qa="page-activate"/);
    assert.match(activate.body, /Chcę dostać nowy e-mail/);
    return { base, page: activate };
  }

  // ───────────────────────── SMS code ─────────────────────────

  it('SMS code: single use — a double submit or a replay signs in once, never twice', async () => {
    at(day(1));
    const { phone } = person('jan.kowalski');
    const a = new Agent(t);
    const base = await openPz(a);
    const page = await toCodePage(a, base, 'jan.kowalski');
    const code = await lastCode(phone);
    const okBefore = (await identityEvents('pz.code_ok', 'jan.kowalski')).length;

    // the same code submitted twice at once (double click): exactly one goes through
    const both = await Promise.all([enterCode(a, base, code, page), enterCode(a, base, code, page)]);
    const passed = both.filter((r) => r.statusCode === 303 && pathOf(r) === `${base}/dokoncz`);
    assert.equal(passed.length, 1, `statuses ${both.map((r) => `${r.statusCode} ${pathOf(r)}`).join(', ')}`);
    const refused = both.find((r) => r !== passed[0])!;
    assert.ok(
      (refused.statusCode === 401 && /Brak ważnego kodu autoryzacyjnego/.test(refused.body)) ||
        (refused.statusCode === 303 && pathOf(refused) === `${base}/pz`),
      `second submit refused, got ${refused.statusCode} ${pathOf(refused)} ${notices(refused.body)}`,
    );
    assert.equal((await identityEvents('pz.code_ok', 'jan.kowalski')).length, okBefore + 1, 'one successful code check');

    // replayed afterwards: not accepted again
    const replay = await enterCode(a, base, code, page);
    assert.notEqual(pathOf(replay), `${base}/dokoncz`);
    assert.equal((await identityEvents('pz.code_ok', 'jan.kowalski')).length, okBefore + 1);

    const home = await a.follow(passed[0]!);
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /data-qa="page-(home|account|reminder)"/);
  });

  it('SMS code: valid 5 minutes — refused at 5:00, a new code works up to 4:59 after it was sent', async () => {
    const t0 = day(2);
    at(t0);
    const { phone } = person('maria.wisniewska');
    const a = new Agent(t);
    const base = await openPz(a);
    const page = await toCodePage(a, base, 'maria.wisniewska');
    assert.match(page.body, /Kod jest ważny 5 minut/);
    const first = await lastCode(phone);

    at(new Date(t0.getTime() + 5 * MIN));
    const late = await enterCode(a, base, first, page);
    assert.equal(late.statusCode, 401);
    assert.match(notices(late.body), /Kod autoryzacyjny wygasł\. Wyślij nowy kod\./);
    const expiredAudit = (await identityEvents('pz.code_expired', 'maria.wisniewska')).length;
    assert.ok(expiredAudit >= 1, 'expired code audited');

    const resent = await a.post(`${base}/kod/nowy`, {}, { csrfFrom: late.body });
    assert.equal(pathOf(resent), `${base}/kod?nowy=1`);
    const again = await a.get(pathOf(resent));
    assert.match(notices(again.body), /Wysłaliśmy nowy kod autoryzacyjny\./);
    const second = await lastCode(phone);
    assert.notEqual(second, first, 'a new code');

    at(new Date(t0.getTime() + 5 * MIN + 4 * MIN + 59 * SEC));
    const ok = await enterCode(a, base, second, again);
    assert.equal(pathOf(ok), `${base}/dokoncz`, notices(ok.body));
    assert.match((await a.follow(ok)).body, /data-qa="page-(home|account|reminder)"/);
  });

  it('SMS code: bound to its login attempt — the code of another browser is refused there', async () => {
    at(day(3));
    const { phone } = person('ewa.kaminska');
    const a = new Agent(t);
    const b = new Agent(t);
    // B gets its code first, so A's is the newest code of the account when B tries it
    const baseB = await openPz(b);
    const pageB = await toCodePage(b, baseB, 'ewa.kaminska');
    const codeB = await lastCode(phone);
    at(new Date(day(3).getTime() + SEC));
    const baseA = await openPz(a);
    const pageA = await toCodePage(a, baseA, 'ewa.kaminska');
    const codeA = await lastCode(phone);
    assert.notEqual(codeA, codeB);

    const foreign = await enterCode(b, baseB, codeA, pageB);
    assert.equal(foreign.statusCode, 401);
    assert.match(notices(foreign.body), /Nieprawidłowy kod autoryzacyjny\. Pozostało prób: 2/);

    // each attempt's own code still works, in its own browser
    const okA = await enterCode(a, baseA, codeA, pageA);
    assert.equal(pathOf(okA), `${baseA}/dokoncz`, notices(okA.body));
    const okB = await enterCode(b, baseB, codeB, foreign);
    assert.equal(pathOf(okB), `${baseB}/dokoncz`, notices(okB.body));
    assert.match((await a.follow(okA)).body, /Ewa Kamińska/);
  });

  it('SMS code: three wrong entries burn it; even the right code is refused until a new one is sent', async () => {
    at(day(4));
    const { phone } = person('katarzyna.dabrowska');
    const a = new Agent(t);
    const base = await openPz(a);
    const page = await toCodePage(a, base, 'katarzyna.dabrowska');
    const code = await lastCode(phone);
    const wrong = otherThan(code);
    const wrongBefore = (await identityEvents('pz.code_wrong', 'katarzyna.dabrowska')).length;

    let last = page;
    for (const left of [2, 1]) {
      last = await enterCode(a, base, wrong, last);
      assert.equal(last.statusCode, 401);
      assert.match(notices(last.body), new RegExp(`Nieprawidłowy kod autoryzacyjny\\. Pozostało prób: ${left}`));
    }
    last = await enterCode(a, base, wrong, last);
    assert.equal(last.statusCode, 401);
    assert.match(notices(last.body), /Wpisano 3 razy nieprawidłowy kod\. Wyślij nowy kod\./);

    const burned = await enterCode(a, base, code, last);
    assert.equal(burned.statusCode, 401, 'the right code no longer works');
    assert.match(notices(burned.body), /Brak ważnego kodu autoryzacyjnego/);

    const wrongRows = (await identityEvents('pz.code_wrong', 'katarzyna.dabrowska')).slice(wrongBefore);
    assert.deepEqual(
      wrongRows
        .map((r) => r.details.wrongAttempts)
        .filter((n) => n !== undefined)
        .sort(),
      [1, 2, 3],
    );
    assert.ok(wrongRows.some((r) => r.details.burned === true));

    const resent = await a.post(`${base}/kod/nowy`, {}, { csrfFrom: burned.body });
    const fresh = await a.get(pathOf(resent));
    const ok = await enterCode(a, base, await lastCode(phone), fresh);
    assert.equal(pathOf(ok), `${base}/dokoncz`, notices(ok.body));
  });

  // ───────────────────────── password lockout ─────────────────────────

  it('five wrong passwords lock the PZ account for 15 minutes, with the Polish message on the page', async () => {
    const t0 = day(5);
    at(t0);
    const login = 'tomasz.lewandowski';
    const { phone } = person(login);
    const a = new Agent(t);
    const base = await openPz(a);
    const smsBefore = (await smsTo(phone)).length;

    for (let i = 1; i <= 4; i++) {
      const r = await submitPassword(a, base, login, `Zle-haslo-${i}!`);
      assert.equal(r.statusCode, 401, `wrong password ${i}`);
      assert.match(notices(r.body), /Nieprawidłowa nazwa użytkownika lub hasło/);
      assert.doesNotMatch(r.body, /zablokowane/);
    }
    const locked = 'Konto zostało czasowo zablokowane po 5 nieudanych próbach logowania. Spróbuj ponownie po godzinie 09:15.';
    const fifth = await submitPassword(a, base, login, 'Zle-haslo-5!');
    assert.equal(fifth.statusCode, 429);
    assert.equal(notices(fifth.body), locked);
    assert.match(fifth.body, /data-qa="notice-error"/);

    // the right password is refused while locked, and no SMS goes out
    const right = await submitPassword(a, base, login);
    assert.equal(right.statusCode, 429);
    assert.equal(notices(right.body), locked);
    at(new Date(t0.getTime() + 14 * MIN + 59 * SEC));
    const stillLocked = await submitPassword(a, base, login);
    assert.equal(stillLocked.statusCode, 429);
    assert.equal(notices(stillLocked.body), locked);
    assert.equal((await smsTo(phone)).length, smsBefore);

    const lockouts = await identityEvents('pz.lockout', login);
    assert.equal(lockouts.length, 1);
    assert.equal(lockouts[0]!.outcome, 'failure');
    assert.equal(lockouts[0]!.details.lockedUntil, new Date(t0.getTime() + 15 * MIN).toISOString());

    // 15 minutes later the right password works again (the login attempt itself has expired: the page starts a new one)
    at(new Date(t0.getTime() + 15 * MIN));
    const page = await toCodePage(a, base, login);
    const ok = await enterCode(a, base, await lastCode(phone), page);
    assert.equal(pathOf(ok), `${base}/dokoncz`, notices(ok.body));
    assert.match((await a.follow(ok)).body, /Tomasz Lewandowski/);
  });

  it('a login attempt that ran out (15 minutes) says so, and the same form works on the next try', async () => {
    const t0 = day(6);
    at(t0);
    const login = 'jan.kowalski';
    const a = new Agent(t);
    const base = await openPz(a);
    const form = await a.get(`${base}/pz`);
    at(new Date(t0.getTime() + 15 * MIN));
    const late = await a.post(`${base}/pz`, { login, password: PASSWORD }, { csrfFrom: form.body });
    assert.equal(late.statusCode, 400);
    assert.equal(notices(late.body), 'Sesja logowania wygasła. Zaloguj się ponownie.');
    assert.match(late.body, /value="jan\.kowalski"/, 'the login is kept');
    // submitted again from the page with the message (no reload in between): the sign-in goes on
    const again = await a.post(`${base}/pz`, { login, password: PASSWORD }, { csrfFrom: late.body });
    assert.equal(again.statusCode, 303, notices(again.body));
    assert.equal(pathOf(again), `${base}/kod`);
  });

  it('"Wyślij nowy kod": at most five codes per attempt, the refusal shown on the code page', async () => {
    at(day(7));
    const login = 'ewa.kaminska';
    const { phone } = person(login);
    const a = new Agent(t);
    const base = await openPz(a);
    let page = await toCodePage(a, base, login);
    const before = (await smsTo(phone)).length;
    for (let i = 2; i <= 5; i++) {
      const r = await a.post(`${base}/kod/nowy`, {}, { csrfFrom: page.body });
      assert.equal(pathOf(r), `${base}/kod?nowy=1`, `code ${i}`);
      page = await a.get(pathOf(r));
    }
    assert.equal((await smsTo(phone)).length, before + 4);
    const refused = await a.post(`${base}/kod/nowy`, {}, { csrfFrom: page.body });
    assert.equal(refused.statusCode, 429);
    assert.equal(notices(refused.body), 'Wysłano zbyt wiele kodów. Spróbuj ponownie później.');
    assert.match(refused.body, /na numer \+48 \*\*\* \*\*\* 205\./, 'the masked number is still shown');
    assert.equal((await smsTo(phone)).length, before + 4);
    // the last code sent still signs in
    const ok = await enterCode(a, base, await lastCode(phone), refused);
    assert.equal(pathOf(ok), `${base}/dokoncz`, notices(ok.body));
  });

  // ───────────────────────── first login: migration, activation ─────────────────────────

  it('"Przerwij proces migracji" ends the attempt and lands on the portal landing page with a message', async () => {
    at(day(8));
    const a = new Agent(t);
    const base = await openPz(a);
    const page = await toCodePage(a, base, 'anna.nowak');
    const afterCode = await enterCode(a, base, await lastCode(person('anna.nowak').phone), page);
    assert.equal(pathOf(afterCode), `${base}/migracja`);
    const z02 = await eventually(async () => {
      const r = await a.get(`${base}/migracja`);
      return r.body.includes('data-qa="page-z02"') ? r : null;
    });
    assert.match(z02.body, /Przerwij proces migracji/);

    const aborted = await a.post(`${base}/migracja/przerwij`, {}, { csrfFrom: z02.body });
    assert.equal(aborted.statusCode, 303);
    const resumed = await a.get(String(aborted.headers.location));
    assert.equal(resumed.statusCode, 303);
    assert.match(pathOf(resumed), /^\/logowanie\/callback\?.*error=access_denied/);
    const landing = await a.follow(resumed);
    assert.equal(landing.statusCode, 200);
    assert.match(landing.body, /data-qa="page-landing"/);
    assert.match(notices(landing.body), /Przerwano proces migracji\. Po przesłaniu zgłoszenia do infolinii CeZ możesz zalogować się ponownie\./);
    assert.equal((await a.get('/start')).statusCode, 303, 'not signed in to the portal');

    // the attempt is over: its steps no longer go anywhere
    const again = await a.get(`${base}/migracja`);
    assert.doesNotMatch(again.body, /data-qa="page-z02"/);
    const skip = await a.post(`${base}/migracja/nowe-konto`, {}, { csrfFrom: z02.body });
    assert.notEqual(pathOf(skip), `${base}/konto`);
    const acc = await accountOf('anna.nowak');
    assert.equal(acc?.status, 'migration', 'no new account was started');
    const [m] = await db().select().from(migrationAttempts).where(eq(migrationAttempts.accountId, acc!.id)).orderBy(desc(migrationAttempts.startedAt)).limit(1);
    assert.equal(m?.status, 'aborted');

    assert.equal(
      (
        await db()
          .select()
          .from(identityAudit)
          .where(and(eq(identityAudit.action, 'migration.aborted'), eq(identityAudit.accountId, acc!.id)))
      ).length,
      1,
    );
    const portalLogins = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login'), eq(auditLog.outcome, 'failure')));
    assert.ok(
      portalLogins.some((r) => r.details.description === 'migration_aborted'),
      'portal audit of the aborted login',
    );
  });

  it('"Chcę dostać nowy e-mail": one a minute, five an hour, with the messages on the page', async () => {
    const t0 = day(9);
    at(t0);
    const email = 'piotr.zielinski@example.pl';
    const a = new Agent(t);
    const first = await toActivation(a, 'piotr.zielinski', { login: 'pzielinski', email });
    let base = first.base;
    assert.equal((await emailsTo(email)).length, 1, 'the first activation e-mail');
    const soon = 'Nowy e-mail możesz zamówić raz na minutę. Spróbuj za chwilę.';
    const limit = 'Wysłaliśmy już 5 wiadomości w ciągu godziny. Spróbuj później.';
    const sent = 'Wysłaliśmy nową wiadomość z linkiem aktywacyjnym.';

    let last = first.page;
    const resend = async (offset: number) => {
      at(new Date(t0.getTime() + offset));
      const r = await a.post(`${base}/aktywacja/nowy-email`, {}, { csrfFrom: last.body });
      assert.equal(r.statusCode, 303);
      last = await a.get(pathOf(r));
      assert.match(last.body, /data-qa="page-activate"/);
      return notices(last.body);
    };

    assert.equal(await resend(30 * SEC), soon);
    assert.equal((await emailsTo(email)).length, 1);
    assert.equal(await resend(60 * SEC), sent);
    assert.equal((await emailsTo(email)).length, 2);
    assert.equal(await resend(60 * SEC + 59 * SEC), soon, 'a minute counts from the latest e-mail');
    for (const [n, minutes] of [
      [3, 2],
      [4, 3],
      [5, 4],
    ] as const) {
      assert.equal(await resend(minutes * MIN), sent);
      assert.equal((await emailsTo(email)).length, n);
    }
    assert.equal(await resend(5 * MIN), limit);
    assert.equal(await resend(14 * MIN), limit);
    assert.equal((await emailsTo(email)).length, 5, 'five e-mails in the hour, no more');

    // after the login attempt ran out: a new sign-in lands on "Aktywuj konto"; the hour is still counted
    at(new Date(t0.getTime() + 30 * MIN));
    ({ base, page: last } = await toActivationAgain(a));
    assert.equal(await resend(30 * MIN), limit);
    // an hour after the first e-mail there is room for one again
    at(new Date(t0.getTime() + HOUR + SEC));
    ({ base, page: last } = await toActivationAgain(a));
    assert.equal(await resend(HOUR + SEC), sent);
    assert.equal((await emailsTo(email)).length, 6);

    async function toActivationAgain(agent: Agent) {
      const b = await openPz(agent);
      const p = await toCodePage(agent, b, 'piotr.zielinski');
      const res = await enterCode(agent, b, await lastCode(person('piotr.zielinski').phone), p);
      assert.equal(pathOf(res), `${b}/aktywacja`, notices(res.body));
      return { base: b, page: await agent.get(`${b}/aktywacja`) };
    }
  });

  it('activation link: expires after 24 h, single use; an expired or used link says so and offers a new e-mail', async () => {
    const t0 = day(10);
    at(t0);
    const email = 'anna.nowak@example.pl';
    const a = new Agent(t);
    await toActivation(a, 'anna.nowak', { login: 'anowak', email });
    const first = await lastActivationLink(email);

    // exactly 24 hours later the link has expired
    at(new Date(t0.getTime() + 24 * HOUR));
    const expired = await a.get(first);
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /data-qa="activation-expired"/);
    assert.match(expired.body, /Link aktywacyjny wygasł/);
    assert.match(expired.body, /„Chcę dostać nowy e-mail”/);
    assert.match(expired.body, /href="\/logowanie"/);
    assert.equal((await accountOf('anna.nowak'))?.status, 'activation_required');

    // the offer: sign in again → "Aktywuj konto" → a new e-mail
    const base = await openPz(a);
    const page = await toCodePage(a, base, 'anna.nowak');
    const res = await enterCode(a, base, await lastCode(person('anna.nowak').phone), page);
    assert.equal(pathOf(res), `${base}/aktywacja`, notices(res.body));
    const activate = await a.get(`${base}/aktywacja`);
    const resent = await a.post(`${base}/aktywacja/nowy-email`, {}, { csrfFrom: activate.body });
    assert.match(notices((await a.get(pathOf(resent))).body), /Wysłaliśmy nową wiadomość/);
    const second = await lastActivationLink(email);
    assert.notEqual(second, first);

    // the new link still works a second short of 24 hours (the login attempt is long over: the plain result page)
    at(new Date(t0.getTime() + 48 * HOUR - SEC));
    const ok = await activateByLink(a, second);
    assert.equal(ok.statusCode, 200, ok.body.slice(0, 300));
    assert.match(ok.body, /data-qa="activation-ok"/);
    assert.equal((await accountOf('anna.nowak'))?.status, 'active');

    const reused = await a.get(second);
    assert.equal(reused.statusCode, 410);
    assert.match(reused.body, /data-qa="activation-used"/);
    assert.match(reused.body, /Link aktywacyjny został już użyty/);
    assert.match(reused.body, /„Chcę dostać nowy e-mail”/);
    const old = await a.get(first);
    assert.equal(old.statusCode, 410, 'the old link stays dead');
    assert.match(old.body, /data-qa="activation-replaced"/);

    const acc = await accountOf('anna.nowak');
    const verify = await db().select().from(identityAudit).where(eq(identityAudit.accountId, acc!.id));
    assert.deepEqual(
      verify
        .filter((r) => r.action === 'email.verify')
        .map((r) => r.details.reason)
        .sort(),
      ['expired', 'replaced', 'used'],
    );
    assert.equal(verify.filter((r) => r.action === 'email.verified').length, 1);

    // active now: the next sign-in goes straight to the portal
    at(new Date(t0.getTime() + 48 * HOUR));
    const welcome = await loginToPortal(new Agent(t), 'anna.nowak');
    assert.match(welcome.body, /data-qa="page-welcome"/);
  });

  // ───────────────────────── portal session ─────────────────────────

  it('30 minutes without activity end the portal session on the server: "Sesja wygasła" (401) and session.timeout', async () => {
    const t0 = day(13);
    at(t0);
    const a = new Agent(t);
    await loginToPortal(a, 'jan.kowalski');
    const janId = await userIdOf('jan.kowalski');
    const timeouts = () =>
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'session.timeout'), eq(auditLog.actorUserId, janId)));
    const before = (await timeouts()).length;

    at(new Date(t0.getTime() + 20 * MIN));
    assert.equal((await a.get('/start')).statusCode, 200, 'activity moves the deadline to 20 + 30 min');
    const sid = a.cookies.get('ssoz-sid') ?? '';
    const idHash = createHash('sha256').update(sid).digest('hex');
    const [row] = await db().select().from(sessions).where(eq(sessions.idHash, idHash));
    assert.equal(row?.userId, janId);
    assert.equal(row?.idleExpiresAt.toISOString(), new Date(t0.getTime() + 50 * MIN).toISOString());

    at(new Date(t0.getTime() + 50 * MIN - SEC));
    const status = (await a.get('/sesja/status')).json() as { active: boolean; secondsLeft: number };
    assert.deepEqual([status.active, status.secondsLeft], [true, 1], 'asking for the status is not activity');

    at(new Date(t0.getTime() + 50 * MIN));
    const expired = await a.get('/start');
    assert.equal(expired.statusCode, 401);
    assert.match(expired.body, /<h1[^>]*>Sesja wygasła<\/h1>/);
    assert.equal((await db().select().from(sessions).where(eq(sessions.idHash, idHash))).length, 0, 'session row gone');
    const audits = await timeouts();
    assert.equal(audits.length, before + 1);
    assert.deepEqual(audits.at(-1)?.details, { reason: 'idle' });

    // the old cookie, sent again, opens nothing
    a.cookies.set('ssoz-sid', sid);
    const replay = await a.get('/start');
    assert.equal(replay.statusCode, 303);
    assert.match(pathOf(replay), /^\/logowanie\?next=%2Fstart$/);
  });

  it('the portal session ends 10 hours after login even with constant activity', async () => {
    const t0 = day(14);
    at(t0);
    const a = new Agent(t);
    await loginToPortal(a, 'maria.wisniewska');
    const mariaId = await userIdOf('maria.wisniewska');
    for (let m = 25; m < 600; m += 25) {
      at(new Date(t0.getTime() + m * MIN));
      assert.equal((await a.get('/moje-konto')).statusCode, 200, `active after ${m} min`);
    }
    at(new Date(t0.getTime() + 10 * HOUR));
    const expired = await a.get('/moje-konto');
    assert.equal(expired.statusCode, 401);
    assert.match(expired.body, /Sesja wygasła/);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'session.timeout'), eq(auditLog.actorUserId, mariaId)));
    assert.deepEqual(audits.at(-1)?.details, { reason: 'absolute' });
  });

  it('"Wyloguj się" ends the session and is audited', async () => {
    at(day(15));
    const a = new Agent(t);
    const home = await loginToPortal(a, 'katarzyna.dabrowska');
    const out = await a.post('/wyloguj', {}, { csrfFrom: home.body });
    assert.equal(out.statusCode, 303);
    assert.equal((await a.get('/start')).statusCode, 303);
    const userId = await userIdOf('katarzyna.dabrowska');
    assert.equal(
      (
        await db()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'logout'), eq(auditLog.actorUserId, userId)))
      ).length,
      1,
    );
  });

  // ───────────────────────── audit trail ─────────────────────────

  it('the flows above left audit rows for every step, and no full PESEL in any audit row or message', async () => {
    const identity = await db().select().from(identityAudit);
    const has = (action: string, outcome?: 'success' | 'failure') => identity.some((r) => r.action === action && (!outcome || r.outcome === outcome));
    for (const action of [
      'pz.code_sent',
      'pz.code_ok',
      'migration.found',
      'migration.skipped',
      'migration.aborted',
      'account.updated',
      'email.verified',
      'login',
    ]) {
      assert.ok(has(action, 'success'), `identity audit ${action}`);
    }
    for (const action of ['pz.code_wrong', 'pz.lockout', 'migration.not_found', 'email.verify']) assert.ok(has(action, 'failure'), `identity audit ${action}`);
    assert.ok(
      identity.some((r) => r.action === 'login' && r.actor === 'anowak'),
      'anna signed in after activation',
    );

    const portal = await db().select().from(auditLog);
    for (const action of ['login', 'logout', 'session.timeout'])
      assert.ok(
        portal.some((r) => r.action === action),
        `portal audit ${action}`,
      );
    assert.ok(portal.some((r) => r.action === 'login' && r.outcome === 'failure'));

    const mail = await db().select().from(messages);
    assert.ok(mail.length > 20);
    const everything = [
      ...identity.map((r) => ['identity audit', JSON.stringify(r)] as const),
      ...portal.map((r) => ['portal audit', JSON.stringify(r)] as const),
      ...mail.map((r) => ['message', JSON.stringify(r)] as const),
    ];
    for (const { pesel, login } of DEMO_PEOPLE) {
      for (const [where, text] of everything) assert.ok(!text.includes(pesel), `PESEL of ${login} in a ${where}: ${text.slice(0, 200)}`);
    }
  });
});

describe('production mode: no Profil Zaufany simulator', () => {
  let p: TestApp;
  before(async () => {
    p = await buildTestApp({
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        DATABASE_URL: 'postgres://unused@127.0.0.1:1/x',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        PUBLIC_URL: 'https://ssoz.example.pl',
        // production runs behind a TLS-terminating proxy: the provider's Secure cookies need to see https
        TRUST_PROXY: '1',
      },
    });
  });
  after(() => p.close());

  /** A browser reaching the app through the TLS proxy (every request carries X-Forwarded-Proto: https). */
  function browserBehindTls(): Agent {
    const inject = (opts: InjectOptions) => p.app.inject({ ...opts, headers: { ...opts.headers, 'x-forwarded-proto': 'https' } });
    return new Agent({ ...p, app: { inject } } as unknown as TestApp);
  }

  it('the UEOZ login page says PZ is not configured and the simulator routes do not exist', async () => {
    const a = browserBehindTls();
    const start = await a.get('/logowanie');
    assert.equal(start.statusCode, 303, start.body.slice(0, 300));
    assert.match(String(start.headers.location), /^https:\/\/ssoz\.example\.pl\/ueoz\/oidc\/auth\?/);
    const auth = await a.get(String(start.headers.location));
    assert.equal(auth.statusCode, 303, auth.body.slice(0, 300));
    const base = pathOf(auth);
    assert.match(base, /^\/ueoz\/logowanie\/[\w-]+$/);

    const page = await a.get(base);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-qa="page-ueoz-login"/);
    assert.match(notices(page.body), /Logowanie Profilem Zaufanym nie jest skonfigurowane w tej instalacji/);
    assert.doesNotMatch(page.body, /data-qa="pz-button"/);
    assert.doesNotMatch(page.body, /Symulator/);

    for (const path of ['/pz', '/kod', '/pz/zaloz']) {
      const r = await a.get(`${base}${path}`);
      assert.equal(r.statusCode, 404, `GET ${path}`);
      assert.doesNotMatch(r.body, /Symulator/);
    }
    for (const path of ['/pz', '/kod', '/kod/nowy', '/pz/zaloz']) {
      const r = await a.post(`${base}${path}`, { login: 'jan.kowalski', password: PASSWORD, code: '123456' });
      assert.equal(r.statusCode, 404, `POST ${path}`);
    }
  });
});
