import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, getForm, type TestApp } from '../helpers/app.ts';
import { loginAs } from '../helpers/login.ts';
import { buildProfile } from '../builders/index.ts';
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
