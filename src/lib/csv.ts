/**
 * CSV for spreadsheets (RFC 4180 quoting), as Polish Excel opens it: UTF-8 with a byte-order mark,
 * `;` between cells (the comma is the Polish decimal separator), CRLF between rows.
 *
 * Formula injection (OWASP "CSV Injection"): a cell beginning with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is prefixed with a single quote, so a spreadsheet shows it as text and never runs
 * it. Numbers are written as numbers with a decimal comma, as Polish Excel reads them (a negative
 * number is data, not a formula).
 */
export type CsvCell = string | number | boolean | Date | null | undefined;

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\r\n]/;

/** The text of one cell, neutralised and quoted as needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  if (typeof value === 'boolean') return value ? 'tak' : 'nie';
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(CSV_SEPARATOR) + '\r\n';
}

/** A whole document: BOM, the header row, then the rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = CSV_BOM + csvRow(header);
  for (const r of rows) out += csvRow(r);
  return out;
}

/** A file name safe for Content-Disposition: ASCII letters, digits, dot, dash and underscore. */
export function csvDisposition(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `attachment; filename="${safe}"`;
}
