import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../../src/portal/actor/actor.ts';
import {
  auditLogScope,
  authorize,
  can,
  decide,
  isCezAdministrator,
  reportScope,
  requestQueueScope,
  unitEditScope,
  usersScope,
} from '../../src/portal/policies/index.ts';
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

    // "Archiwizuj": scoped and refused like a decision (whether the request is archivable now is the service's check)
    for (const status of ['oczekujacy', 'odrzucony'] as const) {
      assert.equal(decide(cez, 'request.archive', { ...toIpin, status }), 'allow');
      assert.equal(decide(uw, 'request.archive', { ...toUw, status }), 'allow');
      assert.equal(decide(uw, 'request.archive', { ...toIpin, status }), 'hide', 'another office\u2019s request');
      assert.equal(decide(staff, 'request.archive', { ...toIpin, status }), 'deny', 'Pracownik CeZ only looks');
      assert.equal(decide(filler, 'request.archive', { ...toUw, status }), 'hide');
      assert.equal(decide(cez, 'request.archive', { ...toUw, status, ownerUserId: 'u1' }), 'deny', 'nobody archives their own request');
      assert.equal(decide(uw, 'request.archive', { ...toUw, status, profileId: 'profile-uw-04' }), 'deny', 'nor one of the profile worked in');
    }
    assert.equal(decide(cez, 'request.archive', { ...toUw, status: 'zapisany' }), 'hide', 'a saved request is not the verifiers\u2019 yet');

    // "Zatwierdź zaznaczone": the managing permission in the requests sub-module (each request is then checked with request.decide)
    const bulk = { type: 'management' as const, submodule: 'requests' as const };
    assert.equal(decide(cez, 'request.bulkApprove', bulk), 'allow');
    assert.equal(decide(uw, 'request.bulkApprove', bulk), 'allow');
    assert.equal(decide(staff, 'request.bulkApprove', bulk), 'deny');
    assert.equal(decide(filler, 'request.bulkApprove', bulk), 'deny');
    assert.equal(decide(actor({ permissions: manage }), 'request.bulkApprove', bulk), 'deny', 'no profile worked in');
  });
  it('units: whoever opens "Jednostki" sees every unit; Administrator CeZ edits and adds anywhere, Administrator UW in its voivodeship, Pracownik CeZ only looks', () => {
    const profile = (kindCode: string, isCentral: boolean, voivodeshipCode: string | null) => ({
      id: `profile-${kindCode}`,
      status: 'aktywny' as const,
      unitId: `unit-${kindCode}`,
      unitName: kindCode,
      kindCode,
      kindName: '',
      voivodeshipCode,
      isCentral,
      isSupervising: !isCentral,
      isReporting: false,
    });
    const manage = new Set(['JEDNOSTKI_ZARZADZAJ', 'JEDNOSTKI_PRZEGLADAJ']);
    const cez = actor({ profile: profile('CeZ', true, '14'), permissions: manage });
    const uw = actor({ profile: profile('UW', false, '04'), permissions: manage });
    const uwNoVoiv = actor({ profile: profile('UW', false, null), permissions: manage });
    const staff = actor({ profile: profile('CeZ', true, '14'), permissions: new Set(['JEDNOSTKI_PRZEGLADAJ', 'UZYTKOWNICY_PRZEGLADAJ']) });
    const ipin = actor({ profile: profile('IPIN', false, '14'), permissions: new Set(['UZYTKOWNICY_ZARZADZAJ', 'UZYTKOWNICY_PRZEGLADAJ']) });
    const noProfile = actor({ permissions: manage });
    const in04 = { type: 'unit' as const, voivodeshipCode: '04' };
    const in22 = { type: 'unit' as const, voivodeshipCode: '22' };
    const nowhere = { type: 'unit' as const, voivodeshipCode: null };

    for (const a of [cez, uw, staff]) for (const u of [in04, in22, nowhere]) assert.equal(decide(a, 'unit.view', u), 'allow');
    for (const a of [ipin, noProfile]) assert.equal(decide(a, 'unit.view', in04), 'deny', 'no "Jednostki" without its permissions or a profile worked in');

    assert.deepEqual(unitEditScope(cez), { kind: 'all' });
    assert.deepEqual(unitEditScope(uw), { kind: 'voivodeship', code: '04' });
    for (const a of [staff, ipin, noProfile, uwNoVoiv]) assert.equal(unitEditScope(a), null);

    for (const u of [in04, in22, nowhere]) assert.equal(decide(cez, 'unit.edit', u), 'allow');
    assert.equal(decide(uw, 'unit.edit', in04), 'allow');
    assert.equal(decide(uw, 'unit.edit', in22), 'deny', 'another voivodeship: seen, not changed (403)');
    assert.equal(decide(uw, 'unit.edit', nowhere), 'deny', 'a unit without a voivodeship is CeZ\u2019s to change');
    assert.equal(decide(uwNoVoiv, 'unit.edit', nowhere), 'deny');
    assert.equal(decide(staff, 'unit.edit', in04), 'deny', 'Pracownik CeZ only looks');
    assert.equal(decide(ipin, 'unit.edit', in04), 'deny');

    assert.equal(decide(cez, 'unit.add', in22), 'allow');
    assert.equal(decide(uw, 'unit.add', nowhere), 'allow', 'may add (somewhere)');
    assert.equal(decide(uw, 'unit.add', in04), 'allow');
    assert.equal(decide(uw, 'unit.add', in22), 'deny');
    assert.equal(decide(uwNoVoiv, 'unit.add', nowhere), 'deny');
    assert.equal(decide(staff, 'unit.add', nowhere), 'deny');
    assert.equal(decide(ipin, 'unit.add', nowhere), 'deny');
    assert.throws(
      () => authorize(uw, 'unit.edit', in22),
      (e: AppError) => e.statusCode === 403,
    );
    assert.throws(
      () => authorize(uw, 'unit.view', null),
      (e: AppError) => e.statusCode === 404,
    );
  });

  it('"Dziennik zdarzeń" and "Raporty": opened by their permissions; CeZ sees everything, another office its own unit', () => {
    const profile = (unitId: string, isCentral: boolean) => ({
      id: `profile-${unitId}`,
      status: 'aktywny' as const,
      unitId,
      unitName: unitId,
      kindCode: isCentral ? 'CeZ' : 'UW',
      kindName: '',
      voivodeshipCode: isCentral ? null : '04',
      isCentral,
      isSupervising: !isCentral,
      isReporting: false,
    });
    const cezAdmin = actor({ profile: profile('cez', true), permissions: new Set(['AUDYT_PRZEGLADAJ', 'RAPORTY_TWORZ', 'UZYTKOWNICY_ZARZADZAJ']) });
    const cezStaff = actor({ profile: profile('cez', true), permissions: new Set(['RAPORTY_TWORZ', 'UZYTKOWNICY_PRZEGLADAJ']) });
    const uw = actor({ profile: profile('uw-04', false), permissions: new Set(['RAPORTY_TWORZ', 'UZYTKOWNICY_ZARZADZAJ']) });
    const uwWithAudit = actor({ profile: profile('uw-04', false), permissions: new Set(['AUDYT_PRZEGLADAJ']) });
    const filler = actor({ profile: profile('podm', false), permissions: new Set(['SPR_NIEFIN_WYPELNIJ']) });
    const noProfile = actor({ permissions: new Set(['AUDYT_PRZEGLADAJ', 'RAPORTY_TWORZ']) });

    const audit = { type: 'management' as const, submodule: 'audit' as const };
    const reports = { type: 'management' as const, submodule: 'reports' as const };
    assert.equal(decide(cezAdmin, 'management.open', audit), 'allow');
    assert.equal(decide(cezStaff, 'management.open', audit), 'deny', 'Pracownik CeZ has no AUDYT_PRZEGLADAJ');
    assert.equal(decide(uw, 'management.open', audit), 'deny');
    assert.equal(decide(noProfile, 'management.open', audit), 'deny', 'no profile worked in');
    for (const a of [cezAdmin, cezStaff, uw]) assert.equal(decide(a, 'management.open', reports), 'allow');
    assert.equal(decide(filler, 'management.open', reports), 'deny');
    assert.equal(decide(noProfile, 'management.open', reports), 'deny');

    assert.deepEqual(auditLogScope(cezAdmin), { kind: 'all' });
    assert.deepEqual(auditLogScope(uwWithAudit), { kind: 'unit', unitId: 'uw-04' });
    assert.equal(auditLogScope(uw), null);
    assert.equal(auditLogScope(noProfile), null);
    assert.deepEqual(reportScope(cezStaff), { kind: 'all' });
    assert.deepEqual(reportScope(uw), { kind: 'unit', unitId: 'uw-04' });
    assert.equal(reportScope(filler), null);
    assert.equal(reportScope(noProfile), null);
  });

  it('scopes "Użytkownicy": CeZ everyone, UW its voivodeship, IPIN/KCPU the roles they verify; Pracownik CeZ only looks; nobody acts on their own profile', () => {
    const profile = (unitId: string, kindCode: string, o: { isCentral?: boolean; voivodeshipCode?: string | null } = {}) => ({
      id: `profile-${unitId}`,
      status: 'aktywny' as const,
      unitId,
      unitName: unitId,
      kindCode,
      kindName: '',
      voivodeshipCode: o.voivodeshipCode === undefined ? '04' : o.voivodeshipCode,
      isCentral: o.isCentral ?? false,
      isSupervising: true,
      isReporting: false,
    });
    const manage = new Set(['UZYTKOWNICY_ZARZADZAJ', 'UZYTKOWNICY_PRZEGLADAJ']);
    const cez = actor({ profile: profile('cez', 'CeZ', { isCentral: true, voivodeshipCode: '14' }), roles: ['ADMIN_CEZ'], permissions: manage });
    const staff = actor({ profile: profile('cez', 'CeZ', { isCentral: true }), roles: ['PRACOWNIK_CEZ'], permissions: new Set(['UZYTKOWNICY_PRZEGLADAJ']) });
    const uw = actor({ profile: profile('uw-04', 'UW'), roles: ['ADMIN_UW'], permissions: manage });
    const ipin = actor({ profile: profile('ipin', 'IPIN', { voivodeshipCode: '14' }), roles: ['ADMIN_IPIN'], permissions: manage });
    const filler = actor({ profile: profile('podm', 'PODM'), roles: ['WYP_NIEFIN'], permissions: new Set(['SPR_NIEFIN_WYPELNIJ']) });

    const inKp = {
      type: 'managedProfile' as const,
      ownerUserId: 'someone',
      profileId: 'p-kp',
      unitIsOffice: false,
      unitVoivodeshipCode: '04',
      verifyingUnitIds: ['uw-04', 'ipin'],
    };
    const inPomorskie = { ...inKp, profileId: 'p-pom', unitVoivodeshipCode: '22', verifyingUnitIds: ['uw-22'] };
    const atCez = { ...inKp, profileId: 'p-cez', unitIsOffice: true, unitVoivodeshipCode: '04', verifyingUnitIds: ['cez'] };
    const uwColleague = { ...inKp, profileId: 'p-uw', unitIsOffice: true, verifyingUnitIds: ['cez'] };

    assert.deepEqual(usersScope(cez), { kind: 'all' });
    assert.deepEqual(usersScope(staff), { kind: 'all' });
    assert.deepEqual(usersScope(uw), { kind: 'voivodeship', code: '04' });
    assert.deepEqual(usersScope(ipin), { kind: 'verifier', unitId: 'ipin' });
    assert.equal(usersScope(filler), null);
    assert.equal(usersScope(actor({ permissions: manage })), null, 'no profile worked in, no scope');

    // seeing
    for (const p of [inKp, inPomorskie, atCez]) assert.equal(decide(cez, 'managedProfile.review', p), 'allow');
    assert.equal(decide(uw, 'managedProfile.review', inKp), 'allow');
    assert.equal(decide(uw, 'managedProfile.review', inPomorskie), 'hide', 'another voivodeship: not found');
    assert.equal(decide(uw, 'managedProfile.review', atCez), 'hide', 'the central unit is not a voivodeship’s business');
    assert.equal(decide(uw, 'managedProfile.review', uwColleague), 'hide', 'nor are the verifying offices in it (their administrators are CeZ’s)');
    assert.equal(decide(uw, 'managedProfile.block', uwColleague), 'hide');
    assert.equal(decide(cez, 'managedProfile.block', uwColleague), 'allow');
    assert.equal(decide(ipin, 'managedProfile.review', inKp), 'allow', 'holds a role IPIN verifies');
    assert.equal(decide(ipin, 'managedProfile.review', inPomorskie), 'hide');
    assert.equal(decide(filler, 'managedProfile.review', inKp), 'hide');
    const user = { type: 'managedUser' as const, userId: 'someone', profiles: [inPomorskie, atCez] };
    assert.equal(decide(uw, 'user.review', user), 'hide');
    assert.equal(decide(uw, 'user.review', { ...user, profiles: [inPomorskie, inKp] }), 'allow');
    assert.equal(decide(staff, 'user.review', user), 'allow');

    // acting
    for (const action of ['managedProfile.block', 'managedProfile.unblock'] as const) {
      assert.equal(decide(cez, action, inPomorskie), 'allow');
      assert.equal(decide(uw, action, inKp), 'allow');
      assert.equal(decide(uw, action, inPomorskie), 'hide');
      assert.equal(decide(staff, action, inKp), 'deny', 'Pracownik CeZ only looks');
      assert.equal(decide(ipin, action, inKp), 'deny', 'IPIN takes back the roles it verified, it does not block whole profiles');
      assert.equal(decide(cez, action, { ...inKp, ownerUserId: 'u1' }), 'deny', 'not a profile of one’s own');
      assert.equal(decide(cez, action, { ...inKp, profileId: 'profile-cez' }), 'deny', 'not the profile worked in');
    }
    const role = (verifyingUnitId: string, p = inKp) => ({ type: 'grantedRole' as const, profile: p, verifyingUnitId });
    assert.equal(decide(cez, 'grantedRole.revoke', role('uw-04')), 'allow');
    assert.equal(decide(uw, 'grantedRole.revoke', role('cez')), 'allow', 'UW acts on the whole profile in its voivodeship');
    assert.equal(decide(ipin, 'grantedRole.revoke', role('ipin')), 'allow');
    assert.equal(decide(ipin, 'grantedRole.revoke', role('uw-04')), 'deny', 'a role IPIN did not verify');
    assert.equal(decide(uw, 'grantedRole.revoke', role('uw-22', inPomorskie)), 'hide');
    assert.equal(decide(staff, 'grantedRole.revoke', role('uw-04')), 'deny');
    assert.equal(decide(cez, 'grantedRole.revoke', role('uw-04', { ...inKp, ownerUserId: 'u1' })), 'deny');
    assert.equal(decide(filler, 'grantedRole.revoke', role('uw-04')), 'hide');

    // PESEL unmasked only for Administrator CeZ
    assert.equal(isCezAdministrator(cez), true);
    assert.equal(isCezAdministrator(staff), false);
    assert.equal(isCezAdministrator(uw), false);
    assert.equal(isCezAdministrator(actor({ roles: ['ADMIN_CEZ'], permissions: manage })), false, 'no profile worked in');
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
