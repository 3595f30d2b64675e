import assert from 'node:assert/strict';
import { csrfToken } from '../../src/lib/csrf.ts';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, sessions, users } from '../../src/db/schema/index.ts';
import { requireUser } from '../../src/portal/session/guard.ts';
import { sessionTimeoutProps } from '../../src/portal/session/plugin.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from '../../src/portal/session/store.ts';
import { Layout } from '../../src/views/layouts/Layout.tsx';
import { buildTestApp, getForm, type TestApp } from '../helpers/app.ts';

const MIN = 60 * 1000;
const COOKIE = 'ssoz-sid';
const T0 = new Date('2026-11-02T08:00:00.000Z');

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('portal sessions', () => {
  let t: TestApp;
  let janId: string;

  before(async () => {
    t = await buildTestApp({
      routes: (app) => {
        // stands in for the OIDC callback until the login feature exists
        app.post('/__test/login', { config: { csrf: false } }, async (req, reply) => {
          const { userId, data } = (req.body ?? {}) as { userId?: string | null; data?: Record<string, unknown> };
          await reply.startSession(userId ?? null, data);
          return { ok: true };
        });
        app.post('/__test/logout', { config: { csrf: false } }, async (_req, reply) => {
          await reply.endSession();
          return { ok: true };
        });
        app.post('/__test/data', { config: { csrf: false } }, async (req) => {
          await req.saveSessionData(req.body as Record<string, unknown>);
          return req.session?.data ?? null;
        });
        app.get('/__test/private', { preHandler: requireUser }, async (req) => ({
          userId: req.session?.userId,
          idleExpiresAt: req.session?.idleExpiresAt.toISOString(),
        }));
        app.get('/__test/page', { preHandler: requireUser }, async (req, reply) => {
          const csrf = csrfToken(reply);
          return reply.html(Layout({ title: 'Strona testowa', session: sessionTimeoutProps(req, csrf), children: '<p>treść</p>' }));
        });
      },
    });
    const [jan] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.login, 'jan.kowalski'));
    assert.ok(jan, 'demo user jan.kowalski in the template');
    janId = jan.id;
  });
  after(() => t.close());
  beforeEach(() => {
    t.clock.now = new Date(T0);
  });

  const at = (ms: number) => {
    t.clock.now = new Date(T0.getTime() + ms);
  };

  async function login(userId: string | null = janId, cookie?: string): Promise<{ raw: string; cookie: string }> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/__test/login',
      headers: cookie ? { cookie } : {},
      payload: { userId },
    });
    assert.equal(res.statusCode, 200);
    const c = res.cookies.find((x) => x.name === COOKIE);
    assert.ok(c?.value, 'session cookie set');
    return { raw: c.value, cookie: `${COOKIE}=${c.value}` };
  }

  const get = (url: string, cookie?: string, accept?: string) =>
    t.app.inject({ url, headers: { ...(cookie ? { cookie } : {}), ...(accept ? { accept } : {}) } });

  const timeoutAudits = () =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'session.timeout'), eq(auditLog.actorUserId, janId)));

  it('login sets an HttpOnly, SameSite=Lax browser-session cookie; the table holds only its hash', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/__test/login', payload: { userId: janId } });
    const c = res.cookies.find((x) => x.name === COOKIE);
    assert.ok(c);
    assert.match(c.value, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
    assert.equal(c.httpOnly, true);
    assert.equal(c.sameSite, 'Lax');
    assert.equal(c.path, '/');
    assert.equal(c.maxAge, undefined, 'no Max-Age: ends with the browser');
    assert.equal(c.expires, undefined);
    assert.notEqual(c.secure, true, 'Secure only in production (__Host- prefix there)');

    const rows = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, sha256(c.value)));
    assert.equal(rows.length, 1);
    const row = rows[0]!;
    assert.equal(row.userId, janId);
    assert.doesNotMatch(JSON.stringify(row), new RegExp(c.value.replace(/[-]/g, '\\-')), 'raw id not stored anywhere in the row');
    assert.equal(row.idleExpiresAt.getTime(), T0.getTime() + SESSION_IDLE_MS);
    assert.equal(row.absoluteExpiresAt.getTime(), T0.getTime() + SESSION_ABSOLUTE_MS);
    assert.equal((await t.database.db.select().from(sessions).where(eq(sessions.idHash, c.value))).length, 0);
  });

  it('every login issues a new id and the previous one stops working (session fixation)', async () => {
    const first = await login();
    const second = await login(janId, first.cookie);
    assert.notEqual(second.raw, first.raw);
    assert.equal(
      (
        await t.database.db
          .select()
          .from(sessions)
          .where(eq(sessions.idHash, sha256(first.raw)))
      ).length,
      0,
      'old session deleted',
    );

    const old = await get('/__test/private', first.cookie);
    assert.equal(old.statusCode, 303, 'the old id is just unknown: login again');
    assert.match(old.headers.location as string, /^\/logowanie\?next=/);
    const cleared = old.cookies.find((x) => x.name === COOKIE);
    assert.ok(cleared && cleared.value === '' && cleared.expires && cleared.expires.getTime() < Date.now(), 'unknown cookie cleared');

    const fresh = await get('/__test/private', second.cookie);
    assert.equal(fresh.statusCode, 200);
    assert.equal(fresh.json().userId, janId);
  });

  it('a request less than a minute after the last counted one only reads the session; a minute later it moves the deadline', async () => {
    const { cookie, raw } = await login();
    const row = async () =>
      (
        await t.database.db
          .select()
          .from(sessions)
          .where(eq(sessions.idHash, sha256(raw)))
      )[0]!;
    at(59_999);
    const early = await get('/__test/private', cookie);
    assert.equal(early.statusCode, 200);
    assert.equal(early.json().idleExpiresAt, new Date(T0.getTime() + SESSION_IDLE_MS).toISOString(), 'not moved within the minute');
    assert.equal((await row()).lastSeenAt.getTime(), T0.getTime(), 'no write within the minute');
    at(SESSION_TOUCH_MS);
    const later = await get('/__test/private', cookie);
    assert.equal(later.json().idleExpiresAt, new Date(T0.getTime() + SESSION_TOUCH_MS + SESSION_IDLE_MS).toISOString(), 'moved after a minute');
    assert.equal((await row()).lastSeenAt.getTime(), T0.getTime() + SESSION_TOUCH_MS);
    // an idle deadline that has passed ends the session even within the minute after the last write
    await t.database.db
      .update(sessions)
      .set({ idleExpiresAt: new Date(T0.getTime() + SESSION_TOUCH_MS + 1) })
      .where(eq(sessions.idHash, sha256(raw)));
    at(SESSION_TOUCH_MS + 2);
    assert.equal((await get('/__test/private', cookie)).statusCode, 401);
  });

  it('activity keeps the session alive; 30 minutes without a request ends it with "Sesja wygasła" and an audit entry', async () => {
    const { cookie, raw } = await login();
    const before = (await timeoutAudits()).length;
    for (const minutes of [29, 58, 87]) {
      at(minutes * MIN);
      const res = await get('/__test/private', cookie);
      assert.equal(res.statusCode, 200, `still active after a ${minutes} min walk in 29 min steps`);
      assert.equal(res.json().idleExpiresAt, new Date(T0.getTime() + (minutes + 30) * MIN).toISOString(), 'touch moved the idle deadline');
    }
    at((87 + 31) * MIN);
    const res = await get('/__test/private', cookie);
    assert.equal(res.statusCode, 401);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.body, /<h1[^>]*>Sesja wygasła<\/h1>/);
    assert.match(res.body, /Ze względów bezpieczeństwa po 30 minutach bezczynności zostałeś automatycznie wylogowany\./);
    assert.match(res.body, /href="\/logowanie\?next=%2F__test%2Fprivate"[^>]*>Zaloguj się\/ Zarejestruj<\/a>/);
    const cleared = res.cookies.find((x) => x.name === COOKIE);
    assert.ok(cleared && cleared.value === '', 'cookie cleared');
    assert.equal(
      (
        await t.database.db
          .select()
          .from(sessions)
          .where(eq(sessions.idHash, sha256(raw)))
      ).length,
      0,
      'row deleted',
    );

    const audits = await timeoutAudits();
    assert.equal(audits.length, before + 1);
    const audit = audits.at(-1)!;
    assert.equal(audit.outcome, 'success');
    assert.deepEqual(audit.details, { reason: 'idle' });

    const again = await get('/__test/private', cookie);
    assert.equal(again.statusCode, 303, 'a stale cookie sent again is simply unknown');
    assert.equal((await timeoutAudits()).length, before + 1, 'the timeout is audited once');
  });

  it('the absolute limit of 10 hours ends a session even with constant activity', async () => {
    const { cookie } = await login();
    const before = (await timeoutAudits()).length;
    let minutes = 0;
    for (; minutes + 25 < 600; minutes += 25) {
      at((minutes + 25) * MIN);
      assert.equal((await get('/__test/private', cookie)).statusCode, 200, `active at ${minutes + 25} min`);
    }
    // the last touch (at 575 min) could not move the idle deadline past the absolute one
    const status = (await get('/sesja/status', cookie)).json();
    assert.equal(status.idleExpiresAt, new Date(T0.getTime() + SESSION_ABSOLUTE_MS).toISOString());
    at(600 * MIN);
    const res = await get('/__test/private', cookie);
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /Sesja wygasła/);
    const audits = await timeoutAudits();
    assert.equal(audits.length, before + 1);
    assert.deepEqual(audits.at(-1)!.details, { reason: 'absolute' });
  });

  it('GET /sesja/status reports the time left without extending the session', async () => {
    const { cookie } = await login();
    at(20 * MIN);
    const s1 = await get('/sesja/status', cookie);
    assert.equal(s1.statusCode, 200);
    assert.deepEqual(s1.json(), { active: true, idleExpiresAt: new Date(T0.getTime() + 30 * MIN).toISOString(), secondsLeft: 600 });
    assert.equal(s1.headers['cache-control'], 'no-store');
    at(29 * MIN);
    assert.equal((await get('/sesja/status', cookie)).json().secondsLeft, 60);
    at(30 * MIN + 1000);
    assert.deepEqual((await get('/sesja/status', cookie)).json(), { active: false });
    assert.deepEqual((await get('/sesja/status')).json(), { active: false });
  });

  it('POST /sesja/przedluz extends the session (JSON for the script, a redirect back for the form)', async () => {
    const { cookie: sid } = await login();
    // the token of a page of this session (tokens are bound to the session they were made for)
    const { csrf, cookie } = await getForm(t.app, '/kontakt', sid);
    const post = (headers: Record<string, string>, body: Record<string, string> = { _csrf: csrf }) =>
      t.app.inject({
        method: 'POST',
        url: '/sesja/przedluz',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
        payload: new URLSearchParams(body).toString(),
      });

    at(25 * MIN);
    const json = await post({ accept: 'application/json' });
    assert.equal(json.statusCode, 200);
    assert.equal(json.json().active, true);
    assert.equal(json.json().idleExpiresAt, new Date(T0.getTime() + 55 * MIN).toISOString());

    at(50 * MIN);
    const back = await post({ referer: 'http://localhost/kontakt?x=1' });
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, '/kontakt?x=1');
    const offsite = await post({ referer: 'https://evil.example/kontakt' });
    assert.equal(offsite.headers.location, '/');
    const none = await post({});
    assert.equal(none.headers.location, '/');

    at(79 * MIN);
    assert.equal((await get('/__test/private', sid)).statusCode, 200, 'still active 29 min after the last extension');

    const forged = await post({ accept: 'application/json' }, {});
    assert.equal(forged.statusCode, 403, 'CSRF-protected like every POST');
  });

  it('POST /sesja/przedluz after the timeout answers inactive and sends the form to "Sesja wygasła"', async () => {
    const { cookie: sid } = await login();
    const { csrf, cookie } = await getForm(t.app, '/kontakt', sid);
    at(31 * MIN);
    const res = await t.app.inject({
      method: 'POST',
      url: '/sesja/przedluz',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sesja-wygasla');
    const page = await get('/sesja-wygasla');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>Sesja wygasła – SSOZ II<\/title>/);
    assert.match(page.body, /<a class="button" href="\/logowanie"[^>]*>Zaloguj się\/ Zarejestruj<\/a>/);
  });

  it('without a session a private page redirects to the login page and back (same-site paths only)', async () => {
    const res = await get('/__test/private?a=1&b=%C5%BC');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/logowanie?next=${encodeURIComponent('/__test/private?a=1&b=%C5%BC')}`);
    const json = await get('/__test/private', undefined, 'application/json');
    assert.equal(json.statusCode, 401);
    assert.equal(json.json().error, 'unauthenticated');
    const sneaky = await get('//evil.example/__test/private');
    assert.ok([303, 404].includes(sneaky.statusCode));
    if (sneaky.statusCode === 303) assert.equal(sneaky.headers.location, '/logowanie', 'no off-site next');
  });

  it('endSession deletes the session and clears the cookie', async () => {
    const { cookie, raw } = await login();
    assert.equal((await get('/__test/private', cookie)).statusCode, 200);
    const res = await t.app.inject({ method: 'POST', url: '/__test/logout', headers: { cookie } });
    assert.equal(res.statusCode, 200);
    const cleared = res.cookies.find((x) => x.name === COOKIE);
    assert.ok(cleared && cleared.value === '' && cleared.expires && cleared.expires.getTime() < Date.now());
    assert.equal(
      (
        await t.database.db
          .select()
          .from(sessions)
          .where(eq(sessions.idHash, sha256(raw)))
      ).length,
      0,
    );
    assert.equal((await get('/__test/private', cookie)).statusCode, 303);
  });

  it('session data: shallow merge, undefined removes a key; an anonymous session times out without an audit', async () => {
    const { cookie, raw } = await login(null);
    const post = (patch: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/__test/data', headers: { cookie }, payload: patch });
    assert.deepEqual((await post({ a: 1, b: { c: 'ż' } })).json(), { a: 1, b: { c: 'ż' } });
    assert.deepEqual((await post({ a: null, d: true })).json(), { a: null, b: { c: 'ż' }, d: true });
    // JSON cannot carry undefined: remove through the store directly
    const { updateSessionData } = await import('../../src/portal/session/store.ts');
    assert.deepEqual(await updateSessionData(t.database.db, sha256(raw), { b: undefined }), { a: null, d: true });

    assert.deepEqual((await get('/sesja/status', cookie)).json(), { active: false }, 'anonymous: no logged-in session to keep alive');
    const before = (await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'session.timeout'))).length;
    at(31 * MIN);
    const res = await get('/__test/private', cookie);
    assert.equal(res.statusCode, 303, 'nobody was logged in: the login page, not "Sesja wygasła"');
    assert.equal((await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'session.timeout'))).length, before);
  });

  it('pages of a logged-in user carry the timeout warning (hidden until the script shows it)', async () => {
    const { cookie } = await login();
    const res = await get('/__test/page', cookie);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    const block = html.slice(html.indexOf('data-module="session-timeout"') - 40, html.indexOf('</footer>'));
    assert.ok(html.indexOf('data-module="session-timeout"') > html.indexOf('</main>'), 'after main');
    assert.match(block, /data-idle-expires-at="2026-11-02T08:30:00.000Z"/);
    assert.match(block, /<div class="session-timeout"[^>]* hidden>/);
    assert.match(block, /role="alertdialog" aria-labelledby="session-timeout-title"\s+aria-describedby="session-timeout-text"/);
    assert.match(block, /Twoja sesja wkrótce wygaśnie/);
    assert.match(block, /Za 2 minuty zostaniesz automatycznie wylogowany z powodu bezczynności\./);
    assert.match(block, /<form method="post" action="\/sesja\/przedluz"><input type="hidden" name="_csrf" value="[^"]+"/);
    assert.match(block, /Przedłuż sesję/);
    assert.doesNotMatch((await get('/kontakt')).body, /session-timeout/, 'not for anonymous pages');
  });

  it('assets, health checks and the identity provider (UEOZ) neither load nor extend the session', async () => {
    const { cookie } = await login();
    at(29 * MIN);
    for (const url of ['/assets/app.js', '/healthz', '/ueoz/oidc/.well-known/openid-configuration']) {
      const res = await get(url, cookie);
      assert.ok(res.statusCode < 400, url);
    }
    at(31 * MIN);
    assert.equal((await get('/__test/private', cookie)).statusCode, 401);
  });
});
