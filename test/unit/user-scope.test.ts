import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNIT_KINDS } from '../../src/domain/reference-data.ts';
import { isVerifyingOfficeKind } from '../../src/domain/user-scope.ts';

test('the verifying offices are CeZ, the Urzędy Wojewódzkie, IPIN and KCPU; no other kind of unit', () => {
  const offices = UNIT_KINDS.filter((k) => isVerifyingOfficeKind(k.code)).map((k) => k.code);
  assert.deepEqual(offices.sort(), ['CeZ', 'IPIN', 'KCPU', 'UW']);
  assert.equal(isVerifyingOfficeKind('WSSE'), false, 'supervises reports, verifies no role requests');
  assert.equal(isVerifyingOfficeKind('uw'), false, 'codes are exact');
  assert.equal(isVerifyingOfficeKind(''), false);
});
