/**
 * Checking a report against its form definition: per-cell checks (type, range, required, not
 * applicable) and the form's validation rules (DHIS2 validation rules: left side, operator, right
 * side, missing-value strategy; severity as in VTL). Pure: the caller loads values and the previous
 * year's approved report.
 *
 * Decisions:
 * - A rule compares exactly (rational arithmetic, expression.ts), so there is no tolerance.
 * - A cell whose value does not parse (or that is not applicable, or not numeric) is missing for the
 *   rules; checkCells reports it, so a rule does not fail a second time on the same typo.
 * - Missing-value strategy, over every value a rule reads on both sides (current and `prev(…)`):
 *   skip_if_any_missing skips when any is empty; skip_if_all_missing skips only when all are empty,
 *   otherwise empties count as 0; never_skip counts empties as 0. A rule that reads no cell at all is
 *   never skipped.
 * - A side that still has no value (a division by zero) cannot be compared: the rule is not judged.
 * - both_or_neither (DHIS2 "compulsory pair"): a side is present when it evaluates, with empties as 0,
 *   to a value other than 0 — on paper forms an empty cell and a 0 both mean "none", so "both or
 *   neither" is about non-zero content. The strategy never skips it: the rule is about presence.
 */
import { cellsOf } from './definition.ts';
import type { CellRef, FormDefinition, ReportValues, RuleDef, Severity } from './definition.ts';
import { compareRational, evaluate, parseExpression, referencedCodes } from './expression.ts';
import type { EvalResult, Expr, Rational, ValueLookup } from './expression.ts';
import { parseCellValue } from './values.ts';

export interface CellIssue {
  code: string;
  message: string;
}

export interface RuleResult {
  code: string;
  severity: Severity;
  message: string;
  /** current-year cell codes the rule reads (both sides), for linking the message to the inputs */
  cells: string[];
  left: number | null;
  right: number | null;
}

export interface ReportValidation {
  cellIssues: CellIssue[];
  /** failed rules of severity błąd: they block submission */
  errors: RuleResult[];
  /** failed rules of severity ostrzeżenie: submission needs an explanation of each (the caller checks) */
  warnings: RuleResult[];
  /** no cell issue and no error */
  canSubmit: boolean;
}

export const NA_CELL_MESSAGE = 'Ta komórka nie dotyczy tego sprawozdania — usuń wpisaną wartość';
export const REQUIRED_CELL_MESSAGE = 'Uzupełnij to pole — jest obowiązkowe';

// Definitions are loaded once and never change in a process: cache what is derived from them.
const cellIndex = new WeakMap<FormDefinition, { list: CellRef[]; byCode: Map<string, CellRef> }>();
const parsedRules = new WeakMap<RuleDef, { left: Expr; right: Expr; cells: string[]; refs: number }>();

function cellsFor(def: FormDefinition): { list: CellRef[]; byCode: Map<string, CellRef> } {
  let idx = cellIndex.get(def);
  if (!idx) {
    const list = cellsOf(def);
    idx = { list, byCode: new Map(list.map((c) => [c.code, c])) };
    cellIndex.set(def, idx);
  }
  return idx;
}

function parsedRule(rule: RuleDef): { left: Expr; right: Expr; cells: string[]; refs: number } {
  let p = parsedRules.get(rule);
  if (!p) {
    // a definition that reached here passed checkDefinition, so a syntax error is a programming error
    const left = parseExpression(rule.left);
    const right = parseExpression(rule.right);
    const l = referencedCodes(left);
    const r = referencedCodes(right);
    const cells = [...new Set([...l.current, ...r.current])];
    const refs = cells.length + new Set([...l.previous, ...r.previous]).size;
    p = { left, right, cells, refs };
    parsedRules.set(rule, p);
  }
  return p;
}

