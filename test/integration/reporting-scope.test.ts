import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { formDeadlines, reports, units } from '../../src/db/schema/index.ts';
import { currentReportingYear } from '../../src/domain/reporting/catalogue.ts';
import { REPORT_STATUS_LABELS, type ReportStatus } from '../../src/domain/reporting/lifecycle.ts';
import { warsawDay } from '../../src/lib/warsaw-time.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { pathOf, type Agent } from '../helpers/agent.ts';
import { loginAsDemo } from '../helpers/login.ts';

/**
 * The scope of "Sprawozdania niefinansowe" over HTTP on the demo data: whose reports each demo
 * profile's list and home tile hold (compared with the reports table read directly), the filters of
 * the list's URL, and that a value the list does not know falls back to its default.
 */

const LIST = '/sprawozdania/niefinansowe';
const TILE_STATUSES = ['do_wypelnienia', 'do_weryfikacji', 'do_korekty', 'zatwierdzone', 'wszystkie'] as const;
const TAB_STATUSES = ['do_wypelnienia', 'w_trakcie', 'do_weryfikacji', 'do_korekty', 'zatwierdzone', 'wszystkie'] as const;

type Row = typeof reports.$inferSelect;

interface ListedRow {
  id: string;
  status: string;
  timeliness: string;
  year: number;
  form: string;
  links: boolean;
}

/** The rows of one list page, in order: id, status label, timeliness label, year, form, whether the row links to the content. */
function rowsOf(html: string): ListedRow[] {
  const out: ListedRow[] = [];
  for (const m of html.matchAll(/<tr data-qa="report-row-([0-9a-f-]{36})">([\s\S]*?)<\/tr>/g)) {
    const body = m[2]!;
    out.push({
      id: m[1]!,
      status: /data-qa="report-status"[^>]*>([^<]*)</.exec(body)?.[1] ?? '',
      timeliness: /data-qa="report-timeliness"[^>]*>([^<]*)</.exec(body)?.[1] ?? '',
      year: Number(/data-label="Rok"[^>]*>(\d{4})</.exec(body)?.[1]),
      form: /<abbr[^>]*>([^<]*)<\/abbr>/.exec(body)?.[1] ?? '',
      links: body.includes(`href="/sprawozdania/${m[1]}"`),
    });
  }
  return out;
}

const totalOf = (html: string) => Number(/data-qa="reports-total"[^>]*>(\d+)</.exec(html)?.[1]);

function tileCounts(html: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of TILE_STATUSES) {
    const m = new RegExp(`data-qa="tile-count-${s}">[\\s\\S]*?<strong>(\\d+)</strong>`).exec(html);
    if (m) out[s] = Number(m[1]);
  }
  return out;
}

function tabCounts(html: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of TAB_STATUSES) {
    const m = new RegExp(`data-qa="tab-${s}"[^>]*>[\\s\\S]*?\\(<span>(\\d+)</span>\\)`).exec(html);
    if (m) out[s] = Number(m[1]);
  }
  return out;
}

/** Expected counts of a set of reports as the tiles and tabs show them ("Do wypełnienia" holds the drafts too). */
function countsOf(rows: readonly Row[], pendingHere: (r: Row) => boolean = () => true): Record<string, number> {
  const n = (f: (r: Row) => boolean) => rows.filter(f).length;
  return {
    do_wypelnienia: n((r) => r.status === 'do_wypelnienia' || r.status === 'w_trakcie'),
    w_trakcie: n((r) => r.status === 'w_trakcie'),
    do_weryfikacji: n((r) => r.status === 'do_weryfikacji' && pendingHere(r)),
    do_korekty: n((r) => r.status === 'do_korekty'),
    zatwierdzone: n((r) => r.status === 'zatwierdzone'),
    wszystkie: rows.length,
  };
}

