/**
 * The life of a report (DHIS2 completeness + data approval by levels; POL-on's "Cofnij do poprawy"):
 *
 *   Do wypełnienia ──zapisz──▶ W trakcie wypełniania ──wyślij──▶ Do weryfikacji (level 0)
 *   Do weryfikacji (level i) ──zatwierdź──▶ Do weryfikacji (level i+1) … ──zatwierdź (last)──▶ Zatwierdzone
 *   Do weryfikacji (level 0) ──zwróć──▶ Do korekty ──zapisz / wyślij──▶ Do weryfikacji (level 0)
 *   Do weryfikacji (level i>0) ──zwróć──▶ Do weryfikacji (level i−1): a higher level sends it back down
 *   Zatwierdzone ──otwórz korektę (reason)──▶ Do korekty, version + 1
 *
 * One table, one function: every transition of the portal goes through `nextState`, so a state that
 * the table does not allow cannot be reached by any route. Pure; the service adds locking, policy and audit.
 */

export const REPORT_STATUSES = ['do_wypelnienia', 'w_trakcie', 'do_weryfikacji', 'do_korekty', 'zatwierdzone'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The manual's labels (home page tiles: "Do wypełnienia", "Do weryfikacji", "Do korekty", "Zatwierdzone"). */
export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  do_wypelnienia: 'Do wypełnienia',
  w_trakcie: 'W trakcie wypełniania',
  do_weryfikacji: 'Do weryfikacji',
  do_korekty: 'Do korekty',
  zatwierdzone: 'Zatwierdzone',
};

export function isReportStatus(v: unknown): v is ReportStatus {
  return typeof v === 'string' && (REPORT_STATUSES as readonly string[]).includes(v);
}

/** jednostka: the unit sends; nadzor: the supervising unit approves; cez: Centrum e-Zdrowia approves. */
export const DEADLINE_LEVELS = ['jednostka', 'nadzor', 'cez'] as const;
export type DeadlineLevel = (typeof DEADLINE_LEVELS)[number];
export const DEADLINE_LEVEL_LABELS: Readonly<Record<DeadlineLevel, string>> = {
  jednostka: 'Jednostka sprawozdająca przekazuje sprawozdanie',
  nadzor: 'Jednostka nadzorująca zatwierdza sprawozdanie',
  cez: 'Centrum e-Zdrowia zatwierdza dane',
};

/** katalog: the unit kind alone; ankieta: the unit's ankieta; korekta: a supervisor's correction of the ankieta. */
export const REPORT_ORIGINS = ['katalog', 'ankieta', 'korekta'] as const;
export type ReportOrigin = (typeof REPORT_ORIGINS)[number];

export type ReportAction = 'save' | 'submit' | 'approve' | 'return' | 'reopen';

export const REPORT_ACTION_LABELS: Readonly<Record<ReportAction | 'create' | 'cancel', string>> = {
  create: 'Przypisano sprawozdanie',
  save: 'Zapisano',
  submit: 'Wysłano do weryfikacji',
  approve: 'Zatwierdzono',
  return: 'Zwrócono do korekty',
  reopen: 'Otwarto korektę zatwierdzonego sprawozdania',
  cancel: 'Zdjęto obowiązek',
};

export interface ReportState {
  status: ReportStatus;
  /** which verifying level acts now (only while do_weryfikacji) */
  pendingLevel: number | null;
  version: number;
}

export type Transition = { ok: true; next: ReportState } | { ok: false; reason: 'not_allowed' };

/** Where each action may start. */
const FROM: Readonly<Record<ReportAction, readonly ReportStatus[]>> = {
  save: ['do_wypelnienia', 'w_trakcie', 'do_korekty'],
  submit: ['do_wypelnienia', 'w_trakcie', 'do_korekty'],
  approve: ['do_weryfikacji'],
  return: ['do_weryfikacji'],
  reopen: ['zatwierdzone'],
};

export function allowedFrom(action: ReportAction): readonly ReportStatus[] {
  return FROM[action];
}

/**
 * The transition table. `levels` is the length of the report's verifying chain (at least 1).
 * Saving a returned report keeps it "Do korekty" (the verifier's comments stay in view until it is sent again).
 */
export function nextState(s: ReportState, action: ReportAction, levels: number): Transition {
  if (!FROM[action].includes(s.status) || levels < 1) return { ok: false, reason: 'not_allowed' };
  switch (action) {
    case 'save':
      return { ok: true, next: { ...s, status: s.status === 'do_korekty' ? 'do_korekty' : 'w_trakcie', pendingLevel: null } };
    case 'submit':
      return { ok: true, next: { ...s, status: 'do_weryfikacji', pendingLevel: 0 } };
    case 'approve': {
      const level = s.pendingLevel ?? 0;
      return level + 1 < levels
        ? { ok: true, next: { ...s, pendingLevel: level + 1 } }
        : { ok: true, next: { ...s, status: 'zatwierdzone', pendingLevel: null } };
    }
    case 'return': {
      const level = s.pendingLevel ?? 0;
      return level > 0 ? { ok: true, next: { ...s, pendingLevel: level - 1 } } : { ok: true, next: { ...s, status: 'do_korekty', pendingLevel: null } };
    }
    case 'reopen':
      return { ok: true, next: { status: 'do_korekty', pendingLevel: null, version: s.version + 1 } };
  }
}

export type Timeliness =
  | { kind: 'on_time'; label: string }
  | { kind: 'late'; days: number; label: string }
  | { kind: 'due'; days: number; label: string }
  | { kind: 'none'; label: string };

/** Whole days from `from` to `to` (calendar dates, YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function daysWord(n: number): string {
  return n === 1 ? 'dzień' : 'dni';
}

/**
 * Timeliness of a unit's report against its deadline (DHIS2 "timely"): sent on or before the due day
 * → "W terminie"; sent after it, or not sent and the day has passed → "Po terminie (N dni)"; not sent
 * yet → "Termin za N dni" / "Termin dziś". Dates are Warsaw calendar days (YYYY-MM-DD).
 */
export function timeliness(dueOn: string | null, sentOn: string | null, today: string): Timeliness {
  if (!dueOn) return { kind: 'none', label: 'Brak terminu' };
  if (sentOn) {
    const late = daysBetween(dueOn, sentOn);
    return late <= 0 ? { kind: 'on_time', label: 'W terminie' } : { kind: 'late', days: late, label: `Po terminie (${late} ${daysWord(late)})` };
  }
  const left = daysBetween(today, dueOn);
  if (left < 0) return { kind: 'late', days: -left, label: `Po terminie (${-left} ${daysWord(-left)})` };
  return { kind: 'due', days: left, label: left === 0 ? 'Termin dziś' : `Termin za ${left} ${daysWord(left)}` };
}
