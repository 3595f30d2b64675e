/**
 * Rules of the expression language that the property tests in expression.test.ts do not pin down
 * (found by mutation testing): the exact error texts a definition author reads, whitespace, negative
 * values, the lowest-terms form of exact values, and numbers at the edges of what a double prints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  ExpressionSyntaxError,
  compareRational,
  evaluate,
  parseExpression,
  printExpression,
  ratFromDecimal,
} from '../../../src/domain/reporting/expression.ts';
import type { Expr, ValueLookup } from '../../../src/domain/reporting/expression.ts';

const none: ValueLookup = { current: () => null, previous: () => null };
const ZERO = { n: 0n, d: 1n };

function syntaxError(src: string): ExpressionSyntaxError {
  try {
    parseExpression(src);
  } catch (e) {
    assert.ok(e instanceof ExpressionSyntaxError, `${src}: not an ExpressionSyntaxError`);
    return e;
  }
  assert.fail(`${src}: parsed, expected a syntax error`);
}

test('an uncaught syntax error names itself, the problem, the position and the expression', () => {
  const e = syntaxError('D1.01.1 +');
  assert.equal(e.name, 'ExpressionSyntaxError');
  assert.equal(e.message, 'expected a number, a cell code, sum, prev or \'(\', found end of expression at position 9 in "D1.01.1 +"');
  assert.equal(String(e), `ExpressionSyntaxError: ${e.message}`);
});

test('the error detail says exactly what was expected and what was found', () => {
  const cases: [string, number, string][] = [
    ['(D1.01.1 + 1', 12, "expected ')' to close the parenthesis, found end of expression"],
    ['sum(D1.01.1, D1.01.2', 20, "expected ')' after the arguments of sum, found end of expression"],
    ['sum(D1.01.1 D1.01.2)', 12, "expected ')' after the arguments of sum, found 'D1.01.2'"],
    ['prev(D1.01.1 + 1)', 13, "expected ')' after the cell code of prev, found '+'"],
    // a number is shown as written, not as the value it reads as
    ['prev(007.50)', 5, 'prev() takes one cell code, found number 007.50'],
    ['D1.01.1 2', 8, 'unexpected number 2'],
    ['(D1.01.1 + 1))', 13, "unexpected ')'"],
    ['D1.01.1 * )', 10, "expected a number, a cell code, sum, prev or '(', found ')'"],
    // real cell codes use dots; an underscore is pointed at where it stands
    ['D1_01', 2, "unexpected '_'"],
  ];
  for (const [src, pos, detail] of cases) {
    const e = syntaxError(src);
    assert.equal(e.detail, detail, src);
    assert.equal(e.position, pos, `${src}: position`);
  }
});

test('prev is reserved like sum: not a cell code, not an argument of prev', () => {
  assert.equal(syntaxError('prev + 1').detail, "'prev' must be followed by '('");
  assert.equal(syntaxError('prev + 1').position, 5);
  assert.equal(syntaxError('prev(prev)').detail, "prev() takes one cell code, found 'prev'");
  assert.equal(syntaxError('prev(sum)').detail, "prev() takes one cell code, found 'sum'");
});

test('tabs and line breaks separate tokens like spaces (a long rule may span lines)', () => {
  const oneLine = parseExpression('sum(D1.01.1, D1.01.2) - D0.03 * 2');
  assert.deepEqual(parseExpression('sum(D1.01.1,\tD1.01.2)\n- D0.03\r\n*\t2'), oneLine);
  assert.deepEqual(parseExpression('\r\nsum(\n\tD1.01.1,\n\tD1.01.2\n)\r- D0.03 *\r2\n'), oneLine);
});

test('a negative cell value (a loss, a correction) keeps its sign', () => {
  const lookup: ValueLookup = { current: (c) => ({ 'D1.01.1': -1.5, 'D1.01.2': -3 })[c] ?? null, previous: (c) => (c === 'D1.01.1' ? -0.25 : null) };
  const r = evaluate(parseExpression('D1.01.1 + D1.01.2'), lookup);
  assert.equal(r.value, -4.5);
  assert.deepEqual(r.exact, { n: -9n, d: 2n });
  assert.equal(evaluate(parseExpression('prev(D1.01.1) * 4'), lookup).value, -1);
});

test('exact values are in lowest terms with a positive denominator, so a negative quotient compares below 0', () => {
  assert.deepEqual(evaluate(parseExpression('-6 / 4'), none).exact, { n: -3n, d: 2n });
  assert.deepEqual(evaluate(parseExpression('6 / -4'), none).exact, { n: -3n, d: 2n });
  assert.deepEqual(evaluate(parseExpression('1 - 2.5'), none).exact, { n: -3n, d: 2n });
  assert.deepEqual(evaluate(parseExpression('-6 / -4'), none).exact, { n: 3n, d: 2n });
  const lookup: ValueLookup = { current: (c) => ({ 'D1.01.1': 1, 'D1.01.2': -2 })[c] ?? null, previous: () => null };
  const share = evaluate(parseExpression('D1.01.1 / D1.01.2'), lookup);
  assert.equal(share.value, -0.5);
  assert.equal(compareRational(share.exact!, ZERO), -1);
});

test('a value that is not a finite number is a programming error of the lookup, not a missing value', () => {
  for (const bad of [Infinity, -Infinity, NaN]) {
    const lookup: ValueLookup = { current: () => bad, previous: () => null };
    assert.throws(() => evaluate(parseExpression('D1.01.1 + 1'), lookup), { name: 'RangeError', message: `not a finite number: ${bad}` });
  }
});

test('very small and very large literals print as plain digits and read back as the same number', () => {
  const cases: [string, number][] = [
    ['0.0000000001', 1e-10],
    ['0.00000015', 1.5e-7],
    ['0.0000000000000000000123', 1.23e-20],
    ['1000000000000000000000', 1e21],
    ['123000000000000000000000', 1.23e23],
  ];
  for (const [text, value] of cases) {
    const e = parseExpression(text);
    assert.deepEqual(e, { kind: 'num', value }, text);
    assert.equal(printExpression(e), text);
    // and evaluates to exactly the decimal written
    assert.deepEqual(evaluate(e, none).exact, ratFromDecimal(text), text);
  }
});

test('a literal a double cannot hold is refused, also one below the smallest double', () => {
  for (const text of ['9007199254740993', '0.' + '0'.repeat(323) + '4', '0.' + '0'.repeat(323) + '25']) {
    const e = syntaxError(text);
    assert.equal(e.detail, `the number ${text} has too many digits to be exact`);
    assert.equal(e.position, 0);
  }
  // while the smallest double itself, written out, is exact
  const smallest = '0.' + '0'.repeat(323) + '5';
  assert.deepEqual(parseExpression(smallest), { kind: 'num', value: 5e-324 });
});

test('a number node holds a non-negative finite value: anything else cannot be printed as a literal', () => {
  for (const value of [-1, -0.5, Infinity, NaN]) {
    const e: Expr = { kind: 'num', value };
    assert.throws(() => printExpression(e), { name: 'RangeError', message: `not a literal: ${value}` });
  }
  // a negative number is the unary minus applied to a literal
  assert.equal(printExpression({ kind: 'neg', arg: { kind: 'num', value: 1 } }), '-1');
});

test('ratFromDecimal reads whole decimal literals, with or without a sign or an exponent, and nothing else', () => {
  assert.deepEqual(ratFromDecimal('-12.5'), { n: -25n, d: 2n });
  assert.deepEqual(ratFromDecimal('3'), { n: 3n, d: 1n });
  assert.deepEqual(ratFromDecimal('1e-7'), { n: 1n, d: 10_000_000n });
  assert.deepEqual(ratFromDecimal('1E5'), { n: 100_000n, d: 1n });
  assert.deepEqual(ratFromDecimal('2.5e+12'), { n: 2_500_000_000_000n, d: 1n });
  assert.deepEqual(ratFromDecimal('1.5e-10'), { n: 3n, d: 20_000_000_000n });
  for (const bad of ['', 'abc', '12.5x', 'x12.5', '1.', '.5', '1e', '+1', '1 ', 'NaN', 'Infinity']) {
    assert.equal(ratFromDecimal(bad), null, JSON.stringify(bad));
  }
});
