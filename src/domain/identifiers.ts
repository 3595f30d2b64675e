// Polish identifiers: PESEL, NIP, REGON, TERYT.
// Checksum arithmetic lives only in `validate-polish`; this module adds what the library lacks
// (real calendar dates in PESEL, birth date/sex, normalisation, check-digit completion).
import { validatePolish } from 'validate-polish';

export type PeselResult = { valid: true; birthDate: string; sex: 'K' | 'M' } | { valid: false; reason: 'format' | 'checksum' | 'date' };

// PESEL month offsets: month + 80 → 1800s, +0 → 1900s, +20 → 2000s, +40 → 2100s, +60 → 2200s.
// Index = floor(encodedMonth / 20).
const PESEL_CENTURIES = [1900, 2000, 2100, 2200, 1800] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parsePesel(pesel: string): PeselResult {
  if (!/^\d{11}$/.test(pesel)) return { valid: false, reason: 'format' };

  const yy = Number(pesel.slice(0, 2));
  const encodedMonth = Number(pesel.slice(2, 4));
  const day = Number(pesel.slice(4, 6));
  const century = PESEL_CENTURIES[Math.floor(encodedMonth / 20)];
  const month = encodedMonth % 20;
  // The library accepts e.g. 31 February, so the calendar check is ours.
  if (century === undefined || month < 1 || month > 12) return { valid: false, reason: 'date' };
  const year = century + yy;
  if (day < 1 || day > daysInMonth(year, month)) return { valid: false, reason: 'date' };

  // The date is now known to be real, so a library failure can only mean the checksum.
  if (!validatePolish.pesel(pesel)) return { valid: false, reason: 'checksum' };

  const birthDate = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // 10th digit: odd = man, even = woman.
  const sex = Number(pesel[9]) % 2 === 1 ? 'M' : 'K';
  return { valid: true, birthDate, sex };
}

export function isValidPesel(pesel: string): boolean {
  return parsePesel(pesel).valid;
}

/**
 * Masked PESEL for screens and PDFs: the first two digits (birth year, as in the manual's
 * "60██████████") followed by nine `*`. Always 11 characters, whatever the input, so the mask
 * never reveals more than the two leading characters.
 */
export function maskPesel(pesel: string): string {
  return pesel.slice(0, 2) + '*'.repeat(9);
}

/** Strips the separators people type in NIPs ("525-157-53-09", "525 157 53 09"). */
export function normalizeNip(nip: string): string {
  return nip.replace(/[\s-]/g, '');
}

export function isValidNip(nip: string): boolean {
  const digits = normalizeNip(nip);
  return /^\d{10}$/.test(digits) && validatePolish.nip(digits);
}

export function isValidRegon9(regon: string): boolean {
  return /^\d{9}$/.test(regon) && validatePolish.regon(regon);
}

/** REGON-14 (local units): the library checks both its own digit and the REGON-9 prefix. */
export function isValidRegon14(regon: string): boolean {
  return /^\d{14}$/.test(regon) && validatePolish.regon(regon) && isValidRegon9(regon.slice(0, 9));
}

export function isValidRegon(regon: string): boolean {
  return isValidRegon9(regon) || isValidRegon14(regon);
}

/** Finds the check digit by asking the library, so no checksum code is duplicated here. */
function completeWith(prefix: string, isValid: (candidate: string) => boolean): string | null {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${prefix}${digit}`;
    if (isValid(candidate)) return candidate;
  }
  return null;
}

/**
 * Appends the NIP check digit to nine digits. Returns null when the weighted sum leaves
 * remainder 10: no NIP can start with such a prefix. Throws on malformed input (a caller bug).
 */
export function completeNip(first9: string): string | null {
  if (!/^\d{9}$/.test(first9)) throw new RangeError(`completeNip: expected 9 digits, got "${first9}"`);
  return completeWith(first9, isValidNip);
}

/** Appends the REGON-9 check digit to eight digits (always possible: remainder 10 maps to 0). */
export function completeRegon9(first8: string): string | null {
  if (!/^\d{8}$/.test(first8)) throw new RangeError(`completeRegon9: expected 8 digits, got "${first8}"`);
  return completeWith(first8, isValidRegon9);
}

/**
 * TERYT (TERC) code of a gmina: WWPPGGR — voivodeship, powiat, gmina, and RODZ, the kind of gmina
 * (1 urban, 2 rural, 3 urban-rural, 4 town in an urban-rural gmina, 5 its rural area,
 * 8 district of Warsaw, 9 delegature/district of another city). Format check only: whether the
 * code exists is a matter for the TERYT data.
 */
export function isValidTerytGmina(code: string): boolean {
  return /^\d{6}[1234589]$/.test(code);
}
