import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { Operator, ReportValues } from '../../../src/domain/reporting/definition.ts';
import { NA_CELL_MESSAGE, REQUIRED_CELL_MESSAGE, checkCells, runRules, validateReport } from '../../../src/domain/reporting/rules.ts';
import { rule, testDefinition } from './fixture.ts';

const complete: ReportValues = { 'D0.01': 'Jan Kowalski', 'D1.01.1': '100', 'D1.02.1': '40', 'D1.01.2': '1 500,50' };

test('checkCells: a draft reports only wrong values, in form order', () => {
  const def = testDefinition();
  const issues = checkCells(def, { 'D1.02.1': '4,5', 'D0.03': 'X', 'D0.04': '31.02.2025', 'D1.01.2': '1,234' }, { forSubmission: false });
  assert.deepEqual(issues, [
    { code: 'D0.03', message: 'Wybierz jedną z podanych odpowiedzi' },
    { code: 'D0.04', message: 'Nie ma takiej daty: 31.02.2025. Wpisz datę w formacie DD.MM.RRRR' },
    { code: 'D1.01.2', message: 'Wpisz liczbę z najwyżej 2 miejscami po przecinku' },
    { code: 'D1.02.1', message: 'Wpisz liczbę całkowitą, np. 125' },
  ]);
});

test('checkCells: submission also requires the required cells (field and column)', () => {
  const def = testDefinition();
  assert.deepEqual(checkCells(def, {}, { forSubmission: true }), [
    { code: 'D0.01', message: REQUIRED_CELL_MESSAGE },
    { code: 'D1.01.1', message: REQUIRED_CELL_MESSAGE },
    { code: 'D1.02.1', message: REQUIRED_CELL_MESSAGE },
  ]);
  assert.deepEqual(checkCells(def, { 'D0.01': '   ' }, { forSubmission: true })[0], { code: 'D0.01', message: REQUIRED_CELL_MESSAGE });
  assert.deepEqual(checkCells(def, complete, { forSubmission: true }), []);
});

test('checkCells: a value in a not-applicable cell is an issue, an empty one is not', () => {
  const def = testDefinition();
  assert.deepEqual(checkCells(def, { 'D1.02.2': '5' }, { forSubmission: false }), [{ code: 'D1.02.2', message: NA_CELL_MESSAGE }]);
  assert.deepEqual(checkCells(def, { 'D1.02.2': ' ' }, { forSubmission: false }), []);
});

test('each comparison operator, exactly, on both sides of the boundary', () => {
  const cases: [Operator, string, string, boolean][] = [
    ['=', '5', '5', true],
    ['=', '5', '6', false],
    ['!=', '5', '6', true],
    ['!=', '5', '5', false],
    ['<', '4', '5', true],
    ['<', '5', '5', false],
    ['<=', '5', '5', true],
    ['<=', '6', '5', false],
    ['>', '6', '5', true],
    ['>', '5', '5', false],
    ['>=', '5', '5', true],
    ['>=', '4', '5', false],
  ];
  for (const [operator, a, b, holds] of cases) {
    const def = testDefinition([rule({ left: 'D1.01.1', operator, right: 'D1.02.1' })]);
    const failed = runRules(def, { 'D1.01.1': a, 'D1.02.1': b }, null);
    assert.equal(failed.length, holds ? 0 : 1, `${a} ${operator} ${b}`);
    if (!holds)
      assert.deepEqual(failed[0], {
        code: 'R01',
        severity: 'blad',
        message: 'Reguła testowa',
        cells: ['D1.01.1', 'D1.02.1'],
        left: Number(a),
        right: Number(b),
      });
  }
});

test('comparisons are exact on decimals (0,1 + 0,2 = 0,3)', () => {
  const def = testDefinition([rule({ left: 'D1.01.2 + 0.2', operator: '=', right: '0.3' })]);
  assert.deepEqual(runRules(def, { 'D1.01.2': '0,1' }, null), []);
  const failed = runRules(def, { 'D1.01.2': '0,11' }, null);
  assert.equal(failed.length, 1);
  assert.equal(failed[0]!.left, 0.31);
  assert.equal(failed[0]!.right, 0.3);
});

