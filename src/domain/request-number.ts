// Role-request numbers: "U" + six digits + "/" + year of submission, e.g. U004036/2023.
// The sequence itself (unique, per year, concurrency-safe) is the database's job.

export const REQUEST_NUMBER_MAX_SEQ = 999_999;

export function formatRequestNumber(seq: number, year: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > REQUEST_NUMBER_MAX_SEQ) {
    throw new RangeError(`Request sequence out of range 1..${REQUEST_NUMBER_MAX_SEQ}: ${seq}`);
  }
  // Four-digit years only, so that parse(format(x)) always round-trips.
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Request year must have four digits: ${year}`);
  }
  return `U${String(seq).padStart(6, '0')}/${year}`;
}

/** Parses "U004036/2023"; null for anything else (including sequence 000000). */
export function parseRequestNumber(s: string): { seq: number; year: number } | null {
  const match = /^U(\d{6})\/(\d{4})$/.exec(s.trim());
  if (!match?.[1] || !match[2]) return null;
  const seq = Number(match[1]);
  const year = Number(match[2]);
  if (seq < 1 || year < 1000) return null;
  return { seq, year };
}

const warsawYear = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Warsaw' });

/** The year a request number carries: the year of submission in Polish time (31 Dec 23:30 UTC is already next year). */
export function requestYear(at: Date): number {
  return Number(warsawYear.format(at));
}
