import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { getUnitForRequest, searchUnits, type UnitSearchQuery, type UnitSearchRow } from '../../src/db/repositories/unit-search.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';

const K_DENT = '-Prywatna Specjalistyczna Przychodnia Stomatologiczna K-Dent spółka z o.o.';
const base: Pick<UnitSearchQuery, 'sort' | 'direction' | 'page' | 'pageSize'> = { sort: 'name', direction: 'asc', page: 1, pageSize: 10 };
const pl = new Intl.Collator('pl', { sensitivity: 'base' });

describe('unit search (wizard step 1, "Wybór jednostki")', () => {
  let t: TestApp;
  const search = (q: Partial<UnitSearchQuery>) => searchUnits(t.database.db, { ...base, ...q });
  /** every row of a result, page by page */
  const all = async (q: Partial<UnitSearchQuery>): Promise<UnitSearchRow[]> => {
    const first = await search({ ...q, pageSize: 100, page: 1 });
    const rows = [...first.rows];
    for (let page = 2; page <= first.pageCount; page++) rows.push(...(await search({ ...q, pageSize: 100, page })).rows);
    assert.equal(rows.length, first.total);
    return rows;
  };

  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('finds K-Dent by NIP, with or without separators', async () => {
    for (const nip of ['7812345678', '781-234-56-78', ' 781 234 56 78 ']) {
      const r = await search({ nip });
      assert.equal(r.total, 1, nip);
      assert.equal(r.rows[0]?.name, K_DENT);
      assert.equal(r.rows[0]?.kindCode, 'PODM');
      assert.equal(r.rows[0]?.kindName, 'Podmiot leczniczy');
      assert.equal(r.rows[0]?.regon, '631234560');
      assert.equal(r.rows[0]?.registryBookNo, '000000012345');
      assert.equal(r.rows[0]?.locality, 'Poznań');
      assert.equal(r.rows[0]?.voivodeship, 'wielkopolskie');
    }
    assert.equal((await search({ nip: '781234567' })).total, 0, 'a prefix is not a match');
    assert.equal((await search({ nip: '78123456789' })).total, 0);
  });

  it('finds K-Dent by REGON and by registry book number, exactly', async () => {
    assert.equal((await search({ regon: '631234560' })).rows[0]?.name, K_DENT);
    assert.equal((await search({ regon: '631-234-560' })).rows[0]?.name, K_DENT);
    assert.equal((await search({ registryBookNo: '000000012345' })).rows[0]?.name, K_DENT);
    assert.equal((await search({ registryBookNo: '0000-0001-2345' })).rows[0]?.name, K_DENT);
    assert.equal((await search({ registryBookNo: '12345' })).total, 0, 'no prefix or suffix matching');
    assert.equal((await search({ regon: '63123456' })).total, 0);
  });

  it('finds each typed word anywhere in the name, in any order', async () => {
    for (const name of ['Stomatologiczna Przychodnia k-dent', 'ani med', 'ośrodek zdrowia piotrowic']) {
      const r = await search({ name });
      assert.ok(r.total >= 1, name);
    }
    assert.equal((await search({ name: 'przychodnia k-dent' })).rows[0]?.name, K_DENT);
    assert.ok((await all({ name: 'ani med' })).some((u) => u.name === '„ANI-MED”'));
    assert.ok((await all({ name: 'ośrodek zdrowia piotrowic' })).some((u) => u.name.startsWith('Gminny Ośrodek Zdrowia w Piotrowicach')));
    assert.equal((await search({ name: 'k-dent nieistniejace' })).total, 0, 'every word must be there');
  });

  it('finds a name fragment anywhere, ignoring case and Polish diacritics', async () => {
    for (const name of ['k-dent', 'K-DENT', 'Stomatologiczna K-Dent', 'k-dent spolka', 'K-DENT SPÓŁKA Z O.O.', '  k-dent  ']) {
      const r = await search({ name });
      assert.equal(r.total, 1, name);
      assert.equal(r.rows[0]?.name, K_DENT, name);
    }
    const totals = await Promise.all(['lodz', 'Łódź', 'ŁÓDŹ', 'łodz', 'LODZ'].map(async (name) => (await search({ name })).total));
    assert.ok(totals[0]! > 0);
    assert.ok(
      totals.every((n) => n === totals[0]),
      `same result for every spelling: ${totals.join(', ')}`,
    );
    const lodz = await all({ name: 'Łódź' });
    assert.ok(lodz.some((u) => u.name === 'Łódzki Urząd Wojewódzki w Łodzi'));
    assert.ok(
      lodz.every((u) => /[łl][óo]d[źz]/i.test(u.name)),
      'every hit contains the fragment',
    );
  });

  it('combines filters with AND; the kind filter narrows', async () => {
    const any = await search({ name: 'stomatolog' });
    const podm = await search({ name: 'stomatolog', kindCode: 'PODM' });
    const prakt = await search({ name: 'stomatolog', kindCode: 'PRAKT' });
    assert.ok(podm.total > 0 && prakt.total > 0);
    assert.ok(podm.total < any.total);
    assert.equal(podm.total + prakt.total, any.total);
    assert.ok((await all({ name: 'stomatolog', kindCode: 'PODM' })).every((u) => u.kindCode === 'PODM'));
    assert.equal((await search({ nip: '7812345678', kindCode: 'PODM' })).total, 1);
    assert.equal((await search({ nip: '7812345678', kindCode: 'GM' })).total, 0);
    assert.equal((await search({ nip: '7812345678', name: 'ani-med' })).total, 0);
    assert.equal((await search({ nip: '7812345678', regon: '631234560', registryBookNo: '000000012345', name: 'dent', kindCode: 'PODM' })).total, 1);
    assert.equal((await search({ kindCode: 'NIE_MA' })).total, 0, 'unknown kind');
  });

  it('paginates with a total, a page count and a clamped page', async () => {
    const p1 = await search({ name: 'przychodnia', pageSize: 10, page: 1 });
    assert.ok(p1.total > 100, `total ${p1.total}`);
    assert.equal(p1.pageCount, Math.ceil(p1.total / 10));
    assert.equal(p1.page, 1);
    assert.equal(p1.rows.length, 10);
    const p2 = await search({ name: 'przychodnia', pageSize: 10, page: 2 });
    assert.equal(p2.page, 2);
    assert.equal(p2.rows.length, 10);
    const ids1 = new Set(p1.rows.map((r) => r.id));
    assert.ok(
      p2.rows.every((r) => !ids1.has(r.id)),
      'page 2 shares no row with page 1',
    );
    const last = await search({ name: 'przychodnia', pageSize: 10, page: p1.pageCount });
    assert.equal(last.rows.length, p1.total - 10 * (p1.pageCount - 1));
    assert.ok(last.rows.length >= 1 && last.rows.length <= 10);
    const beyond = await search({ name: 'przychodnia', pageSize: 10, page: p1.pageCount + 50 });
    assert.equal(beyond.page, p1.pageCount, 'clamped to the last page');
    assert.deepEqual(beyond.rows, last.rows);
    for (const page of [0, -3, Number.NaN]) {
      const r = await search({ name: 'przychodnia', pageSize: 10, page });
      assert.equal(r.page, 1);
      assert.deepEqual(r.rows, p1.rows);
    }
    const big = await search({ name: 'przychodnia', pageSize: 100, page: 1 });
    assert.equal(big.rows.length, 100);
    assert.equal(big.pageCount, Math.ceil(p1.total / 100));
    assert.deepEqual(big.rows.slice(10, 20), p2.rows, 'the order does not depend on the page size');
  });

  it('sorts names in Polish order ("Ł" between "L" and "M", "Ś" after "S")', async () => {
    const uw = await search({ kindCode: 'UW', pageSize: 25 });
    assert.equal(uw.total, 16);
    const names = uw.rows.map((r) => r.name.split(' ')[0]);
    assert.deepEqual(names, [
      'Dolnośląski',
      'Kujawsko-Pomorski',
      'Lubelski',
      'Lubuski',
      'Łódzki',
      'Małopolski',
      'Mazowiecki',
      'Opolski',
      'Podkarpacki',
      'Podlaski',
      'Pomorski',
      'Śląski',
      'Świętokrzyski',
      'Warmińsko-Mazurski',
      'Wielkopolski',
      'Zachodniopomorski',
    ]);
    const desc = await search({ kindCode: 'UW', pageSize: 25, direction: 'desc' });
    assert.deepEqual(
      desc.rows.map((r) => r.id),
      [...uw.rows].reverse().map((r) => r.id),
    );

    // a larger result, across pages, agrees with the Polish collator everywhere
    const rows = await all({ name: 'lodz' });
    for (let i = 1; i < rows.length; i++) {
      assert.ok(pl.compare(rows[i - 1]!.name, rows[i]!.name) <= 0, `${rows[i - 1]!.name} ≤ ${rows[i]!.name}`);
    }
  });

  it('sorts by kind and by NIP, ties by name', async () => {
    const byKind = await all({ name: 'lodz', sort: 'kind' });
    for (let i = 1; i < byKind.length; i++) {
      const [a, b] = [byKind[i - 1]!, byKind[i]!];
      assert.ok(a.kindCode < b.kindCode || (a.kindCode === b.kindCode && pl.compare(a.name, b.name) <= 0), `${a.kindCode} ${a.name} / ${b.kindCode} ${b.name}`);
    }
    const byNip = await all({ name: 'lodz', sort: 'nip', direction: 'desc' });
    for (let i = 1; i < byNip.length; i++) assert.ok((byNip[i - 1]!.nip ?? '') >= (byNip[i]!.nip ?? ''));
  });

  it('takes % and _ literally, not as wildcards', async () => {
    assert.equal((await search({ name: 'k%dent' })).total, 0);
    assert.equal((await search({ name: 'k_dent' })).total, 0);
    assert.equal((await search({ name: '%%' })).total, 0);
    assert.equal((await search({ name: '__' })).total, 0);
    assert.equal((await search({ name: '\\%' })).total, 0);
  });

  it('returns nothing without a usable filter ("Wybierz „Rodzaj” i wypełnij dowolne pole")', async () => {
    for (const q of [{}, { name: '' }, { name: ' k ' }, { nip: ' - ' }, { kindCode: '  ', regon: '', registryBookNo: '' }]) {
      const r = await search(q);
      assert.deepEqual(r, { total: 0, rows: [], page: 1, pageCount: 1 }, JSON.stringify(q));
    }
    // a one-letter name is ignored, the other filter still applies
    assert.equal((await search({ name: 'x', nip: '7812345678' })).total, 1);
  });

  it('getUnitForRequest returns the unit with its kind flags', async () => {
    const [hit] = (await search({ nip: '7812345678' })).rows;
    const unit = await getUnitForRequest(t.database.db, hit!.id);
    assert.equal(unit?.name, K_DENT);
    assert.equal(unit?.kindName, 'Podmiot leczniczy');
    assert.deepEqual([unit?.isCentral, unit?.isSupervising, unit?.isReporting], [false, false, true]);
    assert.equal(unit?.street, 'ul. Jana Pawła II');
    assert.equal(unit?.isActive, true);
    assert.equal(await getUnitForRequest(t.database.db, 'not-a-uuid'), null);
    assert.equal(await getUnitForRequest(t.database.db, '00000000-0000-4000-8000-000000000000'), null);
  });

  it('serves name fragments from the trigram index once the table has statistics', async () => {
    // The seeders insert ~26,600 rows and never ANALYZE; PGlite has no autovacuum, so until then the planner
    // sees an empty GIN index (pending list) and seq-scans (~10–50 ms here). The seed should end with this.
    await t.database.db.execute(sql`vacuum analyze portal.units`);
    for (const fragment of ['k-dent', 'lodz', 'pulsantis']) {
      const res = await t.database.db.execute(sql`explain select id from portal.units where is_active and search_name like ${`%${fragment}%`}`);
      const plan = (res as unknown as { rows: Array<Record<string, string>> }).rows.map((r) => Object.values(r)[0]).join('\n');
      assert.match(plan, /Bitmap Index Scan on units_search_name_trgm_idx/, `${fragment}:\n${plan}`);
    }
  });
});
