import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LEGACY_ROLE_MAPPINGS, PERMISSIONS, ROLE_PERMISSIONS, ROLES, UNIT_KINDS } from '../../src/domain/reference-data.ts';

const unique = (values: readonly string[]): boolean => new Set(values).size === values.length;
const permissionCodes = new Set(PERMISSIONS.map((p) => p.code));
const roleCodes = new Set(ROLES.map((r) => r.code));

test('unit kinds: the ten classes of domain.md', () => {
  const classes = Object.fromEntries(
    UNIT_KINDS.map((k) => [k.code, [k.isCentral && 'C', k.isSupervising && 'S', k.isReporting && 'R'].filter(Boolean).join('')]),
  );
  assert.deepEqual(classes, {
    CeZ: 'C',
    UW: 'S',
    IPIN: 'S',
    KCPU: 'S',
    WSSE: 'SR',
    PSSE: 'R',
    PODM: 'R',
    PRAKT: 'R',
    GM: 'R',
    JEDN_ORG: 'R',
  });
  assert.ok(unique(UNIT_KINDS.map((k) => k.code)));
  for (const kind of UNIT_KINDS) assert.ok(kind.name.trim().length > 3, kind.code);
  assert.equal(UNIT_KINDS.find((k) => k.code === 'PODM')?.name, 'Podmiot leczniczy');
});

test('permissions: the required codes, each with a name and a description', () => {
  for (const code of [
    'SPR_NIEFIN_WYPELNIJ',
    'SPR_NIEFIN_WERYFIKUJ',
    'SPR_FIN_WYPELNIJ',
    'SPR_FIN_WERYFIKUJ',
    'KARTY_PSY_WYPELNIJ',
    'KARTY_PSY_WERYFIKUJ',
    'SPR_SZUKAJ_BEZ_TRESCI',
    'UZYTKOWNICY_ZARZADZAJ',
    'UZYTKOWNICY_PRZEGLADAJ',
    'JEDNOSTKI_ZARZADZAJ',
    'JEDNOSTKI_PRZEGLADAJ',
    'RAPORTY_TWORZ',
    'SLOWNIKI_ZARZADZAJ',
    'KOMUNIKATY_ZARZADZAJ',
    'TERMINY_ZARZADZAJ',
    'AUDYT_PRZEGLADAJ',
  ])
    assert.ok(permissionCodes.has(code), code);
  assert.ok(unique(PERMISSIONS.map((p) => p.code)));
  for (const p of PERMISSIONS) {
    assert.ok(p.name.length > 3, p.code);
    assert.ok(p.description.length > 10, p.code);
  }
});

test('roles: codes, names and descriptions from the manual', () => {
  assert.deepEqual(
    ROLES.map((r) => r.code),
    [
      'ADMIN_CEZ',
      'PRACOWNIK_CEZ',
      'ADMIN_IPIN',
      'ADMIN_UW',
      'ADMIN_KCPU',
      'NADZ_NIEFIN',
      'NADZ_FIN',
      'NADZ_KARTY_PSY',
      'WYP_NIEFIN',
      'WYP_FIN',
      'WYP_KARTY_PSY',
    ],
  );
  assert.ok(unique(ROLES.map((r) => r.name)));
  assert.ok(unique(ROLES.map((r) => String(r.sortOrder))));
  for (const r of ROLES) assert.ok(r.description.length > 20, r.code);
  // Spot checks against the manual's "Charakterystyka ról", character for character.
  const byCode = (code: string) => ROLES.find((r) => r.code === code);
  assert.equal(byCode('ADMIN_CEZ')?.description, 'Administrator w Centrum e-Zdrowia, mający uprawnienia do wszystkich funkcjonalności systemu');
  assert.equal(byCode('WYP_FIN')?.name, 'Wypełniający sprawozdania finansowe');
  assert.equal(byCode('WYP_FIN')?.description, 'Użytkownik mający uprawnienia do: wypełniania sprawozdań finansowych w imieniu swojej jednostki');
  assert.equal(byCode('ADMIN_UW')?.onlyUnitKind, 'UW');
  assert.equal(byCode('ADMIN_IPIN')?.onlyUnitKind, 'IPIN');
  assert.equal(byCode('ADMIN_KCPU')?.onlyUnitKind, 'KCPU');
});

test('role descriptions match the manual text when the spec is present', async (t) => {
  const { readFile } = await import('node:fs/promises');
  let manual: string;
  try {
    manual = await readFile(new URL('../../../shared/spec/instrukcja-ssoz2.txt', import.meta.url), 'utf8');
  } catch {
    t.skip('manual not available');
    return;
  }
  for (const r of ROLES) assert.ok(manual.includes(`${r.name}\t${r.description}\n`), r.code);
});

