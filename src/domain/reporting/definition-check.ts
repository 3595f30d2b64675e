/**
 * The gate a form definition (reference/forms/*.json) passes before the portal uses it: first the
 * shape (zod, strict objects, so a misspelt key is an error instead of a silently ignored option),
 * then the meaning (codes unique and well-formed, rules that read only cells that exist and apply).
 * A definition that fails stops the start, so every message is for the developer who edits the file:
 * English, naming the file and the code, e.g.
 *   reference/forms/mz-11.v1.json: rule R03 reads unknown cell D1.99.1
 *
 * loadDefinitions() checks a whole set and also what no single file can show: the same form and
 * version twice, and two versions of a form claiming the same reporting year (which version a report
 * of that year is filled against must be unambiguous). It lives here rather than in the caller so
 * every loader (start, tests, a CLI check) gets the same answer.
 */
import { z } from 'zod';

import { cellCode } from './definition.ts';
import type { FormDefinition } from './definition.ts';
import { CELL_CODE_PATTERN, ExpressionSyntaxError, parseExpression, referencedCodes } from './expression.ts';

export const FORM_CODE_PATTERN = /^[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*$/;
export const SECTION_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;
/** rows, columns and fields: the parts after the section code in a cell code */
export const PART_CODE_PATTERN = /^[A-Za-z0-9]+$/;
export const RULE_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

const nonEmpty = z.string().trim().min(1);

const inputSpec = {
  type: z.enum(['integer', 'decimal', 'text', 'date', 'choice']),
  unit: nonEmpty.optional(),
  // values have at most 4 decimal places (the rules' exact arithmetic relies on finite decimals anyway)
  scale: z.number().int().min(0).max(4).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  maxLength: z.number().int().positive().optional(),
  options: z.array(z.strictObject({ value: z.string().min(1), label: nonEmpty })).optional(),
  required: z.boolean().optional(),
};

const fieldSchema = z.strictObject({ code: z.string(), label: nonEmpty, help: nonEmpty.optional(), ...inputSpec });
const columnSchema = fieldSchema;
const rowSchema = z.strictObject({ code: z.string(), label: nonEmpty, help: nonEmpty.optional(), indent: z.number().int().min(0).max(4).optional() });
const overrideSchema = z.strictObject({ na: z.boolean().optional(), required: z.boolean().optional(), help: nonEmpty.optional() });

const sectionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('table'),
    code: z.string(),
    title: nonEmpty,
    help: nonEmpty.optional(),
    rows: z.array(rowSchema).min(1),
    columns: z.array(columnSchema).min(1),
    cells: z.record(z.string(), overrideSchema).optional(),
  }),
  z.strictObject({
    kind: z.literal('fields'),
    code: z.string(),
    title: nonEmpty,
    help: nonEmpty.optional(),
    fields: z.array(fieldSchema).min(1),
  }),
]);

const ruleSchema = z.strictObject({
  code: z.string(),
  left: nonEmpty,
  operator: z.enum(['=', '!=', '<', '<=', '>', '>=', 'both_or_neither']),
  right: nonEmpty,
  message: nonEmpty,
  severity: z.enum(['blad', 'ostrzezenie']),
  missing: z.enum(['skip_if_any_missing', 'skip_if_all_missing', 'never_skip']),
});

const definitionSchema = z.strictObject({
  form: z.string(),
  version: z.number().int().positive(),
  // emptiness is a semantic check below, with its own message
  years: z.array(z.number().int().min(2000).max(2100)),
  title: nonEmpty,
  area: z.enum(['niefinansowe', 'finansowe', 'karty_psychiatryczne']),
  periodicity: z.literal('roczna'),
  modelNotice: nonEmpty,
  sources: z.array(nonEmpty).min(1),
  header: z.array(z.enum(['name', 'regon', 'teryt', 'registryBookNo', 'nip', 'address'])),
  sections: z.array(sectionSchema).min(1),
  rules: z.array(ruleSchema),
});

type CheckedDefinition = z.infer<typeof definitionSchema>;

// A zod path with the code of each array element beside its index: "sections[1] (D1).columns[0] (1).type".
function renderPath(input: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = input;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const code = node && typeof node === 'object' ? (node as { code?: unknown }).code : undefined;
      if (typeof code === 'string') out += ` (${code})`;
    } else {
      out += out ? `.${String(key)}` : String(key);
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return out || '(root)';
}

function duplicates(codes: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const c of codes) (seen.has(c) ? dup : seen).add(c);
  return [...dup];
}

