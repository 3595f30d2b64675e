import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { loadVerifierCandidates } from '../../src/db/repositories/verifiers.ts';
import { profiles, requestSubmissions, roleRequests, units, users } from '../../src/db/schema/index.ts';
import { ROLES } from '../../src/domain/reference-data.ts';
import { routeRequest } from '../../src/domain/routing.ts';
import { buildTestApp, eventually, type TestApp } from '../helpers/app.ts';
import { csrfOf, pathOf } from '../helpers/agent.ts';
import { signedIn } from '../helpers/login.ts';

// A verifying unit can act only through an active administrator: an approved administrator role in an
// active profile. A unit whose active profiles hold other roles only (here Nadzorujący sprawozdania
// niefinansowe in the Wielkopolski Urząd Wojewódzki) cannot verify, so its requests go to CeZ.
describe('a verifier whose only active profiles hold no administrator role routes to CeZ', () => {
  let t: TestApp;
  let cezId: string;
  let uwId: string;
  let grantId: string;
  let grantProfileId: string;

  const kdentWypNiefin = async () => {
    const [kdent] = await t.database.db.select().from(units).where(eq(units.sourceKey, 'k-dent'));
    const role = ROLES.find((r) => r.code === 'WYP_NIEFIN');
    assert.ok(kdent && role);
    return routeRequest({
      role,
      unit: { kindCode: kdent.kindCode, voivodeshipCode: kdent.voivodeshipCode ?? '', isAddictionCare: kdent.isAddictionCare },
      verifiers: await loadVerifierCandidates(t.database.db),
    }).unitId;
  };

  before(async () => {
    t = await buildTestApp();
    t.clock.now = new Date('2026-11-25T10:00:00Z');
    const db = t.database.db;
    const [cez] = await db.select().from(units).where(eq(units.sourceKey, 'cez'));
    const [uw] = await db.select().from(units).where(eq(units.sourceKey, 'uw-30'));
    const [kdent] = await db.select().from(units).where(eq(units.sourceKey, 'k-dent'));
    assert.ok(cez && uw && kdent);
    assert.equal(uw.voivodeshipCode, kdent.voivodeshipCode, "K-Dent lies in the UW's voivodeship (wielkopolskie)");
    cezId = cez.id;
    uwId = uw.id;
    // Tomasz Lewandowski also works in the Wielkopolski UW, as Nadzorujący sprawozdania niefinansowe only
    const [tomasz] = await db.select().from(users).where(eq(users.login, 'tomasz.lewandowski'));
    assert.ok(tomasz);
    const at = new Date('2019-05-06T10:00:00Z');
    const [profile] = await db
      .insert(profiles)
      .values({
        userId: tomasz.id,
        unitId: uw.id,
        phone: '+48 600 100 204',
        email: 'tomasz.lewandowski@example.pl',
        status: 'aktywny',
        createdAt: at,
        updatedAt: at,
        statusChangedAt: at,
      })
      .returning();
    const [sub] = await db
      .insert(requestSubmissions)
      .values({
        idempotencyKey: 'test:uw-30-nadz',
        userId: tomasz.id,
        profileId: profile!.id,
        source: 'wizard',
        contactPhone: profile!.phone,
        contactEmail: profile!.email,
        createdAt: at,
        finishedAt: at,
      })
      .returning();
    const [grant] = await db
      .insert(roleRequests)
      .values({
        number: 'U900001/2019',
        year: 2019,
        seq: 900001,
        submissionId: sub!.id,
        profileId: profile!.id,
        roleCode: 'NADZ_NIEFIN',
        status: 'zatwierdzony',
        verifyingUnitId: cez.id,
        submittedAt: at,
        decidedAt: at,
        assignedAt: at,
        statusChangedAt: at,
      })
      .returning();
    grantId = grant!.id;
    grantProfileId = profile!.id;
  });
  after(() => t.close());

  it('loadVerifierCandidates + routeRequest: no active administrator, so CeZ', async () => {
    const verifiers = await loadVerifierCandidates(t.database.db);
    const uw = [...verifiers.uwByVoivodeship.values()].find((v) => v.unitId === uwId);
    assert.ok(uw, 'the UW is a candidate');
    assert.equal(uw.hasActiveAdmin, false);
    assert.equal(await kdentWypNiefin(), cezId);
  });

  it('through the wizard: the saved request is verified by CeZ ("Miejsce przekazania wniosku")', async () => {
    const ewa = await signedIn(t, 'ewa.kaminska', '+48 600 100 205');
    const search = await ewa.get('/profil/wniosek?nip=7812345678');
    const unitId = /name="unitId" value="([^"]+)"/.exec(search.body)?.[1];
    assert.ok(unitId);
    await ewa.post('/profil/wniosek/jednostka', { unitId }, { csrfFrom: search.body });
    const rolesPage = await ewa.get('/profil/wniosek/role');
    await ewa.post('/profil/wniosek/role', { roles: 'WYP_NIEFIN', phone: '600 100 205', email: 'ewa.kaminska@example.pl' }, { csrfFrom: rolesPage.body });
    const summary = await ewa.get('/profil/wniosek/podsumowanie');
    const draftId = /name="draftId" value="([^"]+)"/.exec(summary.body)?.[1] ?? '';
    const saved = await ewa.post('/profil/wniosek/podsumowanie', { akcja: 'zapisz', statement: 'tak', draftId, _csrf: csrfOf(summary.body) });
    const submissionId = pathOf(saved).split('/')[2];
    assert.match(submissionId ?? '', /^[0-9a-f-]{36}$/);
    const reqs = await t.database.db.select().from(roleRequests).where(eq(roleRequests.submissionId, submissionId!));
    assert.equal(reqs.length, 1);
    assert.equal(reqs[0]?.verifyingUnitId, cezId);
    // "Zakończ" (after the PDF) makes it pending and sends the confirmation e-mail
    const step4 = await ewa.get(`/wnioski/${submissionId}`);
    assert.equal((await ewa.get(`/wnioski/${submissionId}/pdf`)).statusCode, 200);
    assert.equal(pathOf(await ewa.post(`/wnioski/${submissionId}/zakoncz`, { delivery: 'later' }, { csrfFrom: step4.body })), '/moje-konto?zlozono=1');
    // the confirmation e-mail names the unit to send the signed PDF to, as the PDF's "Miejsce przekazania wniosku" does
    // (the PDF's text is compressed, so it is read from the e-mail that carries the same verifier)
    const mail = await eventually(async () => {
      const list = (await t.app.inject({ url: '/dev/poczta.json?to=ewa.kaminska@example.pl' })).json() as Array<{ subject: string; text: string }>;
      return list.find((m) => m.subject.startsWith('Złożono wniosek o role') && m.text.includes(reqs[0]!.number));
    });
    assert.match(mail.text, /statystyka@cez\.gov\.pl \(Centrum e-Zdrowia\)/);
    assert.doesNotMatch(mail.text, /Wielkopolski/);
  });

  it('control: an approved administrator role in an active profile makes the UW the verifier', async () => {
    await t.database.db.update(roleRequests).set({ roleCode: 'ADMIN_UW' }).where(eq(roleRequests.id, grantId));
    assert.equal(await kdentWypNiefin(), uwId);
  });

  it('control: the administrator role counts only while approved and in an active profile', async () => {
    await t.database.db.update(profiles).set({ status: 'zablokowany' }).where(eq(profiles.id, grantProfileId));
    assert.equal(await kdentWypNiefin(), cezId, 'blocked profile');
    await t.database.db.update(profiles).set({ status: 'aktywny' }).where(eq(profiles.id, grantProfileId));
    await t.database.db.update(roleRequests).set({ status: 'oczekujacy' }).where(eq(roleRequests.id, grantId));
    assert.equal(await kdentWypNiefin(), cezId, 'pending administrator request');
  });
});
