import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextWarsawDay, parseWarsawDateTime, toWarsawInput } from '../../src/lib/warsaw-time.ts';

describe('Warsaw time (announcement windows)', () => {
  it('reads "RRRR-MM-DD GG:MM" and "RRRR-MM-DD" as Polish local time, winter and summer', () => {
    assert.equal(parseWarsawDateTime('2026-12-01 08:00')?.at.toISOString(), '2026-12-01T07:00:00.000Z');
    assert.equal(parseWarsawDateTime('2026-07-01T08:30')?.at.toISOString(), '2026-07-01T06:30:00.000Z');
    const d = parseWarsawDateTime('2026-07-01');
    assert.equal(d?.dateOnly, true);
    assert.equal(d?.at.toISOString(), '2026-06-30T22:00:00.000Z');
  });

  it('refuses dates and times that do not exist or are not in the format', () => {
    for (const s of ['2026-02-30', '2026-13-01', '2026-12-01 24:00', '2026-12-01 08:60', '01.12.2026', 'jutro', '', '1999-01-01']) {
      assert.equal(parseWarsawDateTime(s), null, s);
    }
  });

  it('the end of a day is the start of the next Warsaw day, across the clock changes', () => {
    assert.equal(nextWarsawDay(parseWarsawDateTime('2026-03-28')!.at).toISOString(), '2026-03-28T23:00:00.000Z');
    assert.equal(nextWarsawDay(parseWarsawDateTime('2026-03-29')!.at).toISOString(), '2026-03-29T22:00:00.000Z');
    assert.equal(nextWarsawDay(parseWarsawDateTime('2026-10-25')!.at).toISOString(), '2026-10-25T23:00:00.000Z');
  });

  it('shows an instant as the form value, and reads it back to the same minute', () => {
    const at = new Date('2026-11-30T15:04:00Z');
    assert.equal(toWarsawInput(at), '2026-11-30 16:04');
    assert.equal(parseWarsawDateTime(toWarsawInput(at))?.at.toISOString(), at.toISOString());
  });
});