function checkSemantics(def: CheckedDefinition, err: (msg: string) => void): void {
  if (!FORM_CODE_PATTERN.test(def.form)) err(`form code "${def.form}" does not match ${FORM_CODE_PATTERN}`);
  if (def.years.length === 0) err('years is empty: the definition applies to no reporting year');
  for (const y of duplicates(def.years.map(String))) err(`year ${y} is listed twice`);

  for (const s of duplicates(def.sections.map((s) => s.code))) err(`section ${s} is defined twice`);

  type Cell = { type: string; na: boolean };
  const cells = new Map<string, Cell>();

  const checkSpec = (where: string, spec: z.infer<typeof fieldSchema>): void => {
    if (spec.type === 'choice' && (!spec.options || spec.options.length === 0)) err(`${where} is a choice without options`);
    if (spec.type !== 'choice' && spec.options) err(`${where} has options but is of type ${spec.type}`);
    if (spec.options) for (const v of duplicates(spec.options.map((o) => o.value))) err(`${where} has option value "${v}" twice`);
    for (const o of spec.options ?? [])
      if (o.value !== o.value.trim()) err(`${where} has option value "${o.value}" with surrounding spaces (input is trimmed)`);
    if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) err(`${where} has min ${spec.min} greater than max ${spec.max}`);
  };

  for (const s of def.sections) {
    if (!SECTION_CODE_PATTERN.test(s.code)) err(`section code "${s.code}" does not match ${SECTION_CODE_PATTERN}`);
    if (s.kind === 'fields') {
      for (const f of duplicates(s.fields.map((f) => f.code))) err(`section ${s.code}: field ${f} is defined twice`);
      for (const f of s.fields) {
        if (!PART_CODE_PATTERN.test(f.code)) err(`section ${s.code}: field code "${f.code}" does not match ${PART_CODE_PATTERN}`);
        checkSpec(`field ${s.code}.${f.code}`, f);
        cells.set(`${s.code}.${f.code}`, { type: f.type, na: false });
      }
      continue;
    }
    for (const r of duplicates(s.rows.map((r) => r.code))) err(`section ${s.code}: row ${r} is defined twice`);
    for (const c of duplicates(s.columns.map((c) => c.code))) err(`section ${s.code}: column ${c} is defined twice`);
    for (const r of s.rows) if (!PART_CODE_PATTERN.test(r.code)) err(`section ${s.code}: row code "${r.code}" does not match ${PART_CODE_PATTERN}`);
    for (const c of s.columns) {
      if (!PART_CODE_PATTERN.test(c.code)) err(`section ${s.code}: column code "${c.code}" does not match ${PART_CODE_PATTERN}`);
      checkSpec(`column ${s.code}.*.${c.code}`, c);
    }
    const rows = new Set(s.rows.map((r) => r.code));
    const cols = new Set(s.columns.map((c) => c.code));
    for (const [key, o] of Object.entries(s.cells ?? {})) {
      const [row, col, ...rest] = key.split('.');
      if (row === undefined || col === undefined || rest.length > 0) {
        err(`section ${s.code}: cell override key "${key}" is not <row>.<column>`);
        continue;
      }
      if (!rows.has(row) || !cols.has(col)) {
        err(`section ${s.code}: cell override ${key} points at unknown ${rows.has(row) ? `column ${col}` : `row ${row}`}`);
      }
      if (o.na === true && o.required === true) err(`section ${s.code}: cell ${key} is both not applicable and required`);
    }
    for (const r of s.rows) {
      for (const c of s.columns) {
        cells.set(cellCode(s.code, r.code, c.code), { type: c.type, na: s.cells?.[`${r.code}.${c.code}`]?.na === true });
      }
    }
  }

  for (const code of cells.keys()) if (!CELL_CODE_PATTERN.test(code)) err(`cell code "${code}" does not match ${CELL_CODE_PATTERN}`);

  for (const r of duplicates(def.rules.map((r) => r.code))) err(`rule ${r} is defined twice`);
  for (const rule of def.rules) {
    if (!RULE_CODE_PATTERN.test(rule.code)) err(`rule code "${rule.code}" does not match ${RULE_CODE_PATTERN}`);
    for (const side of ['left', 'right'] as const) {
      let refs: { current: string[]; previous: string[] };
      try {
        refs = referencedCodes(parseExpression(rule[side]));
      } catch (e) {
        if (!(e instanceof ExpressionSyntaxError)) throw e;
        err(`rule ${rule.code}: syntax error in the ${side} side "${rule[side]}": ${e.detail} at position ${e.position}`);
        continue;
      }
      const reads = [...refs.current.map((c) => ({ code: c, shown: c })), ...refs.previous.map((c) => ({ code: c, shown: `prev(${c})` }))];
      for (const { code, shown } of reads) {
        const cell = cells.get(code);
        if (!cell) err(`rule ${rule.code} reads unknown cell ${shown}`);
        else if (cell.na) err(`rule ${rule.code} reads not-applicable cell ${shown}`);
        else if (cell.type !== 'integer' && cell.type !== 'decimal') err(`rule ${rule.code} reads non-numeric cell ${shown} (type ${cell.type})`);
      }
    }
  }
}

export function checkDefinition(input: unknown, source: string): { ok: true; def: FormDefinition } | { ok: false; errors: string[] } {
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${source}: ${renderPath(input, i.path)}: ${i.message}`) };
  }
  const errors: string[] = [];
  checkSemantics(parsed.data, (msg) => errors.push(`${source}: ${msg}`));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, def: parsed.data };
}

/**
 * Checks every file and the set as a whole: one form version per (form, version), and at most one
 * version of a form per reporting year. All errors are collected, so one start shows them all.
 */
export function loadDefinitions(files: readonly { path: string; json: unknown }[]): { ok: true; defs: FormDefinition[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const loaded: { path: string; def: FormDefinition }[] = [];
  for (const f of files) {
    const r = checkDefinition(f.json, f.path);
    if (r.ok) loaded.push({ path: f.path, def: r.def });
    else errors.push(...r.errors);
  }
  const versions = new Map<string, string>();
  const years = new Map<string, { path: string; version: number }>();
  for (const { path, def } of loaded) {
    const vKey = `${def.form}\u0000${def.version}`;
    const other = versions.get(vKey);
    if (other !== undefined) errors.push(`${path}: form ${def.form} version ${def.version} is also defined in ${other}`);
    else versions.set(vKey, path);
    for (const y of new Set(def.years)) {
      const yKey = `${def.form}\u0000${y}`;
      const claimed = years.get(yKey);
      if (claimed && claimed.version !== def.version) {
        errors.push(`${path}: form ${def.form} version ${def.version} claims year ${y}, already claimed by version ${claimed.version} in ${claimed.path}`);
      } else if (!claimed) years.set(yKey, { path, version: def.version });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, defs: loaded.map((l) => l.def) };
}
