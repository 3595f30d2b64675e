import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_TEXTS, errorTexts } from '../../src/views/pages/ErrorPage.tsx';

describe('error page texts', () => {
  it('each listed status has its own Polish title and text', () => {
    const titles = Object.values(ERROR_TEXTS).map((t) => t.title);
    assert.equal(new Set(titles).size, titles.length, 'no two statuses share a title');
    for (const [status, t] of Object.entries(ERROR_TEXTS)) assert.ok(t.lead.length > 20, `${status} has a text`);
    assert.equal(errorTexts(400).title, 'Niepoprawne żądanie');
    assert.equal(errorTexts(403).title, 'Brak dostępu');
    assert.equal(errorTexts(413).title, 'Za duży plik lub formularz');
    assert.equal(errorTexts(415).title, 'Nieobsługiwany format danych');
    assert.equal(errorTexts(429).title, 'Zbyt wiele prób');
  });

  it('a status without its own text never reads "Nie znaleziono strony"', () => {
    for (const status of [402, 406, 410, 418, 422, 451]) assert.notEqual(errorTexts(status).title, 'Nie znaleziono strony', String(status));
    assert.equal(errorTexts(502).title, 'Wystąpił błąd systemu');
  });
});
