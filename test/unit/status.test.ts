import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  deriveProfileStatus,
  isProfileStatus,
  isRequestStatus,
  PROFILE_STATUS_LABELS,
  PROFILE_STATUSES,
  REQUEST_STATUS_DISPLAY,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  WITHDRAWN_REASON,
  type RequestStatus,
} from '../../src/domain/status.ts';

const derive = (requestStatuses: RequestStatus[], blocked = false, unitActive = true): string => deriveProfileStatus({ blocked, unitActive, requestStatuses });

test('blocked profile or inactive unit → zablokowany, whatever the requests', () => {
  assert.equal(derive(['zatwierdzony'], true), 'zablokowany');
  assert.equal(derive(['zatwierdzony'], false, false), 'zablokowany');
  assert.equal(derive(['oczekujacy'], true, false), 'zablokowany');
  assert.equal(derive([], true), 'zablokowany');
});

test('any approved request → aktywny', () => {
  assert.equal(derive(['zatwierdzony']), 'aktywny');
  assert.equal(derive(['odrzucony', 'zarchiwizowany', 'oczekujacy', 'zatwierdzony']), 'aktywny');
});

test('pending, or rejected and not archived → nieaktywowany', () => {
  assert.equal(derive(['oczekujacy']), 'nieaktywowany');
  assert.equal(derive(['oczekujacy', 'odrzucony']), 'nieaktywowany');
  assert.equal(derive(['odrzucony']), 'nieaktywowany');
  assert.equal(derive(['odrzucony', 'zarchiwizowany']), 'nieaktywowany');
  assert.equal(derive(['zarchiwizowany', 'oczekujacy']), 'nieaktywowany');
});

test('saved but not finished ("Zapisz wniosek" without "Zakończ") → nieaktywowany, never odrzucony', () => {
  assert.equal(derive(['zapisany']), 'nieaktywowany');
  assert.equal(derive(['zarchiwizowany', 'zapisany']), 'nieaktywowany');
  assert.equal(derive(['zapisany', 'zatwierdzony']), 'aktywny');
});

test('all requests archived → odrzucony', () => {
  assert.equal(derive(['zarchiwizowany']), 'odrzucony');
  assert.equal(derive(['zarchiwizowany', 'zarchiwizowany']), 'odrzucony');
  assert.equal(derive(['odebrany']), 'odrzucony', 'its only role taken back: the profile cannot be worked in');
  assert.equal(derive(['odebrany', 'zatwierdzony']), 'aktywny');
  assert.equal(derive(['odebrany', 'oczekujacy']), 'nieaktywowany');
});

test('no requests at all → nieaktywowany (documented choice)', () => {
  assert.equal(derive([]), 'nieaktywowany');
});

test('Polish labels', () => {
  assert.deepEqual(REQUEST_STATUS_LABELS, {
    zapisany: 'zapisany (niezakończony)',
    oczekujacy: 'oczekujący',
    zatwierdzony: 'zatwierdzony',
    odrzucony: 'odrzucony',
    zarchiwizowany: 'zarchiwizowany',
    odebrany: 'rola odebrana',
  });
  assert.deepEqual(REQUEST_STATUS_DISPLAY, {
    zapisany: 'Zapisany (niezakończony)',
    oczekujacy: 'Oczekujący',
    zatwierdzony: 'Zatwierdzony',
    odrzucony: 'Odrzucony',
    zarchiwizowany: 'Zarchiwizowany',
    odebrany: 'Rola odebrana',
  });
  assert.deepEqual(PROFILE_STATUS_LABELS, {
    aktywny: 'Aktywny',
    nieaktywowany: 'Nieaktywowany',
    odrzucony: 'Odrzucony',
    zablokowany: 'Zablokowany',
  });
  assert.equal(WITHDRAWN_REASON, 'Wycofany przez wnioskującego');
});

test('status guards', () => {
  for (const s of REQUEST_STATUSES) assert.equal(isRequestStatus(s), true);
  for (const s of PROFILE_STATUSES) assert.equal(isProfileStatus(s), true);
  assert.equal(isRequestStatus('oczekujący'), false); // label, not code
  assert.equal(isRequestStatus('aktywny'), false);
  assert.equal(isProfileStatus('zatwierdzony'), false);
});
