import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, units, users } from '../../src/db/schema/index.ts';
import { decryptPesel, encryptPesel, sealPesel } from '../../src/portal/auth/pesel-vault.ts';
import { buildProfile, buildRequest, buildUnit, buildUser } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import type { Agent } from '../helpers/agent.ts';
import { loginAs, signedIn } from '../helpers/login.ts';
import { captureLogs } from '../helpers/logs.ts';

type UnitRow = typeof units.$inferSelect;

describe('the applicant’s PESEL for the verifiers: masked, in full for Administrator CeZ only (audited)', () => {
  let t: TestApp;
  let logs: ReturnType<typeof captureLogs>;
  const PESEL = '80031213738';
  const MASKED = '80*********';
  const agents = {} as Record<'cezAdmin' | 'uwAdmin' | 'cezStaff', Agent>;
  let applicant: { userId: string; requestId: string; number: string };
  let uw: UnitRow;
  let cez: UnitRow;

  async function member(unit: UnitRow, roleCode: string) {
    const { profile, user } = await buildProfile(t.database.db, { unit });
    await buildRequest(t.database.db, { profile, roleCode, status: 'zatwierdzony', verifyingUnit: unit });
    return loginAs(t, user.id, { profileId: profile.id });
  }

  /** a pending request, routed to the UW, of a new applicant with these stored PESEL columns */
  async function applicantWith(columns: { peselMasked?: string | null; peselEnc?: string | null }) {
    const db = t.database.db;
    const user = await buildUser(db, columns);
    const { profile } = await buildProfile(db, { user, unit: await buildUnit(db, { voivodeshipCode: '04', voivodeship: 'kujawsko-pomorskie' }) });
    const r = await buildRequest(db, { profile, verifyingUnit: uw });
    return { userId: user.id, requestId: r.requestId, number: r.number };
  }

  const peselViews = async (userId: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'management.pesel_viewed'), eq(auditLog.subjectId, userId)));

  before(async () => {
    logs = captureLogs();
    t = await buildTestApp({ env: { LOG_LEVEL: 'debug' } });
    const db = t.database.db;
    [cez] = (await db.select().from(units).where(eq(units.sourceKey, 'cez'))) as [UnitRow];
    uw = await buildUnit(db, { kindCode: 'UW', voivodeshipCode: '04', voivodeship: 'kujawsko-pomorskie' });
    agents.cezAdmin = await member(cez, 'ADMIN_CEZ');
    agents.uwAdmin = await member(uw, 'ADMIN_UW');
    agents.cezStaff = await member(cez, 'PRACOWNIK_CEZ');
    const sealed = sealPesel(t.config.peselKey, PESEL)!;
    applicant = await applicantWith({ peselMasked: sealed.masked, peselEnc: sealed.enc });
  });
  after(async () => {
    logs.restore();
    await t.close();
  });

  it('Administrator UW and Pracownik CeZ see only the masked PESEL, on the request and on the user page; nothing is audited', async () => {
    for (const who of ['uwAdmin', 'cezStaff'] as const) {
      for (const url of [`/zarzadzanie/wnioski/${applicant.requestId}`, `/zarzadzanie/uzytkownicy/${applicant.userId}`]) {
        const res = await agents[who].get(url);
        assert.equal(res.statusCode, 200, `${who} ${url}`);
        assert.ok(res.body.includes(MASKED), `${who} ${url}: the masked PESEL`);
        assert.ok(!res.body.includes(PESEL), `${who} ${url}: never the full number`);
        assert.ok(!res.body.includes('data-qa="pesel-full"'), `${who} ${url}`);
        assert.ok(!res.body.includes('Portal nie przechowuje'), `${who} ${url}: the old sentence is gone`);
      }
    }
    assert.equal((await peselViews(applicant.userId)).length, 0);
  });

  it('Administrator CeZ sees the full number on both pages, each view audited as management.pesel_viewed without the number', async () => {
    const req = await agents.cezAdmin.get(`/zarzadzanie/wnioski/${applicant.requestId}`);
    assert.equal(req.statusCode, 200);
    assert.ok(req.body.includes(`<dd>${PESEL}</dd>`), 'the full PESEL in the applicant section');
    assert.ok(req.body.includes('data-qa="pesel-full"'));
    assert.ok(!req.body.includes(MASKED));
    const user = await agents.cezAdmin.get(`/zarzadzanie/uzytkownicy/${applicant.userId}`);
    assert.equal(user.statusCode, 200);
    assert.ok(user.body.includes(`<dd>${PESEL}</dd>`));
    const views = await peselViews(applicant.userId);
    assert.equal(views.length, 2);
    const onRequest = views.find((v) => (v.details as { page?: string }).page === 'request');
    assert.equal((onRequest?.details as { roleRequestId?: string }).roleRequestId, applicant.requestId);
    assert.ok(views.some((v) => (v.details as { page?: string }).page === 'user'));
    for (const v of views) {
      assert.equal(v.subjectType, 'user');
      assert.ok(v.actorUserId && v.ip && v.requestId, 'who, from where, which request');
      assert.ok(!JSON.stringify(v).includes(PESEL), 'the audit row never holds the number');
    }
  });

  it('the full number appears on no other page (queue, search, audit log) nor in the logs', async () => {
    const pages = ['/zarzadzanie/wnioski', '/zarzadzanie/uzytkownicy?q=Testowy', '/zarzadzanie/dziennik', '/zarzadzanie/dziennik.csv', '/start', '/moje-konto'];
    for (const url of pages) {
      const res = await agents.cezAdmin.get(url);
      assert.ok(res.statusCode < 400, `${url}: ${res.statusCode}`);
      assert.ok(!res.body.includes(PESEL), `${url} shows no full PESEL`);
    }
    const text = logs.text();
    assert.ok(text.includes(applicant.requestId), 'the logs were captured (the request detail was logged)');
    assert.ok(!text.includes(PESEL), 'no full PESEL in the logs');
    const ciphertext = (await t.database.db.select({ e: users.peselEnc }).from(users).where(eq(users.id, applicant.userId)))[0]!.e!;
    assert.ok(!ciphertext.includes(PESEL));
  });

  it('without a stored PESEL the pages say "Brak danych"; a ciphertext under another key shows the masked form, unaudited', async () => {
    const none = await applicantWith({});
    const page = await agents.cezAdmin.get(`/zarzadzanie/wnioski/${none.requestId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<dt>PESEL<\/dt>\s*<dd>Brak danych/);
    assert.equal((await peselViews(none.userId)).length, 0);

    const other = await applicantWith({ peselMasked: '66*********', peselEnc: encryptPesel(randomBytes(32), '66040947019') });
    const res = await agents.cezAdmin.get(`/zarzadzanie/uzytkownicy/${other.userId}`);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes('66*********'));
    assert.ok(res.body.includes('data-qa="pesel-unreadable"'));
    assert.ok(!res.body.includes('66040947019'));
    assert.equal((await peselViews(other.userId)).length, 0);
  });

  it('a sign-in through Profil Zaufany stores the masked and the encrypted PESEL, encrypted again at the next sign-in', async () => {
    const stored = async () => (await t.database.db.select().from(users).where(eq(users.login, 'ewa.kaminska')))[0];
    const before = await stored();
    assert.equal(before?.peselEnc ?? null, null, 'the test template has none');
    await signedIn(t, 'ewa.kaminska', '+48 600 100 205');
    const first = await stored();
    assert.equal(first?.peselMasked, '92*********');
    assert.match(first?.peselEnc ?? '', /^v1:[\w-]{16}:[\w-]+:[\w-]{22}$/);
    assert.ok(!first!.peselEnc!.includes('92090903482'));
    assert.equal(decryptPesel(t.config.peselKey, first!.peselEnc!), '92090903482');
    await signedIn(t, 'ewa.kaminska', '+48 600 100 205');
    const second = await stored();
    assert.notEqual(second?.peselEnc, first?.peselEnc, 'a fresh IV each time');
    assert.equal(decryptPesel(t.config.peselKey, second!.peselEnc!), '92090903482');
    assert.ok(!logs.text().includes('92090903482'), 'no full PESEL in the logs of the sign-in');
  });
});
