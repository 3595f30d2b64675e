import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { announcements, auditLog, units } from '../../src/db/schema/index.ts';
import { toWarsawInput } from '../../src/lib/warsaw-time.ts';
import { answerSurvey, buildProfile, buildRequest, buildUnit } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { csrfOf, pathOf, type Agent } from '../helpers/agent.ts';
import { loginAs } from '../helpers/login.ts';

type UnitRow = typeof units.$inferSelect;

describe('Zarządzanie → Komunikaty: publishing, window, audience, "Najnowszy komunikat"', () => {
  let t: TestApp;
  let admin: Agent;
  let adminUser: string;
  let filler: Agent;
  let finance: Agent;
  let cezStaff: Agent;
  let noProfile: Agent;
  const HOUR = 3_600_000;

  async function member(unit: UnitRow, roleCode: string) {
    const { profile, user } = await buildProfile(t.database.db, { unit });
    await buildRequest(t.database.db, { profile, roleCode, status: 'zatwierdzony', verifyingUnit: unit });
    return { agent: await loginAs(t, user.id, { profileId: profile.id }), userId: user.id };
  }

  /** the "Najnowszy komunikat" section of an agent's home page, or null */
  async function latest(a: Agent): Promise<string | null> {
    const home = await a.get('/start');
    assert.equal(home.statusCode, 200);
    const m = /data-qa="latest-announcement">([\s\S]*?)<\/section>/.exec(home.body);
    return m ? m[1]! : null;
  }

  async function publish(a: Agent, fields: Record<string, string | string[]>) {
    const form = await a.get('/zarzadzanie/komunikaty/nowy');
    assert.equal(form.statusCode, 200);
    const key = /name="klucz" value="([^"]+)"/.exec(form.body)![1]!;
    const body = new URLSearchParams({ _csrf: csrfOf(form.body), klucz: key });
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    const res = await t.app.inject({
      method: 'POST',
      url: '/zarzadzanie/komunikaty/nowy',
      payload: body.toString(),
      headers: { cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    });
    return { res, key, body: body.toString() };
  }

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const [cez] = await db.select().from(units).where(eq(units.sourceKey, 'cez'));
    ({ agent: admin, userId: adminUser } = await member(cez!, 'ADMIN_CEZ'));
    const fillerUnit = await buildUnit(db);
    await answerSurvey(db, fillerUnit);
    ({ agent: filler } = await member(fillerUnit, 'WYP_NIEFIN'));
    ({ agent: finance } = await member(await buildUnit(db), 'WYP_FIN'));
    ({ agent: cezStaff } = await member(cez!, 'PRACOWNIK_CEZ'));
    const { profile, user } = await buildProfile(db);
    void profile;
    noProfile = await loginAs(t, user.id);
  });
  after(() => t.close());

  it('only KOMUNIKATY_ZARZADZAJ opens the module: list, form, save and withdraw are refused to others', async () => {
    const [row] = await t.database.db.insert(announcements).values({ title: 'Ukryty test', body: 'x', publishedAt: new Date() }).returning();
    for (const a of [filler, cezStaff, noProfile]) {
      assert.equal((await a.get('/zarzadzanie/komunikaty')).statusCode, 403);
      assert.equal((await a.get('/zarzadzanie/komunikaty/nowy')).statusCode, 403);
      assert.equal((await a.get(`/zarzadzanie/komunikaty/${row!.id}`)).statusCode, 403);
      const csrf = csrfOf((await a.get('/moje-konto')).body);
      const post = await a.post('/zarzadzanie/komunikaty/nowy', { _csrf: csrf, tytul: 'X', tresc: 'Y', od: '2026-01-01', odbiorcy: 'wszyscy' });
      assert.equal(post.statusCode, 403);
      assert.equal((await a.post(`/zarzadzanie/komunikaty/${row!.id}/wycofaj`, { _csrf: csrf })).statusCode, 403);
    }
    assert.equal((await t.database.db.select().from(announcements).where(eq(announcements.title, 'X'))).length, 0);
    const home = await cezStaff.get('/zarzadzanie');
    assert.doesNotMatch(home.body, /zarzadzanie\/komunikaty/, 'Pracownik CeZ has no Komunikaty tile');
    const hub = await admin.get('/zarzadzanie');
    assert.match(hub.body, /href="\/zarzadzanie\/komunikaty"/);
    assert.equal((await admin.get('/zarzadzanie/komunikaty/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await admin.get('/zarzadzanie/komunikaty/nie-uuid')).statusCode, 404);
    await t.database.db.delete(announcements).where(eq(announcements.id, row!.id));
  });

  it('both publication dates say their format beside the field ("Publikuj od *" as well as "Publikuj do")', async () => {
    const form = await admin.get('/zarzadzanie/komunikaty/nowy');
    for (const name of ['od', 'do']) {
      const field = new RegExp(
        `<label class="field__label" for="f-${name}">[\\s\\S]*?<p class="field__hint" id="f-${name}-hint">([^<]*)</p><input[^>]*name="${name}"[^>]*aria-describedby="f-${name}-hint"`,
      ).exec(form.body);
      assert.ok(field, name);
      assert.match(field[1]!, /RRRR-MM-DD/, name);
    }
  });

  it('validates in Polish: title and body required, lengths, dates, end after start, roles when chosen by role; typed values kept', async () => {
    const empty = await publish(admin, { tytul: '', tresc: '', od: '', odbiorcy: '' });
    assert.equal(empty.res.statusCode, 400);
    assert.match(empty.res.body, /Wpisz tytuł komunikatu/);
    assert.match(empty.res.body, /Wpisz treść komunikatu/);
    assert.match(empty.res.body, /Podaj datę początku publikacji/);
    assert.match(empty.res.body, /<title>Błąd:/);

    const bad = await publish(admin, { tytul: 'Przerwa', tresc: 'Treść', od: '2026-13-01', do: 'jutro', odbiorcy: 'wszyscy' });
    assert.equal(bad.res.statusCode, 400);
    assert.match(bad.res.body, /Podaj datę w formacie RRRR-MM-DD/);
    assert.match(bad.res.body, /value="Przerwa"/, 'typed values are kept');

    const reversed = await publish(admin, { tytul: 'Przerwa', tresc: 'Treść', od: '2026-12-10 08:00', do: '2026-12-10 07:00', odbiorcy: 'wszyscy' });
    assert.equal(reversed.res.statusCode, 400);
    assert.match(reversed.res.body, /Koniec publikacji musi być późniejszy niż jej początek/);

    const noRoles = await publish(admin, { tytul: 'Przerwa', tresc: 'Treść', od: '2026-12-10', odbiorcy: 'role' });
    assert.match(noRoles.res.body, /Zaznacz co najmniej jedną rolę odbiorców/);
    const both = await publish(admin, { tytul: '', tresc: 'Treść', od: '2026-12-10', do: '2026-12-01', odbiorcy: 'role' });
    assert.match(both.res.body, /Wpisz tytuł komunikatu/);
    assert.match(both.res.body, /Zaznacz co najmniej jedną rolę odbiorców/, 'every message at once');
    assert.match(both.res.body, /Koniec publikacji musi być późniejszy/);
    const unknownRole = await publish(admin, { tytul: 'Przerwa', tresc: 'Treść', od: '2026-12-10', odbiorcy: 'role', role: 'HACKER' });
    assert.match(unknownRole.res.body, /Wybierz role z listy/);

    const long = await publish(admin, { tytul: 'x'.repeat(201), tresc: 'Treść', od: '2026-12-10', odbiorcy: 'wszyscy' });
    assert.match(long.res.body, /Wpisz najwyżej 200 znaków/);

    const nul = await t.app.inject({
      method: 'POST',
      url: '/zarzadzanie/komunikaty/nowy',
      payload: 'null',
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/json' },
    });
    assert.ok([400, 403].includes(nul.statusCode), `null body is not a 500 (${nul.statusCode})`);
    assert.equal((await t.database.db.select().from(announcements).where(eq(announcements.title, 'Przerwa'))).length, 0, 'nothing saved');
  });

  it('publishes for everyone (shown as "Najnowszy komunikat"); a double submit adds one; audited', async () => {
    const from = toWarsawInput(new Date(Date.now() - HOUR));
    const p = await publish(admin, { tytul: 'Przerwa techniczna', tresc: 'System będzie niedostępny w sobotę.', od: from, odbiorcy: 'wszyscy' });
    assert.equal(p.res.statusCode, 303, p.res.body.slice(0, 400));
    assert.equal(pathOf(p.res), '/zarzadzanie/komunikaty?wynik=dodany');
    // the same form sent again (double click, back and resend)
    const again = await t.app.inject({
      method: 'POST',
      url: '/zarzadzanie/komunikaty/nowy',
      payload: p.body,
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(again.statusCode, 303);
    const rows = await t.database.db.select().from(announcements).where(eq(announcements.title, 'Przerwa techniczna'));
    assert.equal(rows.length, 1, 'one announcement');
    assert.equal(rows[0]!.id, p.key);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'announcement.created'), eq(auditLog.subjectId, p.key)));
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.actorUserId, adminUser);
    const list = await admin.get('/zarzadzanie/komunikaty?wynik=dodany');
    assert.match(list.body, /Przerwa techniczna/);
    assert.match(list.body, /Opublikowany/);
    assert.match(list.body, /Wszyscy użytkownicy/);
    for (const a of [filler, finance, cezStaff, admin]) assert.match((await latest(a)) ?? '', /Przerwa techniczna/);
  });

  it('audience by role: only profiles with one of the roles see it; the window is respected; withdrawn is not shown', async () => {
    const db = t.database.db;
    const before = Date.now() - 30 * 60_000;
    const p = await publish(admin, {
      tytul: 'Sprawozdania finansowe 2026',
      tresc: 'Termin złożenia sprawozdań finansowych.',
      od: toWarsawInput(new Date(before)),
      odbiorcy: 'role',
      role: ['WYP_FIN', 'NADZ_FIN'],
    });
    assert.equal(p.res.statusCode, 303);
    assert.match((await latest(finance)) ?? '', /Sprawozdania finansowe 2026/);
    const fillerSees = (await latest(filler)) ?? '';
    assert.doesNotMatch(fillerSees, /Sprawozdania finansowe 2026/, 'not in the audience');
    assert.match(fillerSees, /Przerwa techniczna/, 'the newest one for everyone instead');

    // scheduled: not yet shown
    const future = await publish(admin, { tytul: 'Zapowiedź', tresc: 'Wkrótce.', od: toWarsawInput(new Date(Date.now() + 2 * HOUR)), odbiorcy: 'wszyscy' });
    assert.equal(future.res.statusCode, 303);
    assert.doesNotMatch((await latest(filler)) ?? '', /Zapowiedź/);
    assert.match((await admin.get('/zarzadzanie/komunikaty')).body, /Zaplanowany/);
    // its start passes: shown (and, newest, instead of the older one for everyone)
    await db
      .update(announcements)
      .set({ publishedAt: new Date(Date.now() - 60_000) })
      .where(eq(announcements.id, future.key));
    assert.match((await latest(filler)) ?? '', /Zapowiedź/);
    await db.delete(announcements).where(eq(announcements.id, future.key));

    // ended window: not shown
    await db
      .update(announcements)
      .set({ publishedUntil: new Date(Date.now() - 60_000) })
      .where(eq(announcements.id, p.key));
    assert.doesNotMatch((await latest(finance)) ?? '', /Sprawozdania finansowe 2026/);
    await db.update(announcements).set({ publishedUntil: null }).where(eq(announcements.id, p.key));
    assert.match((await latest(finance)) ?? '', /Sprawozdania finansowe 2026/);

    // withdraw (twice: the second changes nothing)
    const page = await admin.get(`/zarzadzanie/komunikaty/${p.key}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Wycofaj komunikat/);
    const w1 = await admin.post(`/zarzadzanie/komunikaty/${p.key}/wycofaj`, { _csrf: csrfOf(page.body) });
    assert.equal(w1.statusCode, 303);
    const w2 = await admin.post(`/zarzadzanie/komunikaty/${p.key}/wycofaj`, { _csrf: csrfOf(page.body) });
    assert.equal(w2.statusCode, 303);
    const withdrawn = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'announcement.withdrawn'), eq(auditLog.subjectId, p.key)));
    assert.equal(withdrawn.length, 1, 'one audit entry for two clicks');
    assert.doesNotMatch((await latest(finance)) ?? '', /Sprawozdania finansowe 2026/);
    // a withdrawn one is read-only
    const view = await admin.get(`/zarzadzanie/komunikaty/${p.key}`);
    assert.doesNotMatch(view.body, /data-qa="announcement-form"/);
    assert.match(view.body, /Nie można go już zmienić/);
    const edit = await admin.post(`/zarzadzanie/komunikaty/${p.key}`, { tytul: 'Nowy', tresc: 'x', od: '2026-01-01', odbiorcy: 'wszyscy' });
    assert.equal(edit.statusCode, 409);
    assert.equal((await db.select().from(announcements).where(eq(announcements.id, p.key)))[0]!.title, 'Sprawozdania finansowe 2026');
  });

  it('edit: validated, audited with before and after, shown at once', async () => {
    const db = t.database.db;
    const [row] = await db.select().from(announcements).where(eq(announcements.title, 'Przerwa techniczna'));
    const page = await admin.get(`/zarzadzanie/komunikaty/${row!.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="Przerwa techniczna"/);
    const od = /name="od"[^>]*value="([^"]+)"/.exec(page.body)?.[1] ?? /value="([^"]+)"[^>]*name="od"/.exec(page.body)?.[1];
    assert.ok(od, 'the start is shown in the form');
    const bad = await admin.post(`/zarzadzanie/komunikaty/${row!.id}`, { _csrf: csrfOf(page.body), tytul: '', tresc: 'x', od: od!, odbiorcy: 'wszyscy' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Wpisz tytuł komunikatu/);
    const ok = await admin.post(`/zarzadzanie/komunikaty/${row!.id}`, {
      _csrf: csrfOf(page.body),
      tytul: 'Przerwa techniczna w sobotę',
      tresc: 'System będzie niedostępny w sobotę od 8:00 do 12:00.',
      od: od!,
      odbiorcy: 'wszyscy',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(pathOf(ok), '/zarzadzanie/komunikaty?wynik=zapisany');
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'announcement.updated'), eq(auditLog.subjectId, row!.id)));
    const d = audit!.details as { before: { title: string }; after: { title: string } };
    assert.equal(d.before.title, 'Przerwa techniczna');
    assert.equal(d.after.title, 'Przerwa techniczna w sobotę');
    assert.match((await latest(filler)) ?? '', /Przerwa techniczna w sobotę/);
    // the same values again: nothing written
    const same = await admin.post(`/zarzadzanie/komunikaty/${row!.id}`, {
      _csrf: csrfOf(page.body),
      tytul: 'Przerwa techniczna w sobotę',
      tresc: 'System będzie niedostępny w sobotę od 8:00 do 12:00.',
      od: od!,
      odbiorcy: 'wszyscy',
    });
    assert.equal(pathOf(same), '/zarzadzanie/komunikaty?wynik=bez-zmian');
    assert.equal(
      (
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'announcement.updated'), eq(auditLog.subjectId, row!.id)))
      ).length,
      1,
    );
  });

  it('the home page shows the paragraphs of a longer announcement, its text escaped', async () => {
    const p = await publish(admin, {
      tytul: 'Nowa wersja <b>systemu</b>',
      tresc: 'Pierwszy akapit.\r\n\r\nDrugi akapit <script>alert(1)</script>.',
      od: toWarsawInput(new Date(Date.now() - 60_000)),
      odbiorcy: 'wszyscy',
    });
    assert.equal(p.res.statusCode, 303);
    const news = (await latest(filler)) ?? '';
    assert.match(news, /<p>Pierwszy akapit\.<\/p><p>Drugi akapit &lt;script>alert\(1\)&lt;\/script>\.<\/p>/);
    assert.doesNotMatch(news, /<script>|<b>/);
    assert.match(news, /Nowa wersja &lt;b>systemu&lt;\/b>/);
  });
});
