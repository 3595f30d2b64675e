import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../../src/portal/actor/actor.ts';
import { authorize, can, decide, requestQueueScope } from '../../src/portal/policies/index.ts';
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

  it('scopes the verifiers\u2019 queue by the profile worked in: CeZ all, another office its own unit; nobody decides their own request', () => {
    const profile = (unitId: string, isCentral: boolean) => ({
      id: `profile-${unitId}`,
      status: 'aktywny' as const,
      unitId,
      unitName: unitId,
      kindCode: isCentral ? 'CeZ' : 'UW',
      kindName: '',
      voivodeshipCode: '04',
      isCentral,
      isSupervising: !isCentral,
      isReporting: false,
    });
    const manage = new Set(['UZYTKOWNICY_ZARZADZAJ', 'UZYTKOWNICY_PRZEGLADAJ']);
    const cez = actor({ profile: profile('cez', true), permissions: manage });
    const uw = actor({ profile: profile('uw-04', false), permissions: manage });
    const staff = actor({ profile: profile('cez', true), permissions: new Set(['UZYTKOWNICY_PRZEGLADAJ']) });
    const filler = actor({ profile: profile('podm', false), permissions: new Set(['SPR_NIEFIN_WYPELNIJ']) });
    const toUw = { ...mine, ownerUserId: 'applicant', verifyingUnitId: 'uw-04' };
    const toIpin = { ...toUw, verifyingUnitId: 'ipin' };

    assert.deepEqual(requestQueueScope(cez), { kind: 'all' });
    assert.deepEqual(requestQueueScope(uw), { kind: 'unit', unitId: 'uw-04' });
    assert.equal(requestQueueScope(filler), null);
    assert.equal(requestQueueScope(actor({ permissions: manage })), null, 'no profile worked in, no queue');

    assert.equal(decide(cez, 'request.decide', toIpin), 'allow');
    assert.equal(decide(uw, 'request.decide', toUw), 'allow');
    assert.equal(decide(uw, 'request.review', toIpin), 'hide');
    assert.equal(decide(uw, 'request.decide', toIpin), 'hide');
    assert.equal(decide(staff, 'request.review', toIpin), 'allow');
    assert.equal(decide(staff, 'request.decide', toIpin), 'deny', 'Pracownik CeZ only looks');
    assert.equal(decide(filler, 'request.review', toUw), 'hide');
    assert.equal(decide(filler, 'management.open', { type: 'management' }), 'deny');
    assert.equal(decide(cez, 'request.review', { ...toUw, status: 'zapisany' }), 'hide', 'a saved request is not pending yet');
    // own user (any of their profiles), or the profile worked in now
    assert.equal(decide(cez, 'request.decide', { ...toUw, ownerUserId: 'u1' }), 'deny');
    assert.equal(decide(cez, 'request.decide', { ...toUw, profileId: 'profile-cez' }), 'deny');
    assert.equal(decide(cez, 'request.review', { ...toUw, ownerUserId: 'u1' }), 'allow', 'one\u2019s own request can be looked at');
  });

  it('Słowniki: only SLOWNIKI_ZARZADZAJ in the profile worked in; Komunikaty: only KOMUNIKATY_ZARZADZAJ, a withdrawn one is read-only', () => {
    const p = {
      id: 'p',
      status: 'aktywny' as const,
      unitId: 'cez',
      unitName: 'CeZ',
      kindCode: 'CeZ',
      kindName: 'CeZ',
      voivodeshipCode: null,
      isCentral: true,
      isSupervising: false,
      isReporting: false,
    };
    const cezAdmin = actor({ profile: p, permissions: new Set(['SLOWNIKI_ZARZADZAJ', 'KOMUNIKATY_ZARZADZAJ', 'UZYTKOWNICY_ZARZADZAJ']) });
    const dictOnly = actor({ profile: p, permissions: new Set(['SLOWNIKI_ZARZADZAJ']) });
    const usersOnly = actor({ profile: p, permissions: new Set(['UZYTKOWNICY_ZARZADZAJ']) });
    const noProfile = actor({ permissions: new Set(['SLOWNIKI_ZARZADZAJ', 'KOMUNIKATY_ZARZADZAJ']) });
    const dict = { type: 'dictionary' as const };
    const all = { type: 'announcements' as const };
    const live = { type: 'announcement' as const, withdrawn: false };
    const gone = { type: 'announcement' as const, withdrawn: true };
    for (const action of ['dictionary.view', 'dictionary.edit'] as const) {
      assert.equal(decide(cezAdmin, action, dict), 'allow');
      assert.equal(decide(dictOnly, action, dict), 'allow');
      assert.equal(decide(usersOnly, action, dict), 'deny');
      assert.equal(decide(noProfile, action, dict), 'deny', 'no profile worked in, no dictionaries');
    }
    for (const action of ['announcement.list', 'announcement.create'] as const) {
      assert.equal(decide(cezAdmin, action, all), 'allow');
      assert.equal(decide(dictOnly, action, all), 'deny');
      assert.equal(decide(noProfile, action, all), 'deny');
    }
    assert.equal(decide(cezAdmin, 'announcement.view', gone), 'allow');
    assert.equal(decide(usersOnly, 'announcement.view', live), 'deny');
    for (const action of ['announcement.edit', 'announcement.withdraw'] as const) {
      assert.equal(decide(cezAdmin, action, live), 'allow');
      assert.equal(decide(cezAdmin, action, gone), 'deny', 'a withdrawn announcement changes no more');
      assert.equal(decide(dictOnly, action, live), 'deny');
    }
    assert.equal(can(cezAdmin, 'management.open', { type: 'management', submodule: 'dictionaries' }), true);
    assert.equal(can(usersOnly, 'management.open', { type: 'management', submodule: 'announcements' }), false);
  });
});
