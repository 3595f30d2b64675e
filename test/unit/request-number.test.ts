import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRequestNumber, parseRequestNumber, requestYear } from '../../src/domain/request-number.ts';

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
  assert.throws(() => formatRequestNumber(0, 2023), /out of range 1\.\.999999: 0/, 'the error names the value');
});

test('year must have four digits', () => {
  for (const year of [999, 10_000, 2023.5]) assert.throws(() => formatRequestNumber(1, year), RangeError, String(year));
  assert.throws(() => formatRequestNumber(1, 999), /four digits: 999/, 'the error names the value');
  // the first and the last four-digit year are four digits
  assert.equal(formatRequestNumber(1, 1000), 'U000001/1000');
  assert.equal(formatRequestNumber(1, 9999), 'U000001/9999');
  assert.deepEqual(parseRequestNumber('U000001/1000'), { seq: 1, year: 1000 });
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
    'XU004036/2023',
    'Nr U004036/2023',
    'U000001/0999',
  ]) {
    assert.equal(parseRequestNumber(bad), null, bad);
  }
});

test('the year of a request number is the year in Poland, not in UTC', () => {
  assert.equal(requestYear(new Date('2025-12-31T22:59:59Z')), 2025, '23:59:59 in Warsaw (UTC+1)');
  assert.equal(requestYear(new Date('2025-12-31T23:00:00Z')), 2026, 'midnight in Warsaw');
  assert.equal(requestYear(new Date('2026-01-01T00:00:00+01:00')), 2026);
  assert.equal(requestYear(new Date('2026-07-15T12:00:00Z')), 2026);
});
