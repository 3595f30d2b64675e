/**
 * Which units owe which forms, who verifies them, and the published deadlines: shipped as data,
 * loaded into `report_form_kinds` and `form_deadlines` at every start (a deadline an administrator
 * changed in "Zarządzanie → Terminy sprawozdań" is kept). Code never branches on a form or a kind.
 *
 * Sources of the facts:
 * - Who files MZ-11 (podmioty lecznicze and practices giving outpatient care under an NFZ contract):
 *   https://www.katowice.uw.gov.pl/usluga/zdrowie-instytucje/sprawozdania-roczne-mz and
 *   https://www.oil-tarnow.pl/rejestr_praktyk/obowiazek-sprawozdawczy-praktyk-lekarskich.html
 * - Deadlines for 2022 data (MZ-11 by 31 March 2023; MZ-88/MZ-89 units by 10 April 2023; the
 *   voivodeship office's verified data to CeZ by 30 June; CeZ to GUS by 31 July):
 *   https://poznan.uw.gov.pl/zasady-sprawozdawczosci-i-formularze-sprawozdawcze and the PBSSP form
 *   pages (reporting.md). The yearly regulation moves these dates a little every year; the portal
 *   ships the same day and month for each data year as a model, and Administrator CeZ corrects them.
 * - The ankieta at the first login of a reporting year assigns the obligations (reporting.md).
 */
import type { DeadlineLevel } from './lifecycle.ts';

export interface FormKindEntry {
  form: string;
  kindCode: string;
  /** kind of the verifying unit; `fallbackVerifierKind` when the registry has no such unit for the voivodeship */
  verifierKind: string;
  /** the ankieta's question decides (otherwise the kind alone does) */
  bySurvey: boolean;
}

/** The verifying kind used when the unit's voivodeship has no unit of the catalogue's verifier kind. */
export const FALLBACK_VERIFIER_KIND = 'UW';

export const FORM_KINDS: readonly FormKindEntry[] = [
  // MZ-11: outpatient activity — only units that gave outpatient care (the ankieta asks)
  { form: 'MZ-11', kindCode: 'PODM', verifierKind: 'UW', bySurvey: true },
  { form: 'MZ-11', kindCode: 'PRAKT', verifierKind: 'UW', bySurvey: true },
  { form: 'MZ-11', kindCode: 'JEDN_ORG', verifierKind: 'UW', bySurvey: true },
  // a local-government unit running an outpatient clinic as its own budget unit
  { form: 'MZ-11', kindCode: 'GM', verifierKind: 'UW', bySurvey: true },
  // MZ-88: staff of units performing medical activity — owed by the kind alone
  { form: 'MZ-88', kindCode: 'PODM', verifierKind: 'UW', bySurvey: false },
  { form: 'MZ-88', kindCode: 'JEDN_ORG', verifierKind: 'UW', bySurvey: false },
  { form: 'MZ-88', kindCode: 'WSSE', verifierKind: 'UW', bySurvey: false },
  // the sanitary stations of a voivodeship report to its WSSE
  { form: 'MZ-88', kindCode: 'PSSE', verifierKind: 'WSSE', bySurvey: false },
];

/** The ankieta's questions, one per form decided by it. `{rok}` is the reporting year. */
export const SURVEY_QUESTIONS: Readonly<Record<string, { code: string; text: string; hint: string }>> = {
  'MZ-11': {
    code: 'AMB',
    text: 'Czy w roku {rok} jednostka udzielała ambulatoryjnych świadczeń zdrowotnych (porad lekarskich, lekarzy dentystów lub psychologów, wizyt pielęgniarek lub położnych)?',
    hint: 'Odpowiedź „Tak” przypisuje jednostce sprawozdanie MZ-11 za rok {rok}.',
  },
};

/** Published deadlines as day and month of the year after the data year, per form and level. */
export const DEADLINE_PATTERN: Readonly<Record<string, Partial<Record<DeadlineLevel, { month: number; day: number }>>>> = {
  'MZ-11': { jednostka: { month: 3, day: 31 }, nadzor: { month: 6, day: 30 }, cez: { month: 7, day: 31 } },
  'MZ-88': { jednostka: { month: 4, day: 10 }, nadzor: { month: 6, day: 30 }, cez: { month: 7, day: 31 } },
};

export const DEADLINE_SOURCE = 'Model terminów PBSSP dla danych za 2022 r. (poznan.uw.gov.pl, zasady sprawozdawczości)';

/** The shipped deadlines for the data years a form's definitions cover. */
export function publishedDeadlines(formYears: ReadonlyMap<string, readonly number[]>): { form: string; year: number; level: DeadlineLevel; dueOn: string }[] {
  const out: { form: string; year: number; level: DeadlineLevel; dueOn: string }[] = [];
  for (const [form, years] of formYears) {
    const pattern = DEADLINE_PATTERN[form];
    if (!pattern) continue;
    for (const year of years) {
      for (const [level, d] of Object.entries(pattern) as [DeadlineLevel, { month: number; day: number }][]) {
        out.push({ form, year, level, dueOn: `${year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` });
      }
    }
  }
  return out;
}

/** The reporting year whose campaign runs on a Warsaw calendar day: the data of the previous calendar year. */
export function currentReportingYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}
