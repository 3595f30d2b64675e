import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { transition } from '../../src/db/repositories/request-lifecycle.ts';
import { auditLog, profiles, requestStatusHistory, roleRequests, units } from '../../src/db/schema/index.ts';
import { answerSurvey, buildProfile, buildRequest, buildUnit } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { loginAs } from '../helpers/login.ts';
import { pathOf } from '../helpers/agent.ts';

describe('the request lifecycle (builders, loginAs, no demo data)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(async () => t.close());
  const db = () => t.database.db;

  it('every move writes the status, its history, the profile status and the audit, in one transaction', async () => {
    const { requestId, profile } = await buildRequest(db(), { status: 'oczekujacy' });
    const moved = await db().transaction((tx) => transition(tx, requestId, 'zatwierdzony', { by: profile.userId, at: new Date(), event: 'approved' }));
    assert.ok(moved.ok);
    assert.equal(moved.profileStatus, 'aktywny');
    const [r] = await db().select().from(roleRequests).where(eq(roleRequests.id, requestId));
    assert.equal(r?.status, 'zatwierdzony');
    assert.ok(r?.assignedAt && r.decidedAt);
    const history = await db().select().from(requestStatusHistory).where(eq(requestStatusHistory.requestId, requestId)).orderBy(asc(requestStatusHistory.id));
    assert.deepEqual(
      history.map((h) => `${h.fromStatus ?? '∅'}→${h.toStatus}`),
      ['∅→zapisany', 'zapisany→oczekujacy', 'oczekujacy→zatwierdzony'],
    );
    const [p] = await db().select().from(profiles).where(eq(profiles.id, profile.id));
    assert.equal(p?.status, 'aktywny');
    const audit = await db().select().from(auditLog).where(eq(auditLog.subjectId, requestId));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['request.approved', 'request.finished', 'request.saved']);
  });

  it('a move the table does not have is refused and changes nothing', async () => {
    const { requestId } = await buildRequest(db(), { status: 'zatwierdzony' });
    const r = await db().transaction((tx) => transition(tx, requestId, 'oczekujacy', { by: null, at: new Date() }));
    assert.deepEqual(r, { ok: false, reason: 'not_allowed', from: 'zatwierdzony' });
    const [row] = await db().select().from(roleRequests).where(eq(roleRequests.id, requestId));
    assert.equal(row?.status, 'zatwierdzony');
  });

  it('the database refuses a status the domain does not know', async () => {
    const { requestId } = await buildRequest(db());
    await assert.rejects(db().update(roleRequests).set({ status: 'cokolwiek' }).where(eq(roleRequests.id, requestId)));
    const { profile } = await buildProfile(db());
    await assert.rejects(db().update(profiles).set({ status: 'aktywna' }).where(eq(profiles.id, profile.id)));
  });

  it('two withdrawals of one request at the same moment: one wins, the other is told', async () => {
    const { requestId, profile } = await buildRequest(db(), { status: 'oczekujacy' });
    const a = await loginAs(t, profile.userId);
    const page = await a.get(`/wnioski/${requestId}/wycofaj`);
    assert.equal(page.statusCode, 200);
    const [r1, r2] = await Promise.all([
      a.post(`/wnioski/${requestId}/wycofaj`, {}, { csrfFrom: page.body }),
      a.post(`/wnioski/${requestId}/wycofaj`, {}, { csrfFrom: page.body }),
    ]);
    assert.deepEqual([pathOf(r1), pathOf(r2)].sort(), ['/moje-konto', '/moje-konto?wycofano=1'], 'one withdrawal, and no false notice for the other');
    const history = await db().select().from(requestStatusHistory).where(eq(requestStatusHistory.requestId, requestId));
    assert.equal(history.filter((h) => h.toStatus === 'odrzucony').length, 1);
  });

  it("another user's request is not found; a saved (unfinished) request can be withdrawn by its owner", async () => {
    const mine = await buildRequest(db(), { status: 'zapisany' });
    const other = await buildProfile(db());
    const stranger = await loginAs(t, other.user.id);
    assert.equal((await stranger.get(`/wnioski/${mine.requestId}/wycofaj`)).statusCode, 404);
    const owner = await loginAs(t, mine.profile.userId);
    const page = await owner.get(`/wnioski/${mine.requestId}/wycofaj`);
    assert.equal(page.statusCode, 200);
    assert.equal(pathOf(await owner.post(`/wnioski/${mine.requestId}/wycofaj`, {}, { csrfFrom: page.body })), '/moje-konto?wycofano=1');
  });

  it('the actor works only in an active profile: once its unit is inactive, the profile is blocked and cannot be worked in', async () => {
    const unit = await buildUnit(db());
    await answerSurvey(db(), unit);
    const { profile, user } = await buildProfile(db(), { unit });
    await buildRequest(db(), { profile, status: 'zatwierdzony' });
    const a = await loginAs(t, user.id, { profileId: profile.id });
    const home = await a.get('/start');
    assert.equal(home.statusCode, 200);
    assert.ok(home.body.includes(unit.name), 'works in the profile');
    await db().update(units).set({ isActive: false }).where(eq(units.id, unit.id));
    const { requestId } = await buildRequest(db(), { profile, status: 'oczekujacy' });
    const [p] = await db().select().from(profiles).where(eq(profiles.id, profile.id));
    assert.equal(p?.status, 'zablokowany', 'recomputed through the lifecycle');
    assert.ok(requestId);
    const page = await a.get('/start');
    assert.ok(!page.body.includes(`Jesteś obecnie zalogowany w profilu dla jednostki ${unit.name}`), 'no longer worked in');
    assert.equal((await a.post(`/profil/${profile.id}/pracuj`, {}, { csrfFrom: page.body })).statusCode, 404);
  });
});
