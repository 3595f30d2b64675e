import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, roleRequests, units } from '../../src/db/schema/index.ts';
import { buildProfile, buildRequest, buildUnit, buildUser } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import type { Agent } from '../helpers/agent.ts';
import { loginAs } from '../helpers/login.ts';

type UnitRow = typeof units.$inferSelect;
const DAY = 86_400_000;

/** The rows of one report's table as [label, …cells] (tags removed). */
function table(html: string, key: string): string[][] {
  const t = new RegExp(`<table class="table" data-qa="report-table-${key}">([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (!t) return [];
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(t)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()),
  );
}
const rowOf = (rows: string[][], label: string) => rows.find((r) => r[0] === label);

describe('Zarządzanie → Raporty: counts, decision times, scope, chart and CSV', () => {
  let t: TestApp;
  let cez: UnitRow;
  let uw: UnitRow;
  let otherUw: UnitRow;
  let admin: Agent;
  let uwAdmin: Agent;
  let plain: Agent;
  const db = () => t.database.db;

  async function member(unit: UnitRow, roleCode: string, at?: Date) {
    const { profile, user } = await buildProfile(db(), { unit });
    await buildRequest(db(), { profile, roleCode, status: 'zatwierdzony', verifyingUnit: unit, ...(at ? { at } : {}) });
    return { agent: await loginAs(t, user.id, { profileId: profile.id }), userId: user.id };
  }

  /** a request routed to `verifier`, submitted `daysAgo`, decided after `tookDays` by `by` (or left pending) */
  async function decided(verifier: UnitRow, unit: UnitRow, status: 'zatwierdzony' | 'odrzucony' | 'oczekujacy', submitted: Date, tookDays: number, by: string) {
    const { profile } = await buildProfile(db(), { unit });
    const r = await buildRequest(db(), { profile, verifyingUnit: verifier, status, at: submitted });
    if (status !== 'oczekujacy') {
      await db()
        .update(roleRequests)
        .set({ decidedAt: new Date(submitted.getTime() + tookDays * DAY), decidedBy: by })
        .where(eq(roleRequests.id, r.requestId));
    }
    return r;
  }

  before(async () => {
    t = await buildTestApp();
    [cez] = (await db().select().from(units).where(eq(units.sourceKey, 'cez'))) as [UnitRow];
    uw = await buildUnit(db(), { kindCode: 'UW', name: 'Urząd Raportowy', voivodeshipCode: '30', voivodeship: 'wielkopolskie' });
    otherUw = await buildUnit(db(), { kindCode: 'UW', name: 'Urząd Inny', voivodeshipCode: '32', voivodeship: 'zachodniopomorskie' });
    admin = (await member(cez, 'ADMIN_CEZ')).agent;
    const uwA = await member(uw, 'ADMIN_UW', new Date('2024-02-20T10:00:00Z'));
    uwAdmin = uwA.agent;
    plain = (await member(await buildUnit(db()), 'WYP_NIEFIN')).agent;
    const clinic = await buildUnit(db(), { kindCode: 'PODM', voivodeshipCode: '30', voivodeship: 'wielkopolskie' });
    const practice = await buildUnit(db(), { kindCode: 'PRAKT', voivodeshipCode: '30', voivodeship: 'wielkopolskie' });
    const by = (await buildUser(db())).id;
    // routed to the UW: decisions after 1, 2, 3, 4 and 10 days; one pending; one in another month
    const jan = new Date('2024-01-15T10:00:00Z');
    for (const [i, d] of [1, 2, 3, 4, 10].entries()) await decided(uw, i % 2 ? practice : clinic, i === 4 ? 'odrzucony' : 'zatwierdzony', jan, d, by);
    await decided(uw, clinic, 'oczekujacy', new Date('2024-03-05T10:00:00Z'), 0, by);
    // routed elsewhere: 2 approved after 30 days
    for (let i = 0; i < 2; i++)
      await decided(otherUw, await buildUnit(db(), { voivodeshipCode: '32', voivodeship: 'zachodniopomorskie' }), 'zatwierdzony', jan, 30, by);
    // withdrawn by its applicant: not a verifier's decision
    const w = await buildProfile(db(), { unit: clinic });
    const wr = await buildRequest(db(), { profile: w.profile, verifyingUnit: uw, status: 'odrzucony', at: jan });
    await db()
      .update(roleRequests)
      .set({ decidedAt: new Date(jan.getTime() + 100 * DAY), decidedBy: w.user.id })
      .where(eq(roleRequests.id, wr.requestId));
  });
  after(() => t.close());

  it('opens for profiles holding RAPORTY_TWORZ only', async () => {
    assert.equal((await admin.get('/zarzadzanie/raporty')).statusCode, 200);
    assert.equal((await uwAdmin.get('/zarzadzanie/raporty')).statusCode, 200);
    assert.equal((await plain.get('/zarzadzanie/raporty')).statusCode, 403);
    assert.equal((await plain.get('/zarzadzanie/raporty/statusy.csv')).statusCode, 403);
    assert.equal((await admin.get('/zarzadzanie/raporty/nieznany.csv')).statusCode, 404);
    assert.match((await uwAdmin.get('/zarzadzanie')).body, /href="\/zarzadzanie\/raporty"/);
  });

  it('an office sees what it verifies: counts by status, role, voivodeship and month; median and p90 of decision time', async () => {
    const html = (await uwAdmin.get('/zarzadzanie/raporty')).body;
    assert.match(html, /wnioski o role skierowane do weryfikacji do jednostki Urząd Raportowy/);
    const status = table(html, 'statusy');
    // its own admin's approved request (built above) + 4 approved + 1 rejected + 1 withdrawn (rejected) + 1 pending
    assert.deepEqual(rowOf(status, 'Zatwierdzony'), ['Zatwierdzony', '5']);
    assert.deepEqual(rowOf(status, 'Odrzucony'), ['Odrzucony', '2']);
    assert.deepEqual(rowOf(status, 'Oczekujący'), ['Oczekujący', '1']);
    assert.match(html, /<th scope="row">Razem<\/th><td class="num" data-label="Liczba">8<\/td>/);
    const voiv = table(html, 'wojewodztwa');
    assert.ok(!voiv.some((r) => r[0] === 'zachodniopomorskie'), 'requests routed to another office are not counted');
    const months = table(html, 'miesiace');
    assert.deepEqual(rowOf(months, '2024-01'), ['2024-01', '6']);
    assert.deepEqual(rowOf(months, '2024-02'), ['2024-02', '1']);
    assert.deepEqual(months.at(-1), ['2024-03', '1']);
    assert.deepEqual(rowOf(months, '2024-03'), ['2024-03', '1']);
    const times = table(html, 'czas-decyzji');
    assert.equal(times.length, 1);
    // 1, 2, 3, 4, 10 days (the withdrawal and the admin's own instant approval by… itself do not count): median 3, p90 = 4 + 0.6·6 = 7.6
    assert.deepEqual(times[0], ['Urząd Raportowy', '5', '3', '7,6']);
    const roles = table(html, 'role');
    assert.ok(rowOf(roles, 'Wypełniający sprawozdania niefinansowe'));
    // the chart: an image named by its title and description, bars drawn on the server
    assert.match(html, /<svg class="bar-chart"[^>]*role="img"[^>]*aria-labelledby="r-statusy-chart-title r-statusy-chart-desc"/);
    assert.match(html, /<title id="r-statusy-chart-title">Wnioski o role według statusu<\/title>/);
    assert.match(html, /<desc id="r-statusy-chart-desc">[^<]*tabela[^<]*<\/desc>/);
    assert.ok((html.match(/<rect /g) ?? []).length >= 6);
  });

  it('Centrum e-Zdrowia sees the whole system; active users are counted per unit kind', async () => {
    const html = (await admin.get('/zarzadzanie/raporty')).body;
    assert.match(html, /cały system/);
    const times = table(html, 'czas-decyzji');
    assert.deepEqual(rowOf(times, 'Urząd Inny'), ['Urząd Inny', '2', '30', '30']);
    assert.ok(rowOf(times, 'Urząd Raportowy'));
    assert.ok(table(html, 'wojewodztwa').some((r) => r[0] === 'zachodniopomorskie'));
    const users = table(html, 'uzytkownicy');
    assert.ok(Number(rowOf(users, 'Centrum e-Zdrowia')?.[1]) >= 1, JSON.stringify(users));
    // the office: only the active profiles holding a role it approved
    const office = table((await uwAdmin.get('/zarzadzanie/raporty')).body, 'uzytkownicy');
    const officeTotal = office.reduce((a, r) => a + Number(r[1]), 0);
    assert.equal(officeTotal, 5, JSON.stringify(office)); // its admin + 4 approved applicants
  });

  it('each report downloads as CSV (BOM, ";", decimal comma) and the export is audited', async () => {
    const res = await uwAdmin.get('/zarzadzanie/raporty/czas-decyzji.csv');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /filename="raport-czas-decyzji-\d{4}-\d{2}-\d{2}\.csv"/);
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(res.rawPayload.toString('utf8').slice(1), 'Jednostka weryfikująca;Decyzje;Mediana (dni);90. percentyl (dni)\r\nUrząd Raportowy;5;3;7,6\r\n');
    const status = (await uwAdmin.get('/zarzadzanie/raporty/statusy.csv')).rawPayload.toString('utf8');
    assert.match(status, /\r\nZatwierdzony;5\r\n/);
    const audited = await db().select().from(auditLog).where(eq(auditLog.action, 'management.report_exported'));
    assert.equal(audited.length, 2);
    assert.deepEqual(
      audited.map((a) => a.details.report),
      ['czas-decyzji', 'statusy'],
    );
  });

  it('the by-month report lists the months in which requests were submitted, the newest 24, and names the older ones', async () => {
    const office = await buildUnit(db(), { kindCode: 'UW', name: 'Urząd Miesięczny', voivodeshipCode: '12', voivodeship: 'małopolskie' });
    const officeAdmin = (await member(office, 'ADMIN_UW', new Date('2019-01-10T10:00:00Z'))).agent;
    const clinic = await buildUnit(db(), { voivodeshipCode: '12', voivodeship: 'małopolskie' });
    const by = (await buildUser(db())).id;
    // 26 months with requests, every other month from 2019-01 (2019-01 holds the admin's own + 2 more); gaps between them
    for (let i = 0; i < 26; i++) {
      const at = new Date(Date.UTC(2019, i * 2, 10, 10));
      for (let k = 0; k < (i === 0 ? 2 : 1); k++) await decided(office, clinic, 'oczekujacy', at, 0, by);
    }
    const html = (await officeAdmin.get('/zarzadzanie/raporty')).body;
    const months = table(html, 'miesiace');
    assert.equal(months.length, 24, JSON.stringify(months));
    assert.ok(
      months.every((r) => Number(r[1]) > 0),
      'no empty months',
    );
    // the two oldest (2019-01 with 3 requests, 2019-03 with 1) are left out and named in the note
    assert.deepEqual(months[0], ['2019-05', '1']);
    assert.deepEqual(months.at(-1), ['2023-03', '1']);
    const section = /data-qa="report-miesiace">([\s\S]*?)<\/section>/.exec(html)![1]!;
    assert.match(section, /<th scope="row">Razem<\/th><td class="num" data-label="Liczba">24<\/td>/);
    assert.match(section, /najwyżej 24 ostatnich/);
    assert.match(section, /Nie pokazano starszych miesięcy z wnioskami: 2 miesiące, łącznie 4 wnioski\./);
    const csv = (await officeAdmin.get('/zarzadzanie/raporty/miesiace.csv')).rawPayload.toString('utf8');
    assert.equal(csv.split('\r\n').filter(Boolean).length, 25);
    // an office with fewer months: no note about older ones
    assert.doesNotMatch(/data-qa="report-miesiace">([\s\S]*?)<\/section>/.exec((await uwAdmin.get('/zarzadzanie/raporty')).body)![1]!, /Nie pokazano/);
  });
});
