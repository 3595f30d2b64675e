/**
 * The schedule of reporting deadlines ("Terminy sprawozdań"): per form × reporting (data) year × level.
 * Pure: reading the typed dates and checking a schedule; the service adds locking, policy and audit.
 */
import { DEADLINE_LEVELS, type DeadlineLevel } from './lifecycle.ts';

const PL_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A typed date, DD.MM.RRRR (also D.M.RRRR) or RRRR-MM-DD → the ISO date, or null when it is no calendar date. */
export function parseDeadlineDate(typed: string): string | null {
  const s = typed.trim();
  const pl = PL_DATE.exec(s);
  const iso = pl ? null : ISO_DATE.exec(s);
  if (!pl && !iso) return null;
  const [y, m, d] = pl ? [Number(pl[3]), Number(pl[2]), Number(pl[1])] : [Number(iso![1]), Number(iso![2]), Number(iso![3])];
  if (y < 1900 || y > 2100) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An ISO date (RRRR-MM-DD) as the portal shows it: DD.MM.RRRR. */
export function formatDeadlineDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** The levels the unit and its supervisor must always have; CeZ's approval is optional. */
export const REQUIRED_DEADLINE_LEVELS: readonly DeadlineLevel[] = ['jednostka', 'nadzor'];

export type ScheduleProblem =
  /** a required level left empty */
  | 'required'
  /** not a calendar date in DD.MM.RRRR or RRRR-MM-DD */
  | 'invalid'
  /** on or before the last day of the data year (data for 2025 cannot be due in 2025) */
  | 'withinDataYear'
  /** earlier than the level before it (jednostka ≤ nadzor ≤ cez) */
  | 'beforePreviousLevel';

export type Schedule = Partial<Record<DeadlineLevel, string>>;

export type ScheduleCheck = { ok: true; schedule: Schedule } | { ok: false; problems: Partial<Record<DeadlineLevel, ScheduleProblem>> };

/**
 * The typed dates of one form and data year → the schedule (ISO dates; an empty optional level is
 * absent), or a problem per level. Every level is checked, so one submit shows every message; the
 * order is checked between the levels that hold valid dates, each against the nearest earlier one.
 */
export function checkSchedule(dataYear: number, typed: Readonly<Partial<Record<DeadlineLevel, string>>>): ScheduleCheck {
  const problems: Partial<Record<DeadlineLevel, ScheduleProblem>> = {};
  const schedule: Schedule = {};
  const endOfDataYear = `${dataYear}-12-31`;
  for (const level of DEADLINE_LEVELS) {
    const s = (typed[level] ?? '').trim();
    if (!s) {
      if (REQUIRED_DEADLINE_LEVELS.includes(level)) problems[level] = 'required';
      continue;
    }
    const iso = parseDeadlineDate(s);
    if (!iso) problems[level] = 'invalid';
    else if (iso <= endOfDataYear) problems[level] = 'withinDataYear';
    else schedule[level] = iso;
  }
  let previous: string | undefined;
  for (const level of DEADLINE_LEVELS) {
    const iso = schedule[level];
    if (!iso) continue;
    if (previous && iso < previous) problems[level] = 'beforePreviousLevel';
    previous = previous && previous > iso ? previous : iso;
  }
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, schedule };
}

/** The dates of a schedule as one string (the form sends back the one it showed: a newer change is not overwritten). */
export function scheduleStamp(levels: Partial<Record<DeadlineLevel, { dueOn: string } | string | null | undefined>>): string {
  return DEADLINE_LEVELS.map((l) => {
    const v = levels[l];
    return typeof v === 'string' ? v : (v?.dueOn ?? '');
  }).join('|');
}
