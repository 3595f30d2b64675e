import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { createNumberedRequests, createRequest, transition } from '../../src/db/repositories/request-lifecycle.ts';
import { nextRequestNumber } from '../../src/db/repositories/requests.ts';
import { auditLog, profiles, requestStatusHistory, requestSubmissions, roleRequests, units } from '../../src/db/schema/index.ts';
import { ROLES } from '../../src/domain/reference-data.ts';
import { buildProfile, buildRequest } from '../builders/index.ts';

/**
 * The request lifecycle in the database (db/repositories/request-lifecycle.ts) on its own, without the
 * app: what each move writes — the row, its history, the profile's status, the audit — and what a
 * refused move leaves alone. Fast enough for mutation testing (docs/security.md, "Mutation testing").
 */
describe('the request lifecycle in the database', () => {
  let database: Database;
  before(async () => {
    const template = process.env.PGLITE_TEMPLATE;
    if (!template) throw new Error('PGLITE_TEMPLATE is not set: run the tests with `npm test`');
    database = await openDatabase({ databaseUrl: null, pgliteDir: null, pgliteLoadFrom: new Blob([readFileSync(template)]) });
  });
  after(async () => database.close());
  const db = () => database.db;
  const requestRow = async (id: string) => (await db().select().from(roleRequests).where(eq(roleRequests.id, id)))[0]!;
  const historyOf = (id: string) =>
    db().select().from(requestStatusHistory).where(eq(requestStatusHistory.requestId, id)).orderBy(asc(requestStatusHistory.id));
  const auditOf = (id: string) => db().select().from(auditLog).where(eq(auditLog.subjectId, id)).orderBy(asc(auditLog.id));
  const role = (code: string) => ROLES.find((r) => r.code === code)!;

  it('an approval records the decision (when, by whom), the start of the role, the history, the profile’s status and the audit', async () => {
    const submittedAt = new Date('2026-03-02T09:00:00Z');
    const { requestId, number, profile } = await buildRequest(db(), { status: 'oczekujacy', at: submittedAt });
    const verifier = (await buildProfile(db())).user;
    const at = new Date('2026-03-05T10:00:00Z');
    const moved = await db().transaction((tx) =>
      transition(tx, requestId, 'zatwierdzony', { by: verifier.id, at, event: 'approved', ip: '203.0.113.7', requestId: 'req-1', details: { note: 'x' } }),
    );
    assert.deepEqual(moved, { ok: true, from: 'oczekujacy', to: 'zatwierdzony', profileId: profile.id, profileStatus: 'aktywny', number });
    const r = await requestRow(requestId);
    assert.equal(r.status, 'zatwierdzony');
    assert.deepEqual([r.statusChangedAt, r.decidedAt, r.assignedAt], [at, at, at]);
    assert.equal(r.decidedBy, verifier.id);
    assert.equal(r.rejectReason, null);
    assert.deepEqual(r.submittedAt, submittedAt, '"Data złożenia" stays');
    const last = (await historyOf(requestId)).at(-1)!;
    assert.deepEqual(
      { from: last.fromStatus, to: last.toStatus, by: last.changedBy, at: last.changedAt, reason: last.reason },
      { from: 'oczekujacy', to: 'zatwierdzony', by: verifier.id, at, reason: null },
    );
    const [p] = await db().select().from(profiles).where(eq(profiles.id, profile.id));
    assert.equal(p?.status, 'aktywny');
    const entry = (await auditOf(requestId)).at(-1)!;
    assert.deepEqual(
      {
        action: entry.action,
        actor: entry.actorUserId,
        subjectType: entry.subjectType,
        ip: entry.ip,
        requestId: entry.requestId,
        details: entry.details,
      },
      {
        action: 'request.approved',
        actor: verifier.id,
        subjectType: 'role_request',
        ip: '203.0.113.7',
        requestId: 'req-1',
        details: { number, from: 'oczekujacy', to: 'zatwierdzony', profileStatus: 'aktywny', note: 'x' },
      },
    );
  });

  it('a rejection keeps its reason and who decided, and starts no role; a withdrawal is told apart by its event', async () => {
    const { requestId, profile } = await buildRequest(db(), { status: 'oczekujacy' });
    const verifier = (await buildProfile(db())).user;
    const at = new Date('2026-03-06T10:00:00Z');
    const moved = await db().transaction((tx) => transition(tx, requestId, 'odrzucony', { by: verifier.id, at, event: 'rejected', reason: 'Brak podstaw' }));
    assert.equal(moved.ok && moved.profileStatus, 'nieaktywowany', 'no role yet: the profile stays not activated');
    const r = await requestRow(requestId);
    assert.deepEqual([r.status, r.rejectReason, r.decidedBy, r.decidedAt, r.assignedAt], ['odrzucony', 'Brak podstaw', verifier.id, at, null]);
    assert.equal((await historyOf(requestId)).at(-1)?.reason, 'Brak podstaw');
    const entry = (await auditOf(requestId)).at(-1)!;
    assert.equal(entry.action, 'request.rejected');
    assert.deepEqual(entry.details, { number: r.number, from: 'oczekujacy', to: 'odrzucony', reason: 'Brak podstaw', profileStatus: 'nieaktywowany' });
    assert.equal(entry.ip, null);
    assert.equal(entry.requestId, null);

    const own = await buildRequest(db(), { status: 'oczekujacy', profile });
    await db().transaction((tx) => transition(tx, own.requestId, 'odrzucony', { by: profile.userId, at, event: 'withdrawn' }));
    assert.equal((await auditOf(own.requestId)).at(-1)?.action, 'request.withdrawn');
    assert.equal((await requestRow(own.requestId)).rejectReason, null, 'no reason given, none stored');
  });

  it('archiving a rejected request keeps the reason it was rejected for', async () => {
    const { requestId } = await buildRequest(db(), { status: 'odrzucony' });
    const reason = (await requestRow(requestId)).rejectReason;
    assert.equal(reason, 'Test');
    const at = new Date('2026-04-01T10:00:00Z');
    const moved = await db().transaction((tx) => transition(tx, requestId, 'zarchiwizowany', { by: null, at, reason: 'Wniosek nieaktualny' }));
    assert.equal(moved.ok, true);
    const r = await requestRow(requestId);
    assert.deepEqual([r.status, r.rejectReason], ['zarchiwizowany', 'Test']);
    assert.equal((await historyOf(requestId)).at(-1)?.reason, 'Wniosek nieaktualny', 'the archiving reason goes to the history');
  });

  it('finishing a saved request makes it pending from that moment ("Data złożenia"), undecided', async () => {
    const { requestId } = await buildRequest(db(), { status: 'zapisany', at: new Date('2026-03-01T08:00:00Z') });
    const at = new Date('2026-03-04T12:00:00Z');
    const moved = await db().transaction((tx) => transition(tx, requestId, 'oczekujacy', { by: null, at }));
    assert.equal(moved.ok, true);
    const r = await requestRow(requestId);
    assert.deepEqual([r.status, r.submittedAt, r.statusChangedAt, r.decidedAt, r.decidedBy, r.assignedAt], ['oczekujacy', at, at, null, null, null]);
    assert.equal((await auditOf(requestId)).at(-1)?.action, 'request.finished');
  });

  it('a move the table does not have, or of a request that does not exist, writes nothing', async () => {
    const at = new Date();
    assert.deepEqual(await db().transaction((tx) => transition(tx, randomUUID(), 'zatwierdzony', { by: null, at })), {
      ok: false,
      reason: 'not_found',
      from: null,
    });
    const { requestId } = await buildRequest(db(), { status: 'oczekujacy' });
    const before = { row: await requestRow(requestId), history: (await historyOf(requestId)).length, audit: (await auditOf(requestId)).length };
    for (const [to, event] of [
      ['zapisany', undefined],
      ['odebrany', undefined],
      ['odrzucony', 'approved'],
      ['zatwierdzony', 'rejected'],
    ] as const) {
      const r = await db().transaction((tx) => transition(tx, requestId, to, { by: null, at, ...(event ? { event } : {}) }));
      assert.deepEqual(r, { ok: false, reason: 'not_allowed', from: 'oczekujacy' }, `${to} ${event}`);
    }
    assert.deepEqual(await requestRow(requestId), before.row);
    assert.equal((await historyOf(requestId)).length, before.history);
    assert.equal((await auditOf(requestId)).length, before.audit);
  });

  it('a request starts only as saved (the wizard) or approved (the SSOZ I transfer), and its start is recorded', async () => {
    const { profile, user } = await buildProfile(db());
    const [submission] = await db()
      .insert(requestSubmissions)
      .values({
        idempotencyKey: `test:${randomUUID()}`,
        userId: user.id,
        profileId: profile.id,
        source: 'ssoz1_transfer',
        contactPhone: profile.phone,
        contactEmail: profile.email,
      })
      .returning({ id: requestSubmissions.id });
    const [cez] = await db().select({ id: units.id }).from(units).where(eq(units.kindCode, 'CeZ'));
    const at = new Date('2026-02-01T10:00:00Z');
    const values = async () => {
      const { number, seq } = await db().transaction((tx) => nextRequestNumber(tx, 2026));
      return {
        number,
        year: 2026,
        seq,
        submissionId: submission!.id,
        profileId: profile.id,
        roleCode: 'WYP_NIEFIN',
        verifyingUnitId: cez!.id,
        submittedAt: at,
      };
    };
    for (const to of ['oczekujacy', 'odrzucony', 'zarchiwizowany', 'odebrany'] as const) {
      const v = await values();
      await assert.rejects(
        db().transaction((tx) => createRequest(tx, v, to, { by: null, at })),
        new RegExp(`cannot start as ${to}`),
      );
    }
    const v = await values();
    const id = await db().transaction((tx) =>
      createRequest(tx, v, 'zatwierdzony', { by: user.id, at, event: 'transferred', reason: 'Rola z SSOZ I', details: { login: 'jan.k' } }),
    );
    const r = await requestRow(id);
    assert.deepEqual([r.status, r.statusChangedAt, r.decidedAt, r.decidedBy, r.assignedAt], ['zatwierdzony', at, at, user.id, at]);
    const history = await historyOf(id);
    assert.deepEqual(
      history.map((h) => [h.fromStatus, h.toStatus, h.changedBy, h.changedAt, h.reason]),
      [[null, 'zatwierdzony', user.id, at, 'Rola z SSOZ I']],
    );
    const entry = (await auditOf(id)).at(-1)!;
    assert.deepEqual([entry.action, entry.actorUserId, entry.subjectType], ['request.transferred', user.id, 'role_request']);
    assert.deepEqual(entry.details, { number: v.number, to: 'zatwierdzony', reason: 'Rola z SSOZ I', login: 'jan.k' });

    const saved = await values();
    const savedId = await db().transaction((tx) => createRequest(tx, saved, 'zapisany', { by: user.id, at, ip: '198.51.100.1', requestId: 'req-2' }));
    const s = await requestRow(savedId);
    assert.deepEqual([s.status, s.decidedAt, s.decidedBy, s.assignedAt], ['zapisany', null, null, null]);
    assert.equal((await historyOf(savedId)).at(-1)?.reason, null);
    const savedEntry = (await auditOf(savedId)).at(-1)!;
    assert.deepEqual([savedEntry.action, savedEntry.ip, savedEntry.requestId], ['request.saved', '198.51.100.1', 'req-2']);
  });

  it('a submission’s requests are numbered one after another in the year of Polish time, and routed', async () => {
    const { profile, user } = await buildProfile(db());
    const [submission] = await db()
      .insert(requestSubmissions)
      .values({
        idempotencyKey: `test:${randomUUID()}`,
        userId: user.id,
        profileId: profile.id,
        source: 'wizard',
        contactPhone: profile.phone,
        contactEmail: profile.email,
      })
      .returning({ id: requestSubmissions.id });
    const [cez] = await db().select({ id: units.id }).from(units).where(eq(units.kindCode, 'CeZ'));
    // 31 December, 23:30 UTC: already 2027 in Poland
    const at = new Date('2026-12-31T23:30:00Z');
    const numbers = await db().transaction((tx) =>
      createNumberedRequests(
        tx,
        {
          submissionId: submission!.id,
          profileId: profile.id,
          // a unit without a voivodeship has no Urząd Wojewódzki: CeZ verifies
          unit: { kindCode: 'PODM', voivodeshipCode: null, isAddictionCare: false },
          roles: [role('WYP_NIEFIN'), role('NADZ_NIEFIN')],
        },
        'zapisany',
        { by: user.id, at },
      ),
    );
    assert.equal(numbers.length, 2);
    assert.ok(
      numbers.every((n) => n.endsWith('/2027')),
      numbers.join(),
    );
    const rows = await db()
      .select()
      .from(roleRequests)
      .where(and(eq(roleRequests.submissionId, submission!.id)))
      .orderBy(asc(roleRequests.seq));
    assert.deepEqual(
      rows.map((r) => [r.number, r.year, r.roleCode, r.status, r.verifyingUnitId, r.submittedAt]),
      [
        [numbers[0], 2027, 'WYP_NIEFIN', 'zapisany', cez!.id, at],
        [numbers[1], 2027, 'NADZ_NIEFIN', 'zapisany', cez!.id, at],
      ],
    );
    assert.equal(rows[1]!.seq, rows[0]!.seq + 1, 'one after another');

    // a unit in kujawsko-pomorskie: its Urząd Wojewódzki verifies, once it has an active administrator
    const [uw] = await db()
      .select()
      .from(units)
      .where(and(eq(units.kindCode, 'UW'), eq(units.voivodeshipCode, '04'), eq(units.isActive, true)))
      .orderBy(asc(units.createdAt))
      .limit(1);
    const admin = await buildProfile(db(), { unit: uw! });
    await buildRequest(db(), { profile: admin.profile, roleCode: 'ADMIN_UW', status: 'zatwierdzony' });
    const [inKp] = await db().transaction((tx) =>
      createNumberedRequests(
        tx,
        {
          submissionId: submission!.id,
          profileId: profile.id,
          unit: { kindCode: 'PODM', voivodeshipCode: '04', isAddictionCare: false },
          roles: [role('WYP_NIEFIN')],
        },
        'zapisany',
        { by: user.id, at },
      ),
    );
    const [routed] = await db().select().from(roleRequests).where(eq(roleRequests.number, inKp!));
    assert.equal(routed?.verifyingUnitId, uw!.id);
  });
});
