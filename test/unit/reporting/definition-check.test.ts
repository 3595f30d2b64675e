import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { FieldsSection, FormDefinition, TableSection } from '../../../src/domain/reporting/definition.ts';
import { checkDefinition, loadDefinitions } from '../../../src/domain/reporting/definition-check.ts';
import { rule, testDefinition } from './fixture.ts';

const SRC = 'reference/forms/mz-t1.v1.json';

type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
type Def = DeepMutable<FormDefinition>;
type Fields = DeepMutable<FieldsSection>;
type Table = DeepMutable<TableSection>;

const base = (): Def =>
  structuredClone(
    testDefinition([
      rule({ code: 'R01', left: 'D1.02.1', operator: '<=', right: 'D1.01.1' }),
      rule({ code: 'R02', left: 'D1.01.1', operator: '<=', right: 'prev(D1.01.1) * 2', severity: 'ostrzezenie' }),
    ]),
  ) as Def;
const fieldsOf = (d: Def): Fields => d.sections[0] as Fields;
const tableOf = (d: Def): Table => d.sections[1] as Table;

function errorsOf(edit: (d: Def) => void): string[] {
  const d = base();
  edit(d);
  const r = checkDefinition(d, SRC);
  assert.equal(r.ok, false, 'expected the definition to be refused');
  return r.ok ? [] : r.errors;
}

test('a valid minimal definition passes and comes back typed', () => {
  const r = checkDefinition(base(), SRC);
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  assert.equal(r.def.form, 'MZ-T1');
  assert.equal(r.def.rules.length, 2);
  assert.deepEqual(
    r.def.sections.map((s) => s.code),
    ['D0', 'D1'],
  );
});

test('shape: unknown keys, wrong enum values and missing keys are refused, naming the path and codes', () => {
  assert.deepEqual(
    errorsOf((d) => Object.assign(tableOf(d).columns[1]!, { colour: 'red' })),
    [`${SRC}: sections[1] (D1).columns[1] (2): Unrecognized key: "colour"`],
  );
  const wrongType = errorsOf((d) => Object.assign(fieldsOf(d).fields[1]!, { type: 'number' }));
  assert.equal(wrongType.length, 1);
  assert.match(wrongType[0]!, /^reference\/forms\/mz-t1\.v1\.json: sections\[0\] \(D0\)\.fields\[1\] \(02\)\.type: /);
  const noTitle = errorsOf((d) => {
    delete (d as Partial<Def>).title;
  });
  assert.equal(noTitle.length, 1);
  assert.match(noTitle[0]!, /^reference\/forms\/mz-t1\.v1\.json: title: /);
  assert.equal(checkDefinition('not an object', SRC).ok, false);
});

test('duplicate section codes', () => {
  assert.deepEqual(
    errorsOf((d) => {
      tableOf(d).code = 'D0';
      d.rules = [];
    }),
    [`${SRC}: section D0 is defined twice`],
  );
});

test('duplicate row and column codes in a section', () => {
  assert.deepEqual(
    errorsOf((d) => {
      tableOf(d).rows[1]!.code = '01';
      tableOf(d).columns[1]!.code = '1';
      tableOf(d).cells = {};
      d.rules = [];
    }),
    [`${SRC}: section D1: row 01 is defined twice`, `${SRC}: section D1: column 1 is defined twice`],
  );
});

test('duplicate field codes', () => {
  assert.deepEqual(
    errorsOf((d) => {
      fieldsOf(d).fields[3]!.code = '01';
    }),
    [`${SRC}: section D0: field 01 is defined twice`],
  );
});

test('duplicate rule codes', () => {
  assert.deepEqual(
    errorsOf((d) => {
      d.rules[1]!.code = 'R01';
    }),
    [`${SRC}: rule R01 is defined twice`],
  );
});

