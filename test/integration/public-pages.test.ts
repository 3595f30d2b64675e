import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.ts';

const PAGES: Array<[string, RegExp]> = [
  ['/', /Zaloguj się\/ Zarejestruj/],
  ['/polityka-prywatnosci', /<h1[^>]*>[^<]*Polityka prywatności/],
  ['/deklaracja-dostepnosci', /<h1[^>]*>[^<]*Deklaracja dostępności/],
  ['/mapa-strony', /<h1[^>]*>[^<]*Mapa strony/],
  ['/pomoc', /Pomoc/],
  ['/kontakt', /Skontaktuj się z nami/],
  ['/ueoz/czym-sa-ueoz', /Usługi Elektroniczne Ochrony Zdrowia/],
  ['/ueoz/warunki-korzystania', /Warunki korzystania z serwisu/],
];

describe('public pages', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  for (const [url, expected] of PAGES) {
    it(`${url} renders in Polish in the portal layout`, async () => {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/html; charset=utf-8/);
      assert.match(res.body, /^<!doctype html><html lang="pl">/);
      assert.match(res.body, expected);
      // UEOZ pages have the identity provider's look and footer, the rest the portal's
      assert.match(res.body, url.startsWith('/ueoz/') ? /Usługi Elektroniczne Ochrony Zdrowia/ : /System Statystyki w Ochronie Zdrowia/);
      assert.match(res.body, /href="\/polityka-prywatnosci"/);
      assert.match(res.body, /href="\/deklaracja-dostepnosci"/);
      assert.equal((res.body.match(/<h1[\s>]/g) ?? []).length, 1, 'exactly one h1');
    });
  }

  it('the portal footer carries the manual links', async () => {
    const res = await t.app.inject({ url: '/' });
    for (const label of [
      'Ministerstwo Zdrowia',
      'Centrum e-Zdrowia',
      'Deklaracja dostępności',
      'Polityka prywatności',
      'Mapa strony',
      'Przeczytaj jak z niego korzystać',
      'Skontaktuj się z nami',
    ]) {
      assert.ok(res.body.includes(label), `footer has ${label}`);
    }
  });

  it('serves the stylesheet and script from the portal itself', async () => {
    const css = await t.app.inject({ url: '/assets/app.css' });
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['content-type'] as string, /text\/css/);
    const js = await t.app.inject({ url: '/assets/app.js' });
    assert.equal(js.statusCode, 200);
    assert.match(js.headers['content-type'] as string, /javascript/);
  });

  it('the accessibility declaration has the statutory sections', async () => {
    const res = await t.app.inject({ url: '/deklaracja-dostepnosci' });
    for (const id of ['a11y-wstep', 'a11y-podmiot', 'a11y-data-publikacja', 'a11y-data-aktualizacja', 'a11y-status', 'a11y-kontakt']) {
      assert.ok(res.body.includes(`id="${id}"`), `has #${id}`);
    }
  });

  it('health and readiness answer', async () => {
    assert.equal((await t.app.inject({ url: '/healthz' })).statusCode, 200);
    const ready = await t.app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ok' });
  });
});
