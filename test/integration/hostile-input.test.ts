import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { auditLog, profiles, reports, roleRequests, units, users } from '../../src/db/schema/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { Agent, multipart } from '../helpers/agent.ts';
import { loginAs, loginAsDemo, signedIn, startLogin } from '../helpers/login.ts';
import { captureLogs, logRecords } from '../helpers/logs.ts';
import { demoReportIds, fillReportRoute, formBodies, type DemoReportIds } from '../helpers/route-bodies.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NUL = '\u0000';
const RLO = '\u202E';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * GET routes that read a query, with the parameters they read. Any parameter may arrive with a
 * NUL byte, a bidi override or twice (an array): none of that may end in a 5xx.
 */
const QUERIES: Record<string, string[]> = {
  '/profil/wniosek': ['rodzaj', 'nip', 'regon', 'ksiega', 'nazwa', 'sortuj', 'kierunek', 'strona', 'naStronie'],
  '/moje-konto': [
    'sortOczekujace',
    'kierunek',
    'stronaOczekujace',
    'naStronieOczekujace',
    'sortPozostale',
    'kierunekPozostale',
    'stronaPozostale',
    'naStroniePozostale',
    'wycofano',
    'wybierz',
  ],
  '/start': ['przeniesiono'],
  '/zarzadzanie/jednostki': ['rodzaj', 'nazwa', 'nip', 'regon', 'ksiega', 'teryt', 'woj', 'status', 'sortuj', 'kierunek', 'strona', 'ile'],
  '/zarzadzanie/terminy': ['formularz', 'rok', 'wynik'],
  '/przypomnienie': ['next'],
  '/wnioski/:id': ['zalaczono'],
  '/logowanie': ['next'],
  '/logowanie/callback': ['code', 'state', 'iss', 'error', 'error_description'],
  '/kontakt/wyslano': ['nr'],
  '/dev/poczta': ['to'],
  '/dev/poczta.json': ['to'],
  '/ueoz/aktywuj': ['token'],
  '/ueoz/logowanie/:uid/pz': ['utworzono'],
  '/ueoz/logowanie/:uid/kod': ['nowy'],
  '/ueoz/logowanie/:uid/aktywacja': ['wyslano', 'blad'],
  '/ueoz/oidc/auth': ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method'],
  '/sprawozdania/niefinansowe': ['status', 'formularz', 'rok', 'jednostka', 'terminowosc', 'sortuj', 'ile', 'strona', 'wynik'],
  '/sprawozdania/:id': ['wynik'],
  '/sprawozdania/:id/dzial/:section': ['wynik'],
  '/sprawozdania/:id/roznice': ['od', 'do'],
  '/sprawozdania/jednostka/:unitId/:year': ['wynik'],
};

/** GET routes without a query, asked once as they are (the reporting pages). */
const PLAIN_GETS = [
  '/sprawozdania/ankieta',
  '/sprawozdania/:id/wyslij',
  '/sprawozdania/:id/wersje/:version',
  '/sprawozdania/:id/weryfikacja',
  '/sprawozdania/:id/korekta',
];

/** A reporting route: asked by the Toruń clinic's filler (the ankieta, still due) or by Administrator CeZ (may act on the demo reports). */
const reportingRoute = (route: string) => route.startsWith('/sprawozdania/');

interface Case {
  method: string;
  route: string;
  input: string;
  payload?: string | Buffer;
  contentType?: string;
  query?: string;
}