test('cell overrides pointing at an unknown row or column, or not of the form row.column', () => {
  assert.deepEqual(
    errorsOf((d) => {
      tableOf(d).cells = { '09.1': { na: true }, '01.7': { required: true }, '01': { help: 'Pomoc' } };
    }),
    [
      `${SRC}: section D1: cell override 09.1 points at unknown row 09`,
      `${SRC}: section D1: cell override 01.7 points at unknown column 7`,
      `${SRC}: section D1: cell override key "01" is not <row>.<column>`,
    ],
  );
});

test('a choice without options, and options on a non-choice', () => {
  assert.deepEqual(
    errorsOf((d) => {
      delete fieldsOf(d).fields[2]!.options;
      tableOf(d).columns[0]!.options = [{ value: 'T', label: 'Tak' }];
    }),
    [`${SRC}: field D0.03 is a choice without options`, `${SRC}: column D1.*.1 has options but is of type integer`],
  );
});

test('rules reading unknown cells, current and previous year', () => {
  assert.deepEqual(
    errorsOf((d) => {
      d.rules[0]!.left = 'D1.99.1';
      d.rules[1]!.right = 'prev(D1.01.9) * 2';
    }),
    [`${SRC}: rule R01 reads unknown cell D1.99.1`, `${SRC}: rule R02 reads unknown cell prev(D1.01.9)`],
  );
});

test('rules reading a not-applicable cell', () => {
  assert.deepEqual(
    errorsOf((d) => {
      d.rules[0]!.left = 'D1.02.2';
      d.rules[1]!.right = 'prev(D1.02.2)';
    }),
    [`${SRC}: rule R01 reads not-applicable cell D1.02.2`, `${SRC}: rule R02 reads not-applicable cell prev(D1.02.2)`],
  );
});

test('rules reading a non-numeric cell', () => {
  assert.deepEqual(
    errorsOf((d) => {
      d.rules[0]!.left = 'D0.01';
    }),
    [`${SRC}: rule R01 reads non-numeric cell D0.01 (type text)`],
  );
});

test('expression syntax errors name the rule, the side and the position', () => {
  assert.deepEqual(
    errorsOf((d) => {
      d.rules[0]!.right = 'D1.01.1 +';
    }),
    [`${SRC}: rule R01: syntax error in the right side "D1.01.1 +": expected a number, a cell code, sum, prev or '(', found end of expression at position 9`],
  );
});

test('a cell both not applicable and required', () => {
  assert.deepEqual(
    errorsOf((d) => {
      tableOf(d).cells = { '02.2': { na: true, required: true } };
    }),
    [`${SRC}: section D1: cell 02.2 is both not applicable and required`],
  );
});

test('empty years', () => {
  assert.deepEqual(
    errorsOf((d) => {
      d.years = [];
    }),
    [`${SRC}: years is empty: the definition applies to no reporting year`],
  );
});

test('codes that do not match their pattern', () => {
  assert.deepEqual(
    errorsOf((d) => {
      d.form = 'mz 11';
      fieldsOf(d).code = '0D';
      fieldsOf(d).fields[0]!.code = '0.1';
      tableOf(d).rows[0]!.code = '0 1';
      tableOf(d).columns[0]!.code = 'k-1';
      d.rules = [rule({ code: '1R', left: '1', operator: '=', right: '1' })];
      tableOf(d).cells = {};
    }),
    [
      `${SRC}: form code "mz 11" does not match /^[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*$/`,
      `${SRC}: section code "0D" does not match /^[A-Za-z][A-Za-z0-9]*$/`,
      `${SRC}: section 0D: field code "0.1" does not match /^[A-Za-z0-9]+$/`,
      `${SRC}: section D1: row code "0 1" does not match /^[A-Za-z0-9]+$/`,
      `${SRC}: section D1: column code "k-1" does not match /^[A-Za-z0-9]+$/`,
      `${SRC}: cell code "0D.0.1" does not match /^[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)*$/`,
      `${SRC}: cell code "0D.02" does not match /^[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)*$/`,
      `${SRC}: cell code "0D.03" does not match /^[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)*$/`,
      `${SRC}: cell code "0D.04" does not match /^[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)*$/`,
      `${SRC}: cell code "D1.0 1.k-1" does not match /^[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)*$/`,
      `${SRC}: cell code "D1.0 1.2" does not match /^[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)*$/`,
      `${SRC}: cell code "D1.02.k-1" does not match /^[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)*$/`,
      `${SRC}: rule code "1R" does not match /^[A-Za-z][A-Za-z0-9_-]*$/`,
    ],
  );
});

