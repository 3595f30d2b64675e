import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { reports, units, unitSurveys } from '../../src/db/schema/index.ts';
import { currentReportingYear } from '../../src/domain/reporting/catalogue.ts';
import { REPORT_STATUSES } from '../../src/domain/reporting/lifecycle.ts';
import { warsawDay } from '../../src/lib/warsaw-time.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { pathOf, type Agent } from '../helpers/agent.ts';
import { loginAsDemo } from '../helpers/login.ts';

/** Issue 10, point 8: on the first start every demo filler and verifier finds reporting work. */
describe('Demo reports: obligations of the current and previous year in every status', () => {
  let t: TestApp;
  let year: number;

  const agent = async (login: string, unitKey: string): Promise<Agent> => (await loginAsDemo(t, login, unitKey)).agent;

  /** the home tile's count of a status */
  async function tile(a: Agent): Promise<Record<string, number>> {
    const home = await a.get('/start');
    assert.equal(home.statusCode, 200);
    return Object.fromEntries([...home.body.matchAll(/data-qa="tile-count-([a-z_]+)">[\s\S]*?<strong>(\d+)<\/strong>/g)].map((m) => [m[1]!, Number(m[2])]));
  }

  before(async () => {
    t = await buildTestApp();
    year = currentReportingYear(warsawDay(t.clock.now));
  });
  after(async () => t?.close());

  it('has reports of both years, every status in the current one, approved versions in the previous one', async () => {
    const rows = await t.database.db
      .select({ year: reports.year, status: reports.status, n: sql<number>`count(*)::int` })
      .from(reports)
      .groupBy(reports.year, reports.status);
    const current = new Set(rows.filter((r) => r.year === year).map((r) => r.status));
    assert.deepEqual([...current].sort(), [...REPORT_STATUSES].sort());
    const previous = rows.filter((r) => r.year === year - 1);
    assert.ok(previous.some((r) => r.status === 'zatwierdzone' && r.n >= 10));
  });

  it('the Toruń clinic has no answered ankieta this year, so its filler is asked first', async () => {
    const [unit] = await t.database.db.select().from(units).where(eq(units.sourceKey, 'przychodnia-torun'));
    const s = await t.database.db
      .select()
      .from(unitSurveys)
      .where(and(eq(unitSurveys.unitId, unit!.id), eq(unitSurveys.year, year)));
    assert.equal(s.length, 0);
    const home = await (await agent('robert.szymanski', 'przychodnia-torun')).get('/start');
    assert.equal(pathOf(home), '/sprawozdania/ankieta');
  });

  it('every demo filler and verifier sees work on the home tile', async () => {
    const maria = await tile(await agent('maria.wisniewska', 'starostwo-aleksandrow-kujawski'));
    assert.ok(maria.do_wypelnienia! >= 1 && maria.zatwierdzone! >= 1, `maria (Starostwo): ${JSON.stringify(maria)}`);
    const zofia = await tile(await agent('zofia.nowicka', 'uw-04'));
    assert.ok(zofia.do_weryfikacji! >= 1 && zofia.do_korekty! >= 1 && zofia.zatwierdzone! >= 1, `zofia: ${JSON.stringify(zofia)}`);
    const jan = await tile(await agent('jan.kowalski', 'cez'));
    for (const s of ['do_wypelnienia', 'do_weryfikacji', 'do_korekty', 'zatwierdzone']) assert.ok(jan[s]! >= 1, `jan ${s}: ${JSON.stringify(jan)}`);
    const cez = await tile(await agent('maria.wisniewska', 'cez'));
    const [all] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(reports)
      .where(sql`${reports.cancelledAt} is null`);
    assert.equal(cez.wszystkie, all!.n, 'Pracownik CeZ counts every report');
    // the verifier's "Do weryfikacji" is what waits at her own level
    const [uw] = await t.database.db.select().from(units).where(eq(units.sourceKey, 'uw-04'));
    const [mine] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(reports)
      .where(sql`${reports.status} = 'do_weryfikacji' and ${reports.levelUnitIds}[${reports.pendingLevel} + 1] = ${uw!.id}::uuid`);
    assert.equal(zofia.do_weryfikacji, mine!.n);
  });
});
