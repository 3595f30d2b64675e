import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canVerify, naturalVerifier, routeRequest, type RouteInput, type VerifierRef } from '../../src/domain/routing.ts';
import { ROLES, type RoleDef } from '../../src/domain/reference-data.ts';

const role = (code: string): RoleDef => {
  const found = ROLES.find((r) => r.code === code);
  assert.ok(found, code);
  return found;
};

const ref = (unitId: string, hasActiveAdmin = true): VerifierRef => ({
  unitId,
  name: unitId,
  email: `${unitId.toLowerCase()}@example.pl`,
  hasActiveAdmin,
});

const CEZ = ref('CEZ');
const IPIN = ref('IPIN');
const KCPU = ref('KCPU');
const UW_KUJ = ref('UW-04'); // kujawsko-pomorskie
const UW_POM = ref('UW-22'); // pomorskie

function route(roleCode: string, unit: Partial<RouteInput['unit']> = {}, verifiers: Partial<RouteInput['verifiers']> = {}): string {
  return routeRequest({
    role: role(roleCode),
    unit: { kindCode: 'PODM', voivodeshipCode: '04', isAddictionCare: false, ...unit },
    verifiers: {
      cez: CEZ,
      ipin: IPIN,
      kcpu: KCPU,
      uwByVoivodeship: new Map([
        ['04', UW_KUJ],
        ['22', UW_POM],
      ]),
      ...verifiers,
    },
  }).unitId;
}

test("non-financial and financial filling roles → UW of the unit's voivodeship", () => {
  assert.equal(route('WYP_NIEFIN'), 'UW-04');
  assert.equal(route('WYP_FIN'), 'UW-04');
  assert.equal(route('WYP_NIEFIN', { voivodeshipCode: '22' }), 'UW-22');
  assert.equal(route('WYP_FIN', { voivodeshipCode: '22', kindCode: 'WSSE' }), 'UW-22');
});

test('Wypełniający karty psychiatryczne → IPIN', () => {
  assert.equal(route('WYP_KARTY_PSY'), 'IPIN');
  assert.equal(route('WYP_KARTY_PSY', { isAddictionCare: true }), 'IPIN');
});

test('addiction-care unit: non-financial → KCPU, financial still → UW', () => {
  assert.equal(route('WYP_NIEFIN', { isAddictionCare: true }), 'KCPU');
  assert.equal(route('WYP_FIN', { isAddictionCare: true }), 'UW-04');
});

test('supervising, administrator and central roles → CeZ', () => {
  for (const code of ['ADMIN_CEZ', 'PRACOWNIK_CEZ', 'ADMIN_IPIN', 'ADMIN_UW', 'ADMIN_KCPU', 'NADZ_NIEFIN', 'NADZ_FIN', 'NADZ_KARTY_PSY']) {
    assert.equal(route(code, { kindCode: 'UW', isAddictionCare: true }), 'CEZ', code);
  }
});

test('verifier without an active administrator, or missing → CeZ', () => {
  assert.equal(route('WYP_NIEFIN', {}, { uwByVoivodeship: new Map([['04', ref('UW-04', false)]]) }), 'CEZ');
  assert.equal(route('WYP_NIEFIN', { voivodeshipCode: '99' }), 'CEZ');
  assert.equal(route('WYP_KARTY_PSY', {}, { ipin: null }), 'CEZ');
  assert.equal(route('WYP_KARTY_PSY', {}, { ipin: ref('IPIN', false) }), 'CEZ');
  assert.equal(route('WYP_NIEFIN', { isAddictionCare: true }, { kcpu: null }), 'CEZ');
  assert.equal(route('WYP_NIEFIN', { isAddictionCare: true }, { kcpu: ref('KCPU', false) }), 'CEZ');
});

test('the whole verifier reference is returned (name and e-mail for the PDF)', () => {
  const result = routeRequest({
    role: role('WYP_FIN'),
    unit: { kindCode: 'GM', voivodeshipCode: '04', isAddictionCare: false },
    verifiers: { cez: CEZ, ipin: IPIN, kcpu: KCPU, uwByVoivodeship: new Map([['04', UW_KUJ]]) },
  });
  assert.deepEqual(result, UW_KUJ);
});

