/**
 * Boundaries of cell value parsing that mutation testing (report-definitions area) found untested:
 * the Polish plural of "znak" in the length message, the 15-digit limit, minus zero, a date with
 * something before or after it, month 13 and the last year of the range.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { CellRef, InputSpec } from '../../../src/domain/reporting/definition.ts';
import { parseCellValue } from '../../../src/domain/reporting/values.ts';

const cell = (spec: InputSpec): CellRef => ({ ...spec, code: 'D1.01.1', sectionCode: 'D1', label: 'Dział 1, wiersz 01, kolumna 1', na: false });
const ok = (value: number | string | null) => ({ ok: true, value });
const bad = (message: string) => ({ ok: false, message });

test('text: the length message uses the Polish plural of "znak" (2–4 → znaki, but 12–14 → znaków)', () => {
  // Polish numeral agreement: 1 znak; 2, 3, 4, 22, 23, 24, 102… znaki; 5–21, 25–31, 112–114… znaków
  const cases: [number, string][] = [
    [1, 'znak'],
    [2, 'znaki'],
    [4, 'znaki'],
    [5, 'znaków'],
    [11, 'znaków'],
    [12, 'znaków'],
    [14, 'znaków'],
    [21, 'znaków'],
    [22, 'znaki'],
    [24, 'znaki'],
    [25, 'znaków'],
    [112, 'znaków'],
    [122, 'znaki'],
  ];
  for (const [max, word] of cases) {
    assert.deepEqual(
      parseCellValue(cell({ type: 'text', maxLength: max }), 'a'.repeat(max + 1)),
      bad(`Tekst może mieć najwyżej ${max} ${word} (wpisano ${max + 1})`),
      String(max),
    );
  }
});

test('integer: up to 15 significant digits are read; leading zeros do not count', () => {
  const c = cell({ type: 'integer' });
  assert.deepEqual(parseCellValue(c, '123456789012345'), ok(123456789012345));
  assert.deepEqual(parseCellValue(c, '123 456 789 012 345'), ok(123456789012345));
  // a fixed-width export pads with zeros: still 15 significant digits
  assert.deepEqual(parseCellValue(c, '00123456789012345'), ok(123456789012345));
  assert.deepEqual(parseCellValue(c, '001234567890123456'), bad('Liczba jest za duża'));
});

test('"-0" is read as 0, not as negative zero (Intl.NumberFormat would show "-0")', () => {
  for (const [spec, raw] of [
    [{ type: 'integer' }, '-0'],
    [{ type: 'integer' }, '-000'],
    [{ type: 'decimal' }, '-0'],
    [{ type: 'decimal' }, '-0,00'],
  ] as const) {
    const parsed = parseCellValue(cell(spec), raw);
    assert.ok(parsed.ok, raw);
    assert.ok(Object.is(parsed.value, 0), `${spec.type} ${raw}: ${String(parsed.value)}`);
  }
  // with the default lower bound 0 of integers, "-0" is not "less than 0"
  assert.deepEqual(parseCellValue(cell({ type: 'integer', max: 10 }), '-0'), ok(0));
});

test('decimal with scale 0: a wrong value is asked for as an integer', () => {
  const c = cell({ type: 'decimal', scale: 0 });
  for (const s of ['abc', '12,', '1e3']) assert.deepEqual(parseCellValue(c, s), bad('Wpisz liczbę całkowitą, np. 125'), s);
  assert.deepEqual(parseCellValue(c, '-12'), ok(-12));
});

test('date: nothing may stand before or after DD.MM.RRRR', () => {
  const c = cell({ type: 'date' });
  for (const s of ['01.02.2025 r.', 'dn. 01.02.2025', '01.02.20251', '101.02.2025']) {
    assert.deepEqual(parseCellValue(c, s), bad('Wpisz datę w formacie DD.MM.RRRR'), s);
  }
});

test('date: month 00 or 13 does not exist (the day alone would still match after rolling over)', () => {
  const c = cell({ type: 'date' });
  for (const s of ['15.13.2025', '15.00.2025', '31.13.2025']) {
    assert.deepEqual(parseCellValue(c, s), bad(`Nie ma takiej daty: ${s}. Wpisz datę w formacie DD.MM.RRRR`), s);
  }
  assert.deepEqual(parseCellValue(c, '15.12.2025'), ok('2025-12-15'));
});

test('date: 31.12.2100 is the last accepted day, 1899 and 2101 are out of range', () => {
  const c = cell({ type: 'date' });
  assert.deepEqual(parseCellValue(c, '31.12.2100'), ok('2100-12-31'));
  assert.deepEqual(parseCellValue(c, '01.01.2100'), ok('2100-01-01'));
  for (const s of ['01.01.2101', '31.12.1899']) assert.deepEqual(parseCellValue(c, s), bad('Wpisz datę z lat 1900–2100 w formacie DD.MM.RRRR'), s);
});

test('date: a year 0000–0099 is refused, not read as 1900–1999 (Date.UTC maps two-digit years)', () => {
  const c = cell({ type: 'date' });
  for (const s of ['01.01.0025', '29.02.0024', '31.12.0099', '01.01.0000']) {
    const parsed = parseCellValue(c, s);
    assert.equal(parsed.ok, false, s);
  }
});