/** Per-cell problems in form order. Required cells are checked only for submission (a draft may be partial). */
export function checkCells(def: FormDefinition, values: ReportValues, opts: { forSubmission: boolean }): CellIssue[] {
  const out: CellIssue[] = [];
  for (const cell of cellsFor(def).list) {
    const raw = (values[cell.code] ?? '').trim();
    if (cell.na) {
      if (raw !== '') out.push({ code: cell.code, message: NA_CELL_MESSAGE });
      continue;
    }
    if (raw === '') {
      if (opts.forSubmission && cell.required) out.push({ code: cell.code, message: REQUIRED_CELL_MESSAGE });
      continue;
    }
    const parsed = parseCellValue(cell, raw);
    if (!parsed.ok) out.push({ code: cell.code, message: parsed.message });
  }
  return out;
}

function numericValue(cell: CellRef | undefined, values: ReportValues | null): number | null {
  if (!cell || !values || cell.na || (cell.type !== 'integer' && cell.type !== 'decimal')) return null;
  const raw = values[cell.code];
  if (raw === undefined) return null;
  const parsed = parseCellValue(cell, raw);
  return parsed.ok && typeof parsed.value === 'number' ? parsed.value : null;
}

function lookupFor(def: FormDefinition, values: ReportValues, previous: ReportValues | null): ValueLookup {
  const { byCode } = cellsFor(def);
  // The previous year's report is read through this year's cell specs: codes are stable across versions.
  return {
    current: (code) => numericValue(byCode.get(code), values),
    previous: (code) => numericValue(byCode.get(code), previous),
  };
}

function holds(op: Exclude<RuleDef['operator'], 'both_or_neither'>, a: Rational, b: Rational): boolean {
  const c = compareRational(a, b);
  switch (op) {
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** Whether one rule fails; null when it is skipped (missing values) or cannot be judged. */
function judge(rule: RuleDef, lookup: ValueLookup): { left: EvalResult; right: EvalResult } | null {
  const p = parsedRule(rule);
  if (rule.operator === 'both_or_neither') {
    const left = evaluate(p.left, lookup, { missingAsZero: true });
    const right = evaluate(p.right, lookup, { missingAsZero: true });
    const present = (r: EvalResult): boolean => r.exact !== null && r.exact.n !== 0n;
    return present(left) === present(right) ? null : { left, right };
  }
  if (rule.missing !== 'never_skip') {
    const l = evaluate(p.left, lookup);
    const r = evaluate(p.right, lookup);
    const missing = new Set([...l.missing, ...r.missing]).size;
    if (rule.missing === 'skip_if_any_missing' && missing > 0) return null;
    if (rule.missing === 'skip_if_all_missing' && p.refs > 0 && missing === p.refs) return null;
  }
  const left = evaluate(p.left, lookup, { missingAsZero: true });
  const right = evaluate(p.right, lookup, { missingAsZero: true });
  if (left.exact === null || right.exact === null) return null;
  return holds(rule.operator, left.exact, right.exact) ? null : { left, right };
}

/** The rules that fail, in definition order. */
export function runRules(def: FormDefinition, values: ReportValues, previous: ReportValues | null): RuleResult[] {
  const lookup = lookupFor(def, values, previous);
  const out: RuleResult[] = [];
  for (const rule of def.rules) {
    const failed = judge(rule, lookup);
    if (!failed) continue;
    out.push({
      code: rule.code,
      severity: rule.severity,
      message: rule.message,
      cells: [...parsedRule(rule).cells],
      left: failed.left.value,
      right: failed.right.value,
    });
  }
  return out;
}

export function validateReport(def: FormDefinition, values: ReportValues, previous: ReportValues | null, opts: { forSubmission: boolean }): ReportValidation {
  const cellIssues = checkCells(def, values, opts);
  const failed = runRules(def, values, previous);
  const errors = failed.filter((r) => r.severity === 'blad');
  const warnings = failed.filter((r) => r.severity === 'ostrzezenie');
  return { cellIssues, errors, warnings, canSubmit: cellIssues.length === 0 && errors.length === 0 };
}
