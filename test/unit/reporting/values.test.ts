import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { CellRef, InputSpec } from '../../../src/domain/reporting/definition.ts';
import { formatNumberForInput, parseCellValue } from '../../../src/domain/reporting/values.ts';

const cell = (spec: InputSpec): CellRef => ({ ...spec, code: 'D1.01.1', sectionCode: 'D1', label: 'Dział 1, wiersz 01, kolumna 1', na: false });
const ok = (value: number | string | null) => ({ ok: true, value });
const bad = (message: string) => ({ ok: false, message });

test('empty and blank input is null for every type', () => {
  for (const type of ['integer', 'decimal', 'text', 'date', 'choice'] as const) {
    assert.deepEqual(parseCellValue(cell({ type }), ''), ok(null), type);
    assert.deepEqual(parseCellValue(cell({ type }), '  \t '), ok(null), type);
  }
});

test('integer: digits, thousands grouped by spaces, no-break spaces or narrow no-break spaces', () => {
  const c = cell({ type: 'integer' });
  assert.deepEqual(parseCellValue(c, '125'), ok(125));
  assert.deepEqual(parseCellValue(c, ' 0 '), ok(0));
  assert.deepEqual(parseCellValue(c, '1 234 567'), ok(1234567));
  assert.deepEqual(parseCellValue(c, '1\u00A0234'), ok(1234));
  assert.deepEqual(parseCellValue(c, '12\u202F345'), ok(12345));
  for (const s of ['12,5', '1.5', '12 34', '1  234', 'abc', '1e3', '+5', '12-']) {
    assert.deepEqual(parseCellValue(c, s), bad('Wpisz liczbę całkowitą, np. 125'), s);
  }
  assert.deepEqual(parseCellValue(c, '1234567890123456'), bad('Liczba jest za duża'));
});

test('integer: a minus only when min is negative; min and max are checked', () => {
  assert.deepEqual(parseCellValue(cell({ type: 'integer' }), '-5'), bad('Wartość nie może być mniejsza niż 0'));
  assert.deepEqual(parseCellValue(cell({ type: 'integer', min: -10 }), '-5'), ok(-5));
  assert.deepEqual(parseCellValue(cell({ type: 'integer', min: -10 }), '-11'), bad('Wartość nie może być mniejsza niż -10'));
  assert.deepEqual(parseCellValue(cell({ type: 'integer', min: 1 }), '0'), bad('Wartość nie może być mniejsza niż 1'));
  assert.deepEqual(parseCellValue(cell({ type: 'integer', max: 100 }), '101'), bad('Wartość nie może być większa niż 100'));
  assert.deepEqual(parseCellValue(cell({ type: 'integer', max: 100 }), '100'), ok(100));
});

test('decimal: comma or dot, at most scale places (default 2)', () => {
  const c = cell({ type: 'decimal' });
  assert.deepEqual(parseCellValue(c, '12,5'), ok(12.5));
  assert.deepEqual(parseCellValue(c, '12.50'), ok(12.5));
  assert.deepEqual(parseCellValue(c, '1 234,56'), ok(1234.56));
  assert.deepEqual(parseCellValue(c, '7'), ok(7));
  assert.deepEqual(parseCellValue(c, '-3,25'), ok(-3.25));
  assert.deepEqual(parseCellValue(c, '1,234'), bad('Wpisz liczbę z najwyżej 2 miejscami po przecinku'));
  assert.deepEqual(parseCellValue(cell({ type: 'decimal', scale: 1 }), '1,25'), bad('Wpisz liczbę z najwyżej 1 miejscem po przecinku'));
  assert.deepEqual(parseCellValue(cell({ type: 'decimal', scale: 4 }), '0,1234'), ok(0.1234));
  assert.deepEqual(parseCellValue(cell({ type: 'decimal', scale: 0 }), '3,5'), bad('Wpisz liczbę bez miejsc po przecinku'));
  for (const s of ['12,', ',5', '1,2,3', '1.234,5', 'x']) assert.deepEqual(parseCellValue(c, s), bad('Wpisz liczbę, np. 12,5'), s);
  assert.deepEqual(parseCellValue(cell({ type: 'decimal', min: 0 }), '-0,01'), bad('Wartość nie może być mniejsza niż 0'));
  assert.deepEqual(parseCellValue(cell({ type: 'decimal', max: 99.5 }), '99,51'), bad('Wartość nie może być większa niż 99,5'));
  assert.deepEqual(parseCellValue(c, '12345678901234,56'), bad('Liczba ma za dużo cyfr'));
  assert.deepEqual(parseCellValue(c, '1234567890123,45'), ok(1234567890123.45));
});

