import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { auditLog, formDeadlines } from '../../src/db/schema/index.ts';
import { seedReportingReference } from '../../src/db/seed/reporting.ts';
import { formRegistry } from '../../src/reporting/definitions.ts';
import { restorePublishedDeadlines } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { csrfOf, pathOf, type Agent } from '../helpers/agent.ts';
import { loginAsDemo } from '../helpers/login.ts';

const LIST = '/zarzadzanie/terminy';
const MZ11 = `${LIST}/MZ-11/2025`;

describe('Zarządzanie → Terminy sprawozdań: the schedule per form × year × level, edited by Administrator CeZ', () => {
  let t: TestApp;
  let jan: Agent;
  let janId: string;
  let tomasz: Agent;

  /** a demo user signed in to their profile in a unit of the demo data */
  const demo = (login: string, unitKey: string) => loginAsDemo(t, login, unitKey);

  const cookie = (a: Agent) => [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  /** the edit form posted as a browser sends it (the token from the edit page) */
  async function post(a: Agent, url: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const page = await a.get(url);
    const body = new URLSearchParams({ _csrf: csrfOf(page.statusCode === 200 ? page.body : (await a.get('/moje-konto')).body) });
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    return t.app.inject({ method: 'POST', url, payload: body.toString(), headers: { cookie: cookie(a), 'content-type': 'application/x-www-form-urlencoded' } });
  }

  const deadlines = async (form: string, year: number) =>
    Object.fromEntries(
      (
        await t.database.db
          .select()
          .from(formDeadlines)
          .where(and(eq(formDeadlines.form, form), eq(formDeadlines.year, year)))
      ).map((r) => [r.level, r]),
    );
  const audits = () => t.database.db.select().from(auditLog).where(eq(auditLog.action, 'deadline.updated'));

  /** the cells of a form × year row of the list, by level */
  function rowOf(html: string, form: string, year: number): string {
    const m = new RegExp(`<tr data-qa="schedule-${form}-${year}">([\\s\\S]*?)</tr>`).exec(html);
    assert.ok(m, `row ${form} ${year}`);
    return m[1]!;
  }

  before(async () => {
    t = await buildTestApp();
    t.clock.now = new Date('2026-02-10T09:30:00Z');
    // the demo seed moved the current year's dates to the seed day: this test starts from the shipped ones
    await restorePublishedDeadlines(t.database.db);
    ({ agent: jan, userId: janId } = await demo('jan.kowalski', 'cez'));
    ({ agent: tomasz } = await demo('tomasz.lewandowski', 'uw-04'));
  });
  after(() => t.close());

  it('Administrator CeZ: the sub-module on /zarzadzanie and the list with the shipped deadlines (DD.MM.RRRR), filters in the URL', async () => {
    const hub = await jan.get('/zarzadzanie');
    assert.match(hub.body, /href="\/zarzadzanie\/terminy"/);
    assert.match(hub.body, /Terminy sprawozdań/);

    const list = await jan.get(LIST);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<title>Terminy sprawozdań/);
    assert.match(list.body, /<h1 data-qa="page-deadlines">Terminy sprawozdań<\/h1>/);
    const row = rowOf(list.body, 'MZ-11', 2025);
    assert.match(row, /31\.03\.2026/);
    assert.match(row, /30\.06\.2026/);
    assert.match(row, /31\.07\.2026/);
    assert.doesNotMatch(row, /ostatnia zmiana/, 'shipped, not edited');
    assert.match(row, /href="\/zarzadzanie\/terminy\/MZ-11\/2025"[^>]*>Zmień terminy/);
    assert.match(rowOf(list.body, 'MZ-88', 2024), /10\.04\.2025/);

    const filtered = await jan.get(`${LIST}?formularz=MZ-88&rok=2025`);
    assert.equal(filtered.statusCode, 200);
    assert.match(filtered.body, /data-qa="schedule-MZ-88-2025"/);
    assert.doesNotMatch(filtered.body, /data-qa="schedule-MZ-11-/);
    assert.doesNotMatch(filtered.body, /data-qa="schedule-MZ-88-2024"/);
    assert.match(filtered.body, /<option value="MZ-88" selected>/);
    assert.match(filtered.body, /<option value="2025" selected>/);
    // the filter is a plain GET form
    assert.match(filtered.body, /<form method="get" action="\/zarzadzanie\/terminy"/);
    // a filter value that names no form or year is no filter
    const odd = await jan.get(`${LIST}?formularz=%3Cscript%3E&rok=20x5&formularz=MZ-11`);
    assert.equal(odd.statusCode, 200);
    assert.match(odd.body, /data-qa="schedule-MZ-11-2025"/);
    assert.match(odd.body, /data-qa="schedule-MZ-88-2025"/);
    const none = await jan.get(`${LIST}?rok=1999`);
    assert.match(none.body, /data-qa="deadlines-empty"/);
  });

  it('changes a deadline: the list shows it with who and when, one audit entry with before and after; a double submit changes nothing', async () => {
    const form = await jan.get(MZ11);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Terminy sprawozdania MZ-11 za 2025 r\./);
    assert.match(form.body, /name="jednostka"[^>]*value="31\.03\.2026"|value="31\.03\.2026"[^>]*name="jednostka"/);
    assert.match(form.body, /<label class="field__label" for="f-cez"><span>Centrum e-Zdrowia zatwierdza dane \(opcjonalnie\)<\/span>/);
    assert.match(form.body, /Jednostka sprawozdająca przekazuje sprawozdanie/);

    const fields = { jednostka: '15.04.2026', nadzor: '2026-06-30', cez: '31.07.2026', zrodlo: 'Rozporządzenie RM w sprawie PBSSP na 2026 r.' };
    const res = await post(jan, MZ11, fields);
    assert.equal(res.statusCode, 303, res.body.slice(0, 600));
    assert.equal(pathOf(res), `${LIST}?formularz=MZ-11&rok=2025&wynik=zapisano`);

    const rows = await deadlines('MZ-11', 2025);
    assert.equal(rows.jednostka!.dueOn, '2026-04-15');
    assert.equal(rows.jednostka!.editedBy, janId);
    assert.equal(rows.jednostka!.source, fields.zrodlo);
    assert.equal(rows.jednostka!.editedAt?.toISOString(), t.clock.now.toISOString());
    assert.equal(rows.nadzor!.editedAt, null, 'the same date typed as RRRR-MM-DD is no change');
    assert.equal(rows.cez!.editedAt, null);

    const list = await jan.get(pathOf(res));
    assert.match(list.body, /Terminy zostały zapisane\./);
    const row = rowOf(list.body, 'MZ-11', 2025);
    assert.match(row, /15\.04\.2026/);
    assert.match(row, /ostatnia zmiana: 10\.02\.2026,? 10:30, Jan Kowalski/);

    const entries = await audits();
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.actorUserId, janId);
    assert.equal(entries[0]!.subjectType, 'form_deadline');
    assert.equal(entries[0]!.subjectId, 'MZ-11/2025');
    assert.deepEqual(entries[0]!.details, {
      form: 'MZ-11',
      year: 2025,
      before: { jednostka: '2026-03-31', nadzor: '2026-06-30', cez: '2026-07-31' },
      after: { jednostka: '2026-04-15', nadzor: '2026-06-30', cez: '2026-07-31' },
      source: fields.zrodlo,
    });

    // the same form again (double click, back and resend): nothing written, no second entry
    const again = await post(jan, MZ11, fields);
    assert.equal(again.statusCode, 303);
    assert.equal(pathOf(again), `${LIST}?formularz=MZ-11&rok=2025&wynik=bez-zmian`);
    assert.match((await jan.get(pathOf(again))).body, /Nie wprowadzono żadnych zmian terminów\./);
    assert.equal((await audits()).length, 1);

    // "Dziennik zdarzeń" names the action in Polish
    const log = await jan.get('/zarzadzanie/dziennik?akcja=deadline.updated');
    assert.equal(log.statusCode, 200);
    assert.match(log.body, /Zmiana terminu sprawozdania/);
    assert.match(log.body, /MZ-11\/2025/);
  });

  it('an empty CeZ date removes the CeZ level ("—" in the list), and the seed does not bring it back at the next start', async () => {
    const res = await post(jan, MZ11, { jednostka: '15.04.2026', nadzor: '30.06.2026', cez: '', zrodlo: 'Bez zatwierdzania przez CeZ w 2026 r.' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 600));
    assert.equal((await deadlines('MZ-11', 2025)).cez, undefined);
    const row = rowOf((await jan.get(LIST)).body, 'MZ-11', 2025);
    assert.match(row, /<span aria-hidden="true">—<\/span><span class="visually-hidden">brak terminu<\/span>/);
    await seedReportingReference(t.database.db, formRegistry().all);
    assert.equal((await deadlines('MZ-11', 2025)).cez, undefined, 'the removed level stays removed');
    assert.equal((await deadlines('MZ-11', 2025)).jednostka!.dueOn, '2026-04-15', 'the edit stays');
    const entries = await audits();
    assert.equal(entries.length, 2);
    assert.deepEqual((entries[1]!.details as { after: unknown }).after, { jednostka: '2026-04-15', nadzor: '2026-06-30', cez: null });
    // and back
    const back = await post(jan, MZ11, { jednostka: '15.04.2026', nadzor: '30.06.2026', cez: '31.07.2026', zrodlo: 'Przywrócenie etapu CeZ.' });
    assert.equal(back.statusCode, 303);
    assert.equal((await deadlines('MZ-11', 2025)).cez!.dueOn, '2026-07-31');
    assert.equal((await deadlines('MZ-11', 2025)).cez!.editedBy, janId);
  });

  it('a form left open while another change was saved does not overwrite it: 409, the current dates shown, the typed ones kept', async () => {
    const url = `${LIST}/MZ-88/2024`;
    const stale = await jan.get(url);
    const stan = /name="stan" value="([^"]*)"/.exec(stale.body)![1]!;
    const first = await post(jan, url, { stan, jednostka: '14.04.2025', nadzor: '30.06.2025', cez: '31.07.2025', zrodlo: 'Pierwsza zmiana' });
    assert.equal(first.statusCode, 303);
    const second = await post(jan, url, { stan, jednostka: '10.04.2025', nadzor: '15.07.2025', cez: '31.07.2025', zrodlo: 'Zmiana ze starej strony' });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /data-qa="deadline-conflict"/);
    assert.match(second.body, /value="15\.07\.2025"/, 'the typed date is kept');
    assert.match(second.body, /14\.04\.2025/, 'the current date is shown');
    const rows = await deadlines('MZ-88', 2024);
    assert.equal(rows.jednostka!.dueOn, '2025-04-14');
    assert.equal(rows.nadzor!.dueOn, '2025-06-30', 'the stale page overwrote nothing');
  });

  it('validates in Polish beside each field and in the summary, typed values kept, 400, nothing written', async () => {
    const before = await deadlines('MZ-11', 2025);
    const n = (await audits()).length;
    const bad = await post(jan, MZ11, { jednostka: '31.02.2026', nadzor: '31.12.2025', cez: 'koniec lipca', zrodlo: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Błąd:/);
    assert.match(bad.body, /data-qa="error-summary"/);
    assert.match(bad.body, /href="#f-jednostka"[^>]*>Podaj datę w formacie DD\.MM\.RRRR/);
    assert.match(bad.body, /href="#f-nadzor"[^>]*>Termin dla danych za 2025 r\. musi przypadać po zakończeniu roku 2025/);
    assert.match(bad.body, /href="#f-zrodlo"[^>]*>Podaj źródło lub uzasadnienie zmiany terminów/);
    assert.match(bad.body, /id="f-jednostka-error"/);
    assert.match(bad.body, /id="f-nadzor-error"/);
    assert.match(bad.body, /id="f-cez-error"/);
    for (const v of ['31.02.2026', '31.12.2025', 'koniec lipca']) assert.match(bad.body, new RegExp(`value="${v.replace(/\./g, '\\.')}"`), `kept: ${v}`);

    const order = await post(jan, MZ11, { jednostka: '30.06.2026', nadzor: '31.03.2026', cez: '15.04.2026', zrodlo: 'Zmiana' });
    assert.equal(order.statusCode, 400);
    assert.match(order.body, /Termin zatwierdzenia przez jednostkę nadzorującą nie może być wcześniejszy niż termin przekazania sprawozdania przez jednostkę/);
    assert.match(order.body, /Termin zatwierdzenia przez Centrum e-Zdrowia nie może być wcześniejszy/);
    assert.match(order.body, />Zmiana<\/textarea>/, 'the source kept');

    const missing = await post(jan, MZ11, { jednostka: '', nadzor: '', cez: '', zrodlo: 'x'.repeat(501) });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Podaj termin przekazania sprawozdania przez jednostkę sprawozdającą/);
    assert.match(missing.body, /Podaj termin zatwierdzenia sprawozdania przez jednostkę nadzorującą/);
    assert.match(missing.body, /Wpisz najwyżej 500 znaków/);

    assert.deepEqual(await deadlines('MZ-11', 2025), before, 'nothing written');
    assert.equal((await audits()).length, n, 'no audit entry');
  });

  it('NUL bytes, empty, array and JSON bodies answer 400 with the form, never 500; nothing written', async () => {
    const before = await deadlines('MZ-11', 2025);
    const n = (await audits()).length;
    const token = csrfOf((await jan.get(MZ11)).body);
    const send = (payload: string, type: string) =>
      t.app.inject({ method: 'POST', url: MZ11, payload, headers: { cookie: cookie(jan), 'content-type': type, 'x-csrf-token': token } });
    const form = 'application/x-www-form-urlencoded';
    const json = 'application/json';
    const cases: [string, string, string][] = [
      ['NUL in a date', `jednostka=15.04.2026%00&nadzor=30.06.2026&cez=31.07.2026&zrodlo=x`, form],
      ['NUL in the source', `jednostka=15.04.2026&nadzor=30.06.2026&cez=31.07.2026&zrodlo=Zmiana%00terminu`, form],
      ['a date twice', `jednostka=15.04.2026&jednostka=01.05.2026&nadzor=30.06.2026&zrodlo=x`, form],
      ['empty body', '', form],
      ['JSON null', 'null', json],
      ['JSON array body', '["a"]', json],
      ['JSON arrays for strings', JSON.stringify({ jednostka: ['a'], nadzor: ['b'], cez: ['c'], zrodlo: ['d'] }), json],
      ['JSON numbers and objects', JSON.stringify({ jednostka: 20260415, nadzor: { a: 1 }, cez: null, zrodlo: 7 }), json],
    ];
    for (const [name, payload, type] of cases) {
      const res = await send(payload, type);
      assert.equal(res.statusCode, 400, `${name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      assert.match(res.body, /data-qa="error-summary"/, name);
    }
    assert.deepEqual(await deadlines('MZ-11', 2025), before, 'nothing written');
    assert.equal((await audits()).length, n);
  });

  it('Administrator UW is refused (403) the list, the form and the save; nothing on his /zarzadzanie', async () => {
    assert.equal((await tomasz.get(LIST)).statusCode, 403);
    assert.equal((await tomasz.get(MZ11)).statusCode, 403);
    assert.equal((await tomasz.get(`${LIST}/MZ-99/2025`)).statusCode, 403, 'no hint whether a form exists');
    const before = await deadlines('MZ-11', 2025);
    const res = await post(tomasz, MZ11, { jednostka: '01.09.2026', nadzor: '01.10.2026', cez: '', zrodlo: 'Włamanie' });
    assert.equal(res.statusCode, 403);
    assert.deepEqual(await deadlines('MZ-11', 2025), before);
    const hub = await tomasz.get('/zarzadzanie');
    assert.equal(hub.statusCode, 200);
    assert.doesNotMatch(hub.body, /zarzadzanie\/terminy/);
  });

  it('a form or year no definition covers, or a malformed one, is 404 (GET and POST)', async () => {
    for (const url of [`${LIST}/MZ-99/2025`, `${LIST}/MZ-11/2019`, `${LIST}/mz-11/2025`, `${LIST}/MZ-11/25`, `${LIST}/MZ--11/2025`, `${LIST}/MZ-11/2025x`]) {
      assert.equal((await jan.get(url)).statusCode, 404, url);
      const res = await post(jan, url, { jednostka: '15.04.2026', nadzor: '30.06.2026', cez: '', zrodlo: 'x' });
      assert.equal(res.statusCode, 404, `POST ${url}`);
    }
    const rows = await t.database.db.select().from(formDeadlines).where(eq(formDeadlines.form, 'MZ-99'));
    assert.equal(rows.length, 0);
  });
});
