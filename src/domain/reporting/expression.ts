/**
 * Rule expressions of statistical forms (RuleDef.left / RuleDef.right): a hand-written parser and an
 * evaluator, no `eval` and no dependency, because the definitions are data and a typo in one must be a
 * clear error at start, not code run on the server.
 *
 * Grammar (whitespace between tokens is free):
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := '-' unary | primary
 *   primary := NUMBER | CODE | '(' expr ')' | 'sum' '(' expr (',' expr)* ')' | 'prev' '(' CODE ')'
 *   NUMBER  := digits ('.' digits)?             (no sign: a minus is the unary operator)
 *   CODE    := letter (letter|digit)* ('.' (letter|digit)+)*     e.g. D1.01.1, D0.03
 * `sum` and `prev` are reserved: they are not cell codes (real cell codes always contain a dot).
 *
 * Arithmetic is exact: every value is a finite decimal (integers, or decimals with at most 4 places),
 * so the evaluator works on rationals of BigInts and a rule compares them exactly. A tolerance was the
 * other option and it is wrong both ways for this data: a relative one (1e-9 × magnitude) hides a
 * 1-grosz difference in a total of billions of złoty, an absolute one (1e-9) reports 0.1 + 0.2 ≠ 0.3
 * once magnitudes reach ~1e7, where a double's step exceeds 1e-9. Exact rationals have neither problem
 * and division (shares, per-bed ratios) stays exact too.
 *
 * Missing values: a cell whose lookup returns null is missing; any operation on a missing value is
 * missing, unless `missingAsZero` (the rule's missing-value strategy decides that, rules.ts).
 * Division by zero makes the result missing as well: a ratio with a zero denominator has no value to
 * compare, so the rule that reads it is not judged (rather than failing with a made-up number).
 */

export type BinaryOp = '+' | '-' | '*' | '/';

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'cell'; code: string }
  | { kind: 'prev'; code: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'sum'; args: Expr[] };

/** A syntax error with the 0-based offset in the source where it was found. */
export class ExpressionSyntaxError extends Error {
  override readonly name = 'ExpressionSyntaxError';
  constructor(
    readonly detail: string,
    readonly position: number,
    readonly source: string,
  ) {
    super(`${detail} at position ${position} in "${source}"`);
  }
}

/** A cell code as an expression reads it; definition-check.ts holds every generated code to it. */
export const CELL_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;

const RESERVED = new Set(['sum', 'prev']);

type Token =
  | { t: 'num'; value: number; pos: number; text: string }
  | { t: 'id'; value: string; pos: number }
  | { t: 'op'; value: '+' | '-' | '*' | '/' | '(' | ')' | ','; pos: number }
  | { t: 'end'; pos: number };

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isAlnum(c: string | undefined): boolean {
  return c !== undefined && /^[A-Za-z0-9]$/.test(c);
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '+' || c === '-' || c === '*' || c === '/' || c === '(' || c === ')' || c === ',') {
      out.push({ t: 'op', value: c, pos: i });
      i++;
      continue;
    }
    if (isDigit(c)) {
      const start = i;
      while (isDigit(src[i])) i++;
      if (src[i] === '.') {
        i++;
        if (!isDigit(src[i])) throw new ExpressionSyntaxError('a decimal point must be followed by digits', i, src);
        while (isDigit(src[i])) i++;
      }
      if (src[i] === '.' || /^[A-Za-z_]$/.test(src[i] ?? '')) {
        throw new ExpressionSyntaxError('a number must not run into a dot or a letter (cell codes start with a letter)', i, src);
      }
      const text = src.slice(start, i);
      const value = Number(text);
      // A literal a double cannot hold exactly would silently change the rule: refuse it.
      if (!sameRational(ratFromNumber(value), ratFromDecimal(text)!)) {
        throw new ExpressionSyntaxError(`the number ${text} has too many digits to be exact`, start, src);
      }
      out.push({ t: 'num', value, pos: start, text });
      continue;
    }
    if (/^[A-Za-z]$/.test(c)) {
      const start = i;
      while (isAlnum(src[i])) i++;
      while (src[i] === '.') {
        i++;
        if (!isAlnum(src[i])) throw new ExpressionSyntaxError('a dot in a cell code must be followed by letters or digits', i, src);
        while (isAlnum(src[i])) i++;
      }
      if (src[i] === '_') throw new ExpressionSyntaxError("unexpected '_'", i, src);
      out.push({ t: 'id', value: src.slice(start, i), pos: start });
      continue;
    }
    throw new ExpressionSyntaxError(`unexpected character '${c}'`, i, src);
  }
  out.push({ t: 'end', pos: src.length });
  return out;
}

function describe(tok: Token): string {
  if (tok.t === 'end') return 'end of expression';
  if (tok.t === 'num') return `number ${tok.text}`;
  return `'${tok.value}'`; // a cell code or an operator, quoted
}