test('min greater than max', () => {
  assert.deepEqual(
    errorsOf((d) => {
      fieldsOf(d).fields[1]!.min = 10;
      fieldsOf(d).fields[1]!.max = 5;
    }),
    [`${SRC}: field D0.02 has min 10 greater than max 5`],
  );
});

test('loadDefinitions: all files checked, the same form version twice and a year claimed by two versions refused', () => {
  const v1 = base();
  const v2 = { ...base(), version: 2, years: [2025, 2026] };
  const broken = { ...base(), years: [] };
  const ok = loadDefinitions([
    { path: 'a.json', json: v1 },
    { path: 'b.json', json: { ...v2, years: [2026] } },
  ]);
  assert.ok(ok.ok);
  assert.deepEqual(
    ok.defs.map((d) => [d.version, d.years]),
    [
      [1, [2025]],
      [2, [2026]],
    ],
  );
  const r = loadDefinitions([
    { path: 'a.json', json: v1 },
    { path: 'b.json', json: v2 },
    { path: 'c.json', json: v1 },
    { path: 'd.json', json: broken },
  ]);
  assert.deepEqual(r.ok ? [] : r.errors, [
    'd.json: years is empty: the definition applies to no reporting year',
    'b.json: form MZ-T1 version 2 claims year 2025, already claimed by version 1 in a.json',
    'c.json: form MZ-T1 version 1 is also defined in a.json',
  ]);
});

test('text of only spaces counts as empty, and labels come back trimmed', () => {
  assert.deepEqual(
    errorsOf((d) => {
      d.title = '   ';
      tableOf(d).columns[0]!.label = ' \t';
    }),
    [
      `${SRC}: title: Too small: expected string to have >=1 characters`,
      `${SRC}: sections[1] (D1).columns[0] (1).label: Too small: expected string to have >=1 characters`,
    ],
  );
  const d = base();
  tableOf(d).rows[0]!.label = '  Porady ogółem ';
  const r = checkDefinition(d, SRC);
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  assert.equal((r.def.sections[1] as TableSection).rows[0]!.label, 'Porady ogółem');
});

test('an option value may be a word but not empty', () => {
  assert.deepEqual(
    errorsOf((d) => {
      fieldsOf(d).fields[2]!.options![1]!.value = '';
    }),
    [`${SRC}: sections[0] (D0).fields[2] (03).options[1].value: Too small: expected string to have >=1 characters`],
  );
  const d = base();
  fieldsOf(d).fields[2]!.options = [
    { value: 'TAK', label: 'Tak' },
    { value: 'NIE', label: 'Nie' },
  ];
  assert.ok(checkDefinition(d, SRC).ok);
});

test('every operator, missing-value strategy, area and header fact of the format is accepted', () => {
  const d = base();
  const operators = ['=', '!=', '<', '<=', '>', '>=', 'both_or_neither'] as const;
  const strategies = ['skip_if_any_missing', 'skip_if_all_missing', 'never_skip'] as const;
  d.rules = operators.map((operator, i) =>
    rule({ code: `R${i + 1}`, left: 'D1.01.1', operator, right: 'D1.02.1', missing: strategies[i % strategies.length]! }),
  );
  d.header = ['name', 'regon', 'teryt', 'registryBookNo', 'nip', 'address'];
  for (const area of ['niefinansowe', 'finansowe', 'karty_psychiatryczne'] as const) {
    d.area = area;
    const r = checkDefinition(d, SRC);
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
    assert.equal(r.def.area, area);
    assert.deepEqual(
      r.def.rules.map((x) => [x.operator, x.missing]),
      operators.map((o, i) => [o, strategies[i % strategies.length]]),
    );
    assert.deepEqual(r.def.header, d.header);
  }
});