const pick = (c: Record<string, number>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, c[k]]));
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('Sprawozdania niefinansowe: whose reports each profile lists and counts, and the list’s filters', () => {
  let t: TestApp;
  let year: number;
  let all: Row[];
  let unitName: Map<string, string>;
  let uw04: string;
  let starostwo: string;
  let torun: string;
  /** a report of the Kujawsko-Pomorski chain moved on to CeZ's level for this test (level 1 pending) */
  let atCez: string;
  /** a report sent on its due day: on time, not late */
  let sentOnDueDay: string;
  const agents: Record<string, Agent> = {};

  const unitId = async (key: string) => (await t.database.db.select({ id: units.id }).from(units).where(eq(units.sourceKey, key)))[0]!.id;

  const demoAgent = async (login: string, unitKey: string): Promise<Agent> => (await loginAsDemo(t, login, unitKey)).agent;

  /** Every row of a list URL, through every page (100 a page). */
  async function listAll(a: Agent, query = ''): Promise<{ rows: ListedRow[]; total: number; first: string }> {
    const sep = query ? '&' : '';
    const first = await a.get(`${LIST}?${query}${sep}ile=100`);
    assert.equal(first.statusCode, 200, `${query}: ${first.body.slice(0, 300)}`);
    const total = totalOf(first.body);
    const rows = rowsOf(first.body);
    for (let page = 2; page <= Math.ceil(total / 100); page++) {
      const res = await a.get(`${LIST}?${query}${sep}ile=100&strona=${page}`);
      assert.equal(res.statusCode, 200);
      rows.push(...rowsOf(res.body));
    }
    assert.equal(rows.length, total, `${query}: every row of the ${total} was read`);
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, `${query}: no row on two pages`);
    return { rows, total, first: first.body };
  }

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    year = currentReportingYear(warsawDay(t.clock.now));
    uw04 = await unitId('uw-04');
    starostwo = await unitId('starostwo-aleksandrow-kujawski');
    torun = await unitId('przychodnia-torun');
    // the demo has no report of this chain waiting at CeZ's level: move one there, so that "waiting at my level" differs from "in my chain"
    const candidates = (await db.select().from(reports).where(eq(reports.status, 'do_weryfikacji'))).filter(
      (r) => r.levelUnitIds[0] === uw04 && r.pendingLevel === 0 && r.levelUnitIds.length === 2,
    );
    assert.ok(candidates.length >= 2, 'the demo has reports waiting at the Kujawsko-Pomorski office');
    atCez = candidates[0]!.id;
    await db.update(reports).set({ pendingLevel: 1 }).where(eq(reports.id, atCez));
    // the boundaries of timeliness: MZ-88 of this year is due today, and one MZ-11 of this year was sent on its very due day
    const today = warsawDay(t.clock.now);
    await db
      .update(formDeadlines)
      .set({ dueOn: today })
      .where(and(eq(formDeadlines.form, 'MZ-88'), eq(formDeadlines.year, year), eq(formDeadlines.level, 'jednostka')));
    const [mz11Due] = await db
      .select({ dueOn: formDeadlines.dueOn })
      .from(formDeadlines)
      .where(and(eq(formDeadlines.form, 'MZ-11'), eq(formDeadlines.year, year), eq(formDeadlines.level, 'jednostka')));
    const sent = (
      await db
        .select()
        .from(reports)
        .where(and(eq(reports.form, 'MZ-11'), eq(reports.year, year)))
    ).find((r) => r.firstSubmittedOn !== null);
    assert.ok(sent && mz11Due, 'a sent MZ-11 of this year');
    sentOnDueDay = sent.id;
    await db.update(reports).set({ firstSubmittedOn: mz11Due.dueOn }).where(eq(reports.id, sentOnDueDay));
    all = await db
      .select()
      .from(reports)
      .where(and(eq(reports.area, 'niefinansowe'), isNull(reports.cancelledAt)));
    unitName = new Map((await db.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.id, u.name]));
    agents.mariaStarostwo = await demoAgent('maria.wisniewska', 'starostwo-aleksandrow-kujawski');
    agents.mariaCez = await demoAgent('maria.wisniewska', 'cez');
    agents.zofia = await demoAgent('zofia.nowicka', 'uw-04');
    agents.jan = await demoAgent('jan.kowalski', 'cez');
    agents.robert = await demoAgent('robert.szymanski', 'przychodnia-torun');
  });
  after(async () => t?.close());

  it('the demo data covers what this test tells apart', () => {
    const statuses = new Set<string>(all.map((r) => r.status));
    for (const s of ['do_wypelnienia', 'w_trakcie', 'do_weryfikacji', 'do_korekty', 'zatwierdzone']) assert.ok(statuses.has(s), s);
    assert.ok(
      all.some((r) => !r.levelUnitIds.includes(uw04)),
      'reports of other voivodeships exist',
    );
    assert.ok(new Set(all.map((r) => r.year)).size >= 2, 'two reporting years');
  });

  it('maria.wisniewska in Starostwo: only her unit’s reports, with links; the tile counts them', async () => {
    const a = agents.mariaStarostwo!;
    const mine = all.filter((r) => r.unitId === starostwo);
    assert.ok(mine.length > 0 && mine.length < all.length);
    const { rows, first } = await listAll(a);
    assert.deepEqual(sorted(rows.map((r) => r.id)), sorted(mine.map((r) => r.id)));
    assert.ok(
      rows.every((r) => r.links),
      'her own reports open',
    );
    assert.deepEqual(tabCounts(first), countsOf(mine));
    const home = await a.get('/start');
    assert.equal(home.statusCode, 200);
    assert.deepEqual(tileCounts(home.body), pick(countsOf(mine), TILE_STATUSES));
  });

  it('maria.wisniewska as Pracownik CeZ: every report, none linked to its content; the tile counts all', async () => {
    const a = agents.mariaCez!;
    const { rows, first } = await listAll(a);
    assert.deepEqual(sorted(rows.map((r) => r.id)), sorted(all.map((r) => r.id)));
    assert.deepEqual(
      rows.filter((r) => r.links).map((r) => r.id),
      [],
      'no link to any report’s content',
    );
    assert.doesNotMatch(first, /href="\/sprawozdania\/[0-9a-f-]{36}"/);
    assert.deepEqual(tabCounts(first), countsOf(all));
    const home = await a.get('/start');
    assert.equal(home.statusCode, 200);
    assert.deepEqual(tileCounts(home.body), pick(countsOf(all), TILE_STATUSES));
    // the metadata is found, the content refused
    assert.equal((await a.get(`/sprawozdania/${all[0]!.id}`)).statusCode, 403);
  });

  it('zofia.nowicka (Kujawsko-Pomorski UW): only reports whose chain holds her office; "Do weryfikacji" only those waiting at her level', async () => {
    const a = agents.zofia!;
    const chain = all.filter((r) => r.levelUnitIds.includes(uw04) || r.unitId === uw04);
    assert.ok(chain.length > 0 && chain.length < all.length);
    const { rows, first } = await listAll(a);
    assert.deepEqual(sorted(rows.map((r) => r.id)), sorted(chain.map((r) => r.id)));
    assert.ok(
      rows.every((r) => r.links),
      'a verifier of the chain opens every report of it',
    );
    assert.ok(
      rows.some((r) => r.id === atCez),
      'the report at CeZ’s level is still in her list',
    );

    // the count of "Do weryfikacji" against the table read directly: her level is the chain's position of her unit
    const waitingHere = all.filter((r) => r.status === 'do_weryfikacji' && r.pendingLevel !== null && r.levelUnitIds[r.pendingLevel] === uw04);
    const inChainVerifying = chain.filter((r) => r.status === 'do_weryfikacji');
    assert.ok(waitingHere.length > 0 && waitingHere.length < inChainVerifying.length, 'the data tells the two apart');
    const expected = countsOf(chain, (r) => r.levelUnitIds[r.pendingLevel ?? -1] === uw04);
    assert.equal(expected.do_weryfikacji, waitingHere.length);
    assert.deepEqual(tabCounts(first), expected);
    const home = await a.get('/start');
    assert.equal(home.statusCode, 200);
    assert.deepEqual(tileCounts(home.body), pick(expected, TILE_STATUSES));

    const verifying = await listAll(a, 'status=do_weryfikacji');
    assert.deepEqual(sorted(verifying.rows.map((r) => r.id)), sorted(waitingHere.map((r) => r.id)));
    assert.ok(!verifying.rows.some((r) => r.id === atCez), 'a report at CeZ’s level is not waiting for her');
    assert.match(verifying.first, /czeka na Twoją weryfikację/);
  });

  it('jan.kowalski (Administrator CeZ): every report, linked; his "Do weryfikacji" holds every level', async () => {
    const a = agents.jan!;
    const { rows, first } = await listAll(a);
    assert.deepEqual(sorted(rows.map((r) => r.id)), sorted(all.map((r) => r.id)));
    assert.ok(rows.every((r) => r.links));
    assert.deepEqual(tabCounts(first), countsOf(all));
    const home = await a.get('/start');
    assert.equal(home.statusCode, 200);
    assert.deepEqual(tileCounts(home.body), pick(countsOf(all), TILE_STATUSES));
    const verifying = await listAll(a, 'status=do_weryfikacji');
    assert.ok(verifying.rows.some((r) => r.id === atCez));
    assert.equal(verifying.total, all.filter((r) => r.status === 'do_weryfikacji').length);
  });

  it('robert.szymanski before the ankieta: nothing of the current year; the list asks for the ankieta', async () => {
    const a = agents.robert!;
    const home = await a.get('/start');
    assert.equal(home.statusCode, 303);
    assert.equal(pathOf(home), '/sprawozdania/ankieta');
    const mine = all.filter((r) => r.unitId === torun);
    assert.ok(mine.length > 0 && mine.every((r) => r.year < year), 'only earlier years exist for the unit');
    const { rows, first } = await listAll(a);
    assert.deepEqual(sorted(rows.map((r) => r.id)), sorted(mine.map((r) => r.id)));
    assert.ok(rows.every((r) => r.year !== year));
    assert.match(first, /data-qa="survey-due"/);
    assert.deepEqual(tabCounts(first), countsOf(mine));
    assert.equal(tabCounts(first).do_wypelnienia, 0);
    const current = await a.get(`${LIST}?rok=${year}`);
    assert.equal(current.statusCode, 200);
    assert.match(current.body, /data-qa="reports-empty"/);
  });

  describe('filters in the URL (as jan.kowalski, who sees every report)', () => {
    const ids = (rows: readonly { id: string }[]) => sorted(rows.map((r) => r.id));

    it('status: each tab holds its reports ("Do wypełnienia" with the drafts)', async () => {
      for (const s of ['do_wypelnienia', 'w_trakcie', 'do_weryfikacji', 'do_korekty', 'zatwierdzone'] as ReportStatus[]) {
        const want = all.filter((r) => (s === 'do_wypelnienia' ? r.status === 'do_wypelnienia' || r.status === 'w_trakcie' : r.status === s));
        const { rows } = await listAll(agents.jan!, `status=${s}`);
        assert.deepEqual(ids(rows), ids(want), s);
        const labels = new Set(rows.map((r) => r.status));
        if (s === 'do_wypelnienia') assert.deepEqual(sorted(labels), sorted([REPORT_STATUS_LABELS.do_wypelnienia, REPORT_STATUS_LABELS.w_trakcie]));
        else assert.deepEqual([...labels], [REPORT_STATUS_LABELS[s]], s);
      }
      const every = await listAll(agents.jan!, 'status=wszystkie');
      assert.equal(every.total, all.length);
    });

    it('formularz and rok', async () => {
      for (const form of ['MZ-11', 'MZ-88']) {
        const { rows } = await listAll(agents.jan!, `formularz=${form}`);
        assert.deepEqual(ids(rows), ids(all.filter((r) => r.form === form)), form);
        assert.ok(rows.length > 0 && rows.every((r) => r.form === form));
      }
      for (const y of [year, year - 1]) {
        const { rows } = await listAll(agents.jan!, `rok=${y}`);
        assert.deepEqual(ids(rows), ids(all.filter((r) => r.year === y)), String(y));
        assert.ok(rows.length > 0);
      }
      const both = await listAll(agents.jan!, `formularz=MZ-11&rok=${year}&status=zatwierdzone`);
      assert.deepEqual(ids(both.rows), ids(all.filter((r) => r.form === 'MZ-11' && r.year === year && r.status === 'zatwierdzone')));
    });

    it('jednostka: part of the name (any case, without diacritics), REGON or NIP', async () => {
      const db = t.database.db;
      const [u] = await db.select().from(units).where(eq(units.id, torun));
      const want = ids(all.filter((r) => r.unitId === torun));
      assert.ok(want.length > 0);
      // "Starówka" typed as "starowka"
      const byName = await listAll(agents.jan!, `jednostka=${encodeURIComponent('starowka')}`);
      assert.deepEqual(ids(byName.rows), want);
      if (u!.regon) assert.deepEqual(ids((await listAll(agents.jan!, `jednostka=${u!.regon}`)).rows), want, 'by REGON');
      if (u!.nip) assert.deepEqual(ids((await listAll(agents.jan!, `jednostka=${u!.nip}`)).rows), want, 'by NIP');
      const none = await agents.jan!.get(`${LIST}?jednostka=${encodeURIComponent('żadna-taka-jednostka')}`);
      assert.equal(none.statusCode, 200);
      assert.match(none.body, /data-qa="reports-empty"/);
      // the LIKE wildcards are text, not patterns
      const pct = await agents.jan!.get(`${LIST}?jednostka=${encodeURIComponent('%')}`);
      assert.equal(pct.statusCode, 200);
      assert.equal(totalOf(pct.body), all.filter((r) => (unitName.get(r.unitId) ?? '').includes('%')).length);
    });

    it('terminowosc: the rows the filter holds are those the timeliness label names', async () => {
      const every = await listAll(agents.jan!);
      const label = new Map(every.rows.map((r) => [r.id, r.timeliness]));
      const want = (f: (l: string) => boolean) => ids(every.rows.filter((r) => f(r.timeliness)));
      const late = await listAll(agents.jan!, 'terminowosc=po_terminie');
      const onTime = await listAll(agents.jan!, 'terminowosc=w_terminie');
      const waiting = await listAll(agents.jan!, 'terminowosc=oczekuje');
      assert.ok(late.total > 0 && onTime.total > 0 && waiting.total > 0, `late ${late.total}, on time ${onTime.total}, waiting ${waiting.total}`);
      assert.deepEqual(
        ids(late.rows),
        want((l) => l.startsWith('Po terminie')),
      );
      assert.deepEqual(
        ids(onTime.rows),
        want((l) => l === 'W terminie'),
      );
      assert.deepEqual(
        ids(waiting.rows),
        want((l) => l === 'Termin dziś' || l.startsWith('Termin za')),
      );
      for (const r of late.rows) assert.match(label.get(r.id)!, /^Po terminie \(\d+ (dzień|dni)\)$/);
      // the boundaries: sent on the due day is on time; not sent and due today still waits
      assert.equal(label.get(sentOnDueDay), 'W terminie');
      assert.ok(onTime.rows.some((r) => r.id === sentOnDueDay) && !late.rows.some((r) => r.id === sentOnDueDay));
      const dueToday = every.rows.filter((r) => r.timeliness === 'Termin dziś');
      assert.ok(dueToday.length > 0, 'reports due today');
      assert.ok(dueToday.every((r) => waiting.rows.some((w) => w.id === r.id) && !late.rows.some((l) => l.id === r.id)));
    });

    it('sortuj: by deadline (default), unit, form, year, status — the order the database gives', async () => {
      const db = t.database.db;
      const order = async (query: string) => ((await db.execute(sql.raw(query))) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
      const byUnit = await listAll(agents.jan!, 'sortuj=jednostka');
      assert.deepEqual(
        byUnit.rows.map((r) => r.id),
        await order(
          `select r.id from portal.reports r join portal.units u on u.id = r.unit_id where r.area = 'niefinansowe' and r.cancelled_at is null order by u.name, r.id`,
        ),
      );
      const byYear = await listAll(agents.jan!, 'sortuj=rok');
      assert.ok(
        byYear.rows.every((r, i, xs) => i === 0 || xs[i - 1]!.year >= r.year),
        'newest year first',
      );
      const byForm = await listAll(agents.jan!, 'sortuj=formularz');
      assert.ok(
        byForm.rows.every((r, i, xs) => i === 0 || xs[i - 1]!.form <= r.form),
        'by form code',
      );
      const byStatus = await listAll(agents.jan!, 'sortuj=status');
      const statusOf = new Map(all.map((r) => [r.id, r.status]));
      assert.ok(
        byStatus.rows.every((r, i, xs) => i === 0 || statusOf.get(xs[i - 1]!.id)! <= statusOf.get(r.id)!),
        'grouped by status',
      );
      const byDeadline = await listAll(agents.jan!, 'sortuj=termin');
      const plain = await listAll(agents.jan!);
      assert.deepEqual(
        byDeadline.rows.map((r) => r.id),
        plain.rows.map((r) => r.id),
        'the deadline is the default order',
      );
      assert.notDeepEqual(
        byDeadline.rows.map((r) => r.id),
        byUnit.rows.map((r) => r.id),
      );
    });

    it('strona and ile: consecutive slices of one order', async () => {
      const { rows: full } = await listAll(agents.jan!, 'sortuj=jednostka');
      const p1 = await agents.jan!.get(`${LIST}?sortuj=jednostka&ile=10&strona=1`);
      const p2 = await agents.jan!.get(`${LIST}?sortuj=jednostka&ile=10&strona=2`);
      assert.deepEqual(
        rowsOf(p1.body).map((r) => r.id),
        full.slice(0, 10).map((r) => r.id),
      );
      assert.deepEqual(
        rowsOf(p2.body).map((r) => r.id),
        full.slice(10, 20).map((r) => r.id),
      );
      assert.equal(totalOf(p2.body), all.length);
      // a page past the end (an old link, a typed number) shows the last page, not an empty table
      const lastPage = Math.ceil(all.length / 10);
      const beyond = await agents.jan!.get(`${LIST}?sortuj=jednostka&ile=10&strona=${lastPage + 5}`);
      assert.equal(beyond.statusCode, 200);
      assert.deepEqual(
        rowsOf(beyond.body).map((r) => r.id),
        full.slice((lastPage - 1) * 10).map((r) => r.id),
      );
    });

    it('unknown or malformed values fall back to the defaults (no 500)', async () => {
      const plain = await agents.jan!.get(`${LIST}`);
      const defaults = rowsOf(plain.body).map((r) => r.id);
      assert.equal(defaults.length, 25, 'the default page holds 25 rows');
      for (const q of [
        'status=nieznany',
        'status=',
        'status=do_weryfikacji&status=zatwierdzone',
        'formularz=%3Cscript%3E',
        'formularz=',
        'rok=abcd',
        'rok=20255',
        'rok=',
        'jednostka=',
        'terminowosc=kiedys',
        'sortuj=hasla',
        'sortuj=',
        'strona=0',
        'strona=-3',
        'strona=abc',
        'strona=1.5',
        'strona=999999999',
        'ile=7',
        'ile=1000000',
        'wynik=%00',
        'status=%00',
        'jednostka=%00',
      ]) {
        const res = await agents.jan!.get(`${LIST}?${q}`);
        assert.equal(res.statusCode, 200, `${q}: ${res.statusCode}`);
        if (q === 'status=do_weryfikacji&status=zatwierdzone') continue; // the first value of a repeated parameter may be read
        if (q === 'jednostka=%00') continue;
        assert.deepEqual(
          rowsOf(res.body).map((r) => r.id),
          defaults,
          `${q} is read as the default`,
        );
        assert.equal(totalOf(res.body), all.length, q);
      }
      // a year in the right form that has no reports is a real filter: an empty list, not the default
      const y1999 = await agents.jan!.get(`${LIST}?rok=1999`);
      assert.equal(y1999.statusCode, 200);
      assert.match(y1999.body, /data-qa="reports-empty"/);
    });
  });
});
