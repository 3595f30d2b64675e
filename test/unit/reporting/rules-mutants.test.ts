/**
 * Rule-engine cases that mutation testing (report-definitions area) found untested: the Polish cell
 * messages as shown, "!=" in both directions, skip_if_all_missing over prev() and over a rule without
 * cells, both_or_neither over a sum and over a ratio, a zero denominator on the right, and that an error
 * is not listed as a warning too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { MissingValueStrategy, ReportValues } from '../../../src/domain/reporting/definition.ts';
import { checkCells, runRules, validateReport } from '../../../src/domain/reporting/rules.ts';
import { rule, testDefinition } from './fixture.ts';

test('checkCells: the Polish messages for a not-applicable cell with a value and an empty required cell', () => {
  const def = testDefinition();
  assert.deepEqual(checkCells(def, { 'D0.01': 'Jan Kowalski', 'D1.01.1': '10', 'D1.02.2': '5' }, { forSubmission: true }), [
    { code: 'D1.02.1', message: 'Uzupełnij to pole — jest obowiązkowe' },
    { code: 'D1.02.2', message: 'Ta komórka nie dotyczy tego sprawozdania — usuń wpisaną wartość' },
  ]);
});

test('"!=" holds whichever side is larger', () => {
  const def = testDefinition([rule({ left: 'D1.01.1', operator: '!=', right: 'D1.02.1' })]);
  assert.deepEqual(runRules(def, { 'D1.01.1': '6', 'D1.02.1': '5' }, null), []);
  assert.deepEqual(runRules(def, { 'D1.01.1': '5', 'D1.02.1': '6' }, null), []);
  assert.equal(runRules(def, { 'D1.01.1': '6', 'D1.02.1': '6' }, null).length, 1);
});

test('skip_if_all_missing counts prev() values: a "same as last year" warning is skipped when this and last year are both empty', () => {
  const def = testDefinition([
    rule({
      code: 'R07',
      left: 'D1.01.1',
      operator: '!=',
      right: 'prev(D1.01.1)',
      severity: 'ostrzezenie',
      message: 'Liczba porad taka sama jak przed rokiem — sprawdź, czy nie przepisano danych',
      missing: 'skip_if_all_missing',
    }),
  ]);
  // both read values empty (no previous report, or a previous report without the value): skipped
  assert.deepEqual(runRules(def, {}, null), []);
  assert.deepEqual(runRules(def, {}, { 'D1.01.2': '5' }), []);
  // one of the two present: the other counts as 0
  assert.deepEqual(runRules(def, { 'D1.01.1': '50' }, null), []);
  assert.deepEqual(runRules(def, {}, { 'D1.01.1': '50' }), []);
  assert.deepEqual(
    runRules(def, { 'D1.01.1': '0' }, null).map((r) => [r.code, r.left, r.right]),
    [['R07', 0, 0]],
  );
  assert.deepEqual(
    runRules(def, { 'D1.01.1': '50' }, { 'D1.01.1': '50' }).map((r) => [r.code, r.severity, r.left, r.right, r.cells]),
    [['R07', 'ostrzezenie', 50, 50, ['D1.01.1']]],
  );
});

test('a rule that reads no cell is judged under every missing-value strategy', () => {
  for (const missing of ['skip_if_any_missing', 'skip_if_all_missing', 'never_skip'] as MissingValueStrategy[]) {
    const def = testDefinition([rule({ left: '1', operator: '=', right: '2', missing })]);
    assert.deepEqual(
      runRules(def, {}, null).map((r) => [r.left, r.right, r.cells]),
      [[1, 2, []]],
      missing,
    );
  }
});

test('both_or_neither: a side of several cells is present when its sum, with empties as 0, is not 0', () => {
  const def = testDefinition([rule({ left: 'D1.01.1 + D0.02', operator: 'both_or_neither', right: 'D1.01.2' })]);
  assert.deepEqual(
    runRules(def, { 'D1.01.1': '3' }, null).map((r) => [r.left, r.right]),
    [[3, 0]],
  );
  assert.deepEqual(
    runRules(def, { 'D0.02': '2' }, null).map((r) => [r.left, r.right]),
    [[2, 0]],
  );
  assert.deepEqual(runRules(def, { 'D0.02': '2', 'D1.01.2': '10' }, null), []);
});

test('both_or_neither: a side that divides by zero has no value, so it is absent', () => {
  const def = testDefinition([rule({ left: 'D1.02.1 / D1.01.1', operator: 'both_or_neither', right: 'D1.01.2' })]);
  assert.deepEqual(runRules(def, { 'D1.01.1': '0', 'D1.02.1': '0' }, null), []);
  assert.deepEqual(
    runRules(def, { 'D1.01.1': '0', 'D1.02.1': '0', 'D1.01.2': '10' }, null).map((r) => [r.left, r.right]),
    [[null, 10]],
  );
  assert.deepEqual(runRules(def, { 'D1.01.1': '80', 'D1.02.1': '40', 'D1.01.2': '10' }, null), []);
});

test('a division by zero on the right side leaves the rule unjudged too', () => {
  const def = testDefinition([rule({ left: '0.5', operator: '>=', right: 'D1.02.1 / D1.01.1', missing: 'never_skip' })]);
  assert.deepEqual(runRules(def, { 'D1.01.1': '0', 'D1.02.1': '40' }, null), []);
  assert.deepEqual(runRules(def, { 'D1.02.1': '40' }, null), []);
  assert.deepEqual(
    runRules(def, { 'D1.01.1': '60', 'D1.02.1': '40' }, null).map((r) => r.right),
    [40 / 60],
  );
});

test('validateReport: a failed error is not also listed as a warning (no explanation is asked for it)', () => {
  const def = testDefinition([
    rule({ code: 'R01', left: 'D1.02.1', operator: '<=', right: 'D1.01.1', severity: 'blad', message: 'Wiersz 02 nie może przekraczać wiersza 01' }),
    rule({ code: 'R02', left: 'D1.01.1', operator: '<=', right: 'prev(D1.01.1) * 1.5', severity: 'ostrzezenie', message: 'Duży wzrost liczby porad' }),
  ]);
  const values: ReportValues = { 'D0.01': 'Jan Kowalski', 'D1.01.1': '100', 'D1.02.1': '140' };
  const v = validateReport(def, values, { 'D1.01.1': '50' }, { forSubmission: true });
  assert.deepEqual(
    v.errors.map((r) => r.code),
    ['R01'],
  );
  assert.deepEqual(
    v.warnings.map((r) => r.code),
    ['R02'],
  );
  const onlyError = validateReport(def, values, { 'D1.01.1': '100' }, { forSubmission: true });
  assert.deepEqual(
    onlyError.errors.map((r) => r.code),
    ['R01'],
  );
  assert.deepEqual(onlyError.warnings, []);
  assert.equal(onlyError.canSubmit, false);
});