test("every onlyUnitKind names an existing kind of the role's class", () => {
  for (const r of ROLES) {
    if (r.onlyUnitKind === null) continue;
    const kind = UNIT_KINDS.find((k) => k.code === r.onlyUnitKind);
    assert.ok(kind, r.code);
    const flag = { central: kind.isCentral, supervising: kind.isSupervising, reporting: kind.isReporting }[r.unitClass];
    assert.equal(flag, true, r.code);
  }
});

test('every role is mapped, and only to existing permissions', () => {
  assert.deepEqual(Object.keys(ROLE_PERMISSIONS).sort(), [...roleCodes].sort());
  for (const [role, permissions] of Object.entries(ROLE_PERMISSIONS)) {
    assert.ok(permissions.length > 0, role);
    assert.ok(unique(permissions), role);
    for (const p of permissions) assert.ok(permissionCodes.has(p), `${role}: ${p}`);
  }
});

test('Administrator CeZ has every permission', () => {
  assert.deepEqual([...(ROLE_PERMISSIONS['ADMIN_CEZ'] ?? [])].sort(), [...permissionCodes].sort());
});

test('role mapping follows the descriptions', () => {
  const perms = (code: string): string[] => [...(ROLE_PERMISSIONS[code] ?? [])].sort();
  assert.deepEqual(perms('PRACOWNIK_CEZ'), ['JEDNOSTKI_PRZEGLADAJ', 'RAPORTY_TWORZ', 'SPR_SZUKAJ_BEZ_TRESCI', 'UZYTKOWNICY_PRZEGLADAJ']);
  for (const code of ['SPR_FIN_WYPELNIJ', 'SPR_NIEFIN_WYPELNIJ', 'UZYTKOWNICY_ZARZADZAJ', 'JEDNOSTKI_ZARZADZAJ', 'RAPORTY_TWORZ']) {
    assert.ok(perms('ADMIN_UW').includes(code), code);
  }
  assert.ok(perms('ADMIN_IPIN').includes('KARTY_PSY_WYPELNIJ'));
  assert.ok(!perms('ADMIN_IPIN').includes('JEDNOSTKI_ZARZADZAJ'));
  assert.ok(!perms('ADMIN_KCPU').includes('SPR_FIN_WYPELNIJ'));
  assert.deepEqual(perms('WYP_NIEFIN'), ['SPR_NIEFIN_WYPELNIJ']);
  assert.deepEqual(perms('NADZ_KARTY_PSY'), ['KARTY_PSY_WERYFIKUJ', 'KARTY_PSY_WYPELNIJ']);
  // Only Administrator CeZ administers the system itself.
  for (const r of ROLES.filter((x) => x.code !== 'ADMIN_CEZ')) {
    for (const p of ['SLOWNIKI_ZARZADZAJ', 'KOMUNIKATY_ZARZADZAJ', 'TERMINY_ZARZADZAJ', 'AUDYT_PRZEGLADAJ'])
      assert.ok(!perms(r.code).includes(p), `${r.code} ${p}`);
  }
});

test('isAdmin agrees with the user-management permission', () => {
  for (const r of ROLES) {
    assert.equal(r.isAdmin, (ROLE_PERMISSIONS[r.code] ?? []).includes('UZYTKOWNICY_ZARZADZAJ'), r.code);
  }
});

test('filling and supervising roles have a report area; admin and central roles do not', () => {
  for (const r of ROLES) {
    const expectsArea = !r.isAdmin && r.unitClass !== 'central';
    assert.equal(r.reportArea !== null, expectsArea, r.code);
  }
});

test('legacy SSOZ I roles', () => {
  const map = new Map(LEGACY_ROLE_MAPPINGS.map((m) => [m.legacyName, m]));
  assert.equal(map.get('Autor sprawozdań finansowych jednostki sprawozdawczej')?.roleCode, 'WYP_FIN');
  assert.equal(map.get('Autor sprawozdań standardowych jednostki sprawozdawczej')?.roleCode, 'WYP_NIEFIN');
  assert.equal(map.get('Autor kart psychiatrycznych jednostki sprawozdawczej')?.roleCode, 'WYP_KARTY_PSY');
  for (const name of [
    'Administrator jednostki sprawozdawczej',
    'Obserwator sprawozdań standardowych jednostki sprawozdawczej',
    'Obserwator sprawozdań finansowych jednostki sprawozdawczej',
  ]) {
    assert.ok(map.has(name), name);
    assert.equal(map.get(name)?.roleCode, null, name);
  }
  assert.equal(map.size, LEGACY_ROLE_MAPPINGS.length, 'legacy names are unique');
  for (const m of LEGACY_ROLE_MAPPINGS) {
    if (m.roleCode === null) assert.ok(m.note && m.note.length > 10, m.legacyName);
    else {
      assert.ok(roleCodes.has(m.roleCode), m.legacyName);
      assert.equal(m.note, null);
    }
  }
});
