import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRequestNumber, parseRequestNumber } from '../../src/domain/request-number.ts';

test('formats as in the manual', () => {
  assert.equal(formatRequestNumber(4036, 2023), 'U004036/2023');
  assert.equal(formatRequestNumber(573, 2023), 'U000573/2023');
  assert.equal(formatRequestNumber(1, 2026), 'U000001/2026');
  assert.equal(formatRequestNumber(999_999, 2026), 'U999999/2026');
});

test('sequence outside 1..999999 is a RangeError', () => {
  for (const seq of [0, -1, 1_000_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => formatRequestNumber(seq, 2023), RangeError, String(seq));
  }
});

test('year must have four digits', () => {
  for (const year of [999, 10_000, 2023.5]) assert.throws(() => formatRequestNumber(1, year), RangeError, String(year));
});

test('parses valid numbers and round-trips', () => {
  assert.deepEqual(parseRequestNumber('U004036/2023'), { seq: 4036, year: 2023 });
  assert.deepEqual(parseRequestNumber(' U000594/2023 '), { seq: 594, year: 2023 });
  for (const [seq, year] of [
    [1, 2024],
    [123_456, 2025],
    [999_999, 2030],
  ] as const) {
    assert.deepEqual(parseRequestNumber(formatRequestNumber(seq, year)), { seq, year });
  }
});

test('rejects malformed numbers', () => {
  for (const bad of [
    '',
    'U4036/2023',
    'U0004036/2023',
    'u004036/2023',
    'U004036-2023',
    'U004036/23',
    'U000000/2023',
    'X004036/2023',
    'U00403a/2023',
    'U004036/2023/1',
  ]) {
    assert.equal(parseRequestNumber(bad), null, bad);
  }
});