test('skip_if_any_missing: skipped when any read value is empty, judged when all are there', () => {
  const def = testDefinition([rule({ left: 'D1.01.1', operator: '>=', right: 'D1.02.1 + D0.02', missing: 'skip_if_any_missing' })]);
  assert.deepEqual(runRules(def, { 'D1.01.1': '10', 'D1.02.1': '40' }, null), []);
  assert.deepEqual(runRules(def, { 'D1.02.1': '40', 'D0.02': '1' }, null), []);
  const failed = runRules(def, { 'D1.01.1': '10', 'D1.02.1': '40', 'D0.02': '1' }, null);
  assert.deepEqual(
    failed.map((r) => [r.left, r.right, r.cells]),
    [[10, 41, ['D1.01.1', 'D1.02.1', 'D0.02']]],
  );
});

test('skip_if_all_missing: skipped only when every read value is empty, otherwise empties count as 0', () => {
  const def = testDefinition([rule({ left: 'D1.01.1', operator: '>=', right: 'D1.02.1 + D0.02', missing: 'skip_if_all_missing' })]);
  assert.deepEqual(runRules(def, {}, null), []);
  const failed = runRules(def, { 'D1.02.1': '40' }, null);
  assert.equal(failed.length, 1);
  assert.equal(failed[0]!.left, 0);
  assert.equal(failed[0]!.right, 40);
  assert.deepEqual(runRules(def, { 'D1.01.1': '40', 'D1.02.1': '40' }, null), []);
});

test('never_skip: empties count as 0, even when all are empty', () => {
  const def = testDefinition([rule({ left: 'D1.01.1', operator: '>', right: 'D1.02.1', missing: 'never_skip' })]);
  const failed = runRules(def, {}, null);
  assert.deepEqual(
    failed.map((r) => [r.left, r.right]),
    [[0, 0]],
  );
  assert.deepEqual(runRules(def, { 'D1.01.1': '1' }, null), []);
});

test('prev(): the previous year counts as read values for the strategy', () => {
  const rules = [
    rule({ code: 'R01', left: 'D1.01.1', operator: '<=', right: 'prev(D1.01.1) * 2', missing: 'skip_if_any_missing' }),
    rule({ code: 'R02', left: 'D1.01.1', operator: '<=', right: 'prev(D1.01.1) * 2', missing: 'never_skip' }),
  ];
  const def = testDefinition(rules);
  // no previous report: R01 is skipped, R02 compares with 0
  assert.deepEqual(
    runRules(def, { 'D1.01.1': '100' }, null).map((r) => r.code),
    ['R02'],
  );
  assert.deepEqual(runRules(def, { 'D1.01.1': '100' }, { 'D1.01.1': '50' }), []);
  const failed = runRules(def, { 'D1.01.1': '101' }, { 'D1.01.1': '50' });
  assert.deepEqual(
    failed.map((r) => [r.code, r.left, r.right, r.cells]),
    [
      ['R01', 101, 100, ['D1.01.1']],
      ['R02', 101, 100, ['D1.01.1']],
    ],
  );
});

test('both_or_neither: a side is present when it is non-empty and non-zero; the strategy does not skip it', () => {
  const def = testDefinition([rule({ left: 'D1.01.1', operator: 'both_or_neither', right: 'D1.01.2', missing: 'skip_if_any_missing' })]);
  assert.deepEqual(runRules(def, {}, null), []);
  assert.deepEqual(runRules(def, { 'D1.01.1': '3', 'D1.01.2': '10,00' }, null), []);
  assert.deepEqual(runRules(def, { 'D1.01.1': '0', 'D1.01.2': '' }, null), []);
  assert.deepEqual(runRules(def, { 'D1.01.1': '0', 'D1.01.2': '0' }, null), []);
  const onlyLeft = runRules(def, { 'D1.01.1': '3' }, null);
  assert.deepEqual(
    onlyLeft.map((r) => [r.left, r.right]),
    [[3, 0]],
  );
  const onlyRight = runRules(def, { 'D1.01.1': '0', 'D1.01.2': '5' }, null);
  assert.deepEqual(
    onlyRight.map((r) => [r.left, r.right]),
    [[0, 5]],
  );
});

