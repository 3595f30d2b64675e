import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cellsOf, type CellRef, type FormDefinition } from '../../../src/domain/reporting/definition.ts';
import { exampleValues } from '../../../src/demo/report-examples.ts';
import { validateReport } from '../../../src/domain/reporting/rules.ts';

const FORMS = ['MZ-11', 'MZ-88'] as const;

function cellsOfForm(form: string): CellRef[] {
  const file = fileURLToPath(new URL(`../../../reference/forms/${form}.v1.json`, import.meta.url));
  return cellsOf(JSON.parse(readFileSync(file, 'utf8')) as FormDefinition);
}

for (const form of FORMS) {
  test(`${form}: the examples fill every cell that applies and no greyed cell`, () => {
    const cells = cellsOfForm(form);
    const values = exampleValues(form, 1);
    const expected = cells.filter((c) => !c.na).map((c) => c.code);
    assert.ok(
      cells.some((c) => c.na),
      'the form has greyed cells, so the check below means something',
    );
    assert.deepEqual(Object.keys(values).sort(), [...expected].sort());
    for (const code of expected) assert.notEqual(values[code], '', code);
  });

  test(`${form}: scaling by k multiplies every count and FTE and nothing else`, () => {
    const cells = cellsOfForm(form);
    const one = exampleValues(form, 1);
    for (const k of [2, 3]) {
      const scaled = exampleValues(form, k);
      for (const c of cells.filter((x) => !x.na)) {
        const v1 = one[c.code]!;
        const vk = scaled[c.code]!;
        if (c.max !== undefined || (c.type !== 'integer' && c.type !== 'decimal')) {
          assert.equal(vk, v1, `${c.code} is kept as it is`);
        } else if (c.type === 'integer') {
          assert.match(vk, /^\d+$/, c.code);
          assert.equal(Number(vk), Number(v1) * k, c.code);
        } else {
          const decimals = /,(\d+)$/.exec(v1)?.[1]?.length ?? 0;
          assert.match(vk, decimals ? new RegExp(`^\\d+,\\d{${decimals}}$`) : /^\d+$/, `${c.code}: "${vk}" keeps the comma and ${decimals} decimals`);
          assert.ok(decimals <= (c.scale ?? 2), `${c.code}: within the cell's scale`);
          assert.equal(Math.round(Number(vk.replace(',', '.')) * 100), Math.round(Number(v1.replace(',', '.')) * 100) * k, c.code);
        }
      }
    }
  });
}

test('MZ-11: specific cells × 3 (a count, FTE with and without trailing zeros), bounded and non-numeric cells unchanged', () => {
  const v = exampleValues('MZ-11', 3);
  assert.equal(v['D1.01.1'], '161580');
  assert.equal(v['D3.02.4'], '32,25');
  assert.equal(v['D3.01.4'], '102,00');
  assert.equal(v['D3.03.4'], '1,50');
  // days of activity cannot exceed 366 whatever the size of the unit
  assert.equal(v['D0.02'], '365');
  assert.equal(v['D0.01'], 'T');
  assert.equal(v['D0.03'], exampleValues('MZ-11', 1)['D0.03']);
});

test('MZ-88: FTE × 2 keeps the decimal comma', () => {
  const v = exampleValues('MZ-88', 2);
  assert.equal(v['D1.01.5'], '21,50');
  assert.equal(v['D1.05.5'], '34,50');
  assert.equal(v['D1.01.1'], '56');
});

test('a scale that is not a whole number ≥ 1, or an unknown form, is refused', () => {
  for (const k of [0, -1, 1.5, Number.NaN]) assert.throws(() => exampleValues('MZ-11', k), /whole number/);
  assert.throws(() => exampleValues('MZ-99', 1));
  assert.throws(() => exampleValues('../MZ-11', 1), /Not a form code/);
});

describe('example values against the rules engine', () => {
  for (const form of ['MZ-11', 'MZ-88'] as const) {
    const def = JSON.parse(readFileSync(new URL(`../../../reference/forms/${form}.v1.json`, import.meta.url), 'utf8')) as FormDefinition;
    for (const k of [1, 2, 3]) {
      it(`${form} × ${k}: no cell issue, no błąd, no ostrzeżenie against the same values last year`, () => {
        const v = validateReport(def, exampleValues(form, k), exampleValues(form, k), { forSubmission: true });
        assert.deepEqual(v.cellIssues, []);
        assert.deepEqual(
          [...v.errors, ...v.warnings].map((r) => r.code),
          [],
        );
        assert.equal(v.canSubmit, true);
      });
    }
    it(`${form}: half again as much as last year raises the plausibility ostrzeżenie (and no błąd)`, () => {
      const v = validateReport(def, exampleValues(form, 3), exampleValues(form, 1), { forSubmission: true });
      assert.deepEqual(v.errors, []);
      assert.ok(v.warnings.length > 0);
      assert.ok(v.warnings.every((w) => w.severity === 'ostrzezenie'));
    });
  }
});
