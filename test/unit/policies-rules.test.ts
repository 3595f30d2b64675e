import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLE_PERMISSIONS, type ReportArea } from '../../src/domain/reference-data.ts';
import type { Actor, ActorProfile } from '../../src/portal/actor/actor.ts';
import { actingLevelOf, decide, hasManagement, reportListScope, type ReportSubject } from '../../src/portal/policies/index.ts';

/**
 * Rules of the policy layer that the role matrices (policies.test.ts, reporting/report-policy.test.ts)
 * left unstated; each was found by mutation testing (docs/security.md, "Mutation testing").
 */

const profile = (unitId: string, o: Partial<ActorProfile> = {}): ActorProfile => ({
  id: `profile-${unitId}`,
  status: 'aktywny',
  unitId,
  unitName: unitId,
  kindCode: 'PODM',
  kindName: 'Podmiot leczniczy',
  voivodeshipCode: '04',
  isCentral: false,
  isSupervising: false,
  isReporting: true,
  ...o,
});
const central = () => profile('cez', { kindCode: 'CEZ', voivodeshipCode: '14', isCentral: true, isSupervising: true, isReporting: false });

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
/** An actor in `p` with the roles' permissions from the shipped role → permission map. */
const withRoles = (p: ActorProfile, roles: string[]): Actor =>
  actor({ userId: `user-${roles.join('-')}`, profile: p, roles, permissions: new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? [])) });

describe('policies: the applicant’s own objects', () => {
  const request = { type: 'request' as const, ownerUserId: 'u1', status: 'oczekujacy' as const, profileId: 'p', verifyingUnitId: 'v' };

  it('a profile of one’s own that is not blocked takes new role requests; another user’s profile does not exist', () => {
    const p = { type: 'profile' as const, ownerUserId: 'u1', status: 'aktywny' as const, unitId: 'x' };
    assert.equal(decide(actor(), 'profile.requestRoles', p), 'allow');
    assert.equal(decide(actor(), 'profile.requestRoles', { ...p, status: 'nieaktywowany' }), 'allow');
    assert.equal(decide(actor(), 'profile.requestRoles', { ...p, ownerUserId: 'u2' }), 'hide');
    assert.equal(decide(actor(), 'profile.requestRoles', { ...p, ownerUserId: 'u2', status: 'zablokowany' }), 'hide');
  });

  it('the reminder opt-out exists on one’s own pending request only', () => {
    assert.equal(decide(actor(), 'request.setReminder', request), 'allow');
    assert.equal(decide(actor(), 'request.setReminder', { ...request, ownerUserId: 'u2' }), 'hide', 'another user’s pending request');
    for (const status of ['zatwierdzony', 'odrzucony', 'zarchiwizowany', 'odebrany'] as const)
      assert.equal(decide(actor(), 'request.setReminder', { ...request, status }), 'hide');
  });

  it('files of another user’s submission are neither attached nor deleted, however open it is', () => {
    assert.equal(decide(actor(), 'submission.attach', { type: 'submission', ownerUserId: 'u2', open: true }), 'hide');
    const f = { type: 'attachment' as const, ownerUserId: 'u1', submissionOpen: true, scanStatus: 'clean' as const, deleted: false };
    assert.equal(decide(actor(), 'attachment.delete', f), 'allow');
    assert.equal(decide(actor(), 'attachment.delete', { ...f, scanStatus: 'pending' }), 'allow', 'a file not scanned yet can be taken back');
    assert.equal(decide(actor(), 'attachment.delete', { ...f, ownerUserId: 'u2' }), 'hide');
  });
});

describe('policies: management', () => {
  it('"Zarządzanie" as a whole opens with any sub-module’s permission, in a profile worked in only', () => {
    const whole = { type: 'management' as const };
    for (const permission of ['UZYTKOWNICY_PRZEGLADAJ', 'JEDNOSTKI_PRZEGLADAJ', 'AUDYT_PRZEGLADAJ', 'SLOWNIKI_ZARZADZAJ', 'TERMINY_ZARZADZAJ']) {
      assert.equal(decide(actor({ profile: central(), permissions: new Set([permission]) }), 'management.open', whole), 'allow', permission);
      assert.equal(decide(actor({ permissions: new Set([permission]) }), 'management.open', whole), 'deny', `${permission} without a profile`);
      // the home tile and the menu ask the same question
      assert.equal(hasManagement(actor({ profile: central(), permissions: new Set([permission]) })), true, permission);
      assert.equal(hasManagement(actor({ permissions: new Set([permission]) })), false, `${permission} without a profile`);
    }
    assert.equal(decide(actor({ profile: profile('a'), permissions: new Set(['SPR_NIEFIN_WYPELNIJ']) }), 'management.open', whole), 'deny');
    assert.equal(hasManagement(actor({ profile: profile('a'), permissions: new Set(['SPR_NIEFIN_WYPELNIJ']) })), false);
  });

  it('"Terminy sprawozdań": seen and edited with TERMINY_ZARZADZAJ in the profile worked in, by nobody else', () => {
    const schedule = { type: 'schedule' as const };
    const admin = withRoles(central(), ['ADMIN_CEZ']);
    const staff = withRoles(central(), ['PRACOWNIK_CEZ']);
    const uw = withRoles(profile('uw-04', { kindCode: 'UW', isSupervising: true, isReporting: false }), ['ADMIN_UW', 'NADZ_NIEFIN']);
    const noProfile = actor({ permissions: new Set(['TERMINY_ZARZADZAJ']) });
    for (const action of ['schedule.view', 'schedule.edit'] as const) {
      assert.equal(decide(admin, action, schedule), 'allow');
      assert.equal(decide(staff, action, schedule), 'deny');
      assert.equal(decide(uw, action, schedule), 'deny');
      assert.equal(decide(noProfile, action, schedule), 'deny', 'no profile worked in');
    }
  });
});

