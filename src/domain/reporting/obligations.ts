/**
 * A unit's reporting obligations for a year, from its kind and its ankieta (pure). The catalogue
 * (catalogue.ts, loaded into `report_form_kinds`) says which kinds owe a form and whether the
 * ankieta decides; the ankieta's answers are 'T' (tak) or 'N' (nie) by question code.
 */
import type { FormKindEntry } from './catalogue.ts';

export interface SurveyQuestion {
  form: string;
  code: string;
  text: string;
  hint: string;
}

/** The questions a unit of this kind is asked for a year (none: it needs no ankieta). */
export function surveyQuestionsFor(
  kindCode: string,
  catalogue: readonly FormKindEntry[],
  questions: Readonly<Record<string, { code: string; text: string; hint: string }>>,
  year: number,
): SurveyQuestion[] {
  return catalogue
    .filter((e) => e.kindCode === kindCode && e.bySurvey && questions[e.form])
    .map((e) => {
      const q = questions[e.form]!;
      return { form: e.form, code: q.code, text: q.text.replaceAll('{rok}', String(year)), hint: q.hint.replaceAll('{rok}', String(year)) };
    });
}

/**
 * The forms a unit owes: every form its kind owes by the kind alone, and every form whose ankieta
 * question was answered 'T'. `answers` null: the ankieta is not answered yet (only kind-based forms).
 */
export function formsOwed(
  kindCode: string,
  catalogue: readonly FormKindEntry[],
  questions: Readonly<Record<string, { code: string }>>,
  answers: Readonly<Record<string, string>> | null,
): { form: string; origin: 'katalog' | 'ankieta' }[] {
  const out: { form: string; origin: 'katalog' | 'ankieta' }[] = [];
  for (const e of catalogue) {
    if (e.kindCode !== kindCode) continue;
    if (!e.bySurvey) out.push({ form: e.form, origin: 'katalog' });
    else {
      const q = questions[e.form];
      if (q && answers?.[q.code] === 'T') out.push({ form: e.form, origin: 'ankieta' });
    }
  }
  return out;
}
