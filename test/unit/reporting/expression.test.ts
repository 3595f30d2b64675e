import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';

import { ExpressionSyntaxError, evaluate, parseExpression, printExpression, referencedCodes } from '../../../src/domain/reporting/expression.ts';
import type { Expr, ValueLookup } from '../../../src/domain/reporting/expression.ts';

const CODES = ['D1.01.1', 'D1.01.2', 'D1.02.1', 'D0.03', 'X9', 'a.B.c1'] as const;

// Numbers as the forms have them: integers, or decimals with at most 4 places (k / 10^4).
const numberArb = fc.oneof(
  fc.nat({ max: 100_000 }),
  fc.integer({ min: 0, max: 100_000_000 }).map((k) => k / 10_000),
);
const codeArb = fc.constantFrom(...CODES);

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberArb.map((value): Expr => ({ kind: 'num', value })),
    codeArb.map((code): Expr => ({ kind: 'cell', code })),
    codeArb.map((code): Expr => ({ kind: 'prev', code })),
    tie('expr').map((arg): Expr => ({ kind: 'neg', arg })),
    fc
      .record({ op: fc.constantFrom<'+' | '-' | '*' | '/'>('+', '-', '*', '/'), left: tie('expr'), right: tie('expr') })
      .map((b): Expr => ({ kind: 'bin', ...b })),
    fc.array(tie('expr'), { minLength: 1, maxLength: 4 }).map((args): Expr => ({ kind: 'sum', args })),
  ),
})).expr;

type Values = Record<string, number | null>;
const valuesArb: fc.Arbitrary<{ cur: Values; prev: Values }> = fc.record({
  cur: fc.record(Object.fromEntries(CODES.map((c) => [c, fc.option(numberArb, { freq: 4 })])) as Record<string, fc.Arbitrary<number | null>>),
  prev: fc.record(Object.fromEntries(CODES.map((c) => [c, fc.option(numberArb, { freq: 4 })])) as Record<string, fc.Arbitrary<number | null>>),
});
const lookupOf = (v: { cur: Values; prev: Values }): ValueLookup => ({ current: (c) => v.cur[c] ?? null, previous: (c) => v.prev[c] ?? null });

// Reference arithmetic: unreduced fractions of BigInts, built from the same decimal values scaled by 10^4,
// written independently of the evaluator (no gcd, no shared helpers).
type Frac = { n: bigint; d: bigint };
const SCALE = 10_000n;
const frac = (v: number): Frac => ({ n: BigInt(Math.round(v * 10_000)), d: SCALE });
function reference(e: Expr, v: { cur: Values; prev: Values }): Frac | null {
  switch (e.kind) {
    case 'num':
      return frac(e.value);
    case 'cell': {
      const x = v.cur[e.code];
      return x === null || x === undefined ? null : frac(x);
    }
    case 'prev': {
      const x = v.prev[e.code];
      return x === null || x === undefined ? null : frac(x);
    }
    case 'neg': {
      const a = reference(e.arg, v);
      return a && { n: -a.n, d: a.d };
    }
    case 'sum': {
      const parts = e.args.map((a) => reference(a, v));
      if (parts.some((p) => p === null)) return null;
      return (parts as Frac[]).reduce((a, b) => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d }));
    }
    case 'bin': {
      const a = reference(e.left, v);
      const b = reference(e.right, v);
      if (!a || !b) return null;
      if (e.op === '+') return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
      if (e.op === '-') return { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
      if (e.op === '*') return { n: a.n * b.n, d: a.d * b.d };
      if (b.n === 0n) return null;
      return b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };
    }
  }
}

test('parse(print(e)) deep-equals e for random expressions', () => {
  fc.assert(
    fc.property(exprArb, (e) => {
      assert.deepEqual(parseExpression(printExpression(e)), e);
    }),
    { numRuns: 500 },
  );
});

