import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createRequest } from '../../src/db/repositories/request-lifecycle.ts';
import { attachments, requestSubmissions, roleRequests, users } from '../../src/db/schema/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { Agent, pathOf } from '../helpers/agent.ts';
import { loginAs, signedIn } from '../helpers/login.ts';
import { buildProfile, buildRequest } from '../builders/index.ts';

/** The HTML of one `data-qa` element, up to the next marker that closes it. */
function section(html: string, qa: string, end = '</section>'): string {
  const start = html.indexOf(`data-qa="${qa}"`);
  assert.ok(start >= 0, `section ${qa} missing`);
  const stop = html.indexOf(end, start);
  return html.slice(start, stop < 0 ? undefined : stop);
}

/** The HTML of one pending request item. */
const item = (html: string, qa: string) => section(html, qa, '</article>');

const pendingOrder = (html: string) => [...section(html, 'pending-requests').matchAll(/data-qa="request-(U\d{6}-\d{4})"/g)].map((x) => x[1]);

describe('Moje konto', () => {
  let t: TestApp;
  let maria: Agent;
  let jan: Agent;
  before(async () => {
    t = await buildTestApp();
    t.clock.now = new Date('2026-11-25T10:00:00Z');
    maria = await signedIn(t, 'maria.wisniewska', '+48 600 100 203');
    jan = await signedIn(t, 'jan.kowalski', '+48 600 100 202');
  });
  after(() => t.close());

  it('without login → the login page, which comes back here', async () => {
    const res = await new Agent(t).get('/moje-konto');
    assert.equal(res.statusCode, 303);
    assert.equal(pathOf(res), '/logowanie?next=%2Fmoje-konto');
  });

  it('maria: header, buttons and both active profiles with roles, unit and contact data', async () => {
    const res = await maria.get('/moje-konto');
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const html = res.body;
    assert.match(html, /<h1[^>]*>Moje konto<\/h1>/);
    assert.match(html, /Wybierz aktywny profil, w którym chcesz pracować/);
    assert.match(html, /href="\/profil\/wniosek"[^>]*>Utwórz nowy profil</);
    assert.match(html, /href="\/profil\/przeniesienie"[^>]*>Przenieś uprawnienia z SSOZ I</);

    const active = section(html, 'active-profiles');
    assert.ok(!active.includes('<section'), 'no nested sections');
    assert.ok(active.indexOf('Centrum e-Zdrowia') < active.indexOf('Starostwo Powiatowe w Aleksandrowie Kujawskim'), 'sorted by name');
    assert.ok(active.includes('Starostwo Powiatowe w Aleksandrowie Kujawskim'));
    assert.doesNotMatch(active, /K-Dent/);
    assert.equal((active.match(/Pracuj w profilu/g) ?? []).length, 2);
    const forms = [
      ...active.matchAll(/<form method="post" action="\/profil\/([0-9a-f-]{36})\/pracuj"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+"/g),
    ];
    assert.equal(forms.length, 2, 'a CSRF-protected "Pracuj w profilu" form per profile');
    for (const tab of ['Aktywne role', 'Dane jednostki', 'Dane kontaktowe użytkownika', 'Złożone wnioski']) assert.ok(active.includes(tab), tab);
    assert.match(active, /<details class="expander"/);
    // Aktywne role of the starostwo: both approved requests, "Przypisana od 28.11.2023"
    for (const [role, no] of [
      ['Wypełniający sprawozdania niefinansowe', 'U000573/2023'],
      ['Wypełniający sprawozdania finansowe', 'U000574/2023'],
    ]) {
      assert.match(
        active,
        new RegExp(
          `<td data-label="Rola w jednostce">${role}</td>\\s*<td data-label="Przypisana od">28\\.11\\.2023</td>\\s*<td data-label="Numer wniosku">${no}</td>`,
        ),
      );
    }
    assert.ok(active.includes('U000575/2023'));
    assert.match(active, /<td data-label="Status wniosku"><span class="badge badge--ok">Zatwierdzony<\/span><\/td>/);
    for (const id of forms.map((f) => f[1])) {
      assert.ok(active.includes(`href="/profil/${id}/wniosek/role"`), 'Wnioskuj o inne role');
      assert.ok(active.includes(`href="/profil/${id}/dane-kontaktowe"`), 'Edytuj dane kontaktowe');
    }
    assert.match(active, /Wnioskuj o inne role/);
    assert.match(active, /Edytuj dane kontaktowe/);
    assert.match(active, /<dt>Telefon<\/dt><dd>\+48 600 100 203<\/dd>/);
    assert.match(active, /<dt>Adres e-mail<\/dt><dd>maria\.wisniewska@example\.pl<\/dd>/);
    for (const label of [
      'NIP',
      'REGON',
      'Numer księgi rejestrowej',
      'Województwo',
      'Powiat',
      'Gmina',
      'Miejscowość',
      'Kod pocztowy',
      'Ulica',
      'Numer budynku',
    ]) {
      assert.ok(active.includes(`<dt>${label}</dt>`), label);
    }
  });

  it('maria: the two pending K-Dent requests, without attachments, with their actions', async () => {
    const html = (await maria.get('/moje-konto')).body;
    const pending = section(html, 'pending-requests');
    assert.match(pending, /Sortuj:/);
    assert.match(pending, /Wszystkich pozycji <strong data-qa="pending-total">2<\/strong>/);
    assert.match(pending, /<select class="field__input" id="f-naStronieOczekujace" name="naStronieOczekujace">\s*<option value="5" selected>5<\/option>/);
    assert.match(pending, /<button class="button button--secondary" type="submit">Pokaż<\/button>/);
    assert.deepEqual(pendingOrder(html), ['U000594-2023', 'U000593-2023'], 'newest number first by default');
    const [reqRow] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
    assert.ok(reqRow);
    for (const qa of ['request-U000593-2023', 'request-U000594-2023']) {
      const one = item(html, qa);
      assert.match(one, /Brak załączników/);
      assert.match(one, /-Prywatna Specjalistyczna Przychodnia Stomatologiczna K-Dent spółka z o\.o\./);
      assert.match(one, /<dt>Rodzaj<\/dt><dd>PODM<\/dd>/);
      assert.match(one, /<dt>Data złożenia<\/dt><dd>29\.11\.2023<\/dd>/);
      assert.ok(one.includes(`href="/wnioski/${reqRow.submissionId}/zalaczniki"`));
      assert.ok(one.includes(`href="/wnioski/${reqRow.submissionId}/pdf"`));
      assert.match(one, /Załącz podpisany wniosek/);
      assert.match(one, /Pobierz wygenerowany wniosek \(PDF\)/);
      assert.match(one, /<summary>Pokaż instrukcję<\/summary>/);
      assert.match(one, /Załącz do systemu skan lub zdjęcie wydrukowanego wniosku/);
      assert.match(one, /<dt>NIP<\/dt><dd>7812345678<\/dd>/);
      assert.match(one, /Twoje dane kontaktowe w jednostce/);
      assert.doesNotMatch(one, /Bezpieczne pliki załączone do wniosku|Pliki oczekujące na skanowanie/, 'no file lists without files');
    }
    assert.match(item(html, 'request-U000593-2023'), /<dt>Wnioskowana rola<\/dt><dd>Wypełniający sprawozdania niefinansowe<\/dd>/);
    assert.ok(item(html, 'request-U000593-2023').includes(`href="/wnioski/${reqRow.id}/wycofaj"`), 'Wycofaj wniosek');
  });

  it('"Zapisz wybór" is a button of its own under the opt-out checkbox, not a link squeezed into its grid', async () => {
    const html = (await maria.get('/moje-konto')).body;
    const form = section(item(html, 'request-U000593-2023'), 'reminder-opt-out', '</form>');
    assert.doesNotMatch(form, /^reminder-opt-out"[^>]*class="[^"]*field--checkbox/, 'the form itself is not the checkbox grid');
    assert.match(
      form,
      /<div class="field field--checkbox"><input class="checkbox__input" type="checkbox"[^>]*name="optOut"[^>]*\/?><label class="checkbox__label"[^>]*>[^<]+<\/label><\/div><button class="button button--secondary" type="submit">Zapisz wybór<span class="visually-hidden"> U000593\/2023<\/span><\/button>/,
    );
    assert.doesNotMatch(form, /button--link/);
  });

  it('maria: sorting and page size of Oczekujące wnioski', async () => {
    const asc = (await maria.get('/moje-konto?sortOczekujace=numer&kierunek=asc')).body;
    assert.deepEqual(pendingOrder(asc), ['U000593-2023', 'U000594-2023']);
    const desc = (await maria.get('/moje-konto?sortOczekujace=numer&kierunek=desc')).body;
    assert.deepEqual(pendingOrder(desc), ['U000594-2023', 'U000593-2023']);
    // the active sort link toggles the direction
    assert.match(section(asc, 'pending-sort', '</p>'), /<a href="\/moje-konto#oczekujace-wnioski" aria-current="true" data-sort="numer">/);
    assert.match(section(desc, 'pending-sort', '</p>'), /<a href="\/moje-konto\?kierunek=asc#oczekujace-wnioski" aria-current="true" data-sort="numer">/);
    assert.match(section(desc, 'pending-sort', '</p>'), /<a href="\/moje-konto\?sortOczekujace=jednostka#oczekujace-wnioski" data-sort="jednostka">/);
    const byUnit = (await maria.get('/moje-konto?sortOczekujace=jednostka')).body;
    assert.equal(pendingOrder(byUnit).length, 2);
    const five = (await maria.get('/moje-konto?naStronieOczekujace=5')).body;
    assert.match(five, /data-qa="pending-total">2</);
    assert.equal(pendingOrder(five).length, 2);
    assert.doesNotMatch(section(five, 'pending-requests'), /class="pagination"/, 'one page: no pagination');
    const odd = (await maria.get('/moje-konto?naStronieOczekujace=1&stronaOczekujace=abc&kierunek=%3Cscript%3E')).body;
    assert.equal(pendingOrder(odd).length, 2, 'unknown values fall back to the defaults');
    assert.doesNotMatch(odd, /<script>/);
  });

  it('maria: K-Dent is under Pozostałe profile as Nieaktywowany', async () => {
    const html = (await maria.get('/moje-konto')).body;
    const other = section(html, 'other-profiles');
    assert.match(other, /Sortuj:/);
    assert.match(other, /Data ostatniej zmiany statusu/);
    assert.match(other, /Wszystkich pozycji <strong data-qa="other-total">1<\/strong>/);
    assert.match(other, /<td data-label="Nazwa jednostki">-Prywatna Specjalistyczna Przychodnia Stomatologiczna K-Dent spółka z o\.o\.<\/td>/);
    assert.match(other, /<td data-label="Rodzaj">PODM<\/td>/);
    assert.match(other, /Nieaktywowany/);
    assert.match(other, /<td data-label="Data utworzenia">29\.11\.2023<\/td>/);
    assert.doesNotMatch(other, /Centrum e-Zdrowia|Starostwo/);
    const byName = (await maria.get('/moje-konto?sortPozostale=jednostka&naStroniePozostale=10')).body;
    assert.match(section(byName, 'other-profiles'), /data-qa="other-total">1</);
  });

  it('a profile that is not active lists its decided requests under Pozostałe profile: a rejection with its reason, as the manual says', async () => {
    const { profile, user } = await buildProfile(t.database.db);
    const rejected = await buildRequest(t.database.db, { profile, status: 'odrzucony' });
    const pending = await buildRequest(t.database.db, { profile, status: 'oczekujacy', roleCode: 'WYP_FIN' });
    const other = section((await (await loginAs(t, user.id)).get('/moje-konto')).body, 'other-profiles');
    assert.match(other, new RegExp(`data-qa="decided-${rejected.number.replace('/', '\\/')}"`));
    assert.match(other, new RegExp(`data-qa="reject-reason-${rejected.number.replace('/', '\\/')}">Powód odrzucenia: <span>Test</span>`));
    // a pending request is listed under Oczekujące wnioski, not here
    assert.ok(!other.includes(pending.number));
  });

  it('a pending request past its decision due date says so beside "Termin decyzji"; one within it does not', async () => {
    const { profile, user } = await buildProfile(t.database.db);
    const old = await buildRequest(t.database.db, { profile, at: new Date(Date.now() - 30 * 86_400_000) });
    const fresh = await buildRequest(t.database.db, { profile, roleCode: 'WYP_FIN' });
    const html = (await (await loginAs(t, user.id)).get('/moje-konto')).body;
    const card = (n: string): string => html.slice(html.indexOf(`data-qa="request-${n.replace(/\//g, '-')}"`)).split('</article>')[0] ?? '';
    assert.match(card(old.number), /termin minął/);
    assert.doesNotMatch(card(fresh.number), /termin minął/);
  });

  it('jan sees only his own data', async () => {
    const res = await jan.get('/moje-konto');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(section(html, 'active-profiles'), /Centrum e-Zdrowia/);
    assert.match(html, /U000101\/2023/);
    assert.doesNotMatch(html, /K-Dent|Starostwo|U00057[345]\/2023|U00059[34]\/2023|maria/i);
    assert.match(section(html, 'pending-requests'), /Nie masz oczekujących wniosków\./);
    assert.match(section(html, 'other-profiles'), /Nie masz innych profili\./);
    assert.doesNotMatch(html, /data-qa="pending-total"|data-qa="other-total"/);
  });

  it('maria: attachments of the submission and pagination of many pending requests', async () => {
    const db = t.database.db;
    const [r593] = await db.select().from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
    assert.ok(r593);
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'maria.wisniewska'));
    assert.ok(owner);
    const base = { submissionId: r593.submissionId, ownerUserId: owner.id, contentType: 'application/pdf', sha256: 'x'.repeat(64) };
    await db.insert(attachments).values([
      { ...base, originalName: 'Wniosek_podpisany.pdf', storageKey: 'test/clean', sizeBytes: 73738, scanStatus: 'clean' },
      { ...base, originalName: 'Skan.jpg', contentType: 'image/jpeg', storageKey: 'test/pending', sizeBytes: 2 * 1024 * 1024, scanStatus: 'pending' },
      {
        ...base,
        originalName: 'Usuniety.pdf',
        storageKey: 'test/deleted',
        sizeBytes: 1000,
        scanStatus: 'clean',
        deletedAt: new Date(),
        deletedReason: 'owner',
      },
    ]);
    let html = (await maria.get('/moje-konto')).body;
    for (const qa of ['request-U000593-2023', 'request-U000594-2023']) {
      const one = item(html, qa);
      assert.doesNotMatch(one, /Brak załączników/, 'a clean file removes the reminder');
      assert.match(
        one,
        /Bezpieczne pliki załączone do wniosku<\/h3>\s*<ol data-qa="clean-files"><li><span>Wniosek_podpisany\.pdf \(PDF, 72\.01 KB\)<\/span> <a href="\/wnioski\/[^"]+\/zalaczniki\/[^"]+">Pobierz/,
      );
      assert.match(one, /<ol data-qa="clean-files">.*?\/usun"/s, 'a safe file can be removed while the request is pending');
      assert.match(
        one,
        /Pliki oczekujące na skanowanie pod kątem bezpieczeństwa<\/h3>\s*<ol data-qa="scanning-files"><li><span>Skan\.jpg \(JPG, 2\.00 MB\)<\/span><\/li><\/ol>/,
      );
      assert.doesNotMatch(one, /Usuniety\.pdf/);
    }

    // four more pending requests in the same submission: 6 in all, two pages of 5
    for (let i = 0; i < 4; i++) {
      await db.insert(roleRequests).values({
        number: `U00090${i}/2023`,
        year: 2023,
        seq: 900 + i,
        submissionId: r593.submissionId,
        profileId: r593.profileId,
        roleCode: 'WYP_NIEFIN',
        status: 'oczekujacy',
        verifyingUnitId: r593.verifyingUnitId,
        submittedAt: r593.submittedAt,
      });
    }
    html = (await maria.get('/moje-konto')).body;
    assert.match(html, /data-qa="pending-total">6</);
    assert.deepEqual(pendingOrder(html), ['U000903-2023', 'U000902-2023', 'U000901-2023', 'U000900-2023', 'U000594-2023']);
    const pager = section(html, 'pending-requests');
    assert.match(pager, /<nav class="pagination"/);
    assert.ok(pager.includes('href="/moje-konto?stronaOczekujace=2#oczekujace-wnioski"'));
    const page2 = (await maria.get('/moje-konto?stronaOczekujace=2')).body;
    assert.deepEqual(pendingOrder(page2), ['U000593-2023']);
    assert.ok(section(page2, 'pending-requests').includes('rel="prev"'));
    const ten = (await maria.get('/moje-konto?naStronieOczekujace=10')).body;
    assert.equal(pendingOrder(ten).length, 6);
    const beyond = (await maria.get('/moje-konto?stronaOczekujace=99')).body;
    assert.deepEqual(pendingOrder(beyond), ['U000593-2023'], 'a page past the end shows the last one');
  });
  it('maria: a submission saved but not finished is listed under Niezakończone wnioski, not Oczekujące wnioski', async () => {
    const db = t.database.db;
    const [r593] = await db.select().from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'maria.wisniewska'));
    assert.ok(r593 && owner);
    const savedAt = new Date('2026-11-24T09:30:00Z');
    const submissionId = await db.transaction(async (tx) => {
      const [sub] = await tx
        .insert(requestSubmissions)
        .values({
          idempotencyKey: 'test:unfinished',
          userId: owner.id,
          profileId: r593.profileId,
          source: 'wizard',
          contactPhone: '+48 600 100 203',
          contactEmail: 'maria@example.pl',
          createdAt: savedAt,
        })
        .returning({ id: requestSubmissions.id });
      for (const [seq, roleCode] of [
        [951, 'WYP_NIEFIN'],
        [952, 'WYP_FIN'],
      ] as const) {
        await createRequest(
          tx,
          {
            number: `U000${seq}/2026`,
            year: 2026,
            seq,
            submissionId: sub!.id,
            profileId: r593.profileId,
            roleCode,
            verifyingUnitId: r593.verifyingUnitId,
            submittedAt: savedAt,
          },
          'zapisany',
          { by: owner.id, at: savedAt, event: 'saved' },
        );
      }
      return sub!.id;
    });

    const html = (await maria.get('/moje-konto')).body;
    const unfinished = section(html, 'unfinished-requests');
    assert.match(unfinished, /<h2[^>]*>Niezakończone wnioski<\/h2>/);
    assert.ok(html.indexOf('data-qa="unfinished-requests"') < html.indexOf('data-qa="pending-requests"'), 'above Oczekujące wnioski');
    const one = item(html, `unfinished-${submissionId}`);
    assert.match(one, /<dt>Nazwa jednostki<\/dt><dd>-Prywatna Specjalistyczna Przychodnia Stomatologiczna K-Dent/);
    assert.match(one, /<dt>Wnioskowane role<\/dt><dd>Wypełniający sprawozdania (nie)?finansowe, Wypełniający sprawozdania (nie)?finansowe<\/dd>/);
    assert.match(one, /<dt>Numery wniosków<\/dt><dd>U000951\/2026, U000952\/2026<\/dd>/);
    assert.match(one, /<dt>Data zapisania<\/dt><dd>24\.11\.2026<\/dd>/);
    assert.ok(one.includes(`<a class="button" href="/wnioski/${submissionId}" data-qa="finish-request"><span>Dokończ wniosek</span>`));
    const pending = section(html, 'pending-requests');
    assert.doesNotMatch(pending, /U00095[12]/, 'not under Oczekujące wnioski');
    assert.match(pending, /data-qa="pending-total">6</, 'the pending count is unchanged');

    const jans = (await jan.get('/moje-konto')).body;
    assert.doesNotMatch(jans, /Niezakończone wnioski|U00095[12]/, "only one's own");
  });
});