test('canVerify: CeZ admin verifies everything but their own request', () => {
  const cezAdmin = { userId: 'u-jan', isCezAdmin: true, adminOfUnitIds: new Set(['CEZ']) };
  assert.equal(canVerify(cezAdmin, { applicantUserId: 'u-maria', verifyingUnitId: 'UW-04' }), true);
  assert.equal(canVerify(cezAdmin, { applicantUserId: 'u-maria', verifyingUnitId: 'CEZ' }), true);
  assert.equal(canVerify(cezAdmin, { applicantUserId: 'u-jan', verifyingUnitId: 'CEZ' }), false);
});

test('canVerify: other administrators only in the units they administer', () => {
  const uwAdmin = { userId: 'u-tomasz', isCezAdmin: false, adminOfUnitIds: new Set(['UW-04']) };
  assert.equal(canVerify(uwAdmin, { applicantUserId: 'u-maria', verifyingUnitId: 'UW-04' }), true);
  assert.equal(canVerify(uwAdmin, { applicantUserId: 'u-maria', verifyingUnitId: 'UW-22' }), false);
  assert.equal(canVerify(uwAdmin, { applicantUserId: 'u-maria', verifyingUnitId: 'CEZ' }), false);
  assert.equal(canVerify(uwAdmin, { applicantUserId: 'u-tomasz', verifyingUnitId: 'UW-04' }), false);
  const nobody = { userId: 'u-ewa', isCezAdmin: false, adminOfUnitIds: new Set<string>() };
  assert.equal(canVerify(nobody, { applicantUserId: 'u-maria', verifyingUnitId: 'UW-04' }), false);
});

test('a reporting role without a report area is decided by CeZ', () => {
  const noArea: RoleDef = { ...role('WYP_NIEFIN'), reportArea: null };
  const input = { role: noArea, unit: { kindCode: 'PODM', voivodeshipCode: '04', isAddictionCare: false } };
  assert.equal(routeRequest({ ...input, verifiers: { cez: CEZ, ipin: IPIN, kcpu: KCPU, uwByVoivodeship: new Map([['04', UW_KUJ]]) } }).unitId, 'CEZ');
});

test('naturalVerifier: the office that would verify if it had an active administrator (to explain a fallback to CeZ)', () => {
  const natural = (roleCode: string, unit: Partial<RouteInput['unit']>, verifiers: Partial<RouteInput['verifiers']>) =>
    naturalVerifier({
      role: role(roleCode),
      unit: { kindCode: 'PODM', voivodeshipCode: '04', isAddictionCare: false, ...unit },
      verifiers: { cez: CEZ, ipin: IPIN, kcpu: KCPU, uwByVoivodeship: new Map([['04', UW_KUJ]]), ...verifiers },
    });
  const noAdmin = { uwByVoivodeship: new Map([['04', ref('UW-04', false)]]), ipin: ref('IPIN', false), kcpu: ref('KCPU', false) };
  assert.equal(route('WYP_NIEFIN', {}, noAdmin), 'CEZ', 'the request itself goes to CeZ');
  assert.equal(natural('WYP_NIEFIN', {}, noAdmin).unitId, 'UW-04');
  assert.equal(natural('WYP_NIEFIN', {}, noAdmin).name, 'UW-04', 'the whole reference, for the explanation');
  assert.equal(natural('WYP_KARTY_PSY', {}, noAdmin).unitId, 'IPIN');
  assert.equal(natural('WYP_NIEFIN', { isAddictionCare: true }, noAdmin).unitId, 'KCPU');
  assert.equal(natural('NADZ_NIEFIN', {}, noAdmin).unitId, 'CEZ');
  // an office that does not exist at all: CeZ, even naturally
  assert.equal(natural('WYP_KARTY_PSY', {}, { ipin: null }).unitId, 'CEZ');
  assert.equal(natural('WYP_NIEFIN', { isAddictionCare: true }, { kcpu: null }).unitId, 'CEZ');
  assert.equal(natural('WYP_FIN', { voivodeshipCode: '99' }, noAdmin).unitId, 'CEZ');
});
