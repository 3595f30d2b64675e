import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, profiles, reportEvents, reports, units, users } from '../../src/db/schema/index.ts';
import { currentReportingYear } from '../../src/domain/reporting/catalogue.ts';
import { warsawDay } from '../../src/lib/warsaw-time.ts';
import { cellsOf } from '../../src/domain/reporting/definition.ts';
import { exampleValues } from '../../src/demo/report-examples.ts';
import { formRegistry } from '../../src/reporting/definitions.ts';
import { buildProfile, buildRequest, buildUnit } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { csrfOf, pathOf, type Agent } from '../helpers/agent.ts';
import { loginAs } from '../helpers/login.ts';

/**
 * The ankieta's answers stay visible to the unit's supervisors, who correct the obligations they
 * produced: "Nie" withdraws a report nobody started, "Tak" gives it (back); nobody else may.
 */
describe('Ankieta: the supervisors see the answers and correct the obligations', () => {
  let t: TestApp;
  let filler: Agent;
  let zofia: Agent;
  let otherOffice: Agent;
  let unitId: string;
  let year: number;
  const path = () => `/sprawozdania/jednostka/${unitId}/${year}`;

  const active = async () =>
    (
      await t.database.db
        .select({ form: reports.form, cancelledAt: reports.cancelledAt, origin: reports.origin })
        .from(reports)
        .where(and(eq(reports.unitId, unitId), eq(reports.year, year)))
    )
      .filter((r) => !r.cancelledAt)
      .map((r) => r.form)
      .sort();

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    year = currentReportingYear(warsawDay(t.clock.now));
    const unit = await buildUnit(db, { kindCode: 'PODM', voivodeshipCode: '04', voivodeship: 'kujawsko-pomorskie' });
    unitId = unit.id;
    const { profile, user } = await buildProfile(db, { unit });
    await buildRequest(db, { profile, roleCode: 'WYP_NIEFIN', status: 'zatwierdzony', verifyingUnit: unit });
    filler = await loginAs(t, user.id, { profileId: profile.id });
    const [z] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'zofia.nowicka'));
    const [zp] = await db.select({ id: profiles.id }).from(profiles).where(eq(profiles.userId, z!.id));
    zofia = await loginAs(t, z!.id, { profileId: zp!.id });
    const [uw12] = await db.select().from(units).where(eq(units.sourceKey, 'uw-12'));
    const other = await buildProfile(db, { unit: uw12! });
    await buildRequest(db, { profile: other.profile, roleCode: 'NADZ_NIEFIN', status: 'zatwierdzony', verifyingUnit: uw12! });
    otherOffice = await loginAs(t, other.user.id, { profileId: other.profile.id });
  });
  after(async () => t?.close());

  it('the filler answers; the office sees the answers and the reports they gave', async () => {
    const form = await filler.get('/sprawozdania/ankieta');
    assert.equal(form.statusCode, 200);
    assert.equal((await filler.post('/sprawozdania/ankieta', { _csrf: csrfOf(form.body), AMB: 'T' })).statusCode, 303);
    assert.deepEqual(await active(), ['MZ-11', 'MZ-88']);
    const page = await zofia.get(path());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-qa="survey-answers"[\s\S]*?Tak/);
    assert.match(page.body, /data-qa="survey-correct"/);
    // the filler sees the page, without the correction form
    const own = await filler.get(path());
    assert.equal(own.statusCode, 200);
    assert.doesNotMatch(own.body, /data-qa="survey-correct"/);
  });

  it('refuses a correction without an answer, then "Nie" withdraws the unstarted MZ-11 and "Tak" brings it back', async () => {
    const page = await zofia.get(path());
    const empty = await zofia.post(path(), { _csrf: csrfOf(page.body) });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Wybierz odpowiedź/);
    assert.match(empty.body, /Wpisz uzasadnienie korekty/);
    const noReason = await zofia.post(path(), { _csrf: csrfOf(page.body), AMB: 'N' });
    assert.equal(noReason.statusCode, 400, 'a correction needs its reason');
    assert.deepEqual(await active(), ['MZ-11', 'MZ-88']);
    assert.equal(
      (await zofia.post(path(), { _csrf: csrfOf(page.body), AMB: 'N', uzasadnienie: 'Jednostka zakończyła działalność ambulatoryjną.' })).statusCode,
      303,
    );
    assert.deepEqual(await active(), ['MZ-88']);
    // the withdrawn report stays readable, says so, and changes no more
    const [gone] = await t.database.db
      .select()
      .from(reports)
      .where(and(eq(reports.unitId, unitId), eq(reports.year, year), eq(reports.form, 'MZ-11')));
    const view = await filler.get(`/sprawozdania/${gone!.id}`);
    assert.match(view.body, /data-qa="report-cancelled"/);
    assert.doesNotMatch(view.body, /data-qa="fill-actions"/);
    assert.equal((await filler.get(`/sprawozdania/${gone!.id}/dzial/D0`)).statusCode, 303);
    // a form posted to it anyway (an old page) is refused and changes nothing
    const late = await filler.post(`/sprawozdania/${gone!.id}/dzial/D0`, {
      _csrf: csrfOf(view.body),
      rewizja: String(gone!.revision),
      'D0.01': 'T',
      'D0.02': '200',
      po: 'zostan',
    });
    assert.equal(late.statusCode, 303);
    assert.equal(pathOf(late), `/sprawozdania/${gone!.id}?wynik=tylko-podglad`);
    const [still] = await t.database.db.select().from(reports).where(eq(reports.id, gone!.id));
    assert.deepEqual([still!.values, still!.revision], [gone!.values, gone!.revision]);
    const list = await filler.get('/sprawozdania/niefinansowe');
    assert.doesNotMatch(list.body, /<abbr[^>]*>MZ-11</, 'the withdrawn report is not listed');
    assert.equal((await zofia.post(path(), { _csrf: csrfOf(page.body), AMB: 'T', uzasadnienie: 'Pomyłka — poradnia działa.' })).statusCode, 303);
    const shown = await filler.get(path());
    assert.match(shown.body, /Pomyłka — poradnia działa\./, 'the reason is shown to the unit');
    assert.deepEqual(await active(), ['MZ-11', 'MZ-88']);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'survey.corrected'), eq(auditLog.subjectId, unitId)));
    assert.equal(audits.length, 2);
  });

  it('nobody else corrects: the filler is refused, another voivodeship’s office does not find the unit', async () => {
    const page = await filler.get(path());
    const byFiller = await filler.post(path(), { _csrf: csrfOf(page.body), AMB: 'N' });
    assert.equal(byFiller.statusCode, 403, 'the filler sees the page but may not correct: refused by the policy (survey.correct)');
    assert.deepEqual(await active(), ['MZ-11', 'MZ-88']);
    assert.equal((await otherOffice.get(path())).statusCode, 404);
    const csrf = csrfOf((await otherOffice.get('/start')).body);
    assert.equal((await otherOffice.post(path(), { _csrf: csrf, AMB: 'N' })).statusCode, 404);
    assert.deepEqual(await active(), ['MZ-11', 'MZ-88']);
  });

  it('the office fills a report on behalf of the unit, and the report and its history say so', async () => {
    const db = t.database.db;
    const [r] = await db
      .select()
      .from(reports)
      .where(and(eq(reports.unitId, unitId), eq(reports.year, year), eq(reports.form, 'MZ-88')));
    const def = formRegistry().get('MZ-88', r!.definitionVersion)!;
    const section = def.sections[0]!;
    const page = await zofia.get(`/sprawozdania/${r!.id}/dzial/${section.code}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /w imieniu jednostki sprawozdającej/);
    const example = exampleValues('MZ-88', 1);
    const fields: Record<string, string> = { _csrf: csrfOf(page.body), rewizja: /name="rewizja" value="(\d+)"/.exec(page.body)![1]!, po: 'zostan' };
    for (const c of cellsOf(def)) if (c.sectionCode === section.code && !c.na) fields[c.code] = example[c.code] ?? '';
    assert.equal((await zofia.post(`/sprawozdania/${r!.id}/dzial/${section.code}`, fields)).statusCode, 303);
    const [after] = await db.select().from(reports).where(eq(reports.id, r!.id));
    assert.equal(after!.status, 'w_trakcie');
    assert.equal(after!.filledOnBehalf, true);
    const events = await db.select().from(reportEvents).where(eq(reportEvents.reportId, r!.id));
    assert.ok(events.some((e) => e.action === 'save' && e.onBehalf));
    const view = await filler.get(`/sprawozdania/${r!.id}`);
    assert.match(view.body, /jednostka nadzorująca w imieniu sprawozdawcy/);
    // four eyes: the office sends what it filled, and then may not decide on it itself
    for (const sec of def.sections.slice(1)) {
      const pg = await zofia.get(`/sprawozdania/${r!.id}/dzial/${sec.code}`);
      const f: Record<string, string> = { _csrf: csrfOf(pg.body), rewizja: /name="rewizja" value="(\d+)"/.exec(pg.body)![1]!, po: 'zostan' };
      for (const c of cellsOf(def)) if (c.sectionCode === sec.code && !c.na) f[c.code] = example[c.code] ?? '';
      assert.equal((await zofia.post(`/sprawozdania/${r!.id}/dzial/${sec.code}`, f)).statusCode, 303, sec.code);
    }
    const send = await zofia.get(`/sprawozdania/${r!.id}/wyslij`);
    const sent = await zofia.post(`/sprawozdania/${r!.id}/wyslij`, { _csrf: csrfOf(send.body), rewizja: /name="rewizja" value="(\d+)"/.exec(send.body)![1]! });
    assert.equal(sent.statusCode, 303);
    const mine = await zofia.get(`/sprawozdania/${r!.id}`);
    assert.match(mine.body, /data-qa="report-four-eyes"/);
    assert.doesNotMatch(mine.body, /data-qa="verify-form"/);
    const rev = (await db.select().from(reports).where(eq(reports.id, r!.id)))[0]!.revision;
    const self = await zofia.post(`/sprawozdania/${r!.id}/weryfikacja`, { _csrf: csrfOf(mine.body), rewizja: String(rev), decyzja: 'zatwierdz' });
    assert.equal(self.statusCode, 403);
    assert.equal((await db.select().from(reports).where(eq(reports.id, r!.id)))[0]!.status, 'do_weryfikacji');
    // another voivodeship's office may not
    assert.equal((await otherOffice.get(`/sprawozdania/${r!.id}/dzial/${section.code}`)).statusCode, 404);
  });

  it('a section saved from a page left open answers 409 with the typed values kept; a second send from the same page says it is sent', async () => {
    const db = t.database.db;
    const [r] = await db
      .select()
      .from(reports)
      .where(and(eq(reports.unitId, unitId), eq(reports.year, year), eq(reports.form, 'MZ-11')));
    const def = formRegistry().get('MZ-11', r!.definitionVersion)!;
    const example = exampleValues('MZ-11', 1);
    const fieldsOf = (page: string, section: string, values: Record<string, string>) => {
      const f: Record<string, string> = { _csrf: csrfOf(page), rewizja: /name="rewizja" value="(\d+)"/.exec(page)![1]!, po: 'zostan' };
      for (const c of cellsOf(def)) if (c.sectionCode === section && !c.na) f[c.code] = values[c.code] ?? '';
      return f;
    };
    const url = (section: string) => `/sprawozdania/${r!.id}/dzial/${section}`;
    const tab1 = (await filler.get(url('D0'))).body;
    const tab2 = (await filler.get(url('D0'))).body;
    assert.equal((await filler.post(url('D0'), fieldsOf(tab2, 'D0', { ...example, 'D0.02': '250' }))).statusCode, 303);
    const stale = await filler.post(url('D0'), fieldsOf(tab1, 'D0', { ...example, 'D0.02': '251' }));
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /data-qa="section-warning"/);
    assert.match(stale.body, /data-qa="stale-diffs"[\s\S]*?Twój wpis „251”, obecnie „250”/, 'what was typed is kept, beside the current value');
    assert.match(stale.body, /value="250"/, 'the form shows the section as it is now: a save from it undoes nothing');
    const [kept] = await db.select().from(reports).where(eq(reports.id, r!.id));
    assert.equal(kept!.values['D0.02'], '250', 'the newer save is not overwritten');
    for (const sec of def.sections) {
      const page = (await filler.get(url(sec.code))).body;
      assert.equal((await filler.post(url(sec.code), fieldsOf(page, sec.code, example))).statusCode, 303, sec.code);
    }
    const sendPage = await filler.get(`/sprawozdania/${r!.id}/wyslij`);
    const fields = { _csrf: csrfOf(sendPage.body), rewizja: /name="rewizja" value="(\d+)"/.exec(sendPage.body)![1]! };
    const first = await filler.post(`/sprawozdania/${r!.id}/wyslij`, fields);
    assert.equal(first.statusCode, 303);
    const second = await filler.post(`/sprawozdania/${r!.id}/wyslij`, fields);
    assert.equal(second.statusCode, 303);
    assert.equal(pathOf(second), `/sprawozdania/${r!.id}?wynik=juz-wyslano`);
    const sends = await db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, r!.id), eq(reportEvents.action, 'submit')));
    assert.equal(sends.length, 1);
  });
});
