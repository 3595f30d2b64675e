import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, profiles, requestSubmissions, roleRequests, units, users } from '../../src/db/schema/index.ts';
import { nextRequestNumber } from '../../src/db/repositories/requests.ts';
import { buildTestApp, eventually, type TestApp } from '../helpers/app.ts';
import type { Agent } from '../helpers/agent.ts';
import { pathOf } from '../helpers/agent.ts';
import { loginAs, signedIn } from '../helpers/login.ts';
import { buildProfile } from '../builders/index.ts';

describe('Wniosek o nowy profil w SSOZ II', () => {
  let t: TestApp;
  let ewa: Agent;
  before(async () => {
    t = await buildTestApp();
    t.clock.now = new Date('2026-11-25T10:00:00Z');
    ewa = await signedIn(t, 'ewa.kaminska', '+48 600 100 205');
  });
  after(() => t.close());

  it('steps are refused out of order', async () => {
    assert.equal(pathOf(await ewa.get('/profil/wniosek/role')), '/profil/wniosek');
    assert.equal(pathOf(await ewa.get('/profil/wniosek/podsumowanie')), '/profil/wniosek');
  });

  it('K-Dent found by NIP → two roles → summary → numbers, PDF, Zakończ — saved once', async () => {
    const search = await ewa.get('/profil/wniosek?nip=781-234-56-78');
    assert.match(search.body, /Wszystkich pozycji <strong data-qa="unit-total">1<\/strong>/);
    assert.match(search.body, /K-Dent spółka z o\.o\./);
    const unitId = /name="unitId" value="([^"]+)"/.exec(search.body)?.[1] ?? '';
    const chosen = await ewa.post('/profil/wniosek/jednostka', { unitId }, { csrfFrom: search.body });
    assert.equal(pathOf(chosen), '/profil/wniosek/role');
    const rolesPage = await ewa.get('/profil/wniosek/role');
    for (const r of ['Wypełniający sprawozdania niefinansowe', 'Wypełniający sprawozdania finansowe', 'Wypełniający karty psychiatryczne'])
      assert.ok(rolesPage.body.includes(r), r);
    assert.doesNotMatch(rolesPage.body, /Nadzorujący|Administrator/, 'only roles of a reporting unit');

    const none = await ewa.post('/profil/wniosek/role', { phone: '', email: 'x' }, { csrfFrom: rolesPage.body });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Wybierz co najmniej jedną rolę/);
    assert.match(none.body, /Wpisz numer telefonu/);
    assert.match(none.body, /Wpisz poprawny adres e-mail/);

    const body = new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(none.body)![1]!, phone: '600 100 205', email: 'ewa.kaminska@example.pl' });
    body.append('roles', 'WYP_NIEFIN');
    body.append('roles', 'WYP_FIN');
    body.append('roles', 'NADZ_FIN'); // not offered in this unit: ignored
    const toSummary = await t.app.inject({
      method: 'POST',
      url: '/profil/wniosek/role',
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...ewa.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.equal(toSummary.statusCode, 303);
    const summary = await ewa.get('/profil/wniosek/podsumowanie');
    assert.match(summary.body, /Zweryfikuj dane/);
    assert.match(summary.body, /Wybierz inną jednostkę/);
    assert.match(summary.body, /\+48 600 100 205/);
    assert.doesNotMatch(summary.body.slice(summary.body.indexOf('summary-roles')), /Nadzorujący sprawozdania finansowe/);
    const noStatement = await ewa.post('/profil/wniosek/podsumowanie', { akcja: 'zapisz' }, { csrfFrom: summary.body });
    assert.equal(noStatement.statusCode, 400);
    assert.match(noStatement.body, /Zaznacz oświadczenie/);

    const draftId = /name="draftId" value="([^"]+)"/.exec(summary.body)?.[1] ?? '';
    assert.ok(draftId, 'the summary form carries its draft');
    const fields = { akcja: 'zapisz', statement: 'tak', draftId };
    const [r1, r2] = await Promise.all([
      ewa.post('/profil/wniosek/podsumowanie', fields, { csrfFrom: summary.body }),
      ewa.post('/profil/wniosek/podsumowanie', fields, { csrfFrom: summary.body }),
    ]);
    const loc = [pathOf(r1), pathOf(r2)].filter((p) => p.startsWith('/wnioski/'));
    assert.ok(loc.length >= 1, `${pathOf(r1)} ${pathOf(r2)}`);
    assert.ok(
      loc.every((l) => l === loc[0]),
      'both answers lead to the same submission',
    );
    const submissionId = loc[0]!.split('/')[2]!;
    const reqs = await t.database.db.select().from(roleRequests).where(eq(roleRequests.submissionId, submissionId));
    assert.equal(reqs.length, 2, 'a double submit creates nothing more');
    const seqs = reqs.map((r) => r.seq).sort((a, b) => a - b);
    assert.equal(seqs[1], seqs[0]! + 1, 'consecutive numbers');
    // "Skorzystaj z opcji Zakończ, aby wniosek uzyskał status oczekującego": saved, not yet pending
    assert.ok(reqs.every((r) => r.status === 'zapisany' && /^U\d{6}\/2026$/.test(r.number)));
    const [cez] = await t.database.db.select().from(units).where(eq(units.sourceKey, 'cez'));
    assert.ok(
      reqs.every((r) => r.verifyingUnitId === cez!.id),
      'wielkopolskie UW has no administrator: routed to CeZ',
    );
    const resend = await ewa.post('/profil/wniosek/podsumowanie', fields, { csrfFrom: summary.body });
    assert.equal(pathOf(resend), `/wnioski/${submissionId}`, 'a reload after saving shows the saved submission');

    const noMailYet = (await t.app.inject({ url: '/dev/poczta.json?to=ewa.kaminska@example.pl' })).json() as Array<{ subject: string }>;
    assert.ok(!noMailYet.some((m) => m.subject.startsWith('Złożono wniosek o role')), 'no confirmation before "Zakończ"');
    const unfinished = await ewa.get('/moje-konto');
    for (const r of reqs)
      assert.ok(
        !unfinished.body.slice(unfinished.body.indexOf('oczekujace-wnioski')).includes(`>${r.number}<`),
        'not under "Oczekujące wnioski" before "Zakończ"',
      );
    const download = await ewa.get(`/wnioski/${submissionId}`);
    for (const r of reqs) assert.ok(download.body.includes(r.number));
    const early = await ewa.post(`/wnioski/${submissionId}/zakoncz`, { delivery: 'later' }, { csrfFrom: download.body });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /najpierw pobierz wniosek/);

    const pdf = await ewa.get(`/wnioski/${submissionId}/pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="Wniosek_U\d{6}-2026\.pdf"$/);
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.rawPayload }).toString();
      for (const r of reqs) assert.ok(text.includes(r.number), `PDF has ${r.number}`);
      assert.match(text, /Wypełniający sprawozdania niefinansowe/);
      assert.match(text, /Kamińska/);
      assert.match(text, /Centrum e-Zdrowia/);
    }
    const done = await ewa.post(`/wnioski/${submissionId}/zakoncz`, { delivery: 'later' }, { csrfFrom: download.body });
    assert.equal(pathOf(done), '/moje-konto?zlozono=1');
    const account = await ewa.get('/moje-konto?zlozono=1');
    assert.match(account.body, /Wniosek ma status oczekującego/);
    for (const r of reqs) assert.ok(account.body.includes(r.number), `Moje konto lists ${r.number}`);
    const after = await ewa.get(`/wnioski/${submissionId}`);
    assert.match(after.body, /data-qa="request-finished"/, 'step 4 of a finished submission says so');
    assert.doesNotMatch(after.body, /\/zakoncz"/, 'and offers no second "Zakończ"');
    const pending = await t.database.db.select().from(roleRequests).where(eq(roleRequests.submissionId, submissionId));
    assert.ok(
      pending.every((r) => r.status === 'oczekujacy'),
      'pending after "Zakończ"',
    );
    const confirmation = await eventually(async () => {
      const list = (await t.app.inject({ url: '/dev/poczta.json?to=ewa.kaminska@example.pl' })).json() as Array<{ subject: string; text: string }>;
      return list.find((m) => m.subject.startsWith('Złożono wniosek o role'));
    });
    for (const r of reqs) assert.ok(confirmation.text.includes(r.number), 'confirmation e-mail lists the numbers');
    assert.match(confirmation.text, /Pobierz wygenerowany wniosek \(PDF\)/);
    const again = await ewa.post(`/wnioski/${submissionId}/zakoncz`, { delivery: 'later' }, { csrfFrom: download.body });
    assert.equal(pathOf(again), '/moje-konto?zlozono=1');
    const mails = (await t.app.inject({ url: '/dev/poczta.json?to=ewa.kaminska@example.pl' })).json() as Array<{ subject: string }>;
    assert.equal(mails.filter((m) => m.subject.startsWith('Złożono wniosek o role')).length, 1, 'a second "Zakończ" sends nothing more');

    const [sub] = await t.database.db.select().from(requestSubmissions).where(eq(requestSubmissions.id, submissionId));
    assert.ok(sub?.finishedAt && sub.pdfDownloadedAt && sub.deliveryChoice === 'later');
    const [profile] = await t.database.db.select().from(profiles).where(eq(profiles.id, sub!.profileId));
    assert.equal(profile?.status, 'nieaktywowany');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, submissionId));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['request.finished', 'request.pdf_downloaded', 'request.submitted']);
    const moves = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, reqs[0]!.id));
    assert.deepEqual(moves.map((a) => a.action).sort(), ['request.finished', 'request.saved'], 'each move of the lifecycle is audited');
  });

  it("another user's submission and PDF answer 404", async () => {
    const [sub] = await t.database.db
      .select()
      .from(requestSubmissions)
      .innerJoin(users, eq(users.id, requestSubmissions.userId))
      .where(eq(users.login, 'ewa.kaminska'));
    const jan = await signedIn(t, 'jan.kowalski', '+48 600 100 202');
    assert.equal((await jan.get(`/wnioski/${sub!.request_submissions.id}`)).statusCode, 404);
    assert.equal((await jan.get(`/wnioski/${sub!.request_submissions.id}/pdf`)).statusCode, 404);
    const page = await jan.get('/start');
    assert.equal((await jan.post(`/wnioski/${sub!.request_submissions.id}/zakoncz`, { delivery: 'later' }, { csrfFrom: page.body })).statusCode, 404);
  });

  it('a unit where the user has a profile leads to "Wniosek o nowe role do profilu"', async () => {
    const maria = await signedIn(t, 'maria.wisniewska', '+48 600 100 203');
    const search = await maria.get('/profil/wniosek?nip=7812345678');
    const unitId = /name="unitId" value="([^"]+)"/.exec(search.body)?.[1] ?? '';
    const res = await maria.post('/profil/wniosek/jednostka', { unitId }, { csrfFrom: search.body });
    assert.match(pathOf(res), /^\/profil\/[0-9a-f-]{36}\/wniosek\/role$/);
    const page = await maria.get(pathOf(res));
    assert.match(page.body, /Wniosek o nowe role do profilu/);
    // K-Dent: both of maria's requests are only pending — asked for, not held
    assert.doesNotMatch(page.body, /Role, które już pełnisz w tej jednostce/);
    const pending = page.body.slice(page.body.indexOf('pending-roles'));
    assert.match(pending, /Wypełniający sprawozdania niefinansowe/);
    assert.match(pending, /Wypełniający sprawozdania finansowe/);
    const offered = page.body.slice(page.body.indexOf('f-roles'), page.body.indexOf('pending-roles'));
    assert.match(offered, /Wypełniający karty psychiatryczne/);
    assert.doesNotMatch(offered, /value="WYP_FIN"/);
  });

  it('a control character in the phone: 400, the message names the field, the ticked roles stay ticked', async () => {
    const { profile, user } = await buildProfile(t.database.db);
    const a = await loginAs(t, user.id);
    const page = await a.get(`/profil/${profile.id}/wniosek/role`);
    assert.equal(page.statusCode, 200);
    const res = await a.post(
      `/profil/${profile.id}/wniosek/role`,
      { roles: 'WYP_FIN', phone: '600\u202e100 205', email: 'x@example.pl' },
      { csrfFrom: page.body },
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Pole „Telefon” zawierało niedozwolone znaki/);
    assert.match(res.body, /value="WYP_FIN" checked/, 'the role stays ticked');
    assert.ok(!res.body.includes('\u202e'), 'the character is not shown back');
  });

  it('a foreign profile id answers 404 in the new-roles wizard', async () => {
    const [p] = await t.database.db.select().from(profiles).innerJoin(users, eq(users.id, profiles.userId)).where(eq(users.login, 'tomasz.lewandowski'));
    assert.equal((await ewa.get(`/profil/${p!.profiles.id}/wniosek/role`)).statusCode, 404);
  });

  it('50 parallel submissions get 50 distinct consecutive numbers', async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => t.database.db.transaction((tx) => nextRequestNumber(tx, 2031))));
    const seqs = numbers.map((n) => n.seq).sort((a, b) => a - b);
    assert.deepEqual(
      seqs,
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    assert.equal(new Set(numbers.map((n) => n.number)).size, 50);
    assert.ok(numbers.every((n) => /^U0000\d\d\/2031$/.test(n.number)));
  });
});
