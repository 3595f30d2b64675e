import { test } from 'node:test';
import assert from 'node:assert/strict';

import { cellsOf, type FieldsSection, type FormDefinition, type TableSection } from '../../../src/domain/reporting/definition.ts';
import { testDefinition } from './fixture.ts';

/** the fixture form (fields D0, 2×2 table D1 with 02.2 not applicable) with edits to its sections */
function form(edit: (fields: FieldsSection, table: TableSection) => void): FormDefinition {
  const d = structuredClone(testDefinition()) as FormDefinition;
  edit(d.sections[0] as FieldsSection, d.sections[1] as TableSection);
  return d;
}
const cell = (d: FormDefinition, code: string) => {
  const c = cellsOf(d).find((x) => x.code === code);
  assert.ok(c, `no cell ${code}`);
  return c;
};

test('a table cell is labelled with the section title, the row and the column, as error messages show it', () => {
  const d = testDefinition();
  assert.equal(cell(d, 'D1.01.1').label, 'Dział 1. Porady, wiersz 01 „Porady ogółem”, kolumna 1 „Liczba porad”');
  assert.equal(cell(d, 'D1.02.2').label, 'Dział 1. Porady, wiersz 02 „w tym dla dzieci”, kolumna 2 „Koszt”');
  assert.equal(cell(d, 'D0.02').label, 'Liczba oddziałów');
});

test('help: a field keeps its own; a table cell takes its override help, else its row help, else none', () => {
  const d = form((f, t) => {
    (f.fields[1] as { help?: string }).help = 'Liczba oddziałów według księgi rejestrowej.';
    (t.rows[0] as { help?: string }).help = 'Porady udzielone w roku sprawozdawczym.';
    (t.rows[1] as { help?: string }).help = 'Dzieci do 18. roku życia.';
    (t as { cells?: TableSection['cells'] }).cells = { '02.2': { na: true }, '01.2': { help: 'Koszt w złotych.' } };
  });
  assert.equal(cell(d, 'D0.02').help, 'Liczba oddziałów według księgi rejestrowej.');
  assert.equal('help' in cell(d, 'D0.01'), false);
  assert.equal(cell(d, 'D1.01.1').help, 'Porady udzielone w roku sprawozdawczym.');
  assert.equal(cell(d, 'D1.01.2').help, 'Koszt w złotych.');
  assert.equal(cell(d, 'D1.02.1').help, 'Dzieci do 18. roku życia.');
  assert.equal('help' in cell(testDefinition(), 'D1.01.1'), false);
});

test('a cell override decides whether the cell is required, over its column', () => {
  const d = form((_f, t) => {
    (t as { cells?: TableSection['cells'] }).cells = { '02.1': { required: false }, '01.2': { required: true } };
  });
  assert.equal(cell(d, 'D1.01.1').required, true, 'the column says required');
  assert.equal(cell(d, 'D1.02.1').required, false, 'the override lifts it');
  assert.equal(cell(d, 'D1.01.2').required, true, 'the override requires a cell of an optional column');
  assert.equal(cell(d, 'D1.02.2').required, undefined);
});

test('a table without overrides: every cell applicable, in form order', () => {
  const d = form((_f, t) => {
    delete (t as { cells?: TableSection['cells'] }).cells;
  });
  assert.deepEqual(
    cellsOf(d).map((c) => [c.code, c.na]),
    [
      ['D0.01', false],
      ['D0.02', false],
      ['D0.03', false],
      ['D0.04', false],
      ['D1.01.1', false],
      ['D1.01.2', false],
      ['D1.02.1', false],
      ['D1.02.2', false],
    ],
  );
});
