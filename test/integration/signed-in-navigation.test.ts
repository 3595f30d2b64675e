import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { Agent, pathOf } from '../helpers/agent.ts';
import { signedIn } from '../helpers/login.ts';

/** Pages a signed-in user can reach without a session being required; each must keep the user menu. */
const PUBLIC = ['/pomoc', '/mapa-strony', '/deklaracja-dostepnosci', '/polityka-prywatnosci', '/kontakt'];
/** an unknown path (the not-found handler) and a 404 thrown by a route (someone else's profile) */
const NOT_FOUND = ['/nie-ma-takiej-strony', '/profil/00000000-0000-4000-8000-000000000000/dane-kontaktowe'];

function assertUserMenu(html: string, url: string): void {
  assert.match(html, /data-qa="user-menu"/, `${url}: user menu`);
  assert.match(html, /<a href="\/moje-konto">Moje konto<\/a>/, `${url}: Moje konto`);
  assert.match(html, /Pracuj w tym profilu/, `${url}: Pracuj w tym profilu`);
  assert.match(html, /data-qa="logout">Wyloguj się<\/button>/, `${url}: Wyloguj się`);
  assert.doesNotMatch(html, /href="\/logowanie[?"]/, `${url}: no login link`);
  assert.doesNotMatch(html, /<a[^>]*>Zaloguj się\/ Zarejestruj<\/a>/, `${url}: no "Zaloguj się/ Zarejestruj"`);
}

describe('signed-in navigation', () => {
  let t: TestApp;
  let jan: Agent;
  before(async () => {
    t = await buildTestApp();
    jan = await signedIn(t, 'jan.kowalski', '+48 600 100 202');
  });
  after(() => t.close());

  it('a signed-in user at / (the logo, "Przejdź do strony głównej", breadcrumbs) lands on the home page', async () => {
    const res = await jan.get('/');
    assert.equal(res.statusCode, 303);
    assert.equal(pathOf(res), '/start');
    const home = await jan.follow(res);
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /data-qa="page-home"/);
    assertUserMenu(home.body, '/start');
  });

  for (const url of PUBLIC) {
    it(`${url} keeps the user menu for a signed-in user`, async () => {
      const res = await jan.get(url);
      assert.equal(res.statusCode, 200);
      assertUserMenu(res.body, url);
      assert.match(res.body, /data-module="session-timeout"/, 'the idle warning runs on this page too');
    });
  }

  for (const url of NOT_FOUND) {
    it(`404 at ${url} keeps the user menu`, async () => {
      const res = await jan.get(url);
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /Nie znaleziono strony/);
      assertUserMenu(res.body, url);
    });
  }

  it('a malformed id (refused before the session hook) and a refused CSRF token keep the user menu', async () => {
    for (const url of ['/wnioski/xyz', '/wnioski/xyz/pdf', '/profil/zzz/wniosek/role']) {
      const res = await jan.get(url);
      assert.equal(res.statusCode, 404, url);
      assertUserMenu(res.body, url);
    }
    const forged = await jan.post('/przypomnienie', { _csrf: 'nie-ten-token' });
    assert.equal(forged.statusCode, 403);
    assertUserMenu(forged.body, 'CSRF 403');
  });

  it('the contact form of a signed-in user has one token, which the post accepts', async () => {
    const page = await jan.get('/kontakt');
    const tokens = [...page.body.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(tokens.length >= 2, 'the form and the user menu carry a token');
    assert.equal(new Set(tokens).size, 1, 'one token on the page');
    const sent = await jan.post(
      '/kontakt',
      { formId: crypto.randomUUID(), name: 'Jan Kowalski', email: 'jan.kowalski@example.pl', topic: 'logowanie', message: 'Pytanie o konto.' },
      { csrfFrom: page.body },
    );
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    const confirmation = await jan.follow(sent);
    assert.match(confirmation.body, /Wiadomość została wysłana/);
    assertUserMenu(confirmation.body, '/kontakt/wyslano');
  });

  it('an anonymous visitor still gets the landing page with "Zaloguj się/ Zarejestruj" and no user menu', async () => {
    const visitor = new Agent(t);
    const landing = await visitor.get('/');
    assert.equal(landing.statusCode, 200);
    assert.match(landing.body, /<a class="button" href="\/logowanie" data-qa="login-button">Zaloguj się\/ Zarejestruj<\/a>/);
    for (const url of ['/', ...PUBLIC, ...NOT_FOUND.slice(0, 1)]) {
      const res = await visitor.get(url);
      assert.doesNotMatch(res.body, /data-qa="user-menu"|data-qa="logout"|data-module="session-timeout"/, url);
    }
    assert.match((await visitor.get('/mapa-strony')).body, /<a href="\/logowanie">Zaloguj się\/ Zarejestruj<\/a>/);
  });

  it('after logging out, / is the landing page again', async () => {
    const a = await signedIn(t, 'jan.kowalski', '+48 600 100 202');
    const home = await a.get('/start');
    const out = await a.post('/wyloguj', {}, { csrfFrom: home.body });
    assert.ok(out.statusCode >= 300 && out.statusCode < 400);
    const landing = await a.get('/');
    assert.equal(landing.statusCode, 200);
    assert.match(landing.body, /data-qa="login-button"/);
  });
});