test('date: DD.MM.RRRR and an existing day', () => {
  const c = cell({ type: 'date' });
  assert.deepEqual(parseCellValue(c, '29.02.2024'), ok('2024-02-29'));
  assert.deepEqual(parseCellValue(c, '01.01.1900'), ok('1900-01-01'));
  assert.deepEqual(parseCellValue(c, '29.02.2023'), bad('Nie ma takiej daty: 29.02.2023. Wpisz datę w formacie DD.MM.RRRR'));
  assert.deepEqual(parseCellValue(c, '31.04.2025'), bad('Nie ma takiej daty: 31.04.2025. Wpisz datę w formacie DD.MM.RRRR'));
  assert.deepEqual(parseCellValue(c, '00.01.2025'), bad('Nie ma takiej daty: 00.01.2025. Wpisz datę w formacie DD.MM.RRRR'));
  for (const s of ['1.2.2025', '2025-01-02', '01/02/2025', '01.02.25']) assert.deepEqual(parseCellValue(c, s), bad('Wpisz datę w formacie DD.MM.RRRR'), s);
  assert.deepEqual(parseCellValue(c, '01.02.0225'), bad('Wpisz datę z lat 1900–2100 w formacie DD.MM.RRRR'));
});

test('choice: one of the option values', () => {
  const c = cell({
    type: 'choice',
    options: [
      { value: 'T', label: 'Tak' },
      { value: 'N', label: 'Nie' },
    ],
  });
  assert.deepEqual(parseCellValue(c, 'T'), ok('T'));
  assert.deepEqual(parseCellValue(c, ' N '), ok('N'));
  assert.deepEqual(parseCellValue(c, 't'), bad('Wybierz jedną z podanych odpowiedzi'));
  assert.deepEqual(parseCellValue(c, 'Tak'), bad('Wybierz jedną z podanych odpowiedzi'));
});

test('text: length in characters, no control characters', () => {
  assert.deepEqual(parseCellValue(cell({ type: 'text' }), ' Łódź, ul. Żółta 1 '), ok('Łódź, ul. Żółta 1'));
  assert.deepEqual(parseCellValue(cell({ type: 'text' }), 'a'.repeat(500)), ok('a'.repeat(500)));
  assert.deepEqual(parseCellValue(cell({ type: 'text' }), 'a'.repeat(501)), bad('Tekst może mieć najwyżej 500 znaków (wpisano 501)'));
  assert.deepEqual(parseCellValue(cell({ type: 'text', maxLength: 3 }), '😀😀😀'), ok('😀😀😀'));
  assert.deepEqual(parseCellValue(cell({ type: 'text', maxLength: 3 }), 'abcd'), bad('Tekst może mieć najwyżej 3 znaki (wpisano 4)'));
  assert.deepEqual(parseCellValue(cell({ type: 'text', maxLength: 1 }), 'ab'), bad('Tekst może mieć najwyżej 1 znak (wpisano 2)'));
  assert.deepEqual(parseCellValue(cell({ type: 'text' }), 'wiersz 1\nwiersz 2'), ok('wiersz 1\nwiersz 2'));
  // control characters, bidirectional embeddings, overrides and isolates (Trojan Source), lone surrogates (JSON `\ud800`)
  for (const s of ['a\u0000b', 'a\u001Bb', 'a\u007Fb', 'a\u0085b', 'a\u202Eb', 'a\u202Ab', 'a\u2066b\u2069', 'a\ud800b', '\udfffb']) {
    assert.deepEqual(parseCellValue(cell({ type: 'text' }), s), bad('Tekst zawiera niedozwolone znaki sterujące — usuń je'), JSON.stringify(s));
  }
});

test('formatNumberForInput writes what parseCellValue reads back', () => {
  assert.equal(formatNumberForInput(1234.5), '1234,5');
  assert.equal(formatNumberForInput(1234.5, 2), '1234,5');
  assert.equal(formatNumberForInput(2 / 3, 2), '0,67');
  assert.equal(formatNumberForInput(-7), '-7');
  assert.equal(formatNumberForInput(0.0000001), '0,0000001');
  assert.equal(formatNumberForInput(Number.NaN), '');
  for (const n of [0, 1, 12.34, 99999.99, -5.5]) {
    assert.deepEqual(parseCellValue(cell({ type: 'decimal', min: -10 }), formatNumberForInput(n)), ok(n));
  }
});
