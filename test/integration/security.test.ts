import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, getForm, type TestApp } from '../helpers/app.ts';
import { loginAs } from '../helpers/login.ts';
import { buildProfile } from '../builders/index.ts';
import { eq } from 'drizzle-orm';
import { accounts } from '../../src/db/schema/index.ts';
import { setAttemptCookie } from '../../src/identity/interactions/flow.ts';
import { sessionCookieName } from '../../src/portal/session/plugin.ts';

describe('security baseline', () => {
  let t: TestApp;
  after(() => t.close());
  before(async () => {
    t = await buildTestApp({
      routes: (app) =>
        app.get('/__boom', async () => {
          throw new Error('secret internal detail at /srv/app.ts:12');
        }),
    });
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const res = await t.app.inject({ url: '/' });
    const csp = res.headers['content-security-policy'] as string;
    assert.ok(csp, 'CSP present');
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'same-origin');
    assert.ok(res.headers['x-request-id'], 'request id header');
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  it('pages contain no inline scripts or inline event handlers', async () => {
    for (const url of ['/', '/kontakt', '/pomoc']) {
      const html = (await t.app.inject({ url })).body;
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${url}: inline <script>`);
      assert.doesNotMatch(html, /\son[a-z]+="/i, `${url}: inline handler`);
    }
  });

  it('the CSRF cookie is HttpOnly and SameSite', async () => {
    const res = await t.app.inject({ url: '/kontakt' });
    const cookie = res.cookies.find((c) => c.name === 'ssoz-csrf');
    assert.ok(cookie, 'csrf cookie set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
  });

  it('refuses a state-changing POST without a CSRF token with a Polish 403 page', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/kontakt', payload: 'name=Jan', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /Brak dostępu/);
    assert.match(res.body, /lang="pl"/);
  });

  it('refuses a token that belongs to another browser', async () => {
    const a = await getForm(t.app, '/kontakt');
    const b = await getForm(t.app, '/kontakt');
    const res = await t.app.inject({
      method: 'POST',
      url: '/kontakt',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookie },
      payload: new URLSearchParams({ _csrf: a.csrf.slice(0, -2) + 'xx' }).toString(),
    });
    assert.equal(res.statusCode, 403);
  });

  it('a CSRF cookie and token from another session (here an anonymous visit) do not pass with a signed-in session', async () => {
    const { user } = await buildProfile(t.database.db);
    const signed = await loginAs(t, user.id);
    const sid = `${sessionCookieName(t.config)}=${signed.cookies.get(sessionCookieName(t.config))}`;
    const anon = await getForm(t.app, '/kontakt');
    const planted = await t.app.inject({
      method: 'POST',
      url: '/przypomnienie',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${sid}; ${anon.cookie}` },
      payload: new URLSearchParams({ _csrf: anon.csrf, next: '/moje-konto' }).toString(),
    });
    assert.equal(planted.statusCode, 403, 'the token is bound to the session it was made for');
    // the session's own page token passes
    const page = await signed.get('/moje-konto');
    const own = await signed.post('/przypomnienie', { next: '/moje-konto' }, { csrfFrom: page.body });
    assert.equal(own.statusCode, 303);
  });

  it('answers unknown paths with a Polish 404 page without details', async () => {
    const res = await t.app.inject({ url: '/nie-ma-takiej-strony' });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Nie znaleziono strony/);
    assert.match(res.body, /Numer zgłoszenia/);
  });

  it('a failing handler shows the generic 500 page and no stack trace', async () => {
    const res = await t.app.inject({ url: '/__boom' });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /Wystąpił błąd systemu/);
    assert.doesNotMatch(res.body, /secret internal detail|at \/|\.ts:\d+/);
  });
});

describe('security baseline in production mode (behind the TLS proxy)', () => {
  let p: TestApp;
  before(async () => {
    p = await buildTestApp({
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        DATABASE_URL: 'postgres://unused@127.0.0.1:1/x',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        PUBLIC_URL: 'https://ssoz.example.pl',
        TRUST_PROXY: '1',
      },
      // Production has no Profil Zaufany simulator: this route stands in for the external provider's
      // return. It starts the login attempt's cookie and ends the interaction with a login the way the
      // real last step does (the cookies themselves are written by the portal's and the provider's code).
      routes: (app) =>
        app.get<{ Params: { uid: string } }>('/ueoz/logowanie/:uid/__test-zaloguj', async (req, reply) => {
          setAttemptCookie(reply, 'proba-testowa', app.deps.config);
          const [acc] = await app.deps.database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.status, 'active')).limit(1);
          const url = await app.deps.provider!.interactionResult(
            req.raw,
            reply.raw,
            { login: { accountId: acc!.id, remember: false } },
            { mergeWithLastSubmission: false },
          );
          return reply.redirect(url, 303);
        }),
    });
  });
  after(() => p.close());

  it("every cookie of the sign-in, the identity provider's and the login attempt's included, is Secure, HttpOnly and SameSite=Lax with a __Host- or __Secure- prefix", async () => {
    const jar = new Map<string, string>();
    const seen: { name: string; secure?: boolean; httpOnly?: boolean; sameSite?: string; path?: string; domain?: string }[] = [];
    const get = async (url: string) => {
      const res = await p.app.inject({
        url: url.replace('https://ssoz.example.pl', ''),
        headers: { 'x-forwarded-proto': 'https', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.cookies) {
        if (c.value === '') continue;
        jar.set(c.name, c.value);
        seen.push(c);
      }
      return res;
    };
    const home = await get('/kontakt');
    assert.match(String(home.headers['strict-transport-security']), /max-age=31536000; includeSubDomains/);
    const start = await get('/logowanie');
    assert.equal(start.statusCode, 303);
    const auth = await get(String(start.headers.location));
    assert.equal(auth.statusCode, 303);
    const base = new URL(String(auth.headers.location), 'https://ssoz.example.pl').pathname;
    assert.match(base, /^\/ueoz\/logowanie\/[\w-]+$/);
    assert.equal((await get(base)).statusCode, 200);
    // the sign-in ends: the provider resumes (its session cookie), the portal's callback opens the portal's session
    const done = await get(`${base}/__test-zaloguj`);
    assert.equal(done.statusCode, 303, done.body.slice(0, 300));
    const resume = await get(String(done.headers.location));
    assert.equal(resume.statusCode, 303, resume.body.slice(0, 300));
    const callback = await get(String(resume.headers.location));
    assert.equal(callback.statusCode, 303, callback.body.slice(0, 300));

    const names = [...new Set(seen.map((c) => c.name))];
    for (const name of [
      '__Host-ssoz-csrf',
      '__Host-ssoz-sid',
      '__Secure-_interaction',
      '__Secure-_interaction.sig',
      '__Secure-_interaction_resume',
      '__Secure-_interaction_resume.sig',
      '__Secure-_session',
      '__Secure-_session.sig',
      '__Secure-ueoz-attempt',
    ])
      assert.ok(names.includes(name), `${name} set (got ${names.join(', ')})`);
    for (const c of seen) {
      assert.match(c.name, /^__(Host|Secure)-/, `${c.name}: prefixed`);
      assert.equal(c.secure, true, `${c.name}: Secure`);
      assert.equal(c.httpOnly, true, `${c.name}: HttpOnly`);
      assert.equal(c.sameSite?.toLowerCase(), 'lax', `${c.name}: SameSite=Lax`);
      if (c.name.startsWith('__Host-')) {
        assert.equal(c.path, '/', `${c.name}: Path=/`);
        assert.equal(c.domain, undefined, `${c.name}: no Domain`);
      }
    }
  });
});
