import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, messages, profiles, roleRequests, sessions, units, users as usersTable } from '../../src/db/schema/index.ts';
import { peselLinkHash } from '../../src/portal/auth/pesel-link.ts';
import { buildProfile, buildRequest, buildUnit } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { csrfOf, pathOf, type Agent } from '../helpers/agent.ts';
import { loginAs } from '../helpers/login.ts';

type UnitRow = typeof units.$inferSelect;
const ACTORS = ['cezAdmin', 'uwA', 'uwB', 'ipin', 'kcpu', 'filler', 'cezStaff'] as const;
type ActorKey = (typeof ACTORS)[number];
const TARGETS = ['inA', 'inB', 'ipinRole', 'atCez'] as const;
type TargetKey = (typeof TARGETS)[number];

/**
 * What each profile may do with a user whose profile is: in voivodeship A (a role verified by UW A), in
 * voivodeship B, in voivodeship A with a psychiatric-card role verified by IPIN, in Centrum e-Zdrowia.
 * 'act': view, block and revoke; 'revoke': view and take back the roles it verified (not block);
 * 'view': read-only; 'none': 404; 'closed': no users sub-module at all (403).
 */
const EXPECTED: Record<ActorKey, Record<TargetKey, 'act' | 'revoke' | 'view' | 'none' | 'closed'>> = {
  cezAdmin: { inA: 'act', inB: 'act', ipinRole: 'act', atCez: 'act' },
  uwA: { inA: 'act', inB: 'none', ipinRole: 'act', atCez: 'none' },
  uwB: { inA: 'none', inB: 'act', ipinRole: 'none', atCez: 'none' },
  ipin: { inA: 'none', inB: 'none', ipinRole: 'revoke', atCez: 'none' },
  kcpu: { inA: 'none', inB: 'none', ipinRole: 'none', atCez: 'none' },
  filler: { inA: 'closed', inB: 'closed', ipinRole: 'closed', atCez: 'closed' },
  cezStaff: { inA: 'view', inB: 'view', ipinRole: 'view', atCez: 'view' },
};

describe('Zarządzanie → Użytkownicy: scope, user page, block, unblock, revoke', () => {
  let t: TestApp;
  const unitOf = {} as Record<'cez' | 'uwA' | 'uwB' | 'ipin' | 'kcpu', UnitRow>;
  const agents = {} as Record<ActorKey, Agent>;
  const actorIds = {} as Record<ActorKey, { userId: string; profileId: string }>;

  /** an active profile holding `roleCode` in `unit` (approved, routed to `verifier`), signed in and working in it */
  async function member(unit: UnitRow, roleCode: string, verifier: UnitRow = unit) {
    const { profile, user } = await buildProfile(t.database.db, { unit });
    const r = await buildRequest(t.database.db, { profile, roleCode, status: 'zatwierdzony', verifyingUnit: verifier });
    return { agent: await loginAs(t, user.id, { profileId: profile.id }), userId: user.id, profileId: profile.id, requestId: r.requestId, login: user.login! };
  }

  /** a fresh user of the given kind, signed in (so the block can be seen ending the session) */
  async function target(kind: TargetKey) {
    const db = t.database.db;
    switch (kind) {
      case 'inA':
        return member(await buildUnit(db, { voivodeshipCode: '04', voivodeship: 'kujawsko-pomorskie' }), 'WYP_NIEFIN', unitOf.uwA);
      case 'inB':
        return member(await buildUnit(db, { voivodeshipCode: '22', voivodeship: 'pomorskie' }), 'WYP_NIEFIN', unitOf.uwB);
      case 'ipinRole':
        return member(await buildUnit(db, { voivodeshipCode: '04', voivodeship: 'kujawsko-pomorskie' }), 'WYP_KARTY_PSY', unitOf.ipin);
      case 'atCez':
        return member(unitOf.cez, 'PRACOWNIK_CEZ', unitOf.cez);
    }
  }

  const profileRow = async (id: string) => (await t.database.db.select().from(profiles).where(eq(profiles.id, id)))[0]!;
  const requestStatus = async (id: string) => (await t.database.db.select({ s: roleRequests.status }).from(roleRequests).where(eq(roleRequests.id, id)))[0]?.s;
  const mailsTo = async (to: string) => t.database.db.select().from(messages).where(eq(messages.to, to)).orderBy(desc(messages.createdAt));
  const sessionsOf = async (userId: string) => t.database.db.select().from(sessions).where(eq(sessions.userId, userId));
  const csrf = async (a: Agent) => csrfOf((await a.get('/moje-konto')).body);
  const blockUrl = (u: string, p: string) => `/zarzadzanie/uzytkownicy/${u}/profile/${p}/zablokuj`;
  const unblockUrl = (u: string, p: string) => `/zarzadzanie/uzytkownicy/${u}/profile/${p}/odblokuj`;
  const revokeUrl = (u: string, r: string) => `/zarzadzanie/uzytkownicy/${u}/role/${r}/odbierz`;

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const [cez] = await db.select().from(units).where(eq(units.sourceKey, 'cez'));
    unitOf.cez = cez!;
    unitOf.uwA = await buildUnit(db, { kindCode: 'UW', voivodeshipCode: '04', voivodeship: 'kujawsko-pomorskie' });
    unitOf.uwB = await buildUnit(db, { kindCode: 'UW', voivodeshipCode: '22', voivodeship: 'pomorskie' });
    unitOf.ipin = await buildUnit(db, { kindCode: 'IPIN', voivodeshipCode: '14', voivodeship: 'mazowieckie' });
    unitOf.kcpu = await buildUnit(db, { kindCode: 'KCPU', voivodeshipCode: '14', voivodeship: 'mazowieckie' });
    const setups: Record<ActorKey, [UnitRow, string]> = {
      cezAdmin: [unitOf.cez, 'ADMIN_CEZ'],
      uwA: [unitOf.uwA, 'ADMIN_UW'],
      uwB: [unitOf.uwB, 'ADMIN_UW'],
      ipin: [unitOf.ipin, 'ADMIN_IPIN'],
      kcpu: [unitOf.kcpu, 'ADMIN_KCPU'],
      filler: [await buildUnit(db), 'WYP_NIEFIN'],
      cezStaff: [unitOf.cez, 'PRACOWNIK_CEZ'],
    };
    for (const a of ACTORS) {
      const m = await member(...setups[a]);
      agents[a] = m.agent;
      actorIds[a] = { userId: m.userId, profileId: m.profileId };
    }
  });
  after(() => t.close());

  it('scope matrix: every administrator × users of every kind × search / page / block / revoke, with no leaks', async () => {
    const shared = {} as Record<TargetKey, Awaited<ReturnType<typeof target>>>;
    for (const k of TARGETS) shared[k] = await target(k);
    for (const a of ACTORS) {
      for (const k of TARGETS) {
        const expected = EXPECTED[a][k];
        const s = shared[k];
        const label = `${a} × ${k}`;
        const list = await agents[a].get(`/zarzadzanie/uzytkownicy?q=${encodeURIComponent(s.login)}`);
        const page = await agents[a].get(`/zarzadzanie/uzytkownicy/${s.userId}`);
        if (expected === 'closed') {
          assert.equal(list.statusCode, 403, label);
          assert.equal(page.statusCode, 403, label);
        } else {
          assert.equal(list.statusCode, 200, label);
          assert.equal(list.body.includes(`data-qa="user-row-${s.login}"`), expected !== 'none', `${label}: listed?`);
          assert.equal(page.statusCode, expected === 'none' ? 404 : 200, `${label}: user page`);
          if (expected === 'none') assert.ok(!page.body.includes(s.login), `${label}: the 404 does not name the user`);
        }
        if (page.statusCode === 200) {
          assert.equal(page.body.includes('data-qa="block-link"'), expected === 'act', `${label}: block link`);
          assert.equal(page.body.includes('data-qa="revoke-'), expected === 'act' || expected === 'revoke', `${label}: revoke link`);
          assert.doesNotMatch(page.body, /action="[^"]*(zablokuj|odblokuj|odbierz)"/, `${label}: the user page itself has no action forms`);
        }
        // block: a fresh target when the actor may, else the shared one (which must stay as it was)
        const blockTarget = expected === 'act' ? await target(k) : s;
        const blockForm = await agents[a].get(blockUrl(blockTarget.userId, blockTarget.profileId));
        const wantForm = expected === 'act' ? 200 : expected === 'none' ? 404 : 403;
        assert.equal(blockForm.statusCode, wantForm, `${label}: block form`);
        const block = await agents[a].post(blockUrl(blockTarget.userId, blockTarget.profileId), { powod: 'Naruszenie zasad', _csrf: await csrf(agents[a]) });
        assert.equal(block.statusCode, expected === 'act' ? 303 : wantForm, `${label}: block`);
        assert.equal((await profileRow(blockTarget.profileId)).status, expected === 'act' ? 'zablokowany' : 'aktywny', `${label}: profile status after block`);
        // revoke
        const revokeTarget = expected === 'act' || expected === 'revoke' ? await target(k) : s;
        const revoke = await agents[a].post(revokeUrl(revokeTarget.userId, revokeTarget.requestId), {
          powod: 'Zmiana stanowiska',
          _csrf: await csrf(agents[a]),
        });
        const wantRevoke = expected === 'act' || expected === 'revoke' ? 303 : expected === 'none' ? 404 : 403;
        assert.equal(revoke.statusCode, wantRevoke, `${label}: revoke`);
        assert.equal(await requestStatus(revokeTarget.requestId), wantRevoke === 303 ? 'odebrany' : 'zatwierdzony', `${label}: role after revoke`);
      }
    }
    for (const k of TARGETS) assert.equal((await profileRow(shared[k].profileId)).status, 'aktywny', 'refused actions changed nothing');
  });

  it('block: status "zablokowany", the owner\u2019s sessions end at once (next click → /logowanie), e-mail with the reason, audited; a second submit changes nothing', async () => {
    const owner = await target('inA');
    const other = await loginAs(t, owner.userId, { profileId: owner.profileId }); // a second browser of the owner
    assert.equal((await owner.agent.get('/moje-konto')).statusCode, 200);
    assert.equal((await sessionsOf(owner.userId)).length, 2);
    const form = await agents.cezAdmin.get(blockUrl(owner.userId, owner.profileId));
    assert.match(form.body, /Powód blokady/);
    const res = await agents.cezAdmin.post(blockUrl(owner.userId, owner.profileId), { powod: 'Zakończenie zatrudnienia w jednostce' }, { csrfFrom: form.body });
    assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
    assert.equal(pathOf(res), `/zarzadzanie/uzytkownicy/${owner.userId}?wynik=zablokowany`);
    const p = await profileRow(owner.profileId);
    assert.equal(p.status, 'zablokowany');
    assert.equal(p.blockedReason, 'Zakończenie zatrudnienia w jednostce');
    assert.equal(p.blockedBy, actorIds.cezAdmin.userId);
    assert.equal((await sessionsOf(owner.userId)).length, 0, 'every session of the owner ended');
    for (const a of [owner.agent, other]) {
      const next = await a.get('/moje-konto');
      assert.equal(next.statusCode, 303);
      assert.match(String(next.headers.location), /^\/logowanie/);
    }
    const mails = await mailsTo(p.email);
    const blockedMails = mails.filter((x) => /zablokowany/.test(x.subject ?? ''));
    assert.equal(blockedMails.length, 1);
    assert.match(blockedMails[0]!.text ?? '', /Zakończenie zatrudnienia w jednostce/);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'management.profile_blocked'), eq(auditLog.subjectId, owner.profileId)));
    assert.equal(audit?.actorUserId, actorIds.cezAdmin.userId);
    assert.equal((audit?.details as { reason?: string }).reason, 'Zakończenie zatrudnienia w jednostce');
    // double submit: no second e-mail, no second audit row, told nothing changed
    const again = await agents.cezAdmin.post(
      blockUrl(owner.userId, owner.profileId),
      { powod: 'Zakończenie zatrudnienia w jednostce' },
      { csrfFrom: form.body },
    );
    assert.equal(pathOf(again), `/zarzadzanie/uzytkownicy/${owner.userId}?wynik=bez-zmian`);
    assert.equal((await mailsTo(p.email)).filter((x) => /zablokowany/.test(x.subject ?? '')).length, 1);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'management.profile_blocked'), eq(auditLog.subjectId, owner.profileId)));
    assert.equal(audits.length, 1);
    // the user page shows it, with the history row
    const page = await agents.cezAdmin.get(`/zarzadzanie/uzytkownicy/${owner.userId}?wynik=zablokowany`);
    assert.match(page.body, /Profil został zablokowany/);
    assert.match(page.body, /data-qa="unblock-link"/);
    assert.match(page.body, /Zablokowanie profilu/);
    // a blocked profile cannot be worked in: a new sign-in asking for it gets no profile
    const back = await loginAs(t, owner.userId, { profileId: owner.profileId });
    const work = await back.post(`/profil/${owner.profileId}/pracuj`, { _csrf: await csrf(back) });
    assert.ok([403, 404].includes(work.statusCode), `working in a blocked profile is refused (${work.statusCode})`);
  });

  it('a Urząd Wojewódzki does not manage the verifying offices in its voivodeship (a colleague administrator): CeZ does', async () => {
    const colleague = await member(unitOf.uwA, 'ADMIN_UW', unitOf.cez);
    assert.equal((await agents.uwA.get(`/zarzadzanie/uzytkownicy/${colleague.userId}`)).statusCode, 404);
    assert.ok(!(await agents.uwA.get(`/zarzadzanie/uzytkownicy?q=${colleague.login}`)).body.includes(`data-qa="user-row-${colleague.login}"`));
    assert.equal((await agents.uwA.post(blockUrl(colleague.userId, colleague.profileId), { powod: 'x', _csrf: await csrf(agents.uwA) })).statusCode, 404);
    assert.equal((await agents.cezAdmin.get(`/zarzadzanie/uzytkownicy/${colleague.userId}`)).statusCode, 200);
    assert.ok((await agents.cezAdmin.get(`/zarzadzanie/uzytkownicy?q=${colleague.login}`)).body.includes(`data-qa="user-row-${colleague.login}"`));
  });

  it('two administrators blocking the same profile at once: one wins, the other is told nothing changed, one e-mail goes out', async () => {
    const owner = await target('inA');
    const [a, b] = await Promise.all([
      agents.cezAdmin.post(blockUrl(owner.userId, owner.profileId), { powod: 'Pierwszy', _csrf: await csrf(agents.cezAdmin) }),
      agents.uwA.post(blockUrl(owner.userId, owner.profileId), { powod: 'Drugi', _csrf: await csrf(agents.uwA) }),
    ]);
    assert.deepEqual([pathOf(a), pathOf(b)].map((x) => x.split('wynik=')[1]).sort(), ['bez-zmian', 'zablokowany']);
    const p = await profileRow(owner.profileId);
    assert.equal((await mailsTo(p.email)).filter((x) => /zablokowany/.test(x.subject ?? '')).length, 1);
    assert.equal(
      (await mailsTo(p.email)).find((x) => /zablokowany/.test(x.subject ?? ''))?.text?.includes(p.blockedReason!),
      true,
      'the e-mail gives the reason that was recorded',
    );
  });

  it('unblock: back to the status its roles give it, e-mail, audited; reason required', async () => {
    const owner = await target('inB');
    await agents.uwB.post(blockUrl(owner.userId, owner.profileId), { powod: 'Kontrola', _csrf: await csrf(agents.uwB) });
    assert.equal((await profileRow(owner.profileId)).status, 'zablokowany');
    const empty = await agents.uwB.post(unblockUrl(owner.userId, owner.profileId), { powod: '   ', _csrf: await csrf(agents.uwB) });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /class="error-summary/);
    assert.match(empty.body, /Wpisz uzasadnienie odblokowania/);
    const res = await agents.uwB.post(unblockUrl(owner.userId, owner.profileId), { powod: 'Kontrola zakończona', _csrf: await csrf(agents.uwB) });
    assert.equal(pathOf(res), `/zarzadzanie/uzytkownicy/${owner.userId}?wynik=odblokowany`);
    const p = await profileRow(owner.profileId);
    assert.equal(p.status, 'aktywny');
    assert.equal(p.blockedAt, null);
    assert.equal((await mailsTo(p.email)).filter((x) => /odblokowany/.test(x.subject ?? '')).length, 1);
    const again = await agents.uwB.post(unblockUrl(owner.userId, owner.profileId), { powod: 'Kontrola zakończona', _csrf: await csrf(agents.uwB) });
    assert.equal(pathOf(again), `/zarzadzanie/uzytkownicy/${owner.userId}?wynik=bez-zmian`);
    assert.equal((await mailsTo(p.email)).filter((x) => /odblokowany/.test(x.subject ?? '')).length, 1);
    // an unblocked profile whose unit is inactive stays blocked (status recomputed, not set by hand)
    const inactive = await target('inB');
    await agents.uwB.post(blockUrl(inactive.userId, inactive.profileId), { powod: 'Kontrola', _csrf: await csrf(agents.uwB) });
    const unitId = (await profileRow(inactive.profileId)).unitId;
    await t.database.db.update(units).set({ isActive: false }).where(eq(units.id, unitId));
    await agents.uwB.post(unblockUrl(inactive.userId, inactive.profileId), { powod: 'Koniec', _csrf: await csrf(agents.uwB) });
    assert.equal((await profileRow(inactive.profileId)).status, 'zablokowany');
    assert.equal((await profileRow(inactive.profileId)).blockedAt, null);
  });

  it('revoke: the role becomes "odebrany", the profile status is recomputed, the permissions go on the owner\u2019s next request; e-mail; once only', async () => {
    const db = t.database.db;
    // an Administrator UW of voivodeship A (signed in, working in that profile) with a second role
    const uw = await member(unitOf.uwA, 'ADMIN_UW', unitOf.cez);
    const second = await buildRequest(db, {
      profile: await profileRow(uw.profileId),
      roleCode: 'NADZ_NIEFIN',
      status: 'zatwierdzony',
      verifyingUnit: unitOf.cez,
    });
    assert.equal((await uw.agent.get('/zarzadzanie/uzytkownicy')).statusCode, 200);
    const form = await agents.cezAdmin.get(revokeUrl(uw.userId, uw.requestId));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Powód odebrania roli/);
    const empty = await agents.cezAdmin.post(revokeUrl(uw.userId, uw.requestId), { powod: '' }, { csrfFrom: form.body });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Wpisz powód odebrania roli/);
    const res = await agents.cezAdmin.post(revokeUrl(uw.userId, uw.requestId), { powod: 'Zmiana zakresu obowiązków' }, { csrfFrom: form.body });
    assert.equal(pathOf(res), `/zarzadzanie/uzytkownicy/${uw.userId}?wynik=odebrana`);
    assert.equal(await requestStatus(uw.requestId), 'odebrany');
    assert.equal((await profileRow(uw.profileId)).status, 'aktywny', 'another role is still approved');
    // the owner's very next request has no users module any more (permissions are computed per request)
    assert.equal((await uw.agent.get('/zarzadzanie/uzytkownicy')).statusCode, 403);
    const p = await profileRow(uw.profileId);
    const mail = (await mailsTo(p.email)).filter((x) => /Odebrano rolę/.test(x.subject ?? ''));
    assert.equal(mail.length, 1);
    assert.match(mail[0]!.text ?? '', /Zmiana zakresu obowiązków/);
    // the request history and the profile history record it
    const page = await agents.cezAdmin.get(`/zarzadzanie/uzytkownicy/${uw.userId}`);
    assert.match(page.body, /Rola odebrana/);
    assert.match(page.body, /Odebranie roli Administrator UW/);
    // double submit
    const again = await agents.cezAdmin.post(revokeUrl(uw.userId, uw.requestId), { powod: 'Zmiana zakresu obowiązków' }, { csrfFrom: form.body });
    assert.equal(pathOf(again), `/zarzadzanie/uzytkownicy/${uw.userId}?wynik=bez-zmian`);
    assert.equal((await mailsTo(p.email)).filter((x) => /Odebrano rolę/.test(x.subject ?? '')).length, 1);
    assert.match((await agents.cezAdmin.get(revokeUrl(uw.userId, uw.requestId))).body, /data-qa="not-approved"/);
    // the last role taken back: the profile cannot be worked in any more
    await agents.cezAdmin.post(revokeUrl(uw.userId, second.requestId), { powod: 'Koniec współpracy', _csrf: await csrf(agents.cezAdmin) });
    assert.equal((await profileRow(uw.profileId)).status, 'odrzucony');
  });

  it('nobody blocks, unblocks or takes back a role of their own profile (403), not even Administrator CeZ', async () => {
    const me = actorIds.cezAdmin;
    const [own] = await t.database.db.select({ id: roleRequests.id }).from(roleRequests).where(eq(roleRequests.profileId, me.profileId));
    assert.equal((await agents.cezAdmin.get(blockUrl(me.userId, me.profileId))).statusCode, 403);
    assert.equal((await agents.cezAdmin.post(blockUrl(me.userId, me.profileId), { powod: 'x', _csrf: await csrf(agents.cezAdmin) })).statusCode, 403);
    assert.equal((await agents.cezAdmin.post(unblockUrl(me.userId, me.profileId), { powod: 'x', _csrf: await csrf(agents.cezAdmin) })).statusCode, 403);
    assert.equal((await agents.cezAdmin.post(revokeUrl(me.userId, own!.id), { powod: 'x', _csrf: await csrf(agents.cezAdmin) })).statusCode, 403);
    assert.equal(
      (await agents.cezAdmin.post(revokeUrl(me.userId, own!.id), { powod: '', _csrf: await csrf(agents.cezAdmin) })).statusCode,
      403,
      'refused before the form is checked',
    );
    assert.equal((await profileRow(me.profileId)).status, 'aktywny');
    const page = await agents.cezAdmin.get(`/zarzadzanie/uzytkownicy/${me.userId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-qa="own-user"/);
    assert.doesNotMatch(page.body, /data-qa="block-link"|data-qa="revoke-/);
  });

  it('foreign and unknown ids are not found (404): another user\u2019s profile or request under a user, random and malformed ids', async () => {
    const a = await target('inA');
    const b = await target('inA');
    const token = await csrf(agents.cezAdmin);
    for (const url of [
      blockUrl(a.userId, b.profileId),
      unblockUrl(a.userId, b.profileId),
      revokeUrl(a.userId, b.requestId),
      blockUrl(randomUUID(), a.profileId),
      blockUrl(a.userId, randomUUID()),
      revokeUrl(a.userId, randomUUID()),
      `/zarzadzanie/uzytkownicy/${randomUUID()}`,
      '/zarzadzanie/uzytkownicy/nie-uuid',
      `/zarzadzanie/uzytkownicy/${a.userId}/profile/nie-uuid/zablokuj`,
    ]) {
      assert.equal((await agents.cezAdmin.get(url)).statusCode, 404, `GET ${url}`);
      if (!url.endsWith(a.userId) && /zablokuj|odblokuj|odbierz/.test(url)) {
        assert.equal((await agents.cezAdmin.post(url, { powod: 'x', _csrf: token })).statusCode, 404, `POST ${url}`);
      }
    }
    assert.equal((await profileRow(b.profileId)).status, 'aktywny');
    assert.equal(await requestStatus(b.requestId), 'zatwierdzony');
  });

  it('hostile input: missing, control-character and oversized reasons, non-form bodies, CSRF; nothing changes', async () => {
    const v = await target('inA');
    const url = blockUrl(v.userId, v.profileId);
    const token = await csrf(agents.cezAdmin);
    for (const powod of ['', '  ', 'a\u0000b', 'przyczyna\u202Eukryta', 'x'.repeat(1001)]) {
      const r = await agents.cezAdmin.post(url, { powod, _csrf: token });
      assert.equal(r.statusCode, 400, JSON.stringify(powod.slice(0, 20)));
      assert.match(r.body, /class="error-summary/);
      assert.match(r.body, /href="#f-powod"/);
    }
    const cookie = (agents.cezAdmin as unknown as { cookieHeader(): string }).cookieHeader();
    for (const payload of ['null', '[]', '"x"']) {
      const r = await t.app.inject({ method: 'POST', url, payload, headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': token } });
      assert.ok([400, 403, 415].includes(r.statusCode), `${payload}: ${r.statusCode}`);
    }
    const noCsrf = await t.app.inject({
      method: 'POST',
      url,
      payload: 'powod=Bez+tokenu',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal((await profileRow(v.profileId)).status, 'aktywny');
    // the reason is shown escaped
    const r = await agents.cezAdmin.post(url, { powod: '<script>alert(1)</script>', _csrf: token });
    assert.equal(r.statusCode, 303);
    const page = await agents.cezAdmin.get(`/zarzadzanie/uzytkownicy/${v.userId}`);
    assert.ok(!page.body.includes('<script>alert(1)</script>'));
    assert.match(page.body, /<dd>&lt;script>alert\(1\)&lt;\/script><\/dd>/);
    // search: wildcards match literally, odd query values fall back, a wrong PESEL is a message
    const wild = await agents.cezAdmin.get('/zarzadzanie/uzytkownicy?q=%25&jednostka=_&status=nic&strona=-3&ile=9999');
    assert.equal(wild.statusCode, 200);
    assert.match(wild.body, /Brak użytkowników spełniających kryteria/);
    const bad = await agents.cezAdmin.get('/zarzadzanie/uzytkownicy?pesel=12345678901');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Wpisz prawidłowy numer PESEL/);
    assert.equal((await agents.cezAdmin.get('/zarzadzanie/uzytkownicy?q[]=a&q[]=b&pesel[x]=1')).statusCode, 200);
  });

  it('search: by name, login, e-mail, unit name / NIP / REGON, exact PESEL through its hash (masked except for Administrator CeZ), status, paging in the URL', async () => {
    const db = t.database.db;
    const unit = await buildUnit(db, {
      name: 'Szpital Wyszukiwany Żółtodziób',
      nip: '5251575309',
      regon: '012345678',
      voivodeshipCode: '04',
      voivodeship: 'kujawsko-pomorskie',
    });
    const { profile, user } = await buildProfile(db, { unit });
    await buildRequest(db, { profile, roleCode: 'WYP_NIEFIN', status: 'zatwierdzony', verifyingUnit: unitOf.uwA });
    await db
      .update(usersTable)
      .set({ firstName: 'Żenobia', lastName: 'Wyszukiwalska', peselHash: peselLinkHash(t.config, '44051401359') })
      .where(eq(usersTable.id, user.id));
    const login = user.login!;
    const finds = async (a: Agent, q: string) => (await a.get(`/zarzadzanie/uzytkownicy?${q}`)).body.includes(`data-qa="user-row-${login}"`);
    assert.ok(await finds(agents.cezAdmin, 'q=zenobia+wyszukiwalska'));
    assert.ok(await finds(agents.cezAdmin, `q=${encodeURIComponent('ŻENOBIĄ')}`), 'Polish letters typed or not');
    assert.ok(await finds(agents.cezAdmin, `q=${encodeURIComponent(login.toUpperCase())}`));
    assert.ok(await finds(agents.cezAdmin, `q=${encodeURIComponent(user.email!)}`));
    assert.ok(await finds(agents.cezAdmin, 'jednostka=szpital+zoltodziob'));
    assert.ok(await finds(agents.cezAdmin, 'jednostka=525-157-53-09'));
    assert.ok(await finds(agents.cezAdmin, 'jednostka=012345678'));
    assert.ok(!(await finds(agents.cezAdmin, 'jednostka=012345679')));
    assert.ok(await finds(agents.cezAdmin, 'q=zenobia&status=aktywny'));
    assert.ok(!(await finds(agents.cezAdmin, 'q=zenobia&status=zablokowany')));
    // PESEL: exact only, through the keyed hash; Administrator CeZ sees the number, others a mask
    const cez = await agents.cezAdmin.get('/zarzadzanie/uzytkownicy?pesel=44051401359');
    const said = (html: string) => /data-qa="pesel-searched">([^<]*)</.exec(html)?.[1];
    assert.ok(cez.body.includes(`data-qa="user-row-${login}"`));
    assert.equal(said(cez.body), 'Wyniki dla numeru PESEL 44051401359.');
    const uw = await agents.uwA.get('/zarzadzanie/uzytkownicy?pesel=44051401359');
    assert.ok(uw.body.includes(`data-qa="user-row-${login}"`));
    assert.equal(said(uw.body), 'Wyniki dla numeru PESEL 44*********.');
    const staff = await agents.cezStaff.get('/zarzadzanie/uzytkownicy?pesel=44051401359');
    assert.equal(said(staff.body), 'Wyniki dla numeru PESEL 44*********.', 'Pracownik CeZ sees it masked too');
    assert.ok(!(await finds(agents.uwB, 'pesel=44051401359')), 'out of scope even by PESEL');
    assert.ok(!(await finds(agents.cezAdmin, 'pesel=4405140135')));
    // paging: the page size and page in the URL, links keep the filters
    const paged = await agents.cezAdmin.get('/zarzadzanie/uzytkownicy?q=testowy&ile=10');
    assert.equal(paged.statusCode, 200);
    assert.match(
      paged.body,
      /href="\/zarzadzanie\/uzytkownicy\?q=testowy&(amp;)?ile=10&(amp;)?strona=2#lista"/,
      /class="pagination[\s\S]{0,1500}/.exec(paged.body)?.[0],
    );
    const p2 = await agents.cezAdmin.get('/zarzadzanie/uzytkownicy?q=testowy&ile=10&strona=2');
    assert.equal(p2.statusCode, 200);
    const rowsOf = (html: string) => [...html.matchAll(/data-qa="user-row-([^"]+)"/g)].map((x) => x[1]);
    assert.equal(rowsOf(paged.body).length, 10);
    assert.ok(rowsOf(p2.body).length > 0);
    assert.ok(
      rowsOf(p2.body).every((r) => !rowsOf(paged.body).includes(r)),
      'page 2 shows other users',
    );
    // read-only notice for Pracownik CeZ
    assert.match((await agents.cezStaff.get('/zarzadzanie/uzytkownicy')).body, /data-qa="read-only"/);
  });

  it('the sub-module is listed on /zarzadzanie for administrators and Pracownik CeZ, not for others', async () => {
    assert.match((await agents.cezStaff.get('/zarzadzanie')).body, /href="\/zarzadzanie\/uzytkownicy"/);
    assert.match((await agents.ipin.get('/zarzadzanie')).body, /href="\/zarzadzanie\/uzytkownicy"/);
    assert.equal((await agents.filler.get('/zarzadzanie')).statusCode, 403);
  });
});
