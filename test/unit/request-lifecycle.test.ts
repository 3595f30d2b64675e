import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canTransition, findTransition, REQUEST_TRANSITIONS } from '../../src/domain/request-lifecycle.ts';
import { REQUEST_STATUSES, type RequestStatus } from '../../src/domain/status.ts';

describe('the request transition table', () => {
  const allowed: [RequestStatus | null, RequestStatus][] = [
    [null, 'zapisany'],
    [null, 'zatwierdzony'],
    ['zapisany', 'oczekujacy'],
    ['zapisany', 'odrzucony'],
    ['oczekujacy', 'zatwierdzony'],
    ['oczekujacy', 'odrzucony'],
    ['oczekujacy', 'zarchiwizowany'],
    ['odrzucony', 'zarchiwizowany'],
    ['zatwierdzony', 'odebrany'],
  ];

  it('allows exactly the moves of the manual and domain rules', () => {
    for (const from of [null, ...REQUEST_STATUSES]) {
      for (const to of REQUEST_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        assert.equal(canTransition(from, to), expected, `${from} → ${to}`);
      }
    }
  });

  it('never leaves an approved or archived request by itself, and nothing starts as pending', () => {
    assert.equal(canTransition('zatwierdzony', 'oczekujacy'), false);
    assert.equal(canTransition('zarchiwizowany', 'odrzucony'), false);
    assert.equal(canTransition(null, 'oczekujacy'), false, '"Zakończ" is what makes a request pending');
    assert.equal(canTransition('odebrany', 'zatwierdzony'), false, 'a role taken back comes back only through a new request');
  });

  it('names withdrawal and rejection apart (same move, two events)', () => {
    assert.equal(findTransition('oczekujacy', 'odrzucony', 'withdrawn')?.event, 'withdrawn');
    assert.equal(findTransition('oczekujacy', 'odrzucony', 'rejected')?.event, 'rejected');
    assert.equal(findTransition('zapisany', 'odrzucony', 'rejected'), null, 'a saved request is not with a verifier yet');
    assert.ok(REQUEST_TRANSITIONS.every((t) => t.event.length > 0));
  });
});