test('printing is canonical: extra spaces and redundant parentheses disappear', () => {
  assert.equal(printExpression(parseExpression('  ( D1.01.1 )+D1.02.1*2 ')), 'D1.01.1 + D1.02.1 * 2');
  assert.equal(printExpression(parseExpression('(a.1 - b.1) - c.1')), 'a.1 - b.1 - c.1');
  assert.equal(printExpression(parseExpression('a.1 - (b.1 - c.1)')), 'a.1 - (b.1 - c.1)');
  assert.equal(printExpression(parseExpression('a.1 / (b.1 * c.1)')), 'a.1 / (b.1 * c.1)');
  assert.equal(printExpression(parseExpression('-(a.1*b.1)')), '-(a.1 * b.1)');
  assert.equal(printExpression(parseExpression('- - a.1')), '--a.1');
  assert.equal(printExpression(parseExpression('sum( a.1 ,b.1,prev( c.1 ) )')), 'sum(a.1, b.1, prev(c.1))');
  assert.equal(printExpression(parseExpression('007.50')), '7.5');
  assert.equal(printExpression(parseExpression('0.0000001')), '0.0000001');
});

test('precedence and associativity: * and / bind tighter, all binary operators are left-associative', () => {
  assert.deepEqual(parseExpression('1 + 2 * 3'), {
    kind: 'bin',
    op: '+',
    left: { kind: 'num', value: 1 },
    right: { kind: 'bin', op: '*', left: { kind: 'num', value: 2 }, right: { kind: 'num', value: 3 } },
  });
  const none: ValueLookup = { current: () => null, previous: () => null };
  assert.equal(evaluate(parseExpression('8 - 3 - 2'), none).value, 3);
  assert.equal(evaluate(parseExpression('8 / 4 / 2'), none).value, 1);
  assert.equal(evaluate(parseExpression('-2 * 3 + 10'), none).value, 4);
  assert.equal(evaluate(parseExpression('-(2 + 3)'), none).value, -5);
});

test('syntax errors are typed and carry the position', () => {
  const cases: [string, number, RegExp][] = [
    ['D1.01.1 +', 9, /expected a number/],
    ['(D1.01.1', 8, /expected '\)'/],
    ['D1.01.1 D1.02.1', 8, /unexpected 'D1.02.1'/],
    ['1..2', 2, /decimal point/],
    ['1.2.3', 3, /dot or a letter/],
    ['2D1', 1, /dot or a letter/],
    ['D1.', 3, /dot in a cell code/],
    ['sum()', 4, /at least one argument/],
    ['prev(1)', 5, /prev\(\) takes one cell code/],
    ['prev(D1.01.1 + 1)', 13, /expected '\)'/],
    ['max(D1.01.1)', 0, /unknown function 'max'/],
    ['sum + 1', 4, /must be followed by '\('/],
    ['D1.01.1 # 2', 8, /unexpected character '#'/],
    ['', 0, /found end of expression/],
    ['12345678901234567890', 0, /too many digits/],
  ];
  for (const [src, pos, msg] of cases) {
    assert.throws(
      () => parseExpression(src),
      (e: unknown) => {
        assert.ok(e instanceof ExpressionSyntaxError, `${src}: not an ExpressionSyntaxError`);
        assert.equal(e.position, pos, `${src}: position`);
        assert.match(e.detail, msg, src);
        return true;
      },
    );
  }
});

test('referencedCodes lists current and previous-year codes once each, in order', () => {
  const e = parseExpression('D1.02.1 + sum(D1.01.1, prev(D1.01.1), D1.02.1) - prev(D0.03) * prev(D1.01.1)');
  assert.deepEqual(referencedCodes(e), { current: ['D1.02.1', 'D1.01.1'], previous: ['D1.01.1', 'D0.03'] });
});

