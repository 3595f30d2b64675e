import type { FormDefinition, RuleDef } from '../../../src/domain/reporting/definition.ts';

/**
 * A tiny form: a fields section D0 and a 2×2 table D1 (row 02 is "w tym" of row 01; cell 02.2 does not
 * apply). Plain JSON, so the definition checker's tests can start from it too.
 */
export function testDefinition(rules: RuleDef[] = []): FormDefinition {
  return {
    form: 'MZ-T1',
    version: 1,
    years: [2025],
    title: 'Sprawozdanie testowe',
    area: 'niefinansowe',
    periodicity: 'roczna',
    modelNotice: 'Uproszczony model formularza do testów.',
    sources: ['https://example.org/pbssp'],
    header: ['name', 'regon'],
    sections: [
      {
        kind: 'fields',
        code: 'D0',
        title: 'Dział 0. Dane ogólne',
        fields: [
          { code: '01', label: 'Osoba sporządzająca', type: 'text', required: true },
          { code: '02', label: 'Liczba oddziałów', type: 'integer' },
          {
            code: '03',
            label: 'Czy jednostka prowadzi izbę przyjęć',
            type: 'choice',
            options: [
              { value: 'T', label: 'Tak' },
              { value: 'N', label: 'Nie' },
            ],
          },
          { code: '04', label: 'Data sporządzenia', type: 'date' },
        ],
      },
      {
        kind: 'table',
        code: 'D1',
        title: 'Dział 1. Porady',
        rows: [
          { code: '01', label: 'Porady ogółem' },
          { code: '02', label: 'w tym dla dzieci', indent: 1 },
        ],
        columns: [
          { code: '1', label: 'Liczba porad', type: 'integer', unit: 'porady', required: true },
          { code: '2', label: 'Koszt', type: 'decimal', unit: 'zł', scale: 2 },
        ],
        cells: { '02.2': { na: true } },
      },
    ],
    rules,
  };
}

export function rule(partial: Partial<RuleDef> & Pick<RuleDef, 'left' | 'operator' | 'right'>): RuleDef {
  return { code: 'R01', message: 'Reguła testowa', severity: 'blad', missing: 'skip_if_any_missing', ...partial };
}
