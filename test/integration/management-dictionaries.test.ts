import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, legacyRoleMappings, permissions, rolePermissions, roles, unitKinds, units } from '../../src/db/schema/index.ts';
import { seedReferenceData } from '../../src/db/seed/reference.ts';
import { LEGACY_ROLE_MAPPINGS, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../../src/domain/reference-data.ts';
import { buildProfile, buildRequest, buildUnit } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { csrfOf, pathOf, type Agent } from '../helpers/agent.ts';
import { loginAs } from '../helpers/login.ts';

type UnitRow = typeof units.$inferSelect;

describe('Zarządzanie → Słowniki: scope, validation, audit, effect without restart, the seed keeps edits', () => {
  let t: TestApp;
  let admin: Agent;
  let adminUser: string;
  let filler: Agent;
  let cezStaff: Agent;

  async function member(unit: UnitRow, roleCode: string) {
    const { profile, user } = await buildProfile(t.database.db, { unit });
    await buildRequest(t.database.db, { profile, roleCode, status: 'zatwierdzony', verifyingUnit: unit });
    return { agent: await loginAs(t, user.id, { profileId: profile.id }), userId: user.id };
  }

  /** the checked boxes of the matrix as it stands, as the form would send them */
  async function matrixPairs(): Promise<string[]> {
    return (await t.database.db.select().from(rolePermissions)).map((r) => `${r.roleCode}:${r.permissionCode}`);
  }

  /** post the matrix form; `shown` is the page the form came from (default: fetched now) */
  async function postMatrix(a: Agent, pairs: string[], shown?: string) {
    const page = shown ?? (await a.get('/zarzadzanie/slowniki/uprawnienia-rol')).body;
    const version = /name="wersja" value="([^"]*)"/.exec(page)?.[1] ?? '';
    const body = new URLSearchParams({ _csrf: csrfOf(page), wersja: version });
    for (const p of pairs) body.append('p', p);
    return t.app.inject({
      method: 'POST',
      url: '/zarzadzanie/slowniki/uprawnienia-rol',
      payload: body.toString(),
      headers: { cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  const roleName = async (code: string) => (await t.database.db.select({ n: roles.name }).from(roles).where(eq(roles.code, code)))[0]!.n;

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const [cez] = await db.select().from(units).where(eq(units.sourceKey, 'cez'));
    ({ agent: admin, userId: adminUser } = await member(cez!, 'ADMIN_CEZ'));
    ({ agent: filler } = await member(await buildUnit(db), 'WYP_NIEFIN'));
    ({ agent: cezStaff } = await member(cez!, 'PRACOWNIK_CEZ'));
  });
  after(() => t.close());

  it('only SLOWNIKI_ZARZADZAJ: every page and edit is refused to others (403), unknown codes are 404', async () => {
    const pages = [
      '/zarzadzanie/slowniki',
      '/zarzadzanie/slowniki/rodzaje-jednostek/PODM',
      '/zarzadzanie/slowniki/role/WYP_FIN',
      '/zarzadzanie/slowniki/uprawnienia/RAPORTY_TWORZ',
      '/zarzadzanie/slowniki/uprawnienia-rol',
      `/zarzadzanie/slowniki/role-ssoz1/${encodeURIComponent(LEGACY_ROLE_MAPPINGS[0]!.legacyName)}`,
    ];
    for (const url of pages) {
      assert.equal((await admin.get(url)).statusCode, 200, url);
      for (const a of [filler, cezStaff]) {
        assert.equal((await a.get(url)).statusCode, 403, url);
        if (url === '/zarzadzanie/slowniki') continue; // a page only
        const csrf = csrfOf((await a.get('/moje-konto')).body);
        assert.equal(
          (await a.post(url, { _csrf: csrf, nazwa: 'Włamanie', opis: 'x', p: 'WYP_FIN:SLOWNIKI_ZARZADZAJ', uwaga: 'x' })).statusCode,
          403,
          `POST ${url}`,
        );
      }
    }
    assert.equal(await roleName('WYP_FIN'), ROLES.find((r) => r.code === 'WYP_FIN')!.name, 'refused edits change nothing');
    assert.equal((await admin.get('/zarzadzanie/slowniki/role/NIE_MA')).statusCode, 404);
    assert.equal((await admin.get('/zarzadzanie/slowniki/role/zły kod')).statusCode, 404);
    assert.equal((await admin.get('/zarzadzanie/slowniki/role-ssoz1/Nie%20ma%20takiej')).statusCode, 404);
    // a control character or a bidi override in a path code names nothing: 404, never a database error
    for (const url of ['/zarzadzanie/slowniki/role/%00', '/zarzadzanie/slowniki/role/NADZ_FIN%00', '/zarzadzanie/slowniki/role-ssoz1/%E2%80%AEx'])
      assert.equal((await admin.get(url)).statusCode, 404, url);
    assert.equal((await admin.post('/zarzadzanie/slowniki/role-ssoz1/%00/przywroc', {})).statusCode, 404);
    const hub = await admin.get('/zarzadzanie');
    assert.match(hub.body, /href="\/zarzadzanie\/slowniki"/);
    assert.doesNotMatch((await cezStaff.get('/zarzadzanie')).body, /zarzadzanie\/slowniki/);
    const list = await admin.get('/zarzadzanie/slowniki');
    for (const text of [
      'Rodzaje jednostek',
      'SLOWNIKI_ZARZADZAJ',
      'Administrator CeZ',
      'Mapowanie ról z SSOZ I',
      'Nie przenoszona',
      'Wartość dostarczona z systemem',
    ])
      assert.ok(list.body.includes(text), text);
  });

  it('validates in Polish: names required and unique, a kind keeps a class and one central kind, notes for roles not carried over', async () => {
    const role = await admin.get('/zarzadzanie/slowniki/role/WYP_FIN');
    const csrf = csrfOf(role.body);
    const empty = await admin.post('/zarzadzanie/slowniki/role/WYP_FIN', { _csrf: csrf, nazwa: ' ', opis: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Wpisz nazwę/);
    assert.match(empty.body, /Wpisz opis/);
    const dup = await admin.post('/zarzadzanie/slowniki/role/WYP_FIN', { _csrf: csrf, nazwa: 'wypełniający sprawozdania NIEFINANSOWE', opis: 'Opis' });
    assert.equal(dup.statusCode, 400);
    assert.match(dup.body, /Ta nazwa jest już używana/);
    assert.match(dup.body, /value="wypełniający sprawozdania NIEFINANSOWE"/, 'typed values kept');
    const long = await admin.post('/zarzadzanie/slowniki/uprawnienia/RAPORTY_TWORZ', { _csrf: csrf, nazwa: 'x'.repeat(201), opis: 'Opis' });
    assert.match(long.body, /Wpisz najwyżej 200 znaków/);
    const permDup = await admin.post('/zarzadzanie/slowniki/uprawnienia/RAPORTY_TWORZ', { _csrf: csrf, nazwa: 'Zarządzanie słownikami', opis: 'Opis' });
    assert.match(permDup.body, /Ta nazwa jest już używana/);

    const noClass = await admin.post('/zarzadzanie/slowniki/rodzaje-jednostek/PODM', { _csrf: csrf, nazwa: 'Podmiot leczniczy' });
    assert.equal(noClass.statusCode, 400);
    assert.match(noClass.body, /Zaznacz co najmniej jedną klasę jednostki/);
    const secondCentral = await admin.post('/zarzadzanie/slowniki/rodzaje-jednostek/PODM', {
      _csrf: csrf,
      nazwa: 'Podmiot leczniczy',
      centralna: 'tak',
      sprawozdajaca: 'tak',
    });
    assert.match(secondCentral.body, /dokładnie jeden rodzaj jednostki centralnej/);
    const kindDup = await admin.post('/zarzadzanie/slowniki/rodzaje-jednostek/PODM', { _csrf: csrf, nazwa: 'Praktyka zawodowa', sprawozdajaca: 'tak' });
    assert.match(kindDup.body, /Ta nazwa jest już używana/);

    const legacy = `/zarzadzanie/slowniki/role-ssoz1/${encodeURIComponent('Autor sprawozdań finansowych jednostki sprawozdawczej')}`;
    const noNote = await admin.post(legacy, { _csrf: csrf, rola: '', uwaga: '' });
    assert.equal(noNote.statusCode, 400);
    assert.match(noNote.body, /Wpisz uwagę: dlaczego rola nie jest przenoszona/);
    const badRole = await admin.post(legacy, { _csrf: csrf, rola: 'NIE_MA', uwaga: '' });
    assert.match(badRole.body, /Wybierz rolę z listy/);

    const noPerms = await postMatrix(
      admin,
      (await matrixPairs()).filter((p) => !p.startsWith('WYP_FIN:')),
    );
    assert.equal(noPerms.statusCode, 400);
    assert.match(noPerms.body, /Rola „Wypełniający sprawozdania finansowe” musi mieć co najmniej jedno uprawnienie/);
    const lockout = await postMatrix(
      admin,
      (await matrixPairs()).filter((p) => p !== 'ADMIN_CEZ:SLOWNIKI_ZARZADZAJ'),
    );
    assert.equal(lockout.statusCode, 400);
    assert.match(lockout.body, /Nie możesz odebrać uprawnienia „Zarządzanie słownikami”/);

    const nul = await t.app.inject({
      method: 'POST',
      url: '/zarzadzanie/slowniki/role/WYP_FIN',
      payload: 'null',
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/json' },
    });
    assert.ok(nul.statusCode < 500, `null body is not a 500 (${nul.statusCode})`);
    assert.equal(await roleName('WYP_FIN'), 'Wypełniający sprawozdania finansowe', 'nothing saved');
    assert.equal((await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'dictionary.role_updated'))).length, 0);
  });

  it('an edit is audited with before and after and marked; the permission map takes effect on the next request', async () => {
    const db = t.database.db;
    const page = await admin.get('/zarzadzanie/slowniki/role/WYP_FIN');
    const res = await admin.post('/zarzadzanie/slowniki/role/WYP_FIN', {
      _csrf: csrfOf(page.body),
      nazwa: 'Sprawozdawca finansowy',
      opis: 'Wypełnia sprawozdania finansowe swojej jednostki.',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(pathOf(res), '/zarzadzanie/slowniki?wynik=zapisano');
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dictionary.role_updated'), eq(auditLog.subjectId, 'WYP_FIN')));
    assert.equal(audit!.actorUserId, adminUser);
    assert.deepEqual((audit!.details as { before: { name: string } }).before.name, 'Wypełniający sprawozdania finansowe');
    assert.deepEqual((audit!.details as { after: { name: string } }).after.name, 'Sprawozdawca finansowy');
    const list = await admin.get('/zarzadzanie/slowniki?wynik=zapisano');
    assert.match(list.body, /Sprawozdawca finansowy/);
    assert.match(list.body, /Zmienione przez Testowy/);

    // the filler (WYP_NIEFIN) has no management module; one more permission opens it at the next click
    assert.equal((await filler.get('/zarzadzanie')).statusCode, 403);
    const pairs = await matrixPairs();
    const shown = (await admin.get('/zarzadzanie/slowniki/uprawnienia-rol')).body;
    const granted = await postMatrix(admin, [...pairs, 'WYP_NIEFIN:SLOWNIKI_ZARZADZAJ'], shown);
    assert.equal(granted.statusCode, 303);
    assert.equal((await filler.get('/zarzadzanie/slowniki')).statusCode, 200, 'applies without a restart');
    const [mapAudit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dictionary.role_permissions_updated'), eq(auditLog.subjectId, 'WYP_NIEFIN')));
    assert.deepEqual((mapAudit!.details as { added: string[] }).added, ['SLOWNIKI_ZARZADZAJ']);
    assert.equal((await db.select().from(auditLog).where(eq(auditLog.action, 'dictionary.role_permissions_updated'))).length, 1, 'only the changed role');
    // the same form again (double submit): nothing written
    const again = await postMatrix(admin, [...pairs, 'WYP_NIEFIN:SLOWNIKI_ZARZADZAJ'], shown);
    assert.equal(pathOf(again), '/zarzadzanie/slowniki?wynik=bez-zmian');
    // a form shown before that change, saving something else: refused, the map as it is now shown again
    const stale = await postMatrix(admin, [...pairs, 'WYP_NIEFIN:RAPORTY_TWORZ'], shown);
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /W międzyczasie ktoś inny zmienił uprawnienia ról/);
    assert.match(stale.body, /value="WYP_NIEFIN:SLOWNIKI_ZARZADZAJ" checked/);
    assert.equal(
      (
        await db
          .select()
          .from(rolePermissions)
          .where(and(eq(rolePermissions.roleCode, 'WYP_NIEFIN'), eq(rolePermissions.permissionCode, 'RAPORTY_TWORZ')))
      ).length,
      0,
    );
    const revoked = await postMatrix(admin, pairs);
    assert.equal(revoked.statusCode, 303);
    assert.equal((await filler.get('/zarzadzanie/slowniki')).statusCode, 403, 'taken away at once too');
  });

  it('the reference seed (every start) keeps edited rows and an edited role mapping; unedited rows follow the shipped values; new rows arrive', async () => {
    const db = t.database.db;
    const csrf = csrfOf((await admin.get('/zarzadzanie/slowniki')).body);
    // edits of each dictionary
    assert.equal(
      (await admin.post('/zarzadzanie/slowniki/uprawnienia/RAPORTY_TWORZ', { _csrf: csrf, nazwa: 'Raporty zbiorcze', opis: 'Tworzenie raportów.' })).statusCode,
      303,
    );
    assert.equal(
      (await admin.post('/zarzadzanie/slowniki/rodzaje-jednostek/PRAKT', { _csrf: csrf, nazwa: 'Praktyka lekarska', sprawozdajaca: 'tak' })).statusCode,
      303,
    );
    const legacyName = 'Obserwator sprawozdań finansowych jednostki sprawozdawczej';
    assert.equal(
      (await admin.post(`/zarzadzanie/slowniki/role-ssoz1/${encodeURIComponent(legacyName)}`, { _csrf: csrf, rola: 'WYP_FIN', uwaga: '' })).statusCode,
      303,
    );
    const edited = (await matrixPairs()).filter((p) => p !== 'NADZ_FIN:SPR_FIN_WYPELNIJ');
    assert.equal((await postMatrix(admin, edited)).statusCode, 303);

    // rows nobody edited, as an older release left them
    await db.update(roles).set({ name: 'Stara nazwa roli' }).where(eq(roles.code, 'WYP_KARTY_PSY'));
    await db.update(permissions).set({ description: 'Stary opis' }).where(eq(permissions.code, 'AUDYT_PRZEGLADAJ'));
    await db.delete(rolePermissions).where(eq(rolePermissions.roleCode, 'NADZ_KARTY_PSY'));
    await db.delete(legacyRoleMappings).where(eq(legacyRoleMappings.legacyName, LEGACY_ROLE_MAPPINGS[0]!.legacyName));

    await seedReferenceData(db); // a restart

    assert.equal(await roleName('WYP_FIN'), 'Sprawozdawca finansowy', 'edited role kept');
    const [perm] = await db.select().from(permissions).where(eq(permissions.code, 'RAPORTY_TWORZ'));
    assert.equal(perm!.name, 'Raporty zbiorcze', 'edited permission kept');
    const [kind] = await db.select().from(unitKinds).where(eq(unitKinds.code, 'PRAKT'));
    assert.equal(kind!.name, 'Praktyka lekarska');
    assert.equal(kind!.isReporting, true);
    const [legacy] = await db.select().from(legacyRoleMappings).where(eq(legacyRoleMappings.legacyName, legacyName));
    assert.equal(legacy!.roleCode, 'WYP_FIN', 'edited SSOZ I mapping kept');
    const nadzFin = (await db.select().from(rolePermissions).where(eq(rolePermissions.roleCode, 'NADZ_FIN'))).map((r) => r.permissionCode);
    assert.deepEqual(nadzFin, ['SPR_FIN_WERYFIKUJ'], "an edited role's permissions are left alone");

    assert.equal(await roleName('WYP_KARTY_PSY'), ROLES.find((r) => r.code === 'WYP_KARTY_PSY')!.name, 'unedited role follows the code');
    const [audyt] = await db.select().from(permissions).where(eq(permissions.code, 'AUDYT_PRZEGLADAJ'));
    assert.equal(audyt!.description, PERMISSIONS.find((p) => p.code === 'AUDYT_PRZEGLADAJ')!.description);
    const nadzPsy = (await db.select().from(rolePermissions).where(eq(rolePermissions.roleCode, 'NADZ_KARTY_PSY'))).map((r) => r.permissionCode).sort();
    assert.deepEqual(nadzPsy, [...ROLE_PERMISSIONS.NADZ_KARTY_PSY!].sort(), 'unedited mapping restored');
    assert.equal(
      (await db.select().from(legacyRoleMappings).where(eq(legacyRoleMappings.legacyName, LEGACY_ROLE_MAPPINGS[0]!.legacyName))).length,
      1,
      'a (new) shipped row arrives',
    );

    // and the edit still works in the portal after the restart
    const page = await admin.get('/zarzadzanie/slowniki');
    assert.match(page.body, /Raporty zbiorcze/);
    assert.match(page.body, /Praktyka lekarska/);
  });

  it('"Przywróć wartości dostarczone z systemem" returns an edited row and an edited role mapping to the shipped values, audited', async () => {
    const db = t.database.db;
    const rolePage = await admin.get('/zarzadzanie/slowniki/role/NADZ_FIN');
    assert.match(rolePage.body, /Przywróć uprawnienia roli dostarczone z systemem/, 'the mapping of NADZ_FIN was edited above');
    assert.doesNotMatch(rolePage.body, /\/role\/NADZ_FIN\/przywroc"/, 'its name was not edited: nothing to restore there');
    const r1 = await admin.post('/zarzadzanie/slowniki/role/NADZ_FIN/przywroc-uprawnienia', { _csrf: csrfOf(rolePage.body) });
    assert.equal(pathOf(r1), '/zarzadzanie/slowniki?wynik=przywrocono');
    const nadzFin = (await db.select().from(rolePermissions).where(eq(rolePermissions.roleCode, 'NADZ_FIN'))).map((r) => r.permissionCode).sort();
    assert.deepEqual(nadzFin, [...ROLE_PERMISSIONS.NADZ_FIN!].sort());
    const [nadz] = await db.select().from(roles).where(eq(roles.code, 'NADZ_FIN'));
    assert.equal(nadz!.permissionsEditedAt, null, 'the mark is cleared: later releases update it again');

    const wypFin = await admin.get('/zarzadzanie/slowniki/role/WYP_FIN');
    const r2 = await admin.post('/zarzadzanie/slowniki/role/WYP_FIN/przywroc', { _csrf: csrfOf(wypFin.body) });
    assert.equal(r2.statusCode, 303);
    assert.equal(await roleName('WYP_FIN'), ROLES.find((r) => r.code === 'WYP_FIN')!.name);
    const again = await admin.post('/zarzadzanie/slowniki/role/WYP_FIN/przywroc', { _csrf: csrfOf(wypFin.body) });
    assert.equal(pathOf(again), '/zarzadzanie/slowniki?wynik=bez-zmian', 'a second click changes nothing');
    const legacyName = 'Obserwator sprawozdań finansowych jednostki sprawozdawczej';
    const r3 = await admin.post(`/zarzadzanie/slowniki/role-ssoz1/${encodeURIComponent(legacyName)}/przywroc`, { _csrf: csrfOf(wypFin.body) });
    assert.equal(r3.statusCode, 303);
    const [legacy] = await db.select().from(legacyRoleMappings).where(eq(legacyRoleMappings.legacyName, legacyName));
    assert.equal(legacy!.roleCode, null);
    const restored = await db.select().from(auditLog).where(eq(auditLog.action, 'dictionary.restored'));
    assert.equal(restored.length, 3);
    assert.equal((await filler.post('/zarzadzanie/slowniki/role/WYP_FIN/przywroc', { _csrf: csrfOf((await filler.get('/moje-konto')).body) })).statusCode, 403);
  });
});
