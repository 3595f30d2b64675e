// Deadlines of role requests: when a pending request's decision is due, when it is overdue
// (escalated) and when it is stale enough to be archived. The days come from configuration
// (config.requests); these are pure rules over dates.

const DAY_MS = 86_400_000;

/** "Termin decyzji": `days` after the request became pending ("Zakończ", its submission time). */
export function decisionDueAt(submittedAt: Date, days: number): Date {
  return new Date(submittedAt.getTime() + days * DAY_MS);
}

/** Past its due date (escalated: "eskalowany"). Only a pending request can be overdue. */
export function isOverdue(r: { status: string; submittedAt: Date }, now: Date, days: number): boolean {
  return r.status === 'oczekujacy' && now.getTime() > decisionDueAt(r.submittedAt, days).getTime();
}

/**
 * Whether a verifier may archive the request ("Archiwizuj"): a rejected one at any time, a pending one
 * only once it has waited longer than `staleDays` (our choice: 90 days by default, REQUEST_STALE_DAYS).
 */
export function isArchivable(r: { status: string; submittedAt: Date }, now: Date, staleDays: number): boolean {
  if (r.status === 'odrzucony') return true;
  return r.status === 'oczekujacy' && now.getTime() > r.submittedAt.getTime() + staleDays * DAY_MS;
}

/** The calendar day (YYYY-MM-DD) in Polish time: a daily job's "today". */
export function polishDay(at: Date): string {
  return POLISH_DAY.format(at);
}
// built once: an Intl formatter per call holds ICU memory the garbage collector does not see
const POLISH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });
