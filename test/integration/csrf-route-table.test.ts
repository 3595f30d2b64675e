import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { attachments, auditLog, profiles, reports, roleRequests, units, unitSurveys, users } from '../../src/db/schema/index.ts';
import { currentReportingYear } from '../../src/domain/reporting/catalogue.ts';
import { warsawDay } from '../../src/lib/warsaw-time.ts';
import { buildTestApp, eventually, getForm, type TestApp } from '../helpers/app.ts';
import { postUpload, uploadBody } from '../helpers/upload.ts';
import { Agent, csrfOf } from '../helpers/agent.ts';
import { loginAsDemo, signedIn, startLogin } from '../helpers/login.ts';
import { demoReportIds, fillReportRoute, formBodies, type DemoReportIds } from '../helpers/route-bodies.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The only routes that take cross-site POSTs: the OIDC provider's own endpoints (token, back-channel). */
const CSRF_OPT_OUT = ['/ueoz/oidc', '/ueoz/oidc/*'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('every state-changing route refuses a missing or foreign CSRF token', () => {
  let t: TestApp;
  let maria: Agent;
  // reporting routes: Administrator CeZ may act on the demo reports, the Toruń clinic's filler still owes the ankieta
  let jan: Agent;
  let robert: Agent;
  let reportIds: DemoReportIds;
  let visitor: Agent;
  let uid = '';
  let ids: { profile: string; request: string; submission: string; file: string; unit: string };
  let bodies: Record<string, Record<string, string>> = {};

  /** a digest of every application table: a refused request must leave all of them as they were */
  const digest = async (): Promise<Record<string, string>> => {
    const rows = async (q: ReturnType<typeof sql.raw>) => ((await t.database.db.execute(q)) as unknown as { rows: Record<string, string>[] }).rows;
    const tables = await rows(
      sql`select table_schema as s, table_name as n from information_schema.tables where table_type = 'BASE TABLE' and table_schema in ('portal', 'identity', 'messaging') order by 1, 2`,
    );
    const out: Record<string, string> = {};
    for (const row of tables) {
      const [r] = await rows(sql.raw(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${row.s}"."${row.n}" x`));
      out[`${row.s}.${row.n}`] = String(r?.h);
    }
    return out;
  };

  /** a concrete path: ids of the signed-in user's own objects where the route names one, else a random UUID */
  const fill = (url: string): string =>
    fillReportRoute(url, reportIds)
      .replace(':uid', uid)
      .replace(/^\/profil\/:(profileId|id)\//, `/profil/${ids.profile}/`)
      .replace(/^\/wnioski\/:id\/wycofaj$/, `/wnioski/${ids.request}/wycofaj`)
      .replace(/^\/wnioski\/:id\//, `/wnioski/${ids.submission}/`)
      .replace(':fileId', ids.file)
      // a schedule that exists (form codes and years are no UUIDs)
      .replace('/zarzadzanie/terminy/:form/:year', '/zarzadzanie/terminy/MZ-11/2025')
      .replace(/:[A-Za-z]+/g, () => randomUUID());

  before(async () => {
    t = await buildTestApp();
    t.clock.now = new Date('2026-11-25T10:00:00Z');
    const db = t.database.db;
    maria = await signedIn(t, 'maria.wisniewska', '+48 600 100 203');
    visitor = new Agent(t);
    uid = (await startLogin(visitor)).split('/').pop()!;

    const [req] = await db.select().from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
    const [starostwo] = await db
      .select({ id: profiles.id })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .innerJoin(units, eq(units.id, profiles.unitId))
      .where(and(eq(users.login, 'maria.wisniewska'), eq(units.sourceKey, 'starostwo-aleksandrow-kujawski')));
    const [kdent] = await db.select({ id: units.id }).from(units).where(eq(units.sourceKey, 'k-dent'));
    // a file of her own to aim "Usuń" at, uploaded properly and scanned
    const page = await maria.get(`/wnioski/${req!.submissionId}/zalaczniki`);
    const up = await postUpload(t, maria, req!.submissionId, csrfOf(page.body), [{ name: 'podpisany.pdf', data: PDF }]);
    assert.equal(up.statusCode, 303, up.body.slice(0, 300));
    const file = await eventually(async () => {
      const [f] = await db
        .select()
        .from(attachments)
        .where(and(eq(attachments.submissionId, req!.submissionId), isNull(attachments.deletedAt)));
      return f && f.scanStatus !== 'pending' ? f : null;
    });
    ids = { profile: starostwo!.id, request: req!.id, submission: req!.submissionId, file: file.id, unit: kdent!.id };
    reportIds = await demoReportIds(db);
    const demoAgent = async (login: string, unitKey: string) => (await loginAsDemo(t, login, unitKey)).agent;
    jan = await demoAgent('jan.kowalski', 'cez');
    robert = await demoAgent('robert.szymanski', 'przychodnia-torun');
    bodies = formBodies({ unitId: kdent!.id, profileId: starostwo!.id });
    // let background jobs (the upload's scan, e-mails) settle before the digest is taken
    let prev = await digest();
    await eventually(async () => {
      await new Promise((r) => setTimeout(r, 200));
      const next = await digest();
      const same = JSON.stringify(next) === JSON.stringify(prev);
      prev = next;
      return same;
    });
  });
  after(() => t.close());

  const stateChanging = () =>
    t.routeTable.flatMap((r) => r.methods.filter((m) => STATE_CHANGING.has(m)).map((method) => ({ method, url: r.url, csrf: r.config.csrf })));

  it('the only opt-outs (config: { csrf: false }) are the OIDC provider endpoints', () => {
    const optOut = [
      ...new Set(
        stateChanging()
          .filter((r) => r.csrf === false)
          .map((r) => r.url),
      ),
    ].sort();
    assert.deepEqual(optOut, CSRF_OPT_OUT);
    assert.ok(stateChanging().filter((r) => !CSRF_OPT_OUT.includes(r.url)).length >= 25, 'the route table was collected');
  });

  it("no token, or a token from another visitor's cookie pair: 403 and nothing changed", async () => {
    const other = await getForm(t.app, '/kontakt');
    const before = await digest();
    const auditBefore = new Set((await t.database.db.select({ id: auditLog.id }).from(auditLog)).map((r) => r.id));
    const wrong: string[] = [];
    for (const r of stateChanging().filter((x) => !CSRF_OPT_OUT.includes(x.url))) {
      const url = fill(r.url);
      const who = r.url.startsWith('/ueoz/logowanie/')
        ? visitor
        : r.url === '/sprawozdania/ankieta'
          ? robert
          : r.url.startsWith('/sprawozdania/')
            ? jan
            : maria;
      const cookie = [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const send = (token: string | null): Promise<LightMyRequestResponse> => {
        if (r.url === '/wnioski/:id/zalaczniki') {
          // uploads carry their token as the body's first part (checked before any file is read)
          const { body, type } = uploadBody(token, [{ name: 'wniosek.pdf', data: PDF }]);
          return t.app.inject({ method: r.method as 'POST', url, payload: body, headers: { 'content-type': type, cookie } });
        }
        const form = new URLSearchParams(bodies[r.url] ?? {});
        if (token) form.set('_csrf', token);
        return t.app.inject({
          method: r.method as 'POST',
          url,
          payload: form.toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        });
      };
      for (const [name, token] of [
        ['no token', null],
        ['foreign token', other.csrf],
      ] as const) {
        const res = await send(token);
        if (res.statusCode !== 403) wrong.push(`${r.method} ${r.url} (${url}) with ${name}: ${res.statusCode}`);
      }
    }
    const afterAll = await digest();
    // each refusal of the signed-in user is a security event in the audit log (and its hash chain): nothing else changes
    const events = (await t.database.db.select({ id: auditLog.id, action: auditLog.action }).from(auditLog)).filter((r) => !auditBefore.has(r.id));
    assert.ok(events.length > 0 && events.every((e) => e.action === 'security.refused'), JSON.stringify(events.slice(0, 5)));
    const changed = Object.keys(before).filter((k) => before[k] !== afterAll[k] && k !== 'portal.audit_log' && k !== 'portal.audit_chain_heads');
    assert.deepEqual({ wrong, changed }, { wrong: [], changed: [] }, `routes that did not refuse:\n${wrong.join('\n')}\ntables changed: ${changed.join(', ')}`);
    // and the signed-in user is still signed in
    assert.equal((await maria.get('/moje-konto')).statusCode, 200);
  });

  // the control of the reporting rows above: with the right token the same paths, people and bodies do act,
  // so the refusals were the token's doing and not a 404 of a made-up id
  it('with the right token the reporting routes act on the demo reports (control)', async () => {
    const db = t.database.db;
    const status = async (id: string) => (await db.select().from(reports).where(eq(reports.id, id)))[0]!;
    const post = async (who: Agent, route: string) => {
      // a report's form carries the revision of the page it came from (a post without one is refused)
      const reportId = /^\/sprawozdania\/([0-9a-f-]{36})\//.exec(fill(route))?.[1];
      const revision: Record<string, string> = reportId ? { rewizja: String((await status(reportId)).revision) } : {};
      const res = await who.post(fill(route), { ...bodies[route], ...revision });
      assert.equal(res.statusCode, 303, `${route}: ${res.body.slice(0, 300)}`);
    };
    const year = currentReportingYear(warsawDay(t.clock.now));
    const answered = async () =>
      (
        await db
          .select({ answers: unitSurveys.answers })
          .from(unitSurveys)
          .innerJoin(units, eq(units.id, unitSurveys.unitId))
          .where(and(eq(units.sourceKey, 'przychodnia-torun'), eq(unitSurveys.year, year)))
      )[0]?.answers ?? null;
    assert.equal(await answered(), null, 'the refused requests left the ankieta unanswered');
    await post(robert, '/sprawozdania/ankieta');
    assert.deepEqual(await answered(), { AMB: 'T' });
    const before = await status(reportIds.fill);
    await post(jan, '/sprawozdania/:id/dzial/:section');
    assert.equal((await status(reportIds.fill)).values['D1.01.1'], '120');
    assert.equal((await status(reportIds.fill)).revision, before.revision + 1);
    await post(jan, '/sprawozdania/:id/weryfikacja');
    assert.deepEqual(
      [(await status(reportIds.verify)).status, (await status(reportIds.verify)).pendingLevel],
      ['do_weryfikacji', 0],
      'CeZ sent it back to the office',
    );
    await post(jan, '/sprawozdania/jednostka/:unitId/:year');
    const approved = await status(reportIds.reopen);
    await post(jan, '/sprawozdania/:id/korekta');
    assert.deepEqual([(await status(reportIds.reopen)).status, (await status(reportIds.reopen)).version], ['do_korekty', approved.version + 1]);
  });
});