test('shape errors inside arrays name the index, and the code only where the element has one', () => {
  assert.deepEqual(
    errorsOf((d) => {
      (d.sections as unknown[])[0] = null;
    }),
    [`${SRC}: sections[0]: Invalid input: expected object, received null`],
  );
  assert.deepEqual(
    errorsOf((d) => {
      (d.header as string[]).push('phone');
    }),
    [`${SRC}: header[2]: Invalid option: expected one of "name"|"regon"|"teryt"|"registryBookNo"|"nip"|"address"`],
  );
  assert.deepEqual(checkDefinition('not an object', SRC), { ok: false, errors: [`${SRC}: (root): Invalid input: expected object, received string`] });
});

test('a year listed twice', () => {
  assert.deepEqual(
    errorsOf((d) => {
      d.years = [2025, 2026, 2025];
    }),
    [`${SRC}: year 2025 is listed twice`],
  );
});

test('choice options: an empty list, a value twice, a value with surrounding spaces', () => {
  assert.deepEqual(
    errorsOf((d) => {
      fieldsOf(d).fields[2]!.options = [];
    }),
    [`${SRC}: field D0.03 is a choice without options`],
  );
  assert.deepEqual(
    errorsOf((d) => {
      fieldsOf(d).fields[2]!.options = [
        { value: 'T', label: 'Tak' },
        { value: 'N', label: 'Nie' },
        { value: 'T', label: 'Tak, ale' },
      ];
    }),
    [`${SRC}: field D0.03 has option value "T" twice`],
  );
  assert.deepEqual(
    errorsOf((d) => {
      tableOf(d).columns[0]!.type = 'choice';
      tableOf(d).columns[0]!.options = [
        { value: ' T', label: 'Tak' },
        { value: 'N ', label: 'Nie' },
      ];
      d.rules = [];
    }),
    [
      `${SRC}: column D1.*.1 has option value " T" with surrounding spaces (input is trimmed)`,
      `${SRC}: column D1.*.1 has option value "N " with surrounding spaces (input is trimmed)`,
    ],
  );
});

test('min equal to max is allowed (an input with one admissible value)', () => {
  const d = base();
  fieldsOf(d).fields[1]!.min = 5;
  fieldsOf(d).fields[1]!.max = 5;
  assert.ok(checkDefinition(d, SRC).ok);
});

test('a cell override key with more than two parts is not <row>.<column>', () => {
  assert.deepEqual(
    errorsOf((d) => {
      tableOf(d).cells = { '01.1.1': { na: true } };
    }),
    [`${SRC}: section D1: cell override key "01.1.1" is not <row>.<column>`],
  );
});

test('a table without cell overrides passes, every cell applicable', () => {
  const d = base();
  delete tableOf(d).cells;
  d.rules = [rule({ code: 'R01', left: 'D1.02.2', operator: '<=', right: 'D1.01.2' })];
  const r = checkDefinition(d, SRC);
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
});

test('a parser failure that is not a syntax error (an expression nested too deep) is not passed off as one', () => {
  const d = base();
  d.rules[0]!.left = `${'-'.repeat(200_000)}1`;
  assert.throws(() => checkDefinition(d, SRC), RangeError);
});

test('loadDefinitions: a year conflict names the file that claimed the year first', () => {
  const v1 = base();
  const v2 = { ...base(), version: 2 };
  const r = loadDefinitions([
    { path: 'a.json', json: v1 },
    { path: 'c.json', json: v1 },
    { path: 'b.json', json: v2 },
  ]);
  assert.deepEqual(r.ok ? [] : r.errors, [
    'c.json: form MZ-T1 version 1 is also defined in a.json',
    'b.json: form MZ-T1 version 2 claims year 2025, already claimed by version 1 in a.json',
  ]);
});
