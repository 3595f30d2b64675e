import type { FormDefinition } from '../../src/domain/reporting/definition.ts';

/**
 * A small form that has one of everything the form components draw: a fields section with a choice,
 * a date and a text, and a table with a unit of measure, a "w tym" row, a not-applicable cell, row,
 * column and cell help. Shared by the unit test of the markup and the Chromium (axe) test.
 */
export const sampleForm: FormDefinition = {
  form: 'MZ-T1',
  version: 1,
  years: [2025],
  title: 'Sprawozdanie testowe z porad',
  area: 'niefinansowe',
  periodicity: 'roczna',
  modelNotice: 'Model uproszczony formularza MZ-T1: układ i pojęcia za publicznym opisem formularza, nie oficjalny wzór.',
  sources: ['Program badań statystycznych statystyki publicznej, opis formularza MZ-T1'],
  header: ['name', 'regon', 'teryt'],
  sections: [
    {
      kind: 'fields',
      code: 'D0',
      title: 'Dział 0. Dane ogólne',
      help: 'Dane ogólne jednostki na dzień 31 grudnia.',
      fields: [
        {
          code: '01',
          label: 'Forma organizacyjna',
          type: 'choice',
          required: true,
          options: [
            { value: '1', label: 'Szpital' },
            { value: '2', label: 'Przychodnia' },
          ],
        },
        { code: '02', label: 'Data rozpoczęcia działalności', type: 'date', help: 'Data wpisu do rejestru.' },
        { code: '03', label: 'Uwagi do sprawozdania', type: 'text', maxLength: 500 },
      ],
    },
    {
      kind: 'table',
      code: 'D1',
      title: 'Dział 1. Porady',
      help: 'Podaj liczbę porad udzielonych w roku sprawozdawczym.',
      rows: [
        { code: '01', label: 'Porady ogółem', help: 'Wszystkie porady, także teleporady.' },
        { code: '02', label: 'w tym udzielone dzieciom', indent: 1 },
        { code: '03', label: 'Porady w nocy' },
      ],
      columns: [
        { code: '1', label: 'Liczba', type: 'integer', unit: 'porady', required: true },
        { code: '2', label: 'Koszt', type: 'decimal', unit: 'zł', scale: 2, help: 'Koszt bezpośredni.' },
      ],
      cells: {
        '02.2': { na: true },
        '03.2': { help: 'Tylko porady między 22:00 a 6:00.' },
      },
    },
  ],
  rules: [
    {
      code: 'R01',
      left: 'D1.02.1',
      operator: '<=',
      right: 'D1.01.1',
      message: 'Porady udzielone dzieciom nie mogą przekraczać porad ogółem',
      severity: 'blad',
      missing: 'skip_if_any_missing',
    },
    {
      code: 'R02',
      left: 'D1.01.1',
      operator: '<=',
      right: 'prev(D1.01.1) * 2',
      message: 'Liczba porad wzrosła ponad dwukrotnie wobec roku poprzedniego',
      severity: 'ostrzezenie',
      missing: 'skip_if_any_missing',
    },
  ],
};

export const sampleUnit = {
  name: 'Przychodnia „Pod Lipami” <Filia>',
  regon: '123456785',
  teryt: '1465011',
  registryBookNo: '000000012345',
  address: 'ul. Lipowa 1, 00-001 Warszawa',
  nip: '5260250274',
};