test('the evaluator equals an independent exact computation on random values', () => {
  fc.assert(
    fc.property(exprArb, valuesArb, (e, v) => {
      const got = evaluate(e, lookupOf(v));
      const want = reference(e, v);
      if (want === null) {
        assert.equal(got.value, null);
        assert.equal(got.exact, null);
        return;
      }
      assert.ok(got.exact !== null, `expected a value for ${printExpression(e)}`);
      assert.equal(got.exact.n * want.d, want.n * got.exact.d, printExpression(e));
      assert.ok(Math.abs(got.value! - Number(want.n) / Number(want.d)) <= 1e-9 * Math.max(1, Math.abs(got.value!)));
    }),
    { numRuns: 500 },
  );
});

test('sum(a, b, …) equals folding + over its arguments', () => {
  fc.assert(
    fc.property(fc.array(exprArb, { minLength: 1, maxLength: 5 }), valuesArb, fc.boolean(), (args, v, zero) => {
      const folded = args.slice(1).reduce<Expr>((acc, a) => ({ kind: 'bin', op: '+', left: acc, right: a }), args[0]!);
      const s = evaluate({ kind: 'sum', args }, lookupOf(v), { missingAsZero: zero });
      const f = evaluate(folded, lookupOf(v), { missingAsZero: zero });
      assert.deepEqual(s, f);
    }),
    { numRuns: 300 },
  );
});

test('a missing value makes the result missing; missing and present together are every reference', () => {
  fc.assert(
    fc.property(exprArb, valuesArb, (e, v) => {
      const r = evaluate(e, lookupOf(v));
      const refs = referencedCodes(e);
      const all = [...refs.current, ...refs.previous.map((c) => `prev(${c})`)].sort();
      assert.deepEqual([...r.missing, ...r.present].sort(), all);
      for (const c of refs.current) assert.ok(v.cur[c] === null ? r.missing.includes(c) : r.present.includes(c));
      for (const c of refs.previous) assert.ok(v.prev[c] === null ? r.missing.includes(`prev(${c})`) : r.present.includes(`prev(${c})`));
      if (r.missing.length > 0) assert.equal(r.value, null);
    }),
    { numRuns: 300 },
  );
});

test('missingAsZero evaluates as if every empty cell held 0', () => {
  fc.assert(
    fc.property(exprArb, valuesArb, (e, v) => {
      const zeroed = {
        cur: Object.fromEntries(Object.entries(v.cur).map(([k, x]) => [k, x ?? 0])),
        prev: Object.fromEntries(Object.entries(v.prev).map(([k, x]) => [k, x ?? 0])),
      };
      const a = evaluate(e, lookupOf(v), { missingAsZero: true });
      const b = evaluate(e, lookupOf(zeroed));
      assert.deepEqual(a.exact, b.exact);
      assert.equal(a.divisionByZero, b.divisionByZero);
    }),
    { numRuns: 300 },
  );
});

test('division by zero is missing, not Infinity', () => {
  const lookup: ValueLookup = { current: (c) => ({ 'D1.01.1': 5, 'D1.01.2': 0 })[c] ?? null, previous: () => null };
  const r = evaluate(parseExpression('D1.01.1 / D1.01.2'), lookup);
  assert.equal(r.value, null);
  assert.equal(r.divisionByZero, true);
  assert.deepEqual(r.missing, []);
  const ok = evaluate(parseExpression('D1.01.2 / D1.01.1'), lookup);
  assert.equal(ok.value, 0);
  assert.equal(ok.divisionByZero, false);
});

test('arithmetic is exact where doubles are not', () => {
  const none: ValueLookup = { current: () => null, previous: () => null };
  const r = evaluate(parseExpression('0.1 + 0.2 - 0.3'), none);
  assert.deepEqual(r.exact, { n: 0n, d: 1n });
  const big = evaluate(parseExpression('12345678901.01 + 0.02 - 12345678901.03'), none);
  assert.deepEqual(big.exact, { n: 0n, d: 1n });
  const third = evaluate(parseExpression('1 / 3 * 3'), none);
  assert.deepEqual(third.exact, { n: 1n, d: 1n });
  assert.equal(evaluate(parseExpression('1 / 3'), none).value, 1 / 3);
});
