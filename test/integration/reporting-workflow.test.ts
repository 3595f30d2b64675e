import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { auditLog, messages, profiles, reportEvents, reports, reportVersions, units, unitSurveys, users } from '../../src/db/schema/index.ts';
import { currentReportingYear } from '../../src/domain/reporting/catalogue.ts';
import { cellsOf } from '../../src/domain/reporting/definition.ts';
import { exampleValues } from '../../src/demo/report-examples.ts';
import { warsawDay } from '../../src/lib/warsaw-time.ts';
import { formRegistry } from '../../src/reporting/definitions.ts';
import { buildProfile, buildRequest, buildUnit } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { csrfOf, pathOf, type Agent } from '../helpers/agent.ts';
import { loginAs, loginAsDemo } from '../helpers/login.ts';

/**
 * The reporting journey of issue 10 through the HTTP routes on the demo data: the Toruń clinic's
 * filler answers the ankieta, fills MZ-11 with an error and a warning, fixes and explains, sends; the
 * voivodeship office returns it with a cell comment; the filler corrects and resends; the office and
 * then CeZ approve; the office opens a correction (version 2). Plus who may not do what.
 */
describe('Sprawozdania niefinansowe: ankieta → wypełnianie → weryfikacja → korekta → zatwierdzenie', () => {
  let t: TestApp;
  let robert: Agent;
  let zofia: Agent;
  let jan: Agent;
  let mariaCez: Agent;
  let stranger: Agent;
  let reportId: string;
  let year: number;
  const def = () => formRegistry().forYear('MZ-11', year)!;

  const demoAgent = async (login: string, unitKey: string): Promise<Agent> => (await loginAsDemo(t, login, unitKey)).agent;

  /** e-mails with this subject in the outbox */
  const mailsAbout = (subject: string) => t.database.db.select().from(messages).where(eq(messages.subject, subject));
  const robertEmail = async () => {
    const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.login, 'robert.szymanski'));
    const [p] = await t.database.db.select({ email: profiles.email }).from(profiles).where(eq(profiles.userId, u!.id));
    return p!.email;
  };

  const row = async () => (await t.database.db.select().from(reports).where(eq(reports.id, reportId)))[0]!;

  /** the section's form fields with the given values (every other cell of the section empty) */
  function sectionBody(page: string, section: string, values: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = { _csrf: csrfOf(page), rewizja: /name="rewizja" value="(\d+)"/.exec(page)![1]!, po: 'zostan' };
    for (const c of cellsOf(def())) if (c.sectionCode === section && !c.na) out[c.code] = values[c.code] ?? '';
    return out;
  }

  async function saveSection(a: Agent, section: string, values: Record<string, string>) {
    const page = await a.get(`/sprawozdania/${reportId}/dzial/${section}`);
    assert.equal(page.statusCode, 200, `section ${section} opens`);
    return a.post(`/sprawozdania/${reportId}/dzial/${section}`, sectionBody(page.body, section, values));
  }

  async function submit(a: Agent, explanations: Record<string, string>) {
    const page = await a.get(`/sprawozdania/${reportId}/wyslij`);
    assert.equal(page.statusCode, 200);
    const rev = /name="rewizja" value="(\d+)"/.exec(page.body)![1]!;
    const fields: Record<string, string> = { _csrf: csrfOf(page.body), rewizja: rev };
    for (const [k, v] of Object.entries(explanations)) fields[`explain-${k}`] = v;
    return { page, res: await a.post(`/sprawozdania/${reportId}/wyslij`, fields) };
  }

  async function decide(a: Agent, fields: Record<string, string>) {
    const page = await a.get(`/sprawozdania/${reportId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-qa="verify-form"/, 'the verifier sees the decision form');
    const rev = /action="\/sprawozdania\/[^"]+\/weryfikacja"[\s\S]*?name="rewizja" value="(\d+)"/.exec(page.body)![1]!;
    return a.post(`/sprawozdania/${reportId}/weryfikacja`, { _csrf: csrfOf(page.body), rewizja: rev, ...fields });
  }

  before(async () => {
    t = await buildTestApp();
    year = currentReportingYear(warsawDay(t.clock.now));
    robert = await demoAgent('robert.szymanski', 'przychodnia-torun');
    zofia = await demoAgent('zofia.nowicka', 'uw-04');
    jan = await demoAgent('jan.kowalski', 'cez');
    mariaCez = await demoAgent('maria.wisniewska', 'cez');
    const db = t.database.db;
    const unit = await buildUnit(db, { kindCode: 'PODM' });
    const { profile, user } = await buildProfile(db, { unit });
    await buildRequest(db, { profile, roleCode: 'WYP_NIEFIN', status: 'zatwierdzony', verifyingUnit: unit });
    stranger = await loginAs(t, user.id, { profileId: profile.id });
  });
  after(async () => t?.close());

  it('sends the filler of a unit without this year’s ankieta to it, refuses an empty answer, and assigns the forms once', async () => {
    const home = await robert.get('/start');
    assert.equal(home.statusCode, 303);
    assert.equal(pathOf(home), '/sprawozdania/ankieta');
    const form = await robert.get('/sprawozdania/ankieta');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Ankieta przypisująca sprawozdania/);
    const empty = await robert.post('/sprawozdania/ankieta', { _csrf: csrfOf(form.body) });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Wybierz odpowiedź „Tak” albo „Nie”/);
    assert.match(empty.body, /data-qa="error-summary"/);
    const ok = await robert.post('/sprawozdania/ankieta', { _csrf: csrfOf(form.body), AMB: 'T' });
    assert.equal(ok.statusCode, 303);
    const again = await robert.post('/sprawozdania/ankieta', { _csrf: csrfOf(form.body), AMB: 'N' });
    assert.equal(again.statusCode, 303, 'a second submit changes nothing');
    const db = t.database.db;
    const [unit] = await db.select().from(units).where(eq(units.sourceKey, 'przychodnia-torun'));
    const mine = await db
      .select()
      .from(reports)
      .where(and(eq(reports.unitId, unit!.id), eq(reports.year, year)));
    assert.deepEqual(mine.map((r) => r.form).sort(), ['MZ-11', 'MZ-88'], 'MZ-11 from the answer, MZ-88 from the kind');
    assert.ok(mine.every((r) => r.status === 'do_wypelnienia' && r.levelUnitIds.length === 2));
    const [survey] = await db
      .select()
      .from(unitSurveys)
      .where(and(eq(unitSurveys.unitId, unit!.id), eq(unitSurveys.year, year)));
    assert.deepEqual(survey!.answers, { AMB: 'T' });
    reportId = mine.find((r) => r.form === 'MZ-11')!.id;
    const home2 = await robert.get('/start');
    assert.equal(home2.statusCode, 200);
    assert.match(home2.body, /data-qa="tile-count-do_wypelnienia">[\s\S]*?<strong>2<\/strong>/);
  });

  it('refuses a value that does not fit its cell, keeps what was typed and saves nothing', async () => {
    const res = await saveSection(robert, 'D0', { 'D0.01': 'T', 'D0.02': 'dużo' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /data-qa="error-summary"/);
    assert.match(res.body, /value="dużo"/);
    assert.equal((await row()).status, 'do_wypelnienia');
    assert.deepEqual((await row()).values, {});
  });

  it('saves every section; "Sprawdź" lists the rule error and the year-on-year warning', async () => {
    const base = exampleValues('MZ-11', 1);
    const big = exampleValues('MZ-11', 4);
    for (const s of def().sections) {
      const values = s.code === 'D1' ? big : { ...base };
      if (s.code === 'D3') values['D3.01.1'] = String(Number(base['D3.01.1']) + 1);
      const res = await saveSection(robert, s.code, values);
      assert.equal(res.statusCode, 303, `section ${s.code} saved`);
    }
    const r = await row();
    assert.equal(r.status, 'w_trakcie');
    const { page, res } = await submit(robert, {});
    assert.match(page.body, /R09/);
    assert.match(page.body, /R15/);
    assert.equal(res.statusCode, 400, 'an error blocks sending');
    assert.equal((await row()).status, 'w_trakcie');
  });

  it('needs an explanation of the warning, then sends the report for verification', async () => {
    const base = exampleValues('MZ-11', 1);
    assert.equal((await saveSection(robert, 'D3', base)).statusCode, 303);
    const noExpl = await submit(robert, {});
    assert.equal(noExpl.res.statusCode, 400);
    assert.match(noExpl.res.body, /Wpisz wyjaśnienie ostrzeżenia/);
    const sent = await submit(robert, { R15: 'Rozszerzenie umowy z NFZ o poradnię kardiologiczną.' });
    assert.equal(sent.res.statusCode, 303);
    const r = await row();
    assert.equal(r.status, 'do_weryfikacji');
    assert.equal(r.pendingLevel, 0);
    assert.equal(r.firstSubmittedOn, warsawDay(t.clock.now));
    assert.deepEqual(Object.keys(r.explanations), ['R15']);
    // read-only to the filler now
    const page = await robert.get(`/sprawozdania/${reportId}/dzial/D1`);
    assert.equal(page.statusCode, 303);
    const late = await robert.post(`/sprawozdania/${reportId}/dzial/D0`, { 'D0.02': '200' });
    assert.equal(late.statusCode, 403);
  });

  it('the voivodeship office sees it waiting, needs a comment to return it, and returns it with a cell comment', async () => {
    const list = await zofia.get('/sprawozdania/niefinansowe?status=do_weryfikacji');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(`report-row-${reportId}`));
    assert.match(list.body, /W terminie/);
    const view = await zofia.get(`/sprawozdania/${reportId}`);
    assert.match(view.body, /Rozszerzenie umowy z NFZ/, 'the explanation is shown to the verifier');
    const bare = await decide(zofia, { decyzja: 'zwroc' });
    assert.equal(bare.statusCode, 400);
    assert.match(bare.body, /Wpisz uwagę ogólną albo uwagę do komórki/);
    const returned = await decide(zofia, { decyzja: 'zwroc', komorka1: 'D1.01.1', tresc1: 'Porady ogółem wzrosły czterokrotnie — sprawdź.' });
    assert.equal(returned.statusCode, 303);
    const r = await row();
    assert.equal(r.status, 'do_korekty');
    assert.deepEqual(r.cellComments, { 'D1.01.1': 'Porady ogółem wzrosły czterokrotnie — sprawdź.' });
    // the unit's filler is told by e-mail, with a link to the report
    const mails = await mailsAbout(`Sprawozdanie MZ-11 za ${year} zwrócone do korekty`);
    assert.deepEqual(
      mails.map((x) => x.to),
      [await robertEmail()],
    );
    assert.ok(mails[0]!.text.includes(`/sprawozdania/${reportId}`));
  });

  it('the filler sees the comment by the cell, corrects and sends again', async () => {
    const page = await robert.get(`/sprawozdania/${reportId}/dzial/D1`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Porady ogółem wzrosły czterokrotnie/);
    assert.equal((await saveSection(robert, 'D1', exampleValues('MZ-11', 1))).statusCode, 303);
    assert.equal((await row()).status, 'do_korekty', 'saving keeps it returned until it is sent');
    const sent = await submit(robert, {});
    assert.equal(sent.res.statusCode, 303);
    assert.equal((await row()).status, 'do_weryfikacji');
  });

  it('approval goes level by level: the office, then CeZ; the same form twice cannot win twice', async () => {
    const page = await zofia.get(`/sprawozdania/${reportId}`);
    const rev = /weryfikacja"[\s\S]*?name="rewizja" value="(\d+)"/.exec(page.body)![1]!;
    const fields = { _csrf: csrfOf(page.body), rewizja: rev, decyzja: 'zatwierdz' };
    const [a, b] = await Promise.all([
      zofia.post(`/sprawozdania/${reportId}/weryfikacja`, fields),
      zofia.post(`/sprawozdania/${reportId}/weryfikacja`, fields),
    ]);
    // one wins; the other is told the decision is already recorded (not an error page, not a second decision)
    assert.deepEqual([a.statusCode, b.statusCode], [303, 303]);
    assert.deepEqual([pathOf(a), pathOf(b)].sort(), [`/sprawozdania/${reportId}?wynik=juz-zdecydowano`, `/sprawozdania/${reportId}?wynik=przekazano`]);
    const approvals = await t.database.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, reportId), eq(reportEvents.action, 'approve')));
    assert.equal(approvals.length, 1);
    let r = await row();
    assert.equal(r.status, 'do_weryfikacji');
    assert.equal(r.pendingLevel, 1, 'now at CeZ');
    const again = await zofia.get(`/sprawozdania/${reportId}`);
    assert.doesNotMatch(again.body, /data-qa="verify-form"/, 'the office waits for CeZ now');
    // CeZ sends it back down to the office with a note: a matter between verifiers, not shown to the unit
    const down = await decide(jan, { decyzja: 'zwroc', uwaga: 'NOTATKA-CEZ: proszę ponownie sprawdzić etaty.' });
    assert.equal(pathOf(down), `/sprawozdania/${reportId}?wynik=zwrocono-nizej`);
    r = await row();
    assert.deepEqual([r.status, r.pendingLevel], ['do_weryfikacji', 0]);
    const office = await zofia.get(`/sprawozdania/${reportId}`);
    assert.match(office.body, /Zwrócone do weryfikacji na poprzednim poziomie/);
    assert.match(office.body, /NOTATKA-CEZ/);
    const unitView = await robert.get(`/sprawozdania/${reportId}`);
    assert.doesNotMatch(unitView.body, /NOTATKA-CEZ/, 'the unit does not read the note to the office');
    assert.match(unitView.body, /Zwrócono do weryfikacji na poprzednim poziomie/, 'the history names the step');
    assert.equal((await decide(zofia, { decyzja: 'zatwierdz' })).statusCode, 303);
    const approved = await decide(jan, { decyzja: 'zatwierdz' });
    assert.equal(approved.statusCode, 303);
    r = await row();
    assert.equal(r.status, 'zatwierdzone');
    assert.equal((await mailsAbout(`Sprawozdanie MZ-11 za ${year} zatwierdzone`)).length, 1, 'the final approval is told once');
    const versions = await t.database.db.select().from(reportVersions).where(eq(reportVersions.reportId, reportId));
    assert.equal(versions.length, 1);
  });

  it('a correction of the approved report is a new version with a reason, and the differences are shown', async () => {
    const page = await zofia.get(`/sprawozdania/${reportId}`);
    assert.match(page.body, /data-qa="reopen-form"/);
    const rev = /korekta"[\s\S]*?name="rewizja" value="(\d+)"/.exec(page.body)![1]!;
    const noReason = await zofia.post(`/sprawozdania/${reportId}/korekta`, { _csrf: csrfOf(page.body), rewizja: rev, powod: ' ' });
    assert.equal(noReason.statusCode, 400);
    const ok = await zofia.post(`/sprawozdania/${reportId}/korekta`, { _csrf: csrfOf(page.body), rewizja: rev, powod: 'Błąd w liczbie pielęgniarek.' });
    assert.equal(ok.statusCode, 303);
    const r = await row();
    assert.equal(r.status, 'do_korekty');
    assert.equal(r.version, 2);
    const v = { ...exampleValues('MZ-11', 1) };
    v['D2.01.1'] = String(Number(v['D2.01.1']) + 5);
    assert.equal((await saveSection(robert, 'D2', v)).statusCode, 303);
    const diff = await zofia.get(`/sprawozdania/${reportId}/roznice?od=1&do=2`);
    assert.equal(diff.statusCode, 200);
    assert.match(diff.body, /D2\.01\.1/);
    const events = await t.database.db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId)).orderBy(asc(reportEvents.id));
    assert.deepEqual(
      events.map((e) => e.action),
      ['create', 'save', 'save', 'save', 'save', 'save', 'submit', 'return', 'save', 'submit', 'approve', 'return', 'approve', 'approve', 'reopen', 'save'],
    );
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, reportId), inArray(auditLog.action, ['report.submit', 'report.return', 'report.approve', 'report.reopen'])));
    assert.equal(audits.length, 8);
  });

  it('Pracownik CeZ finds the report but may not open its content; another unit’s filler does not find it', async () => {
    const list = await mariaCez.get('/sprawozdania/niefinansowe?jednostka=Starówka');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(`report-row-${reportId}`));
    assert.ok(!list.body.includes(`href="/sprawozdania/${reportId}"`), 'no link to the content');
    const refused = await mariaCez.get(`/sprawozdania/${reportId}`);
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /data-qa="error-detail"[^>]*>Twoja rola pozwala wyszukiwać sprawozdania bez podglądu ich treści/, 'the refusal says why');
    assert.equal((await stranger.get(`/sprawozdania/${reportId}`)).statusCode, 404);
    const strangerList = await stranger.get('/sprawozdania/niefinansowe');
    assert.ok(!strangerList.body.includes(`report-row-${reportId}`));
  });
});
