import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, sql } from 'drizzle-orm';
import {
  accounts,
  attachments,
  eplozAccounts,
  legacyAccounts,
  profiles,
  pzCredentials,
  requestNumberCounters,
  roleRequests,
  roles,
  unitKinds,
  units,
  users,
} from '../../src/db/schema/index.ts';
import { seedReferenceData } from '../../src/db/seed/reference.ts';
import { seedDemoData } from '../../src/demo/seed-demo.ts';
import { ensureDemoFiles } from '../../src/demo/demo-files.ts';
import { isValidNip, isValidRegon } from '../../src/domain/identifiers.ts';
import { ROLES, UNIT_KINDS } from '../../src/domain/reference-data.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { loginAs } from '../helpers/login.ts';

describe('reference and demo data', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('loads the dictionaries with the manual names', async () => {
    const r = await t.database.db.select().from(roles);
    assert.equal(r.length, ROLES.length);
    const filler = r.find((x) => x.name === 'Wypełniający sprawozdania finansowe');
    assert.equal(filler?.description, 'Użytkownik mający uprawnienia do: wypełniania sprawozdań finansowych w imieniu swojej jednostki');
    assert.equal((await t.database.db.select().from(unitKinds)).length, UNIT_KINDS.length);
  });

  it('holds at least 26,520 units from all 16 voivodeships, every NIP and REGON valid', async () => {
    const db = t.database.db;
    const [total] = await db.select({ n: count() }).from(units);
    assert.ok((total?.n ?? 0) >= 26_520, `units: ${total?.n}`);
    const voiv = await db.selectDistinct({ v: units.voivodeshipCode }).from(units);
    assert.equal(voiv.filter((v) => v.v).length, 16);
    const ids = await db.select({ nip: units.nip, regon: units.regon }).from(units);
    const badNip = ids.filter((u) => !u.nip || !isValidNip(u.nip));
    const badRegon = ids.filter((u) => !u.regon || !isValidRegon(u.regon));
    assert.equal(
      badNip.length,
      0,
      `invalid NIP: ${badNip
        .slice(0, 3)
        .map((u) => u.nip)
        .join(', ')}`,
    );
    assert.equal(
      badRegon.length,
      0,
      `invalid REGON: ${badRegon
        .slice(0, 3)
        .map((u) => u.regon)
        .join(', ')}`,
    );
    const [dupNip] = await db
      .execute<{ n: number }>(sql`select count(*)::int as n from (select nip from portal.units group by nip having count(*) > 1) d`)
      .then((r) => (r as unknown as { rows: Array<{ n: number }> }).rows);
    assert.equal(dupNip?.n, 0, 'NIPs unique');
  });

  it('has the named demo accounts, ePŁOZ account and legacy accounts', async () => {
    const db = t.database.db;
    assert.equal((await db.select().from(pzCredentials)).length, 9);
    const [piotr] = await db.select().from(eplozAccounts).where(eq(eplozAccounts.pesel, '78110507838'));
    assert.equal(piotr?.login, 'pzielinski');
    assert.equal((await db.select().from(accounts).where(eq(accounts.pesel, '85031401244'))).length, 0, 'anna.nowak has no UEOZ account');
    const activated = await db.select().from(accounts).where(eq(accounts.status, 'active'));
    assert.equal(activated.length, 7);
    assert.ok(activated.every((a) => a.emailVerifiedAt && a.email === `${a.login}@example.pl`));
    const legacy = await db.select().from(legacyAccounts);
    assert.deepEqual(legacy.map((l) => l.login).sort(), ['goz.piotrowice', 'stare.konto']);
    assert.ok(legacy.every((l) => l.passwordHash.startsWith('$argon2id$')));
  });

  it("gives maria.wisniewska the manual's profiles and requests", async () => {
    const db = t.database.db;
    const rows = await db
      .select({ unit: units.name, status: profiles.status, number: roleRequests.number, reqStatus: roleRequests.status, role: roles.name })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .innerJoin(units, eq(units.id, profiles.unitId))
      .innerJoin(roleRequests, eq(roleRequests.profileId, profiles.id))
      .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
      .where(eq(users.login, 'maria.wisniewska'));
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    assert.equal(byNumber.get('U000573/2023')?.unit, 'Starostwo Powiatowe w Aleksandrowie Kujawskim');
    assert.equal(byNumber.get('U000573/2023')?.status, 'aktywny');
    assert.equal(byNumber.get('U000593/2023')?.reqStatus, 'oczekujacy');
    assert.equal(byNumber.get('U000593/2023')?.role, 'Wypełniający sprawozdania niefinansowe');
    assert.equal(byNumber.get('U000594/2023')?.unit, '-Prywatna Specjalistyczna Przychodnia Stomatologiczna K-Dent spółka z o.o.');
    assert.equal(byNumber.get('U000594/2023')?.status, 'nieaktywowany');
    assert.ok([...byNumber.values()].some((r) => r.unit === 'Centrum e-Zdrowia' && r.status === 'aktywny'));
    const [counter] = await db.select().from(requestNumberCounters).where(eq(requestNumberCounters.year, 2023));
    assert.ok((counter?.lastSeq ?? 0) >= 594, 'counter past the demo numbers');
  });

  it('every demo administrator has a queue of pending requests on first start, a few of them overdue', async () => {
    const db = t.database.db;
    const adminProfile = async (login: string, unitKey: string) => {
      const [row] = await db
        .select({ userId: users.id, profileId: profiles.id })
        .from(profiles)
        .innerJoin(users, eq(users.id, profiles.userId))
        .innerJoin(units, eq(units.id, profiles.unitId))
        .where(and(eq(users.login, login), eq(units.sourceKey, unitKey)));
      return row!;
    };
    const queueOf = async (login: string, unitKey: string) => {
      const p = await adminProfile(login, unitKey);
      const page = await (await loginAs(t, p.userId, { profileId: p.profileId })).get('/zarzadzanie/wnioski?ile=50');
      assert.equal(page.statusCode, 200, login);
      return page.body;
    };
    const waiting = (html: string) => Number(/data-qa="queue-total">(\d+)</.exec(html)?.[1]);
    const overdue = (html: string) => [...html.matchAll(/<td data-label="Oczekuje">(\d+) dni<\/td>/g)].filter((m) => Number(m[1]) >= 20).length;
    const tomasz = await queueOf('tomasz.lewandowski', 'uw-04');
    const katarzyna = await queueOf('katarzyna.dabrowska', 'ipin');
    const jan = await queueOf('jan.kowalski', 'cez');
    for (const [who, html] of [
      ['tomasz', tomasz],
      ['katarzyna', katarzyna],
      ['jan', jan],
    ] as const) {
      assert.ok(waiting(html) >= 2, `${who} has a queue`);
      assert.ok(overdue(html) >= 1, `${who} has an overdue request`);
    }
    assert.match(tomasz, /Przesłany pocztą lub e-mailem/);
    assert.doesNotMatch(tomasz, /rola">Wypełniający karty psychiatryczne</, 'psychiatric cards go to IPIN');
    assert.match(katarzyna, /rola">Wypełniający karty psychiatryczne</);
    assert.doesNotMatch(katarzyna, /rola">Wypełniający sprawozdania finansowe</);
    assert.ok(jan.includes('U000593/2023') && jan.includes('U000594/2023'), 'the K-Dent requests fall back to CeZ');
    // overdue requests are marked, and there is something to approve in one step in every queue
    for (const [who, html] of [
      ['tomasz', tomasz],
      ['katarzyna', katarzyna],
      ['jan', jan],
    ] as const) {
      assert.match(html, /data-qa="escalated"/, `${who} has an escalated request`);
      assert.match(html, /Bezpieczny plik w systemie/, `${who} has a request with a safe file`);
    }
    const selectable = [...jan.matchAll(/name="wniosek" value="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(selectable.length >= 2, 'jan can approve two requests at once');
    // KCPU routing: an addiction-care unit's non-financial request goes to KCPU, which has no administrator in the demo: CeZ
    const [kcpu] = await db
      .select({ id: roleRequests.id })
      .from(roleRequests)
      .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
      .innerJoin(units, eq(units.id, profiles.unitId))
      .where(and(eq(units.isAddictionCare, true), eq(roleRequests.status, 'oczekujacy')));
    assert.ok(kcpu, 'a pending request of an addiction-care unit');
    const janProfile = await adminProfile('jan.kowalski', 'cez');
    const detail = await (await loginAs(t, janProfile.userId, { profileId: janProfile.profileId })).get(`/zarzadzanie/wnioski/${kcpu.id}`);
    assert.match(detail.body, /data-qa="routing-fallback"[\s\S]*?Krajowe Centrum Przeciwdziałania Uzależnieniom/);
  });

  it('the safe files of the demo queue are in storage at start and can be downloaded; writing them again is a no-op', async () => {
    const db = t.database.db;
    const files = await db
      .select({
        id: attachments.id,
        submissionId: attachments.submissionId,
        sha256: attachments.sha256,
        requestId: roleRequests.id,
        verifier: roleRequests.verifyingUnitId,
      })
      .from(attachments)
      .innerJoin(roleRequests, eq(roleRequests.submissionId, attachments.submissionId))
      .where(eq(attachments.scanStatus, 'clean'));
    assert.ok(files.length >= 4);
    assert.equal(await ensureDemoFiles(db, t.app.deps.storage), 0, 'bootstrap wrote them already');
    const [jan] = await db
      .select({ userId: users.id, profileId: profiles.id })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .innerJoin(units, eq(units.id, profiles.unitId))
      .where(and(eq(users.login, 'jan.kowalski'), eq(units.sourceKey, 'cez')));
    const agent = await loginAs(t, jan!.userId, { profileId: jan!.profileId });
    const f = files[0]!;
    const res = await agent.get(`/zarzadzanie/wnioski/${f.requestId}/pliki/${f.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /^%PDF-1\.4/);
    assert.match(res.body, /%%EOF\n$/);
    const { createHash } = await import('node:crypto');
    assert.equal(createHash('sha256').update(res.rawPayload).digest('hex'), f.sha256, 'the bytes the row describes');
  });

  it('seeding again changes nothing', async () => {
    const db = t.database.db;
    const n = async (rows: Promise<Array<{ n: number }>>) => (await rows)[0]?.n;
    const snapshot = async () => [
      await n(db.select({ n: count() }).from(units)),
      await n(db.select({ n: count() }).from(profiles)),
      await n(db.select({ n: count() }).from(roleRequests)),
      await n(db.select({ n: count() }).from(users)),
      await n(db.select({ n: count() }).from(legacyAccounts)),
      await n(db.select({ n: count() }).from(attachments)),
    ];
    const beforeCounts = await snapshot();
    await seedReferenceData(db);
    const res = await seedDemoData(db);
    assert.equal(res.unitsInserted, 0);
    assert.deepEqual(await snapshot(), beforeCounts);
    const [kd] = await db
      .select({ n: count() })
      .from(units)
      .where(and(eq(units.kindCode, 'PODM'), eq(units.nip, '7812345678')));
    assert.equal(kd?.n, 1);
  });
});
