import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, messages, profiles, units, unitSupervisors } from '../../src/db/schema/index.ts';
import { completeNip, completeRegon9 } from '../../src/domain/identifiers.ts';
import { answerSurvey, buildProfile, buildRequest, buildUnit } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { csrfOf, type Agent } from '../helpers/agent.ts';
import { loginAs } from '../helpers/login.ts';

type UnitRow = typeof units.$inferSelect;
const ACTORS = ['cezAdmin', 'uw', 'cezStaff', 'ipin', 'filler'] as const;
type ActorKey = (typeof ACTORS)[number];

/** kujawsko-pomorskie (04) and pomorskie (22): real TERC gminas */
const IN_04 = { teryt: '0401011', voivodeshipCode: '04', voivodeship: 'kujawsko-pomorskie', powiat: 'aleksandrowski', gmina: 'Aleksandrów Kujawski' };
const IN_22 = { teryt: '2261011', voivodeshipCode: '22', voivodeship: 'pomorskie', powiat: 'Gdańsk', gmina: 'Gdańsk' };
const ADDRESS = { locality: 'Aleksandrów Kujawski', postalCode: '87-700', street: 'ul. Słowackiego', buildingNo: '12', phone: '+48 54 282 11 11' };

/** What each profile may do with a unit of kujawsko-pomorskie ('04') and one of pomorskie ('22'). */
const EXPECTED: Record<ActorKey, { list: number; view: number; edit04: number; edit22: number; add: number }> = {
  cezAdmin: { list: 200, view: 200, edit04: 200, edit22: 200, add: 200 },
  uw: { list: 200, view: 200, edit04: 200, edit22: 403, add: 200 },
  cezStaff: { list: 200, view: 200, edit04: 403, edit22: 403, add: 403 },
  ipin: { list: 403, view: 403, edit04: 403, edit22: 403, add: 403 },
  filler: { list: 403, view: 403, edit04: 403, edit22: 403, add: 403 },
};

/** Valid NIP / REGON-9 built from a counter (check digits completed by the domain's own helpers). */
let seq = 0;
function freshIds(): { nip: string; regon: string; book: string } {
  for (;;) {
    seq++;
    const base = String(Date.now() % 1_000_000).padStart(6, '0') + String(seq).padStart(3, '0');
    const nip = completeNip(`9${base.slice(1)}`);
    const regon = completeRegon9(`7${base.slice(2)}`);
    if (nip && regon) return { nip, regon, book: `99${base}` };
  }
}

/** A form post with repeated names for lists (ticked checkboxes), as a browser sends it. */
function send(a: Agent, url: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return a.post(url, body as unknown as Record<string, string>);
}