/** Parses a rule expression; throws ExpressionSyntaxError with the position of the problem. */
export function parseExpression(src: string): Expr {
  const toks = tokenize(src);
  let k = 0;
  const peek = (): Token => toks[k]!;
  const next = (): Token => toks[k++]!;
  const isOp = (tok: Token, v: string): boolean => tok.t === 'op' && tok.value === v;
  const expectOp = (v: string, what: string): void => {
    const tok = next();
    if (!isOp(tok, v)) throw new ExpressionSyntaxError(`expected '${v}' ${what}, found ${describe(tok)}`, tok.pos, src);
  };

  function expr(): Expr {
    let left = term();
    for (;;) {
      const tok = peek();
      if (tok.t === 'op' && (tok.value === '+' || tok.value === '-')) {
        next();
        left = { kind: 'bin', op: tok.value, left, right: term() };
      } else return left;
    }
  }
  function term(): Expr {
    let left = unary();
    for (;;) {
      const tok = peek();
      if (tok.t === 'op' && (tok.value === '*' || tok.value === '/')) {
        next();
        left = { kind: 'bin', op: tok.value, left, right: unary() };
      } else return left;
    }
  }
  function unary(): Expr {
    if (isOp(peek(), '-')) {
      next();
      return { kind: 'neg', arg: unary() };
    }
    return primary();
  }
  function primary(): Expr {
    const tok = next();
    if (tok.t === 'num') return { kind: 'num', value: tok.value };
    if (isOp(tok, '(')) {
      const e = expr();
      expectOp(')', 'to close the parenthesis');
      return e;
    }
    if (tok.t === 'id') {
      const called = isOp(peek(), '(');
      if (tok.value === 'sum' && called) {
        next();
        if (isOp(peek(), ')')) throw new ExpressionSyntaxError('sum() needs at least one argument', peek().pos, src);
        const args = [expr()];
        while (isOp(peek(), ',')) {
          next();
          args.push(expr());
        }
        expectOp(')', 'after the arguments of sum');
        return { kind: 'sum', args };
      }
      if (tok.value === 'prev' && called) {
        next();
        const arg = next();
        if (arg.t !== 'id' || RESERVED.has(arg.value)) {
          throw new ExpressionSyntaxError(`prev() takes one cell code, found ${describe(arg)}`, arg.pos, src);
        }
        expectOp(')', 'after the cell code of prev');
        return { kind: 'prev', code: arg.value };
      }
      if (called) throw new ExpressionSyntaxError(`unknown function '${tok.value}' (only sum and prev exist)`, tok.pos, src);
      if (RESERVED.has(tok.value)) throw new ExpressionSyntaxError(`'${tok.value}' must be followed by '('`, peek().pos, src);
      return { kind: 'cell', code: tok.value };
    }
    throw new ExpressionSyntaxError(`expected a number, a cell code, sum, prev or '(', found ${describe(tok)}`, tok.pos, src);
  }

  const e = expr();
  const rest = peek();
  if (rest.t !== 'end') throw new ExpressionSyntaxError(`unexpected ${describe(rest)}`, rest.pos, src);
  return e;
}

/** The codes an expression reads, each once, in order of first appearance. */
export function referencedCodes(expr: Expr): { current: string[]; previous: string[] } {
  const current = new Set<string>();
  const previous = new Set<string>();
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'num':
        return;
      case 'cell':
        current.add(e.code);
        return;
      case 'prev':
        previous.add(e.code);
        return;
      case 'neg':
        walk(e.arg);
        return;
      case 'bin':
        walk(e.left);
        walk(e.right);
        return;
      case 'sum':
        e.args.forEach(walk);
        return;
    }
  };
  walk(expr);
  return { current: [...current], previous: [...previous] };
}

// Precedence levels for printing: 1 additive, 2 multiplicative, 3 unary and primary (no operand ever
// needs more than unary, so a primary and a negation never need parentheses).
function level(e: Expr): number {
  if (e.kind === 'bin') return e.op === '+' || e.op === '-' ? 1 : 2;
  return 3;
}

/**
 * The canonical text of an expression: single spaces around binary operators, `sum(a, b)`, and only
 * the parentheses the tree needs (operators are left-associative, so a right operand of equal
 * precedence is parenthesised). parseExpression(printExpression(e)) deep-equals e.
 */
export function printExpression(e: Expr): string {
  const wrap = (x: Expr, min: number): string => (level(x) >= min ? printExpression(x) : `(${printExpression(x)})`);
  switch (e.kind) {
    case 'num':
      return numberLiteral(e.value);
    case 'cell':
      return e.code;
    case 'prev':
      return `prev(${e.code})`;
    case 'neg':
      return `-${wrap(e.arg, 3)}`;
    case 'bin': {
      const l = level(e);
      return `${wrap(e.left, l)} ${e.op} ${wrap(e.right, l + 1)}`;
    }
    case 'sum':
      return `sum(${e.args.map(printExpression).join(', ')})`;
  }
}

