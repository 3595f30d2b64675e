import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { profiles, roleRequests, units, users } from '../../src/db/schema/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import type { Agent } from '../helpers/agent.ts';
import { pathOf } from '../helpers/agent.ts';
import { signedIn } from '../helpers/login.ts';

// A unit taken out of the registry blocks every profile in it (domain.md: "blocked profile or inactive
// unit → zablokowany"). The status is derived again on every request change, so a change made
// through the portal must keep such a profile blocked instead of deriving it from its requests alone.
describe('a profile in an inactive unit stays "zablokowany"', () => {
  let t: TestApp;
  let maria: Agent;
  const profileOf = async (unitKey: string) => {
    const [row] = await t.database.db
      .select({ id: profiles.id, status: profiles.status, unitId: units.id })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .innerJoin(units, eq(units.id, profiles.unitId))
      .where(and(eq(users.login, 'maria.wisniewska'), eq(units.sourceKey, unitKey)));
    assert.ok(row, unitKey);
    return row;
  };
  /** what deactivating a unit in the registry does: the unit is inactive, its profiles blocked */
  const deactivate = async (unitKey: string) => {
    const p = await profileOf(unitKey);
    await t.database.db.update(units).set({ isActive: false }).where(eq(units.id, p.unitId));
    await t.database.db.update(profiles).set({ status: 'zablokowany', statusChangedAt: t.clock.now }).where(eq(profiles.id, p.id));
    return p;
  };

  before(async () => {
    t = await buildTestApp();
    t.clock.now = new Date('2026-11-25T10:00:00Z');
    maria = await signedIn(t, 'maria.wisniewska', '+48 600 100 203');
  });
  after(() => t.close());

  it('after a withdrawal (POST /wnioski/:id/wycofaj) while another request is still pending', async () => {
    const kdent = await deactivate('k-dent');
    const [req] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
    assert.equal(req?.profileId, kdent.id);
    const confirm = await maria.get(`/wnioski/${req.id}/wycofaj`);
    const done = await maria.post(`/wnioski/${req.id}/wycofaj`, {}, { csrfFrom: confirm.body });
    assert.equal(pathOf(done), '/moje-konto?wycofano=1');
    const [withdrawn] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.id, req.id));
    assert.equal(withdrawn?.status, 'odrzucony', 'the withdrawal itself went through');
    // from its requests alone (U000594/2023 pending) the profile would be "nieaktywowany"
    assert.equal((await profileOf('k-dent')).status, 'zablokowany');
  });

  it('after "Wniosek o nowe role do profilu" sent through the wizard', async () => {
    const starostwo = await profileOf('starostwo-aleksandrow-kujawski');
    assert.equal(starostwo.status, 'aktywny');
    const base = `/profil/${starostwo.id}/wniosek`;
    const rolesPage = await maria.get(`${base}/role`);
    assert.match(rolesPage.body, /Wniosek o nowe role do profilu/);
    const toSummary = await maria.post(
      `${base}/role`,
      { roles: 'WYP_KARTY_PSY', phone: '600 100 203', email: 'maria.wisniewska@example.pl' },
      { csrfFrom: rolesPage.body },
    );
    assert.equal(pathOf(toSummary), `${base}/podsumowanie`);
    const summary = await maria.get(`${base}/podsumowanie`);
    assert.match(summary.body, /Zweryfikuj dane/);
    const before = await t.database.db.select({ id: roleRequests.id }).from(roleRequests).where(eq(roleRequests.profileId, starostwo.id));

    // the unit leaves the registry while the summary is open
    await deactivate('starostwo-aleksandrow-kujawski');
    const saved = await maria.post(`${base}/podsumowanie`, { akcja: 'zapisz', statement: 'tak' }, { csrfFrom: summary.body });
    assert.ok(saved.statusCode < 500, `answered ${saved.statusCode}`);
    const now = await t.database.db
      .select({ id: roleRequests.id, status: roleRequests.status })
      .from(roleRequests)
      .where(eq(roleRequests.profileId, starostwo.id));
    for (const r of now.filter((r) => !before.some((b) => b.id === r.id))) assert.equal(r.status, 'oczekujacy');
    assert.equal((await profileOf('starostwo-aleksandrow-kujawski')).status, 'zablokowany', 'the approved roles must not make it "aktywny" again');

    // and starting the wizard again for the blocked profile does not unblock it either
    const again = await maria.get(`${base}/role`);
    assert.ok(again.statusCode < 500, `answered ${again.statusCode}`);
    assert.equal((await profileOf('starostwo-aleksandrow-kujawski')).status, 'zablokowany');
  });
});
