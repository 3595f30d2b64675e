import assert from 'node:assert/strict';
import { it } from 'node:test';
import { decisionDueAt, isArchivable, isOverdue, polishDay } from '../../src/domain/decision-deadline.ts';

const DAY = 86_400_000;
const at = new Date('2026-11-02T10:00:00Z');

it('the decision is due N days after Zakończ; past it a pending request is overdue, a decided one never', () => {
  assert.equal(decisionDueAt(at, 14).toISOString(), '2026-11-16T10:00:00.000Z');
  const r = { status: 'oczekujacy', submittedAt: at };
  assert.equal(isOverdue(r, new Date(at.getTime() + 14 * DAY), 14), false, 'on the due moment: not yet');
  assert.equal(isOverdue(r, new Date(at.getTime() + 14 * DAY + 1), 14), true);
  assert.equal(isOverdue({ ...r, status: 'zatwierdzony' }, new Date(at.getTime() + 99 * DAY), 14), false);
});

it('archivable: a rejected request at once, a pending one only past the stale days, nothing else', () => {
  const now = new Date(at.getTime() + 90 * DAY);
  assert.equal(isArchivable({ status: 'odrzucony', submittedAt: now }, now, 90), true);
  assert.equal(isArchivable({ status: 'oczekujacy', submittedAt: at }, now, 90), false);
  assert.equal(isArchivable({ status: 'oczekujacy', submittedAt: at }, new Date(now.getTime() + 1), 90), true);
  for (const status of ['zapisany', 'zatwierdzony', 'zarchiwizowany'])
    assert.equal(isArchivable({ status, submittedAt: at }, new Date(at.getTime() + 999 * DAY), 90), false);
});

it('a daily job\u2019s day is the Polish calendar day', () => {
  assert.equal(polishDay(new Date('2026-11-30T22:59:00Z')), '2026-11-30');
  assert.equal(polishDay(new Date('2026-11-30T23:00:00Z')), '2026-12-01', 'midnight in Warsaw (CET)');
  assert.equal(polishDay(new Date('2026-07-01T21:59:00Z')), '2026-07-01');
  assert.equal(polishDay(new Date('2026-07-01T22:00:00Z')), '2026-07-02', 'CEST');
});