/** A non-negative number as a literal the parser reads back: plain digits, never exponent notation. */
function numberLiteral(v: number): string {
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`not a literal: ${v}`);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v))!;
  if (m[3] === undefined) return m[0];
  // String() uses exponents below 1e-6 and from 1e21 (ECMA-262, Number::toString): shift the decimal
  // point into plain digits. The digits are the shortest that read back, so the last one is never 0.
  const digits = m[1]! + (m[2] ?? '');
  const point = m[1]!.length + Number(m[3]);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  // from 1e21 the point (22 or more) lies beyond the at most 17 significant digits: only zeros follow
  return digits + '0'.repeat(point - digits.length);
}

// ---------------------------------------------------------------------------------------------------
// Exact rationals

/** An exact rational n/d with d > 0, in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function babs(a: bigint): bigint {
  return a < 0n ? -a : a;
}
function gcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function rat(n: bigint, d: bigint): Rational {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d); // at least 1, as d is never 0
  return { n: n / g, d: d / g };
}

/** A decimal literal ("-12.5", "3", "1e-7") as an exact rational; null when it is not one. */
export function ratFromDecimal(s: string): Rational | null {
  const m = /^(-)?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? '';
  let n = BigInt(m[2]! + frac);
  if (m[1]) n = -n;
  const exp = Number(m[4] ?? '0') - frac.length;
  return exp >= 0 ? rat(n * 10n ** BigInt(exp), 1n) : rat(n, 10n ** BigInt(-exp));
}

/**
 * A double as the decimal it was written as: JS prints the shortest decimal that reads back as the same
 * double, so a value parsed from "1234.5678" becomes exactly 12345678/10000, not the binary neighbour.
 */
export function ratFromNumber(v: number): Rational {
  if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
  return ratFromDecimal(String(v))!;
}

export function ratToNumber(r: Rational): number {
  return Number(r.n) / Number(r.d);
}

export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
}

function sameRational(a: Rational, b: Rational): boolean {
  return a.n === b.n && a.d === b.d;
}

const ZERO: Rational = { n: 0n, d: 1n };

// ---------------------------------------------------------------------------------------------------
// Evaluation

export interface ValueLookup {
  /** this report's value of a cell; null when empty (or not a usable number) */
  current(code: string): number | null;
  /** the previous reporting year's value; null when empty or when there is no previous report */
  previous(code: string): number | null;
}

export interface EvalOptions {
  /** an empty cell counts as 0 (the never_skip strategy, and skip_if_all_missing once not skipped) */
  missingAsZero?: boolean;
}

export interface EvalResult {
  /** null when a value it needs is missing or a division by zero occurred */
  value: number | null;
  /** the exact value, for comparisons */
  exact: Rational | null;
  /** the references that were empty: cell codes, and `prev(code)` for previous-year values */
  missing: string[];
  /** the references that had a value, in the same notation */
  present: string[];
  divisionByZero: boolean;
}

export function evaluate(expr: Expr, lookup: ValueLookup, options: EvalOptions = {}): EvalResult {
  const missing = new Set<string>();
  const present = new Set<string>();
  let divisionByZero = false;
  const zeroFill = options.missingAsZero === true;

  const ref = (key: string, v: number | null): Rational | null => {
    if (v === null) {
      missing.add(key);
      return zeroFill ? ZERO : null;
    }
    present.add(key);
    return ratFromNumber(v);
  };

  // Every branch is walked even after a missing value, so `missing`/`present` are complete.
  const ev = (e: Expr): Rational | null => {
    switch (e.kind) {
      case 'num':
        return ratFromNumber(e.value);
      case 'cell':
        return ref(e.code, lookup.current(e.code));
      case 'prev':
        return ref(`prev(${e.code})`, lookup.previous(e.code));
      case 'neg': {
        const a = ev(e.arg);
        return a === null ? null : { n: -a.n, d: a.d };
      }
      case 'sum': {
        const vals = e.args.map(ev);
        let acc: Rational | null = ZERO;
        for (const v of vals) acc = acc === null || v === null ? null : rat(acc.n * v.d + v.n * acc.d, acc.d * v.d);
        return acc;
      }
      case 'bin': {
        const a = ev(e.left);
        const b = ev(e.right);
        if (e.op === '/' && b !== null && b.n === 0n) {
          divisionByZero = true;
          return null;
        }
        if (a === null || b === null) return null;
        switch (e.op) {
          case '+':
            return rat(a.n * b.d + b.n * a.d, a.d * b.d);
          case '-':
            return rat(a.n * b.d - b.n * a.d, a.d * b.d);
          case '*':
            return rat(a.n * b.n, a.d * b.d);
          case '/':
            return rat(a.n * b.d, a.d * b.n);
        }
      }
    }
  };

  const exact = ev(expr);
  return { value: exact === null ? null : ratToNumber(exact), exact, missing: [...missing], present: [...present], divisionByZero };
}
