import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cellsOf, type CellRef, type FormDefinition } from '../domain/reporting/definition.ts';

/**
 * Example values of the statistical forms for the demo seed and for tests: one consistent report of a
 * mid-size outpatient clinic per form (reference/forms/examples/<form>.json), filling every cell that
 * applies. The values are chosen so that every rule of the form holds without an error or a warning
 * when the previous year's report has the same values, and still holds after multiplying the counts by
 * any whole k (every rule is a sum, a ratio or a presence check, all unchanged by scaling) — so the seed
 * can give units of different sizes different numbers from one file.
 *
 * The files were written against version 1 of each definition; a new version needs its own examples.
 */
const EXAMPLES_DIR = new URL('../../reference/forms/examples/', import.meta.url);
const FORMS_DIR = new URL('../../reference/forms/', import.meta.url);

interface LoadedExample {
  cells: readonly CellRef[];
  values: Readonly<Record<string, string>>;
}

// Read once per process: the seed asks for the same form for hundreds of units.
const loaded = new Map<string, LoadedExample>();

function load(formCode: string): LoadedExample {
  const hit = loaded.get(formCode);
  if (hit) return hit;
  if (!/^[A-Z]+-\d+$/.test(formCode)) throw new Error(`Not a form code: ${formCode}`);
  const def = JSON.parse(readFileSync(fileURLToPath(new URL(`${formCode}.v1.json`, FORMS_DIR)), 'utf8')) as FormDefinition;
  const values = JSON.parse(readFileSync(fileURLToPath(new URL(`${formCode}.json`, EXAMPLES_DIR)), 'utf8')) as Record<string, string>;
  const cells = cellsOf(def);
  // A definition edited without its examples would otherwise seed reports with holes or stray codes.
  const byCode = new Map(cells.map((c) => [c.code, c]));
  const problems: string[] = [];
  for (const c of cells) {
    if (!c.na && (values[c.code] ?? '') === '') problems.push(`${c.code}: no value`);
  }
  for (const code of Object.keys(values)) {
    const c = byCode.get(code);
    if (!c) problems.push(`${code}: not a cell of ${formCode} v1`);
    else if (c.na) problems.push(`${code}: a not-applicable cell`);
  }
  if (problems.length) throw new Error(`reference/forms/examples/${formCode}.json does not match the definition:\n- ${problems.join('\n- ')}`);
  const out = { cells, values };
  loaded.set(formCode, out);
  return out;
}

/** "12,50" × 3 → "37,50": exact arithmetic on the digits, keeping the number of decimals typed. */
function scaleDecimal(value: string, k: number, code: string): string {
  const m = /^(\d+)(?:,(\d+))?$/.exec(value);
  if (!m) throw new Error(`${code}: "${value}" is not a decimal with a comma`);
  const decimals = m[2]?.length ?? 0;
  const scaled = (BigInt(`${m[1]}${m[2] ?? ''}`) * BigInt(k)).toString().padStart(decimals + 1, '0');
  return decimals === 0 ? scaled : `${scaled.slice(0, -decimals)},${scaled.slice(-decimals)}`;
}

function scaleInteger(value: string, k: number, code: string): string {
  if (!/^\d+$/.test(value)) throw new Error(`${code}: "${value}" is not a whole number`);
  return (BigInt(value) * BigInt(k)).toString();
}

/**
 * The example values of a form, with every count and FTE multiplied by k (k = 1: as in the file).
 * A cell with an upper bound (e.g. days of activity in a year, at most 366) is a property of the
 * year, not of the unit's size, so it is never scaled; text, dates and choices are kept as they are.
 */
export function exampleValues(formCode: string, k: number): Record<string, string> {
  if (!Number.isSafeInteger(k) || k < 1) throw new Error(`The scale must be a whole number ≥ 1, got ${k}`);
  const { cells, values } = load(formCode);
  const out: Record<string, string> = {};
  for (const c of cells) {
    const v = values[c.code];
    if (c.na || v === undefined) continue;
    if (c.max !== undefined) out[c.code] = v;
    else if (c.type === 'integer') out[c.code] = scaleInteger(v, k, c.code);
    else if (c.type === 'decimal') out[c.code] = scaleDecimal(v, k, c.code);
    else out[c.code] = v;
  }
  return out;
}