test('a value that does not parse is missing for the rules', () => {
  const def = testDefinition([
    rule({ code: 'R01', left: 'D1.01.1', operator: '>=', right: 'D1.02.1', missing: 'skip_if_any_missing' }),
    rule({ code: 'R02', left: 'D1.01.1', operator: '>=', right: 'D1.02.1', missing: 'never_skip' }),
  ]);
  const failed = runRules(def, { 'D1.01.1': 'dużo', 'D1.02.1': '40' }, null);
  assert.deepEqual(
    failed.map((r) => [r.code, r.left, r.right]),
    [['R02', 0, 40]],
  );
});

test('a division by zero leaves the rule unjudged', () => {
  const def = testDefinition([rule({ left: 'D1.02.1 / D1.01.1', operator: '<=', right: '0.5', missing: 'never_skip' })]);
  assert.deepEqual(runRules(def, { 'D1.01.1': '0', 'D1.02.1': '40' }, null), []);
  assert.deepEqual(runRules(def, { 'D1.02.1': '40' }, null), []);
  assert.deepEqual(
    runRules(def, { 'D1.01.1': '60', 'D1.02.1': '40' }, null).map((r) => r.left),
    [40 / 60],
  );
});

test('failed rules come in definition order', () => {
  const def = testDefinition([
    rule({ code: 'R09', left: '1', operator: '=', right: '2' }),
    rule({ code: 'R02', left: '1', operator: '=', right: '1' }),
    rule({ code: 'R05', left: '3', operator: '<', right: '2' }),
  ]);
  assert.deepEqual(
    runRules(def, {}, null).map((r) => [r.code, r.cells]),
    [
      ['R09', []],
      ['R05', []],
    ],
  );
});

test('validateReport: errors block submission, warnings do not; cell issues block it too', () => {
  const def = testDefinition([
    rule({ code: 'R01', left: 'D1.02.1', operator: '<=', right: 'D1.01.1', severity: 'blad', message: 'Wiersz 02 nie może przekraczać wiersza 01' }),
    rule({ code: 'R02', left: 'D1.01.1', operator: '<=', right: 'prev(D1.01.1) * 1.5', severity: 'ostrzezenie', message: 'Duży wzrost liczby porad' }),
  ]);
  const previous = { 'D1.01.1': '50' };

  const fine = validateReport(def, complete, { 'D1.01.1': '100' }, { forSubmission: true });
  assert.deepEqual(fine, { cellIssues: [], errors: [], warnings: [], canSubmit: true });

  const warned = validateReport(def, complete, previous, { forSubmission: true });
  assert.deepEqual(
    warned.warnings.map((w) => [w.code, w.message, w.left, w.right]),
    [['R02', 'Duży wzrost liczby porad', 100, 75]],
  );
  assert.deepEqual(warned.errors, []);
  assert.equal(warned.canSubmit, true);

  const wrong = validateReport(def, { ...complete, 'D1.02.1': '140' }, previous, { forSubmission: true });
  assert.deepEqual(
    wrong.errors.map((e) => e.code),
    ['R01'],
  );
  assert.equal(wrong.canSubmit, false);

  const draft = validateReport(def, { 'D1.01.1': '100' }, null, { forSubmission: false });
  assert.equal(draft.canSubmit, true);
  const missingRequired = validateReport(def, { 'D1.01.1': '100' }, null, { forSubmission: true });
  assert.deepEqual(
    missingRequired.cellIssues.map((i) => i.code),
    ['D0.01', 'D1.02.1'],
  );
  assert.equal(missingRequired.canSubmit, false);
});
