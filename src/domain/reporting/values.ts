/**
 * One typed cell value: what the unit typed (a string, kept as typed) checked against the cell's spec
 * and turned into a value the rules can use. Messages are Polish and say what to type, because they
 * are shown beside the input.
 *
 * Decisions:
 * - integer: ≥ 0 unless the spec sets a negative `min` (definition.ts); thousands may be grouped with a
 *   space, a no-break space or a narrow no-break space (what copying from a spreadsheet or from the
 *   portal's own Polish number format gives), but only in groups of three.
 * - decimal: no default lower bound (the contract sets one only for integers: financial results can be
 *   negative); a comma or a dot, at most `scale` (default 2) places, the same grouping as integers.
 * - numbers longer than 15 significant digits are refused: a double holds them exactly only up to
 *   there, and the rules compare exactly (expression.ts).
 * - date: DD.MM.RRRR, an existing calendar date in 1900–2100 (a wider range lets "0225" for "2025"
 *   through); the value is the ISO form RRRR-MM-DD.
 * - text: at most `maxLength` (default 500) characters counted as code points; tab and line breaks are
 *   allowed (a longer answer is typed in a text area), other control characters and bidirectional
 *   overrides are not (the portal's input rule, src/lib/input.ts).
 */
import type { CellRef } from './definition.ts';

export type CellValue = number | string | null;
export type ParsedCell = { ok: true; value: CellValue } | { ok: false; message: string };

const DEFAULT_SCALE = 2;
const DEFAULT_MAX_LENGTH = 500;
const MAX_DIGITS = 15;

// digits, optionally grouped by three with a (no-break / narrow no-break) space
const GROUPED = '(?:\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+|\\d+)';
const INTEGER_RE = new RegExp(`^(-)?(${GROUPED})$`);
const DECIMAL_RE = new RegExp(`^(-)?(${GROUPED})(?:[.,](\\d+))?$`);
const DATE_RE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
// C0 controls except tab, LF and CR; DEL; C1 controls; bidirectional embeddings, overrides and isolates
// (Trojan Source: the text would read differently on the verifier's page than it was typed); a lone
// surrogate (`\ud800` in a JSON body), which no text holds and PostgreSQL refuses in the jsonb values
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\p{Cs}]/u;

/** A number as the unit would type it: decimal comma, no grouping (so it reads back unchanged). */
export function formatNumberForInput(n: number, scale?: number): string {
  if (!Number.isFinite(n)) return '';
  const s = scale === undefined ? plain(n) : plain(Number(n.toFixed(scale)));
  return s.replace('.', ',');
}

// A double in plain notation: String() switches to exponents below 1e-6 and above 1e21.
function plain(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

function placesWord(n: number): string {
  return n === 1 ? 'miejscem' : 'miejscami';
}

function charsWord(n: number): string {
  if (n === 1) return 'znak';
  const u = n % 10;
  const t = n % 100;
  return u >= 2 && u <= 4 && (t < 12 || t > 14) ? 'znaki' : 'znaków';
}

function checkRange(cell: CellRef, v: number): string | null {
  const min = cell.min ?? (cell.type === 'integer' ? 0 : undefined);
  if (min !== undefined && v < min) return `Wartość nie może być mniejsza niż ${formatNumberForInput(min)}`;
  if (cell.max !== undefined && v > cell.max) return `Wartość nie może być większa niż ${formatNumberForInput(cell.max)}`;
  return null;
}

function significantDigits(intPart: string, frac: string): number {
  return (intPart + frac).replace(/^0+/, '').length;
}

export function parseCellValue(cell: CellRef, raw: string): ParsedCell {
  const s = raw.trim();
  if (s === '') return { ok: true, value: null };
  switch (cell.type) {
    case 'integer': {
      const m = INTEGER_RE.exec(s);
      if (!m) return { ok: false, message: 'Wpisz liczbę całkowitą, np. 125' };
      const digits = m[2]!.replace(/[ \u00A0\u202F]/g, '');
      if (significantDigits(digits, '') > MAX_DIGITS) return { ok: false, message: 'Liczba jest za duża' };
      const abs = Number(digits);
      const v = m[1] && abs !== 0 ? -abs : abs;
      const range = checkRange(cell, v);
      return range ? { ok: false, message: range } : { ok: true, value: v };
    }
    case 'decimal': {
      const scale = cell.scale ?? DEFAULT_SCALE;
      const m = DECIMAL_RE.exec(s);
      if (!m) return { ok: false, message: scale === 0 ? 'Wpisz liczbę całkowitą, np. 125' : 'Wpisz liczbę, np. 12,5' };
      const intPart = m[2]!.replace(/[ \u00A0\u202F]/g, '');
      const frac = m[3] ?? '';
      if (frac.length > scale) {
        return {
          ok: false,
          message: scale === 0 ? 'Wpisz liczbę bez miejsc po przecinku' : `Wpisz liczbę z najwyżej ${scale} ${placesWord(scale)} po przecinku`,
        };
      }
      if (significantDigits(intPart, frac) > MAX_DIGITS) return { ok: false, message: 'Liczba ma za dużo cyfr' };
      const abs = Number(frac ? `${intPart}.${frac}` : intPart);
      const v = m[1] && abs !== 0 ? -abs : abs;
      const range = checkRange(cell, v);
      return range ? { ok: false, message: range } : { ok: true, value: v };
    }
    case 'date': {
      const m = DATE_RE.exec(s);
      if (!m) return { ok: false, message: 'Wpisz datę w formacie DD.MM.RRRR' };
      const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const t = new Date(Date.UTC(y, mo - 1, d));
      if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
        return { ok: false, message: `Nie ma takiej daty: ${s}. Wpisz datę w formacie DD.MM.RRRR` };
      }
      if (y < 1900 || y > 2100) return { ok: false, message: 'Wpisz datę z lat 1900–2100 w formacie DD.MM.RRRR' };
      return { ok: true, value: `${m[3]}-${m[2]}-${m[1]}` };
    }
    case 'choice': {
      const options = cell.options ?? [];
      return options.some((o) => o.value === s) ? { ok: true, value: s } : { ok: false, message: 'Wybierz jedną z podanych odpowiedzi' };
    }
    case 'text': {
      const max = cell.maxLength ?? DEFAULT_MAX_LENGTH;
      if (CONTROL_RE.test(s)) return { ok: false, message: 'Tekst zawiera niedozwolone znaki sterujące — usuń je' };
      const len = [...s].length;
      if (len > max) return { ok: false, message: `Tekst może mieć najwyżej ${max} ${charsWord(max)} (wpisano ${len})` };
      return { ok: true, value: s };
    }
  }
}
