import { z } from 'zod';
import { checkSchedule, type Schedule, type ScheduleProblem } from '../../../domain/reporting/deadlines.ts';
import { DEADLINE_LEVEL_LABELS, DEADLINE_LEVELS, type DeadlineLevel } from '../../../domain/reporting/lifecycle.ts';
import { parseForm, summaryOf, text, type ParsedForm } from '../../http/input.ts';
import { deadlineMessages as m } from './messages.ts';

/** A form code as the definitions name them: "MZ-11", "MZ-88", "MZSzp11B-X" (letters, digits, dash-separated parts). */
export const FORM_CODE_RE = /^[A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/;
const YEAR_RE = /^\d{4}$/;

/** `/zarzadzanie/terminy/:form/:year`: anything else names no schedule (404). */
export const ScheduleParams = z.object({
  form: z.string().max(30).regex(FORM_CODE_RE),
  year: z.string().regex(YEAR_RE).transform(Number),
});

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** The list's filters (a GET form): a value that is no form code or year is no filter. */
export const ListQuery = z.object({
  formularz: z.preprocess((v) => {
    const s = first(v);
    return typeof s === 'string' && s.length <= 30 && FORM_CODE_RE.test(s) ? s : '';
  }, z.string()),
  rok: z.preprocess((v) => {
    const s = first(v);
    return typeof s === 'string' && YEAR_RE.test(s) ? s : '';
  }, z.string()),
  wynik: z.preprocess((v) => {
    const s = first(v);
    return s === 'zapisano' || s === 'bez-zmian' ? s : '';
  }, z.string()),
});

export const DEADLINE_FIELDS = [...DEADLINE_LEVELS, 'zrodlo'] as const;

const DeadlineForm = z.object({
  jednostka: text({ max: 20, label: DEADLINE_LEVEL_LABELS.jednostka }),
  nadzor: text({ max: 20, label: DEADLINE_LEVEL_LABELS.nadzor }),
  cez: text({ max: 20, label: DEADLINE_LEVEL_LABELS.cez }),
  zrodlo: text({ max: 500, multiline: true, required: m.sourceRequired, label: m.fieldSource }),
});

export interface DeadlineInput {
  schedule: Schedule;
  source: string;
}

/** The Polish message of a schedule problem at a level. */
export function problemMessage(level: DeadlineLevel, problem: ScheduleProblem, year: number): string {
  switch (problem) {
    case 'required':
      return m.required[level];
    case 'invalid':
      return m.invalid;
    case 'withinDataYear':
      return m.withinDataYear(year);
    case 'beforePreviousLevel':
      return level === 'cez' ? m.cezBeforeOthers : m.nadzorBeforeJednostka;
  }
}

/**
 * The deadlines form of one form and data year → the schedule and the source, or the form again with
 * Polish messages beside each field and in the summary (typed values kept): jednostka and nadzor
 * required, cez optional, real dates after the data year, jednostka ≤ nadzor ≤ cez, the source required.
 */
export function readDeadlineForm(body: unknown, year: number): ParsedForm<DeadlineInput> {
  const parsed = parseForm(DeadlineForm, body, DEADLINE_FIELDS);
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  // the dates are checked on what was typed even when another field has an error: one submit, every message
  const typed: Partial<Record<DeadlineLevel, string>> = {};
  for (const level of DEADLINE_LEVELS) {
    if (errors[level]) continue;
    typed[level] = parsed.ok ? parsed.data[level] : (parsed.values[level] ?? '');
  }
  const check = checkSchedule(year, typed);
  if (!check.ok) {
    for (const [level, problem] of Object.entries(check.problems) as [DeadlineLevel, ScheduleProblem][]) {
      errors[level] ??= problemMessage(level, problem, year);
    }
  }
  if (!parsed.ok || !check.ok || Object.keys(errors).length) {
    const values = parsed.ok
      ? { jednostka: parsed.data.jednostka, nadzor: parsed.data.nadzor, cez: parsed.data.cez, zrodlo: parsed.data.zrodlo }
      : parsed.values;
    return { ok: false, values, errors, summary: summaryOf(errors, DEADLINE_FIELDS) };
  }
  return { ok: true, data: { schedule: check.schedule, source: parsed.data.zrodlo } };
}
