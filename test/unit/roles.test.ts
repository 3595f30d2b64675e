import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableRoles, permissionsOf, type RoleDef } from '../../src/domain/roles.ts';
import { ROLE_PERMISSIONS, ROLES, UNIT_KINDS } from '../../src/domain/reference-data.ts';

function unitOf(kindCode: string): { kindCode: string; isCentral: boolean; isSupervising: boolean; isReporting: boolean } {
  const kind = UNIT_KINDS.find((k) => k.code === kindCode);
  assert.ok(kind, kindCode);
  return { kindCode, isCentral: kind.isCentral, isSupervising: kind.isSupervising, isReporting: kind.isReporting };
}

const codes = (roles: readonly RoleDef[]): string[] => roles.map((r) => r.code);
const none = new Set<string>();

test('central unit (CeZ) offers the CeZ roles only', () => {
  assert.deepEqual(codes(availableRoles(unitOf('CeZ'), ROLES, none)), ['ADMIN_CEZ', 'PRACOWNIK_CEZ']);
});

test('reporting units offer the three filling roles', () => {
  for (const kind of ['PSSE', 'PODM', 'PRAKT', 'GM', 'JEDN_ORG']) {
    assert.deepEqual(codes(availableRoles(unitOf(kind), ROLES, none)), ['WYP_NIEFIN', 'WYP_FIN', 'WYP_KARTY_PSY'], kind);
  }
});

test('supervising units offer their own administrator role only', () => {
  const supervising = ['NADZ_NIEFIN', 'NADZ_FIN', 'NADZ_KARTY_PSY'];
  assert.deepEqual(codes(availableRoles(unitOf('UW'), ROLES, none)), ['ADMIN_UW', ...supervising]);
  assert.deepEqual(codes(availableRoles(unitOf('IPIN'), ROLES, none)), ['ADMIN_IPIN', ...supervising]);
  assert.deepEqual(codes(availableRoles(unitOf('KCPU'), ROLES, none)), ['ADMIN_KCPU', ...supervising]);
});

test('a supervising-and-reporting unit (WSSE) offers both sets, no administrator role', () => {
  assert.deepEqual(codes(availableRoles(unitOf('WSSE'), ROLES, none)), ['NADZ_NIEFIN', 'NADZ_FIN', 'NADZ_KARTY_PSY', 'WYP_NIEFIN', 'WYP_FIN', 'WYP_KARTY_PSY']);
});

test('held or pending roles are left out', () => {
  const held = new Set(['WYP_NIEFIN', 'WYP_KARTY_PSY']);
  assert.deepEqual(codes(availableRoles(unitOf('PODM'), ROLES, held)), ['WYP_FIN']);
  const all = new Set(['WYP_NIEFIN', 'WYP_FIN', 'WYP_KARTY_PSY']);
  assert.deepEqual(availableRoles(unitOf('PODM'), ROLES, all), []);
});

test('the result follows sortOrder, not the order of the input', () => {
  const reversed = [...ROLES].reverse();
  assert.deepEqual(codes(availableRoles(unitOf('PODM'), reversed, none)), ['WYP_NIEFIN', 'WYP_FIN', 'WYP_KARTY_PSY']);
});

test('a new unit kind works from its dictionary flags alone', () => {
  const unit = { kindCode: 'NOWY_RODZAJ', isCentral: false, isSupervising: true, isReporting: true };
  assert.deepEqual(codes(availableRoles(unit, ROLES, none)), ['NADZ_NIEFIN', 'NADZ_FIN', 'NADZ_KARTY_PSY', 'WYP_NIEFIN', 'WYP_FIN', 'WYP_KARTY_PSY']);
  const inert = { kindCode: 'X', isCentral: false, isSupervising: false, isReporting: false };
  assert.deepEqual(availableRoles(inert, ROLES, none), []);
});

test("availableRoles does not reorder the caller's array", () => {
  const input = [...ROLES].reverse();
  const before = codes(input);
  availableRoles(unitOf('WSSE'), input, none);
  assert.deepEqual(codes(input), before);
});

test("permissionsOf unions the roles' permissions", () => {
  assert.deepEqual([...permissionsOf(['WYP_NIEFIN', 'NADZ_NIEFIN'], ROLE_PERMISSIONS)].sort(), ['SPR_NIEFIN_WERYFIKUJ', 'SPR_NIEFIN_WYPELNIJ']);
  assert.deepEqual([...permissionsOf(['NIEZNANA'], ROLE_PERMISSIONS)], []);
  assert.deepEqual([...permissionsOf([], ROLE_PERMISSIONS)], []);
});
