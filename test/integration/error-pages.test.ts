import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.ts';

const titleOf = (html: string) => ({ h1: /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1], title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '' });

describe('error pages say what happened', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('400 (a body that cannot be read) is "Niepoprawne żądanie", not "Nie znaleziono strony"', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/kontakt', payload: '{"a":', headers: { 'content-type': 'application/json', accept: 'text/html' } });
    assert.equal(res.statusCode, 400);
    const { h1, title } = titleOf(res.body);
    assert.equal(h1, 'Niepoprawne żądanie');
    assert.match(title, /Niepoprawne żądanie/);
    assert.doesNotMatch(res.body, /Nie znaleziono strony/);
  });

  it('415 (a content type the portal does not take) is "Nieobsługiwany format danych"', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/kontakt', payload: '<a/>', headers: { 'content-type': 'application/xml', accept: 'text/html' } });
    assert.equal(res.statusCode, 415);
    const { h1, title } = titleOf(res.body);
    assert.equal(h1, 'Nieobsługiwany format danych');
    assert.match(title, /Nieobsługiwany format danych/);
    assert.doesNotMatch(res.body, /Nie znaleziono strony/);
  });

  it('404 keeps "Nie znaleziono strony"', async () => {
    const res = await t.app.inject({ url: '/nie-ma-takiej-strony', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 404);
    assert.equal(titleOf(res.body).h1, 'Nie znaleziono strony');
  });

  it('a malformed %-encoding (400) or an over-long path parameter (414) gets the Polish page with the protective headers, not framework JSON', async () => {
    for (const [url, status] of [
      ['/wnioski/%FF', 400],
      ['/wnioski/%C0%AF/pdf', 400],
      [`/wnioski/${'a'.repeat(150)}`, 414],
    ] as const) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, status, url);
      assert.match(String(res.headers['content-type']), /^text\/html/, url);
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'/, url);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.ok((titleOf(res.body).h1 ?? '').length > 0, url);
      assert.doesNotMatch(res.body, /FST_ERR/);
      assert.ok(!res.body.includes('a'.repeat(150)), 'the path is not echoed');
    }
  });
});