describe('Zarządzanie → Jednostki: scope, view, edit, status and adding units', () => {
  let t: TestApp;
  const agents = {} as Record<ActorKey, Agent>;
  const users = {} as Record<ActorKey, string>;
  const actorUnit = {} as Record<ActorKey, UnitRow>;
  let uwUnit: UnitRow;

  const db = () => t.database.db;
  const unit04 = (o: Partial<typeof units.$inferInsert> = {}) => buildUnit(db(), { ...IN_04, ...ADDRESS, ...freshIdsFor(), ...o });
  const unit22 = (o: Partial<typeof units.$inferInsert> = {}) => buildUnit(db(), { ...IN_22, ...ADDRESS, locality: 'Gdańsk', ...freshIdsFor(), ...o });
  function freshIdsFor() {
    const ids = freshIds();
    return { nip: ids.nip, regon: ids.regon, registryBookNo: ids.book };
  }
  const unitNow = async (id: string) => (await db().select().from(units).where(eq(units.id, id)))[0]!;
  const csrf = async (a: Agent) => csrfOf((await a.get('/moje-konto')).body);

  /** the edit form's fields as the page has them for the unit (what a browser would send back) */
  function editBody(u: UnitRow, o: Record<string, string | string[]> = {}): Record<string, string | string[]> {
    return {
      nazwa: u.name,
      rodzaj: u.kindCode,
      teryt: u.teryt ?? '',
      miejscowosc: u.locality ?? '',
      kod: u.postalCode ?? '',
      ulica: u.street ?? '',
      nr: u.buildingNo ?? '',
      phone: u.phone ?? '',
      email: u.email ?? '',
      status: u.isActive ? 'aktywna' : 'nieaktywna',
      wersja: u.updatedAt.toISOString(),
      ...o,
    };
  }

  function addBody(o: Record<string, string | string[]> = {}): Record<string, string | string[]> {
    const ids = freshIds();
    return {
      rodzaj: 'PODM',
      nazwa: `Przychodnia Nowa ${seq}`,
      nip: ids.nip,
      regon: ids.regon,
      ksiega: ids.book,
      teryt: IN_04.teryt,
      miejscowosc: 'Aleksandrów Kujawski',
      kod: '87-700',
      ulica: 'ul. Nowa',
      nr: '1',
      phone: '54 282 22 22',
      email: 'rejestracja@nowa.example.pl',
      token: randomUUID(),
      ...o,
    };
  }

  async function member(unit: UnitRow, roleCode: string) {
    const { profile, user } = await buildProfile(db(), { unit });
    await buildRequest(db(), { profile, roleCode, status: 'zatwierdzony', verifyingUnit: unit });
    return { agent: await loginAs(t, user.id, { profileId: profile.id }), userId: user.id, profileId: profile.id };
  }

  before(async () => {
    t = await buildTestApp();
    const [cez] = await db().select().from(units).where(eq(units.sourceKey, 'cez'));
    uwUnit = await unit04({ kindCode: 'UW', name: 'Testowy Urząd Wojewódzki', registryBookNo: null });
    const setups: Record<ActorKey, [UnitRow, string]> = {
      cezAdmin: [cez!, 'ADMIN_CEZ'],
      uw: [uwUnit, 'ADMIN_UW'],
      cezStaff: [cez!, 'PRACOWNIK_CEZ'],
      ipin: [await buildUnit(db(), { kindCode: 'IPIN' }), 'ADMIN_IPIN'],
      filler: [await unit04(), 'WYP_NIEFIN'],
    };
    for (const a of ACTORS) {
      const mm = await member(...setups[a]);
      agents[a] = mm.agent;
      users[a] = mm.userId;
      actorUnit[a] = setups[a][0];
    }
  });
  after(() => t.close());

  it('scope matrix: Administrator CeZ all, Administrator UW its voivodeship, Pracownik CeZ read-only, others refused', async () => {
    for (const a of ACTORS) {
      const e = EXPECTED[a];
      const [u04, u22] = [await unit04(), await unit22()];
      assert.equal((await agents[a].get('/zarzadzanie/jednostki')).statusCode, e.list, `${a} lists`);
      for (const u of [u04, u22]) {
        const view = await agents[a].get(`/zarzadzanie/jednostki/${u.id}`);
        assert.equal(view.statusCode, e.view, `${a} views a unit of ${u.voivodeshipCode}`);
        const editable = u === u04 ? e.edit04 : e.edit22;
        if (view.statusCode === 200) assert.equal(view.body.includes('data-qa="unit-edit"'), editable === 200, `${a}: the edit link for ${u.voivodeshipCode}`);
        assert.equal((await agents[a].get(`/zarzadzanie/jednostki/${u.id}/edycja`)).statusCode, editable, `${a} opens the edit of ${u.voivodeshipCode}`);
        const res = await send(agents[a], `/zarzadzanie/jednostki/${u.id}/edycja`, {
          ...editBody(u, { nazwa: `${u.name} (zm. ${a})` }),
          _csrf: await csrf(agents[a]),
        });
        assert.equal(res.statusCode, editable === 200 ? 303 : editable, `${a} saves the edit of ${u.voivodeshipCode}`);
        assert.equal((await unitNow(u.id)).name, editable === 200 ? `${u.name} (zm. ${a})` : u.name);
        // a refused form with errors is refused the same way (no form for someone who may not edit)
        const bad = await send(agents[a], `/zarzadzanie/jednostki/${u.id}/edycja`, { nazwa: '', _csrf: await csrf(agents[a]) });
        assert.equal(bad.statusCode, editable === 200 ? 400 : editable, `${a} posts an empty edit of ${u.voivodeshipCode}`);
      }
      assert.equal((await agents[a].get('/zarzadzanie/jednostki/nowa')).statusCode, e.add, `${a} opens "Dodaj jednostkę"`);
      const body = addBody();
      const added = await send(agents[a], '/zarzadzanie/jednostki/nowa', { ...body, _csrf: await csrf(agents[a]) });
      assert.equal(added.statusCode, e.add === 200 ? 303 : e.add, `${a} adds a unit`);
      const rows = await db()
        .select()
        .from(units)
        .where(eq(units.nip, String(body.nip)));
      assert.equal(rows.length, e.add === 200 ? 1 : 0);
    }
    // the module on the hub only for those who open it
    assert.match((await agents.uw.get('/zarzadzanie')).body, /<a href="\/zarzadzanie\/jednostki">Jednostki<\/a>/);
    assert.doesNotMatch((await agents.ipin.get('/zarzadzanie')).body, /zarzadzanie\/jednostki/);
  });

  it('Administrator UW adds only in its voivodeship and cannot move a unit out of it', async () => {
    const out = await send(agents.uw, '/zarzadzanie/jednostki/nowa', {
      ...addBody({ teryt: IN_22.teryt, miejscowosc: 'Gdańsk' }),
      _csrf: await csrf(agents.uw),
    });
    assert.equal(out.statusCode, 400);
    assert.match(out.body, /href="#f-teryt"[^>]*>Możesz dodawać i edytować tylko jednostki województwa kujawsko-pomorskie/);
    const u = await unit04();
    const u0 = await unit04();
    const asOffice = await send(agents.uw, `/zarzadzanie/jednostki/${u0.id}/edycja`, { ...editBody(u0, { rodzaj: 'IPIN' }), _csrf: await csrf(agents.uw) });
    assert.equal(asOffice.statusCode, 400);
    assert.match(asOffice.body, /Rodzaj jednostki weryfikującej wnioski \(np\. urzędu wojewódzkiego\) może nadać tylko Administrator CeZ/);
    assert.doesNotMatch((await agents.uw.get(`/zarzadzanie/jednostki/${u0.id}/edycja`)).body, /<option value="IPIN"/, 'not offered either');
    const moved = await send(agents.uw, `/zarzadzanie/jednostki/${u.id}/edycja`, { ...editBody(u, { teryt: IN_22.teryt }), _csrf: await csrf(agents.uw) });
    assert.equal(moved.statusCode, 400);
    assert.equal((await unitNow(u.id)).voivodeshipCode, '04');
    // Administrator CeZ may: the address names follow the TERYT code
    const ok = await send(agents.cezAdmin, `/zarzadzanie/jednostki/${u.id}/edycja`, {
      ...editBody(u, { teryt: IN_22.teryt, miejscowosc: 'Gdańsk' }),
      _csrf: await csrf(agents.cezAdmin),
    });
    assert.equal(ok.statusCode, 303);
    const now = await unitNow(u.id);
    assert.deepEqual([now.voivodeshipCode, now.voivodeship, now.gmina], ['22', 'pomorskie', 'Gdańsk']);
    assert.equal((await agents.uw.get(`/zarzadzanie/jednostki/${u.id}/edycja`)).statusCode, 403, 'now out of his scope');
  });

  it('a unit\u2019s page: name, kind, class, address, contact, NIP, REGON, book number, supervising units, status, profiles', async () => {
    const u = await unit04({ name: 'Przychodnia „Pod Lipami”', email: 'lipy@example.pl' });
    await db().insert(unitSupervisors).values({ unitId: u.id, supervisorUnitId: uwUnit.id });
    await buildProfile(db(), { unit: u });
    const page = await agents.cezStaff.get(`/zarzadzanie/jednostki/${u.id}`);
    assert.equal(page.statusCode, 200);
    const b = page.body;
    assert.match(b, /<h1 data-qa="page-management-unit">Przychodnia „Pod Lipami”<\/h1>/);
    assert.match(b, /<dt>Rodzaj<\/dt><dd>PODM — Podmiot leczniczy<\/dd>/);
    assert.match(b, /<dt>Klasa jednostki<\/dt><dd>sprawozdająca<\/dd>/);
    assert.match(b, new RegExp(`<dt>NIP</dt><dd>${u.nip}</dd>`));
    assert.match(b, new RegExp(`<dt>REGON</dt><dd>${u.regon}</dd>`));
    assert.match(b, new RegExp(`<dt>Numer księgi rejestrowej</dt><dd>${u.registryBookNo}</dd>`));
    assert.match(b, /<dt>Adres<\/dt><dd>ul\. Słowackiego 12, 87-700 Aleksandrów Kujawski<\/dd>/);
    assert.match(b, /<dt>E-mail<\/dt><dd>lipy@example\.pl<\/dd>/);
    assert.match(b, /data-qa="unit-supervisors"[\s\S]*Testowy Urząd Wojewódzki/);
    assert.match(b, /<dt>Status<\/dt><dd><span class="badge badge--ok">Aktywna<\/span><\/dd>/);
    assert.match(b, /<dt>Liczba profili<\/dt><dd>1 \(nieaktywowany: 1\)<\/dd>/);
    assert.match(b, /data-qa="unit-read-only"/, 'Pracownik CeZ only looks');
  });

  it('search: the wizard\u2019s filters plus TERYT, voivodeship and status, in the URL; bad values fall back', async () => {
    const marker = `Zakład Wyszukiwany ${Date.now().toString(36)}`;
    const a = await unit04({ name: `${marker} Alfa` });
    const b = await unit22({ name: `${marker} Beta` });
    const c = await unit04({ name: `${marker} Gamma`, isActive: false });
    const q = async (s: string) => (await agents.uw.get(`/zarzadzanie/jednostki?nazwa=${encodeURIComponent(marker)}${s}`)).body;
    const has = (body: string, u: UnitRow) => body.includes(`data-qa="unit-row-${u.id}"`);
    let body = await q('');
    assert.ok(has(body, a) && has(body, b) && !has(body, c), 'active by default');
    body = await q('&status=nieaktywne');
    assert.ok(!has(body, a) && has(body, c), 'inactive');
    body = await q('&status=wszystkie&woj=22');
    assert.ok(!has(body, a) && has(body, b) && !has(body, c), 'by voivodeship');
    body = await q('&status=wszystkie&teryt=0401');
    assert.ok(has(body, a) && !has(body, b) && has(body, c), 'by TERYT prefix');
    body = (await agents.uw.get(`/zarzadzanie/jednostki?nip=${a.nip}`)).body;
    assert.ok(has(body, a) && /data-qa="units-total">1</.test(body), 'by NIP');
    body = (await agents.uw.get(`/zarzadzanie/jednostki?regon=${b.regon}&status=wszystkie`)).body;
    assert.ok(has(body, b), 'by REGON');
    body = await q('&sortuj=name&kierunek=desc&ile=10');
    assert.ok(body.indexOf(b.id) < body.indexOf(a.id), 'sorted by name, descending');
    const odd = await agents.uw.get('/zarzadzanie/jednostki?status=zle&woj=abc&teryt=x1&strona=-4&ile=7&sortuj=%00&nip[]=1');
    assert.equal(odd.statusCode, 200, 'bad query values fall back');
    const all = await agents.uw.get('/zarzadzanie/jednostki?strona=2&ile=10');
    assert.equal(all.statusCode, 200);
    assert.ok(Number(/data-qa="units-total">(\d+)</.exec(all.body)?.[1]) > 26_000, 'the whole registry, paged');
  });

  it('adding: NIP and REGON checksums, required fields, book number for RPWDL kinds; typed values kept', async () => {
    const c = await csrf(agents.cezAdmin);
    const bad = await send(agents.cezAdmin, '/zarzadzanie/jednostki/nowa', {
      ...addBody({ nip: '1234567890', regon: '123456780', ksiega: '', nazwa: 'Przychodnia Wpisana' }),
      _csrf: c,
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /data-qa="error-summary"/);
    assert.match(bad.body, /href="#f-nip"[^>]*>Wpisz poprawny NIP/);
    assert.match(bad.body, /href="#f-regon"[^>]*>Wpisz poprawny REGON/);
    assert.match(bad.body, /href="#f-ksiega"[^>]*>Wpisz numer księgi rejestrowej/);
    assert.match(bad.body, /id="f-nip-error"/);
    assert.match(bad.body, /name="nazwa"[^>]*value="Przychodnia Wpisana"/, 'typed values kept');
    assert.match(bad.body, /name="nip"[^>]*value="1234567890"/);

    const empty = await send(agents.cezAdmin, '/zarzadzanie/jednostki/nowa', { _csrf: c });
    assert.equal(empty.statusCode, 400);
    for (const msg of [
      'Wpisz nazwę jednostki',
      'Wybierz rodzaj jednostki',
      'Wpisz NIP',
      'Wpisz REGON',
      'Wpisz kod TERYT gminy',
      'Wpisz miejscowość',
      'Wpisz kod pocztowy',
    ])
      assert.ok(empty.body.includes(msg), msg);

    const worse = await send(agents.cezAdmin, '/zarzadzanie/jednostki/nowa', {
      ...addBody({ teryt: '0499999', kod: '87700x', email: 'nie-email', phone: 'abc', rodzaj: 'CeZ' }),
      _csrf: c,
    });
    assert.equal(worse.statusCode, 400);
    assert.match(worse.body, /Nie ma gminy o takim kodzie TERYT/);
    assert.match(worse.body, /Wpisz kod pocztowy w formacie 00-000/);
    assert.match(worse.body, /Wpisz poprawny adres e-mail/);
    assert.match(worse.body, /Wpisz poprawny numer telefonu/);
    assert.match(worse.body, /Jednostki centralnej nie można dodać/);
    // a praktyka without a book number is refused; a gmina needs none
    const gm = await send(agents.cezAdmin, '/zarzadzanie/jednostki/nowa', { ...addBody({ rodzaj: 'GM', ksiega: '', nazwa: 'Gmina Testowa' }), _csrf: c });
    assert.equal(gm.statusCode, 303);
  });

  it('adding: duplicates by NIP, REGON and book number name the existing unit; a double submit makes one unit, audited', async () => {
    const existing = await unit04({ name: 'Istniejąca Przychodnia Sp. z o.o.', isActive: false });
    const c = await csrf(agents.cezAdmin);
    for (const [field, key] of [
      ['nip', 'nip'],
      ['regon', 'regon'],
      ['ksiega', 'registryBookNo'],
    ] as const) {
      const res = await send(agents.cezAdmin, '/zarzadzanie/jednostki/nowa', { ...addBody({ [field]: String(existing[key]) }), _csrf: c });
      assert.equal(res.statusCode, 400, field);
      assert.match(res.body, new RegExp(`href="#f-${field}"[^>]*>Te[nj] [^<]* ma już jednostka „Istniejąca Przychodnia Sp\\. z o\\.o\\.”`), field);
    }
    // NIP typed with separators is the same NIP
    const dashed = existing.nip!.replace(/^(\d{3})(\d{3})(\d{2})(\d{2})$/, '$1-$2-$3-$4');
    assert.equal((await send(agents.cezAdmin, '/zarzadzanie/jednostki/nowa', { ...addBody({ nip: dashed }), _csrf: c })).statusCode, 400);

    const body: Record<string, string | string[]> = { ...addBody({ nazwa: 'Przychodnia Dwa Kliknięcia' }), _csrf: c };
    const [r1, r2] = await Promise.all([
      send(agents.cezAdmin, '/zarzadzanie/jednostki/nowa', body),
      send(agents.cezAdmin, '/zarzadzanie/jednostki/nowa', body),
    ]);
    assert.equal(r1.statusCode, 303);
    assert.equal(r2.statusCode, 303);
    assert.equal(r1.headers.location, r2.headers.location, 'both lead to the one unit');
    const rows = await db()
      .select()
      .from(units)
      .where(eq(units.nip, String(body.nip)));
    assert.equal(rows.length, 1);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, rows[0]!.id), eq(auditLog.action, 'unit.created')));
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.actorUserId, users.cezAdmin);
    assert.equal((audits[0]!.details as { values: { nip: string } }).values.nip, body.nip);
    const page = await agents.cezAdmin.get(String(r1.headers.location));
    assert.match(page.body, /Jednostka została dodana do rejestru/);
  });

  it('adding: one submit reports every problem (missing fields, checksums and duplicates together); a quoted name is not quoted twice', async () => {
    const quotedName = await unit04({ name: '„ANI-MED” (edytowana)' });
    const c = await csrf(agents.cezAdmin);
    const res = await send(agents.cezAdmin, '/zarzadzanie/jednostki/nowa', {
      ...addBody({ nip: '1234567890', nr: '', phone: '', kod: '87700x', regon: String(quotedName.regon) }),
      _csrf: c,
    });
    assert.equal(res.statusCode, 400);
    const summary = /data-qa="error-summary"[\s\S]*?<\/ul>/.exec(res.body)![0];
    for (const [field, msg] of [
      ['nip', 'Wpisz poprawny NIP'],
      ['regon', 'Ten REGON ma już jednostka „ANI-MED” (edytowana). Nie dodawaj'],
      ['kod', 'Wpisz kod pocztowy w formacie 00-000'],
      ['nr', 'Wpisz numer budynku'],
      ['phone', 'Wpisz numer telefonu'],
    ] as const)
      assert.match(summary, new RegExp(`href="#f-${field}"[^>]*>${msg.replace(/[()]/g, '\\$&')}`), field);
    assert.doesNotMatch(res.body, /„„/);
    assert.match(res.body, /name="nip"[^>]*value="1234567890"/, 'typed values kept');
  });

  it('editing: one submit reports every problem too (a missing field beside the format checks)', async () => {
    const u = await unit04({ name: 'Przychodnia Do Poprawy' });
    const res = await send(agents.cezAdmin, `/zarzadzanie/jednostki/${u.id}/edycja`, {
      ...editBody(u, { nr: '', kod: '87700x', phone: 'abc', teryt: '0499999' }),
      _csrf: await csrf(agents.cezAdmin),
    });
    assert.equal(res.statusCode, 400);
    const summary = /data-qa="error-summary"[\s\S]*?<\/ul>/.exec(res.body)![0];
    for (const [field, msg] of [
      ['teryt', 'Nie ma gminy o takim kodzie TERYT'],
      ['kod', 'Wpisz kod pocztowy w formacie 00-000'],
      ['nr', 'Wpisz numer budynku'],
      ['phone', 'Wpisz poprawny numer telefonu'],
    ] as const)
      assert.match(summary, new RegExp(`href="#f-${field}"[^>]*>${msg}`), field);
    assert.equal((await unitNow(u.id)).postalCode, u.postalCode, 'nothing saved');
  });

  it('deactivating blocks every profile with an e-mail and ends work in them; reactivating restores computed statuses', async () => {
    const u = await unit04({ name: 'Przychodnia Do Wyłączenia' });
    await answerSurvey(db(), u);
    const worker = await buildProfile(db(), { unit: u });
    await buildRequest(db(), { profile: worker.profile, status: 'zatwierdzony' });
    const waiting = await buildProfile(db(), { unit: u });
    await buildRequest(db(), { profile: waiting.profile, status: 'oczekujacy' });
    const blockedByAdmin = await buildProfile(db(), { unit: u, blocked: true });
    await buildRequest(db(), { profile: blockedByAdmin.profile, status: 'zatwierdzony' });
    const statusOf = async (id: string) => (await db().select({ s: profiles.status }).from(profiles).where(eq(profiles.id, id)))[0]!.s;
    assert.deepEqual(
      [await statusOf(worker.profile.id), await statusOf(waiting.profile.id), await statusOf(blockedByAdmin.profile.id)],
      ['aktywny', 'nieaktywowany', 'zablokowany'],
    );
    const session = await loginAs(t, worker.user.id, { profileId: worker.profile.id });
    assert.match((await session.get('/start')).body, /Jesteś obecnie zalogowany w profilu dla jednostki <strong>Przychodnia Do Wyłączenia<\/strong>/);

    const form = await agents.uw.get(`/zarzadzanie/jednostki/${u.id}/edycja`);
    assert.match(form.body, /Jednostka nieaktywna blokuje wszystkie profile w niej \(3\)/);
    const body = { ...editBody(u, { status: 'nieaktywna' }), _csrf: csrfOf(form.body) };
    const [r1, r2] = await Promise.all([
      send(agents.uw, `/zarzadzanie/jednostki/${u.id}/edycja`, body),
      send(agents.uw, `/zarzadzanie/jednostki/${u.id}/edycja`, body),
    ]);
    assert.deepEqual([r1.statusCode, r2.statusCode], [303, 303], 'a double submit is not an error');
    assert.equal((await unitNow(u.id)).isActive, false);
    for (const p of [worker, waiting, blockedByAdmin]) assert.equal(await statusOf(p.profile.id), 'zablokowany');
    const mailsTo = async (to: string) =>
      (await db().select().from(messages).where(eq(messages.to, to))).filter((x) => x.subject?.includes('Przychodnia Do Wyłączenia'));
    assert.equal((await mailsTo(worker.profile.email)).length, 1, 'one e-mail, not two');
    assert.match(
      (await mailsTo(worker.profile.email))[0]!.text ?? '',
      /jednostka Przychodnia Do Wyłączenia została oznaczona[\s\S]*jako nieaktywna[\s\S]*„Zablokowany”/,
    );
    assert.equal((await mailsTo(waiting.profile.email)).length, 1);
    assert.equal((await mailsTo(blockedByAdmin.profile.email)).length, 0, 'already blocked: nothing changed for its owner');
    // the one that made the change tells how many profiles it blocked; the other found nothing left to change
    const winners = [r1, r2].filter((r) => String(r.headers.location).includes('zablokowano='));
    assert.equal(winners.length, 1);
    const done = await agents.uw.get(String(winners[0]!.headers.location));
    assert.match(done.body, /Zmiany zostały zapisane\. Jednostka jest nieaktywna; zablokowano profile w tej jednostce \(2\)/);
    const deact = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, u.id), eq(auditLog.action, 'unit.deactivated')));
    assert.equal(deact.length, 1);
    assert.equal(deact[0]!.actorUserId, users.uw);

    // the owner's session no longer works in the profile, and cannot choose it again
    const after = await session.get('/start');
    assert.doesNotMatch(after.body, /Jesteś obecnie zalogowany w profilu dla jednostki <strong>Przychodnia Do Wyłączenia/);
    assert.equal((await session.post(`/profil/${worker.profile.id}/pracuj`, {}, { csrfFrom: after.body })).statusCode, 404);

    // reactivation: each profile's status derived again; the one an administrator blocked stays blocked
    const again = await agents.uw.get(`/zarzadzanie/jednostki/${u.id}/edycja`);
    const now = await unitNow(u.id);
    const re = await send(agents.uw, `/zarzadzanie/jednostki/${u.id}/edycja`, { ...editBody(now, { status: 'aktywna' }), _csrf: csrfOf(again.body) });
    assert.equal(re.statusCode, 303);
    assert.deepEqual(
      [await statusOf(worker.profile.id), await statusOf(waiting.profile.id), await statusOf(blockedByAdmin.profile.id)],
      ['aktywny', 'nieaktywowany', 'zablokowany'],
    );
    assert.equal((await mailsTo(worker.profile.email)).length, 2, 'told it is active again');
    assert.match((await agents.uw.get(String(re.headers.location))).body, /Jednostka jest ponownie aktywna; przywrócono statusy profili w tej jednostce \(2\)/);
    assert.equal((await session.post(`/profil/${worker.profile.id}/pracuj`, {}, { csrfFrom: (await session.get('/start')).body })).statusCode, 303);
  });

  it('an administrator cannot deactivate the unit he works in, nor the central unit', async () => {
    const own = await unitNow(uwUnit.id);
    const res = await send(agents.uw, `/zarzadzanie/jednostki/${own.id}/edycja`, { ...editBody(own, { status: 'nieaktywna' }), _csrf: await csrf(agents.uw) });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Nie możesz oznaczyć jako nieaktywnej jednostki, w której teraz pracujesz/);
    const [cez] = await db().select().from(units).where(eq(units.sourceKey, 'cez'));
    const c = await send(agents.cezAdmin, `/zarzadzanie/jednostki/${cez!.id}/edycja`, {
      ...editBody(cez!, { status: 'nieaktywna', rodzaj: 'PODM' }),
      _csrf: await csrf(agents.cezAdmin),
    });
    assert.equal(c.statusCode, 400);
    assert.equal((await unitNow(cez!.id)).isActive, true);
    assert.equal((await unitNow(cez!.id)).kindCode, 'CeZ');
  });

  it('edits are audited with what changed; supervising units are chosen from the registry\u2019s supervising units only', async () => {
    const u = await unit04({ name: 'Przychodnia Nadzorowana' });
    const [ipin] = await db().select().from(units).where(eq(units.kindCode, 'IPIN')).limit(1);
    const c = await csrf(agents.uw);
    const form = await agents.uw.get(`/zarzadzanie/jednostki/${u.id}/edycja`);
    assert.ok(form.body.includes(`value="${uwUnit.id}"`), 'a supervising unit is offered');
    const ok = await send(agents.uw, `/zarzadzanie/jednostki/${u.id}/edycja`, {
      ...editBody(u, { nadrzedne: [uwUnit.id, ipin!.id], phone: '54 282 33 33' }),
      _csrf: c,
    });
    assert.equal(ok.statusCode, 303);
    const sup = await db().select().from(unitSupervisors).where(eq(unitSupervisors.unitId, u.id));
    assert.deepEqual(sup.map((s) => s.supervisorUnitId).sort(), [uwUnit.id, ipin!.id].sort());
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, u.id), eq(auditLog.action, 'unit.updated')));
    const changes = (audit!.details as { changes: Record<string, { from: unknown; to: unknown }> }).changes;
    assert.deepEqual(Object.keys(changes).sort(), ['phone', 'supervisors']);
    assert.equal(changes.phone!.to, '+48 54 282 33 33');
    assert.equal(audit!.actorUserId, users.uw);
    assert.ok(audit!.occurredAt instanceof Date);

    // foreign ids: a reporting unit, an unknown id, garbage, itself
    const now = await unitNow(u.id);
    for (const bad of [[actorUnit.filler.id], [randomUUID()], ['x; drop table'], [u.id]]) {
      const res = await send(agents.uw, `/zarzadzanie/jednostki/${u.id}/edycja`, { ...editBody(now, { nadrzedne: bad }), _csrf: c });
      assert.equal(res.statusCode, 400, String(bad));
      assert.match(res.body, /href="#f-nadrzedne"/);
    }
    assert.equal((await db().select().from(unitSupervisors).where(eq(unitSupervisors.unitId, u.id))).length, 2, 'unchanged');
    // the same form sent again: nothing to change, nothing audited
    const same = await send(agents.uw, `/zarzadzanie/jednostki/${u.id}/edycja`, { ...editBody(now, { nadrzedne: [uwUnit.id, ipin!.id] }), _csrf: c });
    assert.equal(same.statusCode, 303);
    assert.equal(
      (
        await db()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.subjectId, u.id), eq(auditLog.action, 'unit.updated')))
      ).length,
      1,
    );
  });

  it('a form built on data changed since by someone else is refused (409) and shows the current data', async () => {
    const u = await unit04({ name: 'Przychodnia Dwóch Edytorów' });
    const c = await csrf(agents.cezAdmin);
    assert.equal(
      (await send(agents.cezAdmin, `/zarzadzanie/jednostki/${u.id}/edycja`, { ...editBody(u, { nazwa: 'Nazwa Pierwsza' }), _csrf: c })).statusCode,
      303,
    );
    const late = await send(agents.uw, `/zarzadzanie/jednostki/${u.id}/edycja`, { ...editBody(u, { nazwa: 'Nazwa Druga' }), _csrf: await csrf(agents.uw) });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /zmieniła w międzyczasie inna osoba/);
    assert.match(late.body, /name="nazwa"[^>]*value="Nazwa Pierwsza"/);
    assert.equal((await unitNow(u.id)).name, 'Nazwa Pierwsza');
  });

  it('hostile input: bad ids are 404, null / array / control characters answer 400 with the form, never 500', async () => {
    const u = await unit04();
    const c = await csrf(agents.cezAdmin);
    for (const path of ['/zarzadzanie/jednostki/nie-uuid', `/zarzadzanie/jednostki/${randomUUID()}`, `/zarzadzanie/jednostki/${randomUUID()}/edycja`])
      assert.equal((await agents.cezAdmin.get(path)).statusCode, 404, path);
    assert.equal((await send(agents.cezAdmin, `/zarzadzanie/jednostki/${randomUUID()}/edycja`, { ...editBody(u), _csrf: c })).statusCode, 404);
    const ctl = await send(agents.cezAdmin, `/zarzadzanie/jednostki/${u.id}/edycja`, { ...editBody(u, { nazwa: 'Zła\u0000nazwa\u202e' }), _csrf: c });
    assert.equal(ctl.statusCode, 400);
    assert.match(ctl.body, /niedozwolone znaki/);
    const long = await send(agents.cezAdmin, '/zarzadzanie/jednostki/nowa', { ...addBody({ nazwa: 'x'.repeat(5000), nip: ['1', '2'] }), _csrf: c });
    assert.equal(long.statusCode, 400);
    const xss = await send(agents.cezAdmin, '/zarzadzanie/jednostki/nowa', {
      ...addBody({ nazwa: '<script>alert(1)</script>', nip: '"><img src=x>' }),
      _csrf: c,
    });
    assert.equal(xss.statusCode, 400);
    assert.doesNotMatch(xss.body, /value=""><img/, 'the quote is escaped: no markup breaks out of the value');
    assert.equal(xss.body.split('<script>alert(1)').length - 1, 1);
    assert.match(xss.body, /value="<script>alert\(1\)<\/script>"/, 'only as an attribute value');
    // bodies that are not forms, from someone who may edit and add (the route-table test signs in without these rights)
    const cookie = [...agents.cezAdmin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const url of ['/zarzadzanie/jednostki/nowa', `/zarzadzanie/jednostki/${u.id}/edycja`])
      for (const [payload, type] of [
        ['null', 'application/json'],
        ['["a"]', 'application/json'],
        ['{"nazwa":["a","b"],"nadrzedne":{"x":1},"status":5}', 'application/json'],
        ['', 'application/x-www-form-urlencoded'],
      ] as const) {
        const res = await t.app.inject({ method: 'POST', url, payload, headers: { cookie, 'content-type': type, 'x-csrf-token': c } });
        assert.equal(res.statusCode, 400, `${url} ${payload}`);
        assert.match(res.body, /data-qa="error-summary"/);
      }
    // the status left out (or sent as a structure) is refused: it never deactivates the unit by default
    const { status: _omitted, ...withoutStatus } = editBody(u);
    for (const body of [withoutStatus, { ...withoutStatus, 'status[x]': '1' }]) {
      const res = await send(agents.cezAdmin, `/zarzadzanie/jednostki/${u.id}/edycja`, { ...body, _csrf: c });
      assert.equal(res.statusCode, 400, JSON.stringify(Object.keys(body)));
      assert.match(res.body, /data-qa="error-summary"/);
    }
    assert.equal((await unitNow(u.id)).isActive, true, 'still active');
    const noCsrf = await send(agents.cezAdmin, `/zarzadzanie/jednostki/${u.id}/edycja`, { ...editBody(u, { nazwa: 'Bez CSRF' }), _csrf: 'zly-token' });
    assert.equal(noCsrf.statusCode, 403);
    assert.notEqual((await unitNow(u.id)).name, 'Bez CSRF');
  });
});
