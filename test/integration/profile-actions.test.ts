import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, profiles, requestStatusHistory, roleRequests, units, users } from '../../src/db/schema/index.ts';
import { buildProfile, buildRequest } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actorOfRows, loadActor, profilePermissions, type Actor } from '../../src/portal/actor/actor.ts';
import { actorRowsFromJson, actorRowsOfSession } from '../../src/db/repositories/actors.ts';
import { createSession, loadAndTouchSession } from '../../src/portal/session/store.ts';
import { PERMISSIONS } from '../../src/domain/reference-data.ts';
import type { Agent } from '../helpers/agent.ts';
import { pathOf } from '../helpers/agent.ts';
import { signedIn } from '../helpers/login.ts';

describe('working in a profile, withdrawing a request, editing contact data', () => {
  let t: TestApp;
  let maria: Agent;
  let jan: Agent;
  const profileOf = async (login: string, unitKey: string) => {
    const [row] = await t.database.db
      .select({ id: profiles.id, status: profiles.status, phone: profiles.phone, email: profiles.email })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .innerJoin(units, eq(units.id, profiles.unitId))
      .where(and(eq(users.login, login), eq(units.sourceKey, unitKey)));
    return row!;
  };
  before(async () => {
    t = await buildTestApp();
    t.clock.now = new Date('2026-11-25T10:00:00Z');
    maria = await signedIn(t, 'maria.wisniewska', '+48 600 100 203');
    jan = await signedIn(t, 'jan.kowalski', '+48 600 100 202');
  });
  after(() => t.close());

  it('with one active profile the home page works in it at once', async () => {
    const home = await jan.get('/start');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Jesteś obecnie zalogowany w profilu dla jednostki <strong>Centrum e-Zdrowia<\/strong>/);
  });

  it('with several active profiles the user picks one first ("Pracuj w profilu")', async () => {
    const first = await maria.get('/start');
    assert.equal(pathOf(first), '/moje-konto?wybierz=1');
    const starostwo = await profileOf('maria.wisniewska', 'starostwo-aleksandrow-kujawski');
    const page = await maria.get('/kontakt');
    const res = await maria.post(`/profil/${starostwo.id}/pracuj`, {}, { csrfFrom: page.body });
    assert.equal(pathOf(res), '/start');
    const home = await maria.get('/start');
    assert.match(home.body, /dla jednostki <strong>Starostwo Powiatowe w Aleksandrowie Kujawskim<\/strong>/);
    assert.match(home.body, /Twoje aktywne profile/);
    // the top menu switches too
    const cez = await profileOf('maria.wisniewska', 'cez');
    await maria.post('/profil/pracuj', { profileId: cez.id }, { csrfFrom: home.body });
    assert.match((await maria.get('/start')).body, /dla jednostki <strong>Centrum e-Zdrowia<\/strong>/);
  });

  it("a profile's permissions follow its approved roles (what module tiles are shown by)", async () => {
    const starostwo = await profileOf('maria.wisniewska', 'starostwo-aleksandrow-kujawski');
    const { permissions: perms } = await profilePermissions(t.database.db, starostwo.id);
    assert.ok(perms.has('SPR_NIEFIN_WYPELNIJ') && perms.has('SPR_FIN_WYPELNIJ'));
    assert.ok(!perms.has('UZYTKOWNICY_ZARZADZAJ'));
    const janCez = await profileOf('jan.kowalski', 'cez');
    assert.equal((await profilePermissions(t.database.db, janCez.id)).permissions.size, PERMISSIONS.length, 'Administrator CeZ has all');
    const kdent = await profileOf('maria.wisniewska', 'k-dent');
    assert.equal((await profilePermissions(t.database.db, kdent.id)).permissions.size, 0, 'pending requests grant nothing');
  });

  it('the actor loaded with a request carries the profile worked in with its grants, and nothing of a profile that is not its own, not active or malformed', async () => {
    const [mariaUser] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.login, 'maria.wisniewska'));
    const starostwo = await profileOf('maria.wisniewska', 'starostwo-aleksandrow-kujawski');
    const own = (await loadActor(t.database.db, mariaUser!.id, starostwo.id))!;
    assert.equal(own.profile?.id, starostwo.id);
    assert.deepEqual(
      [...own.permissions].sort(),
      [...(await profilePermissions(t.database.db, starostwo.id)).permissions].sort(),
      'the same grants as read on their own',
    );
    assert.ok(own.roles.length > 0);
    const janCez = await profileOf('jan.kowalski', 'cez');
    const kdent = await profileOf('maria.wisniewska', 'k-dent');
    for (const [what, id] of [
      ["another user's profile", janCez.id],
      ['a profile that is not active', kdent.id],
      ['no profile', null],
      ['a malformed id', 'nie-uuid'],
    ] as const) {
      const a = (await loadActor(t.database.db, mariaUser!.id, id))!;
      assert.equal(a.profile, null, what);
      assert.deepEqual([a.roles, a.permissions.size], [[], 0], what);
      assert.ok(a.profiles.length >= 3, `${what}: the user's own profiles are still listed`);
    }
  });

  it('the actor read in the statement that reads the session is the one loadActor gives, for every kind of profile id the session holds', async () => {
    const [mariaUser] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.login, 'maria.wisniewska'));
    const starostwo = await profileOf('maria.wisniewska', 'starostwo-aleksandrow-kujawski');
    const janCez = await profileOf('jan.kowalski', 'cez');
    const kdent = await profileOf('maria.wisniewska', 'k-dent');
    // profiles in a fixed order: neither statement orders them, and nothing shown depends on the order they come in
    const comparable = (a: Actor | null) => a && { ...a, profiles: [...a.profiles].sort((x, y) => x.id.localeCompare(y.id)) };
    const now = new Date();
    for (const [what, profileId] of [
      ['the profile worked in', starostwo.id],
      ["another user's profile", janCez.id],
      ['a profile that is not active', kdent.id],
      ['no profile', undefined],
      ['a malformed id', 'nie-uuid'],
      ['an id in capitals', starostwo.id.toUpperCase()],
      ['a number', 7],
    ] as const) {
      const { rawId } = await createSession(t.database.db, { userId: mariaUser!.id, data: profileId === undefined ? {} : { profileId }, now });
      const found = await loadAndTouchSession(t.database.db, rawId, now, actorRowsOfSession);
      assert.equal(found.status, 'active', what);
      if (found.status !== 'active') continue;
      assert.ok(found.joined !== undefined, `${what}: read with the session`);
      const current = typeof profileId === 'string' ? profileId : null;
      const withSession = actorOfRows(actorRowsFromJson(found.joined)!, current);
      assert.deepEqual(comparable(withSession), comparable(await loadActor(t.database.db, mariaUser!.id, current)), what);
      if (what === 'the profile worked in') assert.ok(withSession.permissions.size > 0, 'its grants came with the session');
    }
    // a profile with an approved role and a role still waiting: only the approved one is granted, both ways
    const { profile, user } = await buildProfile(t.database.db);
    await buildRequest(t.database.db, { profile, roleCode: 'WYP_NIEFIN', status: 'zatwierdzony' });
    await buildRequest(t.database.db, { profile, roleCode: 'WYP_FIN', status: 'oczekujacy' });
    await t.database.db.update(profiles).set({ status: 'aktywny' }).where(eq(profiles.id, profile.id));
    const waiting = await createSession(t.database.db, { userId: user.id, data: { profileId: profile.id }, now });
    const read = await loadAndTouchSession(t.database.db, waiting.rawId, now, actorRowsOfSession);
    assert.ok(read.status === 'active' && read.joined !== undefined);
    const both = actorOfRows(actorRowsFromJson(read.joined)!, profile.id);
    assert.deepEqual(both.roles, ['WYP_NIEFIN'], 'the waiting role is not granted');
    assert.deepEqual(comparable(both), comparable(await loadActor(t.database.db, user.id, profile.id)));
    // a session whose user is gone reads no actor (the signed-in scope then ends it)
    const { rawId } = await createSession(t.database.db, { userId: null, now });
    const anonymous = await loadAndTouchSession(t.database.db, rawId, now, actorRowsOfSession);
    assert.equal(anonymous.status === 'active' && actorRowsFromJson(anonymous.joined ?? null), null);
  });

  it("a profile that is not active, or not one's own, cannot be worked in (404)", async () => {
    const kdent = await profileOf('maria.wisniewska', 'k-dent');
    const page = await maria.get('/kontakt');
    assert.equal((await maria.post(`/profil/${kdent.id}/pracuj`, {}, { csrfFrom: page.body })).statusCode, 404);
    const janCez = await profileOf('jan.kowalski', 'cez');
    assert.equal((await maria.post(`/profil/${janCez.id}/pracuj`, {}, { csrfFrom: page.body })).statusCode, 404);
  });

  it('withdrawing U000593/2023: confirmation, odrzucony "Wycofany przez wnioskującego", irreversible, audited', async () => {
    const [req] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
    assert.equal((await jan.get(`/wnioski/${req!.id}/wycofaj`)).statusCode, 404, "not jan's");
    const confirm = await maria.get(`/wnioski/${req!.id}/wycofaj`);
    assert.match(confirm.body, /Uwaga! Wycofujesz złożony wniosek/);
    assert.match(confirm.body, /Tak, wycofaj wniosek/);
    assert.match(confirm.body, />Nie</);
    const janPage = await jan.get('/kontakt');
    assert.equal((await jan.post(`/wnioski/${req!.id}/wycofaj`, {}, { csrfFrom: janPage.body })).statusCode, 404);
    const done = await maria.post(`/wnioski/${req!.id}/wycofaj`, {}, { csrfFrom: confirm.body });
    assert.equal(pathOf(done), '/moje-konto?wycofano=1');
    const [after1] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.id, req!.id));
    assert.equal(after1?.status, 'odrzucony');
    assert.equal(after1?.rejectReason, 'Wycofany przez wnioskującego');
    const history = await t.database.db.select().from(requestStatusHistory).where(eq(requestStatusHistory.requestId, req!.id));
    assert.ok(history.some((h) => h.toStatus === 'odrzucony' && h.reason === 'Wycofany przez wnioskującego'));
    assert.equal((await profileOf('maria.wisniewska', 'k-dent')).status, 'nieaktywowany', 'U000594/2023 is still pending');
    // irreversible: a second withdrawal changes nothing
    await maria.post(`/wnioski/${req!.id}/wycofaj`, {}, { csrfFrom: confirm.body });
    assert.equal((await t.database.db.select().from(requestStatusHistory).where(eq(requestStatusHistory.requestId, req!.id))).length, history.length);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'request.withdrawn'), eq(auditLog.subjectId, req!.id)));
    assert.equal(audit.length, 1);
  });

  it('"Edytuj dane kontaktowe": validated, saved, audited; others\' profiles 404', async () => {
    const starostwo = await profileOf('maria.wisniewska', 'starostwo-aleksandrow-kujawski');
    const form = await maria.get(`/profil/${starostwo.id}/dane-kontaktowe`);
    assert.match(form.body, /dane konta profilu zaufanego/);
    const bad = await maria.post(`/profil/${starostwo.id}/dane-kontaktowe`, { phone: 'abc', email: '' }, { csrfFrom: form.body });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Wpisz poprawny numer telefonu/);
    assert.match(bad.body, /Wpisz adres e-mail/);
    assert.match(bad.body, /value="abc"/);
    const ok = await maria.post(
      `/profil/${starostwo.id}/dane-kontaktowe`,
      { phone: '54 282 20 00', email: 'm.wisniewska@starostwo.example.pl' },
      { csrfFrom: form.body },
    );
    // back in Moje konto the profile's details are open on "Dane kontaktowe użytkownika" with the new values
    assert.equal(pathOf(ok), `/moje-konto?zapisano=1&profil=${starostwo.id}#profil-${starostwo.id}-kontakt`);
    const account = await maria.get(pathOf(ok));
    assert.match(account.body, /data-qa="account-notice"><p>Dane kontaktowe zostały zapisane\.<\/p>/);
    const card = account.body.slice(account.body.indexOf(`data-qa="profile-${starostwo.id}"`));
    const own = card.slice(0, card.indexOf('</article>'));
    assert.match(own, /<details class="expander" data-qa="profile-details" open>/);
    assert.ok(own.includes(`id="profil-${starostwo.id}-kontakt"`), 'the fragment names the contact tab');
    assert.match(
      own.slice(own.indexOf(`id="profil-${starostwo.id}-kontakt"`)),
      /^[^]*?<dt>Telefon<\/dt><dd>\+48 54 282 20 00<\/dd>[^]*?<dt>Adres e-mail<\/dt><dd>m\.wisniewska@starostwo\.example\.pl<\/dd>/,
    );
    assert.equal((account.body.match(/data-qa="profile-details" open/g) ?? []).length, 1, 'only that profile opens');
    assert.doesNotMatch((await maria.get('/moje-konto')).body, /data-qa="profile-details" open/, 'closed on a plain visit');
    const updated = await profileOf('maria.wisniewska', 'starostwo-aleksandrow-kujawski');
    assert.equal(updated.phone, '+48 54 282 20 00');
    assert.equal(updated.email, 'm.wisniewska@starostwo.example.pl');
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'profile.contact_updated'), eq(auditLog.subjectId, starostwo.id)));
    assert.equal(audit.length, 1);
    assert.equal((await jan.get(`/profil/${starostwo.id}/dane-kontaktowe`)).statusCode, 404);
    const janPage = await jan.get('/kontakt');
    assert.equal(
      (await jan.post(`/profil/${starostwo.id}/dane-kontaktowe`, { phone: '600100200', email: 'x@example.pl' }, { csrfFrom: janPage.body })).statusCode,
      404,
    );
  });
});