/** The hostile variants of one form (field → value): one case per field for NUL and bidi. */
function formCases(method: string, route: string, fields: Record<string, string>): Case[] {
  const form = (patch: Record<string, string | string[]>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...fields, ...patch })) for (const one of [v].flat()) p.append(k, one);
    return p.toString();
  };
  const urlencoded = 'application/x-www-form-urlencoded';
  const json = 'application/json';
  const cases: Case[] = [];
  for (const k of Object.keys(fields)) {
    cases.push({ method, route, input: `NUL in ${k}`, payload: form({ [k]: `${fields[k]}${NUL}x` }), contentType: urlencoded });
    cases.push({ method, route, input: `U+202E in ${k}`, payload: form({ [k]: `${RLO}${fields[k]}` }), contentType: urlencoded });
    cases.push({ method, route, input: `${k} twice (array)`, payload: form({ [k]: [fields[k] ?? '', 'b'] }), contentType: urlencoded });
  }
  cases.push({ method, route, input: 'empty body', payload: '', contentType: urlencoded });
  cases.push({ method, route, input: 'no body, no content-type' });
  cases.push({ method, route, input: 'JSON null', payload: 'null', contentType: json });
  cases.push({ method, route, input: 'JSON array body', payload: '["a"]', contentType: json });
  cases.push({
    method,
    route,
    input: 'JSON arrays for strings',
    payload: JSON.stringify(Object.fromEntries(Object.keys(fields).map((k) => [k, ['a', 'b']]))),
    contentType: json,
  });
  cases.push({
    method,
    route,
    input: 'JSON numbers/objects for strings',
    payload: JSON.stringify(Object.fromEntries(Object.keys(fields).map((k, i) => [k, i % 2 ? { a: 1 } : 1]))),
    contentType: json,
  });
  return cases;
}

function queryCases(route: string, params: string[]): Case[] {
  const cases: Case[] = [];
  for (const p of params) {
    cases.push({ method: 'GET', route, input: `NUL in ?${p}`, query: `${p}=a%00b` });
    cases.push({ method: 'GET', route, input: `U+202E in ?${p}`, query: `${p}=${encodeURIComponent(`${RLO}a`)}` });
    cases.push({ method: 'GET', route, input: `?${p} twice (array)`, query: `${p}=a&${p}=b` });
    cases.push({ method: 'GET', route, input: `non-ASCII in ?${p}`, query: `${p}=/%C4%85` });
  }
  return cases;
}

function uploadCases(route: string): Case[] {
  const file = (name: string) => multipart([{ name, data: PDF, type: 'application/pdf' }]);
  const nul = file(`wniosek${NUL}.pdf`);
  const rlo = file(`wniosek${RLO}fdp.exe.pdf`);
  return [
    { method: 'POST', route, input: 'NUL in the file name', payload: nul.body, contentType: nul.type },
    { method: 'POST', route, input: 'U+202E in the file name', payload: rlo.body, contentType: rlo.type },
    { method: 'POST', route, input: 'empty body', payload: '', contentType: 'application/x-www-form-urlencoded' },
    { method: 'POST', route, input: 'no body, no content-type' },
    { method: 'POST', route, input: 'JSON null', payload: 'null', contentType: 'application/json' },
    { method: 'POST', route, input: 'JSON array body', payload: '["a"]', contentType: 'application/json' },
  ];
}