describe('policies: statistical reports', () => {
  const A = 'unit-a';
  const UW = 'uw-04';
  const CEZ = 'cez';
  const report = (area: ReportArea, o: Partial<ReportSubject> = {}): ReportSubject => ({
    type: 'report',
    unitId: A,
    area,
    status: 'do_weryfikacji',
    levelUnitIds: [UW, CEZ],
    pendingLevel: 0,
    ...o,
  });
  const office = () => profile(UW, { kindCode: 'UW', isSupervising: true, isReporting: false });

  it('each area has its own filler and verifier roles: a role of one area opens no other', () => {
    const areas: [ReportArea, string, string][] = [
      ['niefinansowe', 'WYP_NIEFIN', 'NADZ_NIEFIN'],
      ['finansowe', 'WYP_FIN', 'NADZ_FIN'],
      ['karty_psychiatryczne', 'WYP_KARTY_PSY', 'NADZ_KARTY_PSY'],
    ];
    for (const [area, fillRole, verifyRole] of areas) {
      const filler = withRoles(profile(A), [fillRole]);
      const verifier = withRoles(office(), [verifyRole]);
      assert.deepEqual(reportListScope(filler, area), { kind: 'units', ownUnitId: A, verifyingUnitId: null }, `${fillRole} in ${area}`);
      assert.deepEqual(reportListScope(verifier, area), { kind: 'units', ownUnitId: UW, verifyingUnitId: UW }, `${verifyRole} in ${area}`);
      assert.equal(decide(filler, 'report.fill', report(area, { status: 'w_trakcie', pendingLevel: null })), 'allow', `${fillRole} fills`);
      assert.equal(decide(verifier, 'report.verify', report(area)), 'allow', `${verifyRole} verifies`);
      for (const [other] of areas.filter(([x]) => x !== area)) {
        assert.equal(reportListScope(filler, other), null, `${fillRole} in ${other}`);
        assert.equal(reportListScope(verifier, other), null, `${verifyRole} in ${other}`);
        assert.equal(decide(filler, 'report.view', report(other)), 'hide', `${fillRole} on a report of ${other}`);
        assert.equal(decide(verifier, 'report.verify', report(other)), 'hide', `${verifyRole} on a report of ${other}`);
      }
    }
  });

  it('without a profile worked in no report list opens, whatever permissions are left over', () => {
    const stale = actor({ roles: ['ADMIN_CEZ'], permissions: new Set(['SPR_SZUKAJ_BEZ_TRESCI', 'SPR_NIEFIN_WYPELNIJ', 'SPR_NIEFIN_WERYFIKUJ']) });
    assert.equal(reportListScope(stale, 'niefinansowe'), null);
    assert.equal(decide(stale, 'reports.open', { type: 'reports', area: 'niefinansowe' }), 'deny');
  });

  it('Administrator CeZ whose role lost the verifying permission (Słowniki) still acts at CeZ’s place in the chain, else at the pending level', () => {
    // the role → permission map is editable: an ADMIN_CEZ profile with only the management permissions
    const admin = actor({ profile: central(), roles: ['ADMIN_CEZ'], permissions: new Set(['UZYTKOWNICY_ZARZADZAJ']) });
    assert.equal(actingLevelOf(admin, report('niefinansowe', { pendingLevel: 0 })), 1, 'CeZ is level 1 of this chain');
    assert.equal(actingLevelOf(admin, report('niefinansowe', { levelUnitIds: [CEZ], pendingLevel: 0 })), 0, 'CeZ is the only level');
    assert.equal(actingLevelOf(admin, report('niefinansowe', { levelUnitIds: [CEZ, UW], pendingLevel: 1 })), 0, 'CeZ’s own place, not the pending one');
    assert.equal(actingLevelOf(admin, report('niefinansowe', { levelUnitIds: [UW, 'uw-kcpu'], pendingLevel: 1 })), 1, 'no CeZ level: the pending one');
    assert.equal(actingLevelOf(admin, report('niefinansowe', { levelUnitIds: [UW], pendingLevel: null })), 0, 'nothing pending: the first level');
    assert.equal(decide(admin, 'report.verify', report('niefinansowe', { pendingLevel: 1 })), 'allow');
    assert.equal(decide(admin, 'report.verify', report('niefinansowe', { pendingLevel: 0 })), 'deny', 'level 0 is the office’s');
    const notAdmin = actor({ profile: central(), roles: ['PRACOWNIK_CEZ'], permissions: new Set(['UZYTKOWNICY_ZARZADZAJ']) });
    assert.equal(actingLevelOf(notAdmin, report('niefinansowe')), -1);
  });

  it('approving or returning needs a report awaiting verification, whatever level is recorded on it', () => {
    const verifier = withRoles(office(), ['NADZ_NIEFIN']);
    assert.equal(decide(verifier, 'report.verify', report('niefinansowe')), 'allow');
    for (const status of ['do_wypelnienia', 'w_trakcie', 'do_korekty', 'zatwierdzone'] as const)
      assert.equal(decide(verifier, 'report.verify', report('niefinansowe', { status, pendingLevel: 0 })), 'deny', status);
  });
});
