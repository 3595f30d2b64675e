/** Local time in Poland (Europe/Warsaw), as the portal's users type and read it. */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function fields(d: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts.formatToParts(d)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes Warsaw is ahead of UTC at that instant (60 or 120). */
function offsetMinutes(d: Date): number {
  const f = fields(d);
  const asUtc = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a Warsaw wall-clock time (a time skipped by the spring change resolves one hour later). */
export function fromWarsaw(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = new Date(guess - offsetMinutes(new Date(guess)) * 60_000);
  return new Date(guess - offsetMinutes(first) * 60_000);
}

/** "RRRR-MM-DD GG:MM" in Warsaw time (the value the announcement form shows). */
export function toWarsawInput(d: Date): string {
  const f = fields(d);
  const p = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${f.year}-${p(f.month)}-${p(f.day)} ${p(f.hour)}:${p(f.minute)}`;
}

/**
 * A date typed as "RRRR-MM-DD" or "RRRR-MM-DD GG:MM" (also with "T") in Warsaw time → the instant,
 * or null when it is not a real date and time. A date without a time is `dateOnly` (the caller
 * decides: the start of the day, or up to its end).
 */
export function parseWarsawDateTime(s: string): { at: Date; dateOnly: boolean } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dateOnly = m[4] === undefined;
  const [h, mi] = dateOnly ? [0, 0] : [Number(m[4]), Number(m[5])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (y < 2000 || y > 2100 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return { at: fromWarsaw(y, mo, d, h, mi), dateOnly };
}

/** The start of the next Warsaw day after the instant's day (the end of "do 2026-12-31", exclusive). */
export function nextWarsawDay(at: Date): Date {
  const f = fields(at);
  const next = new Date(Date.UTC(f.year!, f.month! - 1, f.day! + 1));
  return fromWarsaw(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** The Warsaw calendar day of an instant, "RRRR-MM-DD" (deadlines and timeliness are calendar days). */
export function warsawDay(d: Date): string {
  return toWarsawInput(d).slice(0, 10);
}

/** "RRRR-MM-DD" → "DD.MM.RRRR" as the portal prints dates. */
export function dayPl(day: string | null | undefined): string {
  if (!day) return '—';
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}
