import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../../src/portal/actor/actor.ts';
import { authorize, can, decide } from '../../src/portal/policies/index.ts';
import type { AppError } from '../../src/lib/errors.ts';

const actor = (o: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  firstName: 'A',
  lastName: 'B',
  email: null,
  login: null,
  profiles: [],
  activeProfiles: [],
  profile: null,
  roles: [],
  permissions: new Set(),
  ...o,
});

describe('policies', () => {
  const mine = { type: 'request' as const, ownerUserId: 'u1', status: 'oczekujacy' as const, profileId: 'p', verifyingUnitId: 'v' };

  it("hides others' objects (404) and denies visible ones the actor may not change (403)", () => {
    assert.equal(decide(actor(), 'request.withdraw', { ...mine, ownerUserId: 'u2' }), 'hide');
    assert.equal(decide(actor(), 'request.withdraw', mine), 'allow');
    assert.equal(decide(actor(), 'request.withdraw', { ...mine, status: 'zapisany' }), 'allow');
    assert.equal(decide(actor(), 'request.withdraw', { ...mine, status: 'zatwierdzony' }), 'deny');
    assert.equal(decide(actor(), 'request.setReminder', { ...mine, status: 'zapisany' }), 'hide');
    assert.throws(
      () => authorize(actor(), 'request.view', { ...mine, ownerUserId: 'u2' }),
      (e: AppError) => e.statusCode === 404,
    );
    assert.throws(
      () => authorize(actor(), 'request.withdraw', { ...mine, status: 'odrzucony' }),
      (e: AppError) => e.statusCode === 403,
    );
    assert.throws(
      () => authorize(actor(), 'request.view', null),
      (e: AppError) => e.statusCode === 404,
    );
  });

  it('works only in an active profile of one’s own', () => {
    const p = { type: 'profile' as const, ownerUserId: 'u1', status: 'aktywny' as const, unitId: 'x' };
    assert.ok(can(actor(), 'profile.work', p));
    for (const status of ['nieaktywowany', 'odrzucony', 'zablokowany'] as const) assert.equal(decide(actor(), 'profile.work', { ...p, status }), 'hide');
    assert.equal(decide(actor(), 'profile.work', { ...p, ownerUserId: 'u2' }), 'hide');
    assert.equal(decide(actor(), 'profile.requestRoles', { ...p, status: 'zablokowany' }), 'deny');
  });

  it('serves only clean files, and changes them only while the submission is open', () => {
    const f = { type: 'attachment' as const, ownerUserId: 'u1', submissionOpen: true, scanStatus: 'clean' as const, deleted: false };
    assert.ok(can(actor(), 'attachment.download', f));
    assert.equal(decide(actor(), 'attachment.download', { ...f, scanStatus: 'pending' }), 'hide');
    assert.equal(decide(actor(), 'attachment.download', { ...f, ownerUserId: 'u2' }), 'hide');
    assert.equal(decide(actor(), 'attachment.delete', { ...f, submissionOpen: false }), 'hide');
    assert.equal(decide(actor(), 'attachment.delete', { ...f, scanStatus: 'infected' }), 'hide');
    assert.equal(decide(actor(), 'submission.attach', { type: 'submission', ownerUserId: 'u1', open: false }), 'hide');
    assert.ok(can(actor(), 'submission.attach', { type: 'submission', ownerUserId: 'u1', open: true }));
    assert.equal(decide(actor(), 'attachment.delete', { ...f, deleted: true }), 'hide');
  });

  it('opens a module only with its permission', () => {
    assert.equal(decide(actor(), 'module.open', { type: 'module', permission: 'UZYTKOWNICY_ZARZADZAJ' }), 'deny');
    assert.ok(can(actor({ permissions: new Set(['UZYTKOWNICY_ZARZADZAJ']) }), 'module.open', { type: 'module', permission: 'UZYTKOWNICY_ZARZADZAJ' }));
  });
});