// Point 1 of issue 8: at the input boundary NUL and other control characters and bidi overrides are
// refused with a message, and a missing, null or wrongly typed body answers 400 with the form, never 500.
describe('hostile input: no route answers 5xx', () => {
  let t: TestApp;
  let maria: Agent;
  let mariaToken = '';
  // Administrator CeZ for the routes only he may use ("Terminy sprawozdań"): the hostile input must reach their forms, not a 403
  let jan: Agent;
  let janToken = '';
  let visitor: Agent;
  let visitorToken = '';
  let uid = '';
  let ids: { profile: string; request: string; submission: string; unit: string };
  // reporting: the Toruń clinic's filler (ankieta due); the demo reports Administrator CeZ acts on, and their rows to restore
  let robert: Agent;
  let robertToken = '';
  let reportIds: DemoReportIds;
  let reportRows: (typeof reports.$inferSelect)[] = [];
  let ip = 0;
  let logs: ReturnType<typeof captureLogs>;

  /** Every reporting case starts from the same reports: a case that saved, returned or reopened one is undone. */
  const restoreReports = async () => {
    for (const { id, ...row } of reportRows) await t.database.db.update(reports).set(row).where(eq(reports.id, id));
  };

  const signInMaria = async () => {
    maria = await signedIn(t, 'maria.wisniewska', '+48 600 100 203');
    mariaToken = await maria.csrf();
  };
  const startVisitor = async () => {
    visitor = new Agent(t);
    uid = (await startLogin(visitor)).split('/').pop()!;
    visitorToken = await visitor.csrf();
  };

  const fill = (url: string): string =>
    fillReportRoute(url, reportIds)
      .replace(':uid', uid)
      .replace(/^\/profil\/:(profileId|id)\//, `/profil/${ids.profile}/`)
      .replace(/^\/wnioski\/:id\/wycofaj$/, `/wnioski/${ids.request}/wycofaj`)
      .replace(/^\/wnioski\/:id(\/|$)/, `/wnioski/${ids.submission}$1`)
      // a schedule that exists (form codes and years are no UUIDs)
      .replace('/zarzadzanie/terminy/:form/:year', '/zarzadzanie/terminy/MZ-11/2025')
      .replace(/:[A-Za-z]+/g, () => randomUUID());

  before(async () => {
    // the security events' warn lines are read by a test below (kept from the test output)
    logs = captureLogs();
    t = await buildTestApp({ env: { LOG_LEVEL: 'warn' } });
    t.clock.now = new Date('2026-11-25T10:00:00Z');
    const db = t.database.db;
    await signInMaria();
    await startVisitor();
    const [req] = await db.select().from(roleRequests).where(eq(roleRequests.number, 'U000594/2023'));
    const [starostwo] = await db
      .select({ id: profiles.id })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .innerJoin(units, eq(units.id, profiles.unitId))
      .where(and(eq(users.login, 'maria.wisniewska'), eq(units.sourceKey, 'starostwo-aleksandrow-kujawski')));
    const [kdent] = await db.select({ id: units.id }).from(units).where(eq(units.sourceKey, 'k-dent'));
    ids = { profile: starostwo!.id, request: req!.id, submission: req!.submissionId, unit: kdent!.id };
    const [janCez] = await db
      .select({ userId: users.id, profileId: profiles.id })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .innerJoin(units, eq(units.id, profiles.unitId))
      .where(and(eq(users.login, 'jan.kowalski'), eq(units.sourceKey, 'cez')));
    jan = await loginAs(t, janCez!.userId, { profileId: janCez!.profileId });
    janToken = await jan.csrf();
    robert = await demoAgent('robert.szymanski', 'przychodnia-torun');
    robertToken = await robert.csrf();
    reportIds = await demoReportIds(db);
    reportRows = await db
      .select()
      .from(reports)
      .where(inArray(reports.id, [reportIds.fill, reportIds.verify, reportIds.reopen]));
  });

  const demoAgent = async (login: string, unitKey: string): Promise<Agent> => (await loginAsDemo(t, login, unitKey)).agent;
  after(async () => {
    logs.restore();
    await t.close();
  });

  it('a forbidden character or a wrongly shaped field is a security event: a warn line with the request id, and for a signed-in user an audit row (ASVS V16.3.3)', async () => {
    const db = t.database.db;
    const [mariaRow] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'maria.wisniewska'));
    const [janRow] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'jan.kowalski'));
    const send = (who: Agent, token: string, url: string, payload: string) =>
      t.app.inject({
        method: 'POST',
        url,
        payload,
        remoteAddress: `10.7.0.${++ip % 250}`,
        headers: {
          cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': token,
          'content-type': 'application/x-www-form-urlencoded',
        },
      });
    const eventsOf = async (res: LightMyRequestResponse) => {
      const requestId = String(res.headers['x-request-id']);
      const rows = await db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
      const lines = logRecords(logs.text()).filter(
        (l) => l.event === 'security.input_refused' && (l.reqId === requestId || (l.req as { id?: string } | undefined)?.id === requestId),
      );
      return { rows, lines };
    };
    const contactUrl = `/profil/${ids.profile}/dane-kontaktowe`;

    // a NUL in the phone number (parseForm): 400 with the form, and both records
    const nul = await send(maria, mariaToken, contactUrl, new URLSearchParams({ phone: `600${NUL}100203`, email: 'maria@example.pl' }).toString());
    assert.equal(nul.statusCode, 400);
    let e = await eventsOf(nul);
    assert.equal(e.rows.length, 1, 'one audit row');
    assert.equal(e.rows[0]!.action, 'security.input_refused');
    assert.equal(e.rows[0]!.actorUserId, mariaRow!.id);
    assert.equal(e.rows[0]!.outcome, 'failure');
    assert.deepEqual(
      { ...(e.rows[0]!.details as Record<string, unknown>) },
      {
        code: 'INPUT_REFUSED',
        status: 400,
        method: 'POST',
        route: '/profil/:id/dane-kontaktowe',
        profileId: null,
        fields: ['phone'],
        reason: 'niedozwolone znaki',
      },
    );
    assert.equal(e.lines.length, 1, 'one warn line');
    assert.equal(e.lines[0]!.level, 40);
    assert.equal(e.lines[0]!.userId, mariaRow!.id);
    assert.doesNotMatch(JSON.stringify(e.lines[0]), /600.?100203/, 'the value itself is not logged');

    // the e-mail sent twice (a crafted post): a wrongly shaped field
    const twice = await send(maria, mariaToken, contactUrl, 'phone=600100203&email=a%40example.pl&email=b%40example.pl');
    assert.equal(twice.statusCode, 400);
    e = await eventsOf(twice);
    assert.deepEqual(
      e.rows.map((r) => [(r.details as { fields: string[] }).fields, (r.details as { reason: string }).reason]),
      [[['email'], 'nieprawidłowa postać pola']],
    );

    // a missing field, or a wrong value without such characters, is a mistake, not an attempt: no record
    for (const payload of ['phone=600100203', 'phone=abc&email=nie-adres']) {
      const plain = await send(maria, mariaToken, contactUrl, payload);
      assert.equal(plain.statusCode, 400);
      e = await eventsOf(plain);
      assert.deepEqual([e.rows.length, e.lines.length], [0, 0], payload);
    }

    // a reporting form's own check (a bidi override in the reason of a correction)
    await restoreReports();
    const bidi = await send(
      jan,
      janToken,
      `/sprawozdania/${reportIds.reopen}/korekta`,
      new URLSearchParams({ powod: `Błąd ${RLO}w danych`, rewizja: String(reportRows.find((r) => r.id === reportIds.reopen)!.revision) }).toString(),
    );
    assert.equal(bidi.statusCode, 400);
    e = await eventsOf(bidi);
    assert.deepEqual(
      e.rows.map((r) => [r.action, r.actorUserId, (r.details as { fields: string[] }).fields]),
      [['security.input_refused', janRow!.id, ['powod']]],
    );

    // the identity provider's form, before anyone is signed in: the warn line only (a scanner cannot fill the audit table)
    const pz = await send(visitor, visitorToken, `/ueoz/logowanie/${uid}/pz`, new URLSearchParams({ login: `ewa${NUL}`, password: 'x' }).toString());
    assert.equal(pz.statusCode, 400);
    e = await eventsOf(pz);
    assert.equal(e.rows.length, 0, 'no audit row for an anonymous visitor');
    assert.equal(e.lines.length, 1, 'a warn line');
    assert.deepEqual([e.lines[0]!.userId, e.lines[0]!.fields, e.lines[0]!.route], [null, ['login'], '/ueoz/logowanie/:uid/pz']);
  });

  it('every state-changing route and every GET route with a query', async (ctx) => {
    const bodies = formBodies({ unitId: ids.unit, profileId: ids.profile });
    // the reporting forms carry the revision of the page they came from (the demo report's, restored before each case)
    const revision = (id: string) => String(reportRows.find((r) => r.id === id)!.revision);
    for (const [route, id] of [
      ['/sprawozdania/:id/dzial/:section', reportIds.fill],
      ['/sprawozdania/:id/wyslij', reportIds.fill],
      ['/sprawozdania/:id/weryfikacja', reportIds.verify],
      ['/sprawozdania/:id/korekta', reportIds.reopen],
    ] as const)
      bodies[route] = { ...bodies[route], rewizja: revision(id) };
    const cases: Case[] = [];
    const posts = t.routeTable
      .flatMap((r) => r.methods.filter((m) => STATE_CHANGING.has(m)).map((method) => ({ method, url: r.url })))
      .filter((r) => !r.url.startsWith('/ueoz/oidc'))
      // logging out ends the session the other cases use: last
      .sort((a, b) => Number(a.url === '/wyloguj') - Number(b.url === '/wyloguj'));
    for (const r of posts) cases.push(...(r.url === '/wnioski/:id/zalaczniki' ? uploadCases(r.url) : formCases(r.method, r.url, bodies[r.url] ?? {})));
    cases.push(
      ...formCases('POST', '/ueoz/oidc/token', {
        grant_type: 'authorization_code',
        code: 'abc',
        redirect_uri: 'http://localhost:3000/logowanie/callback',
        client_id: 'ssoz2-portal',
        code_verifier: 'x'.repeat(43),
      }),
    );
    for (const [route, params] of Object.entries(QUERIES)) cases.push(...queryCases(route, params));
    for (const route of PLAIN_GETS) cases.push({ method: 'GET', route, input: 'as it is' });
    const known = new Set(t.routeTable.map((r) => r.url));
    for (const route of [...Object.keys(QUERIES), ...PLAIN_GETS]) assert.ok(known.has(route) || route.startsWith('/ueoz/oidc/'), `${route} is a route`);
    // every reporting route is in the tables above: its POSTs come from the route table, its GETs from QUERIES or PLAIN_GETS
    for (const r of t.routeTable.filter((x) => reportingRoute(x.url) && x.methods.includes('GET')))
      assert.ok(r.url in QUERIES || PLAIN_GETS.includes(r.url), `GET ${r.url} has hostile cases`);

    const results: { route: string; input: string; status: number }[] = [];
    const unreached: string[] = [];
    for (const c of cases) {
      const identity = c.route.startsWith('/ueoz/');
      const anonymous = c.route === '/logowanie' || c.route === '/logowanie/callback' || c.route.startsWith('/ueoz/oidc');
      const who =
        identity || anonymous
          ? visitor
          : c.route === '/sprawozdania/ankieta'
            ? robert
            : c.route.startsWith('/zarzadzanie/terminy') || reportingRoute(c.route)
              ? jan
              : maria;
      if (reportingRoute(c.route)) await restoreReports();
      const headers: Record<string, string> = { cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
      if (c.contentType) headers['content-type'] = c.contentType;
      const token = who === maria ? mariaToken : who === jan ? janToken : who === robert ? robertToken : visitorToken;
      let url = fill(c.route) + (c.query ? `?${c.query}` : '');
      if (c.method !== 'GET') {
        headers['x-csrf-token'] = token;
        if (c.route === '/wnioski/:id/zalaczniki') url += `?_csrf=${encodeURIComponent(token)}`;
      }
      let res: LightMyRequestResponse;
      try {
        res = await t.app.inject({
          method: c.method as 'GET' | 'POST',
          url,
          headers,
          remoteAddress: `10.9.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`,
          ...(c.payload !== undefined ? { payload: c.payload } : {}),
        });
      } catch (err) {
        results.push({ route: `${c.method} ${c.route}`, input: c.input, status: -1 });
        ctx.diagnostic(`${c.method} ${c.route} ${c.input}: inject threw ${String(err)}`);
        continue;
      }
      results.push({ route: `${c.method} ${c.route}`, input: c.input, status: res.statusCode });
      if (who === jan) assert.notEqual(res.statusCode, 403, `${c.method} ${c.route} ${c.input}: reached as Administrator CeZ`);
      if (who === robert) assert.notEqual(res.statusCode, 403, `${c.method} ${c.route} ${c.input}: reached as the unit's filler`);
      // a reporting route reaches its handler: a page is shown (200), a form refused with its errors (400) or acted on (303);
      // never a 404 of a made-up id or a 403 of someone who may not
      // (the GET of a decision's address only leads back to the report: 303)
      const reached = c.method === 'GET' ? (/\/(weryfikacja|korekta)$/.test(c.route) ? [303] : [200]) : [303, 400];
      if (reportingRoute(c.route) && !reached.includes(res.statusCode)) unreached.push(`${c.method} ${c.route} ${c.input}: ${res.statusCode}`);
      if (res.statusCode === 403 && c.method !== 'GET') ctx.diagnostic(`403 (CSRF?) on ${c.method} ${c.route} ${c.input}`);
      // a case that ended the session or the login in progress: start them again for the next cases
      if (res.cookies.some((k) => k.name === 'ssoz-sid' && (k.value === '' || k.maxAge === 0))) {
        if (who === maria) await signInMaria();
        else await startVisitor();
      } else if (who === maria && c.route === '/wyloguj') await signInMaria();
    }

    const byStatus = new Map<number, number>();
    for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    ctx.diagnostic(
      `answers by status: ${[...byStatus]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}`,
    );
    const failures = results.filter((r) => r.status >= 500 || r.status < 0);
    const width = Math.max(...failures.map((f) => f.route.length), 5);
    const table = [
      'route'.padEnd(width) + ' | status | input',
      ...failures.map((f) => `${f.route.padEnd(width)} | ${String(f.status).padStart(6)} | ${f.input}`),
    ].join('\n');
    if (failures.length) ctx.diagnostic(`${failures.length} of ${results.length} hostile inputs answered 5xx:\n${table}`);
    assert.ok(results.length > 300, `${results.length} cases ran`);
    assert.equal(failures.length, 0, `hostile inputs answered 5xx (route | status | input):\n${table}`);
    assert.deepEqual(unreached, [], 'reporting routes that did not reach their handler');
  });

  it('reporting routes: made-up ids, unknown sections and versions, and other people’s sessions answer 303/400/403/404, never 5xx', async () => {
    const db = t.database.db;
    const mariaStarostwo = await demoAgent('maria.wisniewska', 'starostwo-aleksandrow-kujawski');
    const mariaCez = await demoAgent('maria.wisniewska', 'cez');
    const noProfile = await loginAs(t, (await db.select({ id: users.id }).from(users).where(eq(users.login, 'maria.wisniewska')))[0]!.id);
    const agents = { robert, mariaStarostwo, mariaCez, noProfile, jan };
    const tokens = new Map<Agent, string>();
    for (const a of Object.values(agents)) tokens.set(a, await a.csrf());
    const bodies = formBodies({ unitId: ids.unit, profileId: ids.profile });
    const routes = t.routeTable
      .filter((r) => r.url.startsWith('/sprawozdania/:id'))
      .flatMap((r) => r.methods.filter((m) => m === 'GET' || m === 'POST').map((method) => ({ method, url: r.url })));
    assert.ok(routes.length >= 9, `${routes.length} reporting routes with an id`);

    // [who, path, the answers it may get]
    const cases: { who: keyof typeof agents; method: string; route: string; url: string; allowed: number[] }[] = [];
    for (const r of routes) {
      const real = fillReportRoute(r.url, reportIds);
      const ownerOf = real.split('/')[2]!;
      // a made-up id, an id that is no UUID, and a NUL in the id: nothing is found
      for (const bad of [randomUUID(), 'abc', '1', `${ownerOf.slice(0, -1)}%00`, `${ownerOf}%E2%80%AE`])
        cases.push({ who: 'jan', method: r.method, route: r.url, url: real.replace(ownerOf, bad), allowed: [404] });
      // a filler of another unit: the report does not exist for him; no profile worked in: neither
      cases.push({ who: 'robert', method: r.method, route: r.url, url: real, allowed: [404] });
      cases.push({ who: 'noProfile', method: r.method, route: r.url, url: real, allowed: [303, 404] });
      // Pracownik CeZ finds reports but opens none of them
      cases.push({ who: 'mariaCez', method: r.method, route: r.url, url: real, allowed: [403] });
    }
    // the unit's own filler may not verify or reopen (the page, read-only, or 403)
    for (const route of ['/sprawozdania/:id/weryfikacja', '/sprawozdania/:id/korekta']) {
      const own = route.endsWith('korekta') ? reportIds.reopen : reportIds.fill;
      cases.push({ who: 'mariaStarostwo', method: 'POST', route, url: route.replace(':id', own), allowed: [303, 403] });
    }
    // an unknown section, version or difference
    for (const url of [
      `/sprawozdania/${reportIds.fill}/dzial/D99`,
      `/sprawozdania/${reportIds.fill}/dzial/D1%00`,
      `/sprawozdania/${reportIds.fill}/dzial/${'D'.repeat(40)}`,
    ]) {
      cases.push({ who: 'jan', method: 'GET', route: '/sprawozdania/:id/dzial/:section', url, allowed: [404] });
      cases.push({ who: 'jan', method: 'POST', route: '/sprawozdania/:id/dzial/:section', url, allowed: [404] });
    }
    for (const v of ['0', '999', 'abc', '-1', '1.5', '%00'])
      cases.push({
        who: 'jan',
        method: 'GET',
        route: '/sprawozdania/:id/wersje/:version',
        url: `/sprawozdania/${reportIds.reopen}/wersje/${v}`,
        allowed: [404],
      });
    for (const q of ['od=999&do=1', 'od=1&do=999'])
      cases.push({ who: 'jan', method: 'GET', route: '/sprawozdania/:id/roznice', url: `/sprawozdania/${reportIds.reopen}/roznice?${q}`, allowed: [404] });

    const wrong: string[] = [];
    for (const c of cases) {
      await restoreReports();
      const who = agents[c.who];
      const headers: Record<string, string> = { cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
      let payload: string | undefined;
      if (c.method === 'POST') {
        headers['x-csrf-token'] = tokens.get(who)!;
        headers['content-type'] = 'application/x-www-form-urlencoded';
        payload = new URLSearchParams(bodies[c.route] ?? {}).toString();
      }
      const res = await t.app.inject({
        method: c.method as 'GET' | 'POST',
        url: c.url,
        headers,
        remoteAddress: `10.8.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`,
        ...(payload !== undefined ? { payload } : {}),
      });
      if (!c.allowed.includes(res.statusCode)) wrong.push(`${c.who} ${c.method} ${c.url}: ${res.statusCode}, expected ${c.allowed.join('/')}`);
      // a refused request changes no report
      const now = await db
        .select({ id: reports.id, revision: reports.revision })
        .from(reports)
        .where(inArray(reports.id, [reportIds.fill, reportIds.verify, reportIds.reopen]));
      for (const r of now)
        if (r.revision !== reportRows.find((x) => x.id === r.id)!.revision) wrong.push(`${c.who} ${c.method} ${c.url}: changed report ${r.id}`);
    }
    assert.deepEqual(wrong, []);
  });
});
