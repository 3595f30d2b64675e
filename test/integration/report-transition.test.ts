import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../src/config/index.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { auditLog, messages, profiles, reportEvents, reports, reportVersions, units, users } from '../../src/db/schema/index.ts';
import { exampleValues } from '../../src/demo/report-examples.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import { Outbox } from '../../src/mail/outbox.ts';
import { loadActor, type Actor } from '../../src/portal/actor/actor.ts';
import type { Ctx, ServiceDeps } from '../../src/portal/context.ts';
import { reportingService } from '../../src/portal/reporting/service.ts';
import { formRegistry } from '../../src/reporting/definitions.ts';
import type { AppError } from '../../src/lib/errors.ts';
import { buildProfile, buildRequest, buildUser } from '../builders/index.ts';
import { demoReportIds, type DemoReportIds } from '../helpers/route-bodies.ts';

type ReportRow = typeof reports.$inferSelect;

/**
 * The report lifecycle in the service (portal/reporting/service.ts, `transitionReport` and the four
 * moves that use it) on its own, without the app: on the demo reports and the demo users, what each
 * allowed move writes — the row (status, level, version, revision), the history event, the audit
 * entry and the e-mail to the unit's fillers — and that a stale page, a missing revision, a withdrawn
 * obligation or an actor the policy refuses writes nothing. Fast enough for mutation testing
 * (docs/security.md, "Mutation testing", area report-service). On PostgreSQL with TEST_DATABASE_URL.
 */
describe('the report lifecycle in the service', () => {
  let database: Database;
  let pgName: string | null = null;
  let service: ReturnType<typeof reportingService>;
  /** delivery jobs the outbox asked for (the queue itself is pg-boss, not started here) */
  const jobs: { queue: string; data: object }[] = [];
  let ids: DemoReportIds;
  const actors: Record<'maria' | 'zofia' | 'jan' | 'mariaCez' | 'tomasz' | 'robert', Actor> = {} as never;
  const units_: Record<string, string> = {};
  let at = new Date('2026-11-20T10:00:00Z');

  before(async () => {
    const pgUrl = process.env.TEST_DATABASE_URL;
    if (pgUrl) {
      const t = await import('../helpers/template.ts');
      pgName = `ssoz_rt_${process.pid}`;
      database = await openDatabase({ databaseUrl: await t.createPostgresDatabaseFromTemplate(pgUrl, pgName), pgliteDir: null, poolSize: 3 });
    } else {
      const template = process.env.PGLITE_TEMPLATE;
      if (!template) throw new Error('PGLITE_TEMPLATE is not set: run the tests with `npm test`');
      database = await openDatabase({ databaseUrl: null, pgliteDir: null, pgliteLoadFrom: new Blob([readFileSync(template)]) });
    }
    const queue = {
      send: async (_tx: unknown, q: string, data: object) => {
        jobs.push({ queue: q, data });
        return null;
      },
    } as unknown as JobQueue;
    service = reportingService({ db: database.db, outbox: new Outbox(queue), config: { publicUrl: 'https://ssoz.example' } as Config } as ServiceDeps);
    ids = await demoReportIds(database.db);
    for (const key of ['starostwo-aleksandrow-kujawski', 'uw-04', 'cez', 'przychodnia-torun']) {
      const [u] = await database.db.select({ id: units.id }).from(units).where(eq(units.sourceKey, key));
      units_[key] = u!.id;
    }
    const demo = async (login: string, unitKey: string) => {
      const [row] = await database.db
        .select({ userId: users.id, profileId: profiles.id })
        .from(profiles)
        .innerJoin(users, eq(users.id, profiles.userId))
        .where(and(eq(users.login, login), eq(profiles.unitId, units_[unitKey]!)));
      return (await loadActor(database.db, row!.userId, row!.profileId))!;
    };
    actors.maria = await demo('maria.wisniewska', 'starostwo-aleksandrow-kujawski'); // Wypełniający of Starostwo
    actors.zofia = await demo('zofia.nowicka', 'uw-04'); // Nadzorujący niefinansowe, level 0 of the kujawsko-pomorskie chain
    actors.jan = await demo('jan.kowalski', 'cez'); // Administrator CeZ, level 1 (CeZ)
    actors.mariaCez = await demo('maria.wisniewska', 'cez'); // Pracownik CeZ: finds reports, opens none
    actors.tomasz = await demo('tomasz.lewandowski', 'uw-04'); // Administrator UW: verifies nothing
    actors.robert = await demo('robert.szymanski', 'przychodnia-torun'); // the filler of another unit
  });
  after(async () => {
    await database?.close();
    if (pgName) await (await import('../helpers/template.ts')).dropPostgresDatabase(process.env.TEST_DATABASE_URL!, pgName);
  });

  const db = () => database.db;
  /** every call acts one minute later, so its writes are told apart */
  const ctx = (actor: Actor): Ctx => {
    at = new Date(at.getTime() + 60_000);
    return { actor, ip: '203.0.113.9', requestId: `req-${at.getTime()}`, now: at };
  };
  const row = async (id: string) => (await db().select().from(reports).where(eq(reports.id, id)))[0]!;
  const eventsOf = (id: string) => db().select().from(reportEvents).where(eq(reportEvents.reportId, id)).orderBy(asc(reportEvents.id));
  const auditsOf = (id: string) => db().select().from(auditLog).where(eq(auditLog.subjectId, id)).orderBy(asc(auditLog.id));
  const mailsAbout = async (id: string) =>
    (await db().select().from(messages).orderBy(asc(messages.to))).filter((m) => m.text.includes(`https://ssoz.example/sprawozdania/${id}`));
  /** everything a move may write about a report, to show a refused one wrote nothing */
  const snapshot = async (id: string) => ({
    row: await row(id),
    events: (await eventsOf(id)).length,
    audits: (await auditsOf(id)).length,
    mails: (await mailsAbout(id)).length,
    versions: (await db().select().from(reportVersions).where(eq(reportVersions.reportId, id))).length,
    jobs: jobs.length,
  });
  const refused = async (p: Promise<unknown>, status: number, message?: RegExp) => {
    await assert.rejects(p, (e: AppError) => {
      assert.equal(e.statusCode, status, e.message);
      if (message) assert.match(e.message, message);
      return true;
    });
  };
  /** a report of the demo in the given state (a fixture: the moves under test start from it) */
  const put = async (id: string, set: Partial<ReportRow>) => {
    await db().update(reports).set(set).where(eq(reports.id, id));
    return row(id);
  };
  /** a kujawsko-pomorskie MZ-11 report of a generated unit (no fillers of its own), by status, one not used before */
  const used = new Set<string>();
  const generated = async (status: string) => {
    const rows = await db()
      .select({ id: reports.id })
      .from(reports)
      .innerJoin(units, eq(units.id, reports.unitId))
      .where(and(eq(units.voivodeshipCode, '04'), eq(reports.form, 'MZ-11'), eq(reports.status, status as ReportRow['status'])))
      .orderBy(asc(units.sourceKey), asc(reports.year));
    const id = rows.map((r) => r.id).find((x) => x !== ids.fill && x !== ids.reopen && x !== ids.verify && !used.has(x))!;
    used.add(id);
    return id;
  };
  const chain = () => [units_['uw-04']!, units_['cez']!];
  const mariaEmail = async () => {
    const [p] = await db().select({ email: profiles.email }).from(profiles).where(eq(profiles.id, actors.maria.profile!.id));
    return p!.email;
  };

  it('saving a section: the values, the next revision, who and when, not on behalf (the unit’s own filler), the event with the section, the audit; no e-mail', async () => {
    const before = await put(ids.fill, { filledOnBehalf: true, levelUnitIds: chain() });
    assert.equal(before.status, 'w_trakcie');
    const mails = jobs.length;
    const c = ctx(actors.maria);
    const out = await service.saveSection(c, { id: ids.fill, section: 'D1', revision: before.revision, body: { 'D1.01.1': ' 120 ', 'D1.01.2': '' } });
    assert.equal(out.kind, 'saved');
    const r = await row(ids.fill);
    assert.deepEqual(
      [r.status, r.pendingLevel, r.version, r.revision, r.updatedAt, r.updatedBy, r.filledOnBehalf],
      ['w_trakcie', null, before.version, before.revision + 1, c.now, actors.maria.userId, false],
    );
    assert.equal(r.values['D1.01.1'], '120');
    assert.equal('D1.01.2' in r.values, false, 'an emptied cell is removed');
    assert.deepEqual(out.kind === 'saved' && out.report.revision, before.revision + 1, 'the written row is returned');
    const ev = (await eventsOf(ids.fill)).at(-1)!;
    assert.deepEqual(
      {
        at: ev.at,
        actor: ev.actorUserId,
        unit: ev.actorUnitId,
        action: ev.action,
        from: ev.fromStatus,
        to: ev.toStatus,
        version: ev.version,
        onBehalf: ev.onBehalf,
      },
      {
        at: c.now,
        actor: actors.maria.userId,
        unit: units_['starostwo-aleksandrow-kujawski'],
        action: 'save',
        from: 'w_trakcie',
        to: 'w_trakcie',
        version: before.version,
        onBehalf: false,
      },
    );
    assert.match(ev.comment ?? '', /Dział 1/, 'the event names the section');
    const a = (await auditsOf(ids.fill)).at(-1)!;
    assert.deepEqual(
      { action: a.action, actor: a.actorUserId, ip: a.ip, requestId: a.requestId, subjectType: a.subjectType, details: a.details },
      {
        action: 'report.save',
        actor: actors.maria.userId,
        ip: '203.0.113.9',
        requestId: c.requestId,
        subjectType: 'report',
        details: {
          form: 'MZ-11',
          year: before.year,
          unitId: before.unitId,
          from: { status: 'w_trakcie', pendingLevel: null, version: before.version },
          to: { status: 'w_trakcie', pendingLevel: null, version: before.version },
          section: 'D1',
        },
      },
    );
    assert.equal(jobs.length, mails, 'saving tells nobody');
  });

  it('a form from an older page is refused (409) and writes nothing; a form with no revision is refused (400) after the policy', async () => {
    const before = await snapshot(ids.fill);
    await refused(
      service.saveSection(ctx(actors.maria), { id: ids.fill, section: 'D1', revision: before.row.revision - 1, body: { 'D1.01.1': '7' } }),
      409,
      /zmienione/,
    );
    await refused(service.saveSection(ctx(actors.maria), { id: ids.fill, section: 'D1', revision: before.row.revision + 1, body: { 'D1.01.1': '7' } }), 409);
    await refused(service.submit(ctx(actors.maria), { id: ids.fill, revision: before.row.revision + 5, explanations: {} }), 409);
    await refused(service.saveSection(ctx(actors.maria), { id: ids.fill, section: 'D1', revision: null, body: { 'D1.01.1': '7' } }), 400);
    await refused(service.submit(ctx(actors.maria), { id: ids.fill, revision: null, explanations: {} }), 400);
    // the first verifying level may fill on the unit's behalf: the same 400; someone who does not see the report: 404
    await refused(service.submit(ctx(actors.zofia), { id: ids.fill, revision: null, explanations: {} }), 400);
    await refused(service.submit(ctx(actors.tomasz), { id: ids.fill, revision: null, explanations: {} }), 404);
    assert.deepEqual(await snapshot(ids.fill), before);
    // someone who sees the report but may not fill it now is told so (403), whatever the revision
    const waiting = await generated('do_weryfikacji');
    await put(waiting, { levelUnitIds: chain() });
    const w = await snapshot(waiting);
    await refused(service.submit(ctx(actors.zofia), { id: waiting, revision: null, explanations: {} }), 403);
    assert.deepEqual(await snapshot(waiting), w);
  });

  it('the policy decides on the locked row: a stranger finds nothing (404), Pracownik CeZ and a wrong verifier are refused (403), nothing is written', async () => {
    const before = await snapshot(ids.verify);
    const r = before.row;
    assert.deepEqual([r.status, r.pendingLevel], ['do_weryfikacji', 1]);
    const verify = (actor: Actor) => service.verify(ctx(actor), { id: ids.verify, revision: r.revision, decision: 'zatwierdz', comment: '', cellComments: {} });
    await refused(verify(actors.robert), 404);
    await refused(verify(actors.mariaCez), 403);
    await refused(service.reopen(ctx(actors.mariaCez), { id: ids.verify, revision: r.revision, reason: 'x' }), 403);
    if (r.levelUnitIds.includes(units_['uw-04']!)) await refused(verify(actors.zofia), 403); // level 0 waits no more: level 1 acts
    await refused(service.reopen(ctx(actors.jan), { id: ids.verify, revision: r.revision, reason: 'x' }), 403, /Brak dostępu/);
    await refused(service.saveSection(ctx(actors.jan), { id: ids.verify, section: 'D1', revision: r.revision, body: {} }), 403);
    await refused(service.verify(ctx(actors.jan), { id: randomUUID(), revision: 0, decision: 'zatwierdz', comment: '', cellComments: {} }), 404);
    assert.deepEqual(await snapshot(ids.verify), before);
  });

  it('level by level: the office approves level 0 (the report waits for CeZ, nobody is told), CeZ approves the last level (approved, version kept, the unit’s fillers told)', async () => {
    const id = ids.fill;
    const values = exampleValues('MZ-11', 1);
    const r0 = await put(id, {
      status: 'do_weryfikacji',
      pendingLevel: 0,
      levelUnitIds: chain(),
      values,
      submittedBy: actors.maria.userId,
      filledOnBehalf: true,
    });
    const jobs0 = jobs.length;
    const c1 = ctx(actors.zofia);
    const first = await service.verify(c1, { id, revision: r0.revision, decision: 'zatwierdz', comment: 'Dla CeZ', cellComments: {} });
    assert.equal(first.kind, 'done');
    const r1 = await row(id);
    assert.deepEqual(
      [r1.status, r1.pendingLevel, r1.version, r1.revision, r1.approvedAt, r1.updatedBy, r1.filledOnBehalf],
      ['do_weryfikacji', 1, r0.version, r0.revision + 1, null, actors.zofia.userId, true],
      'a verifier’s decision keeps "filled on behalf"',
    );
    const ev1 = (await eventsOf(id)).at(-1)!;
    assert.deepEqual(
      [ev1.action, ev1.fromStatus, ev1.toStatus, ev1.version, ev1.onBehalf, ev1.comment, ev1.actorUnitId],
      ['approve', 'do_weryfikacji', 'do_weryfikacji', r0.version, false, 'Dla CeZ', units_['uw-04']],
    );
    const a1 = (await auditsOf(id)).at(-1)!;
    assert.deepEqual([a1.action, a1.actorUserId], ['report.approve', actors.zofia.userId]);
    assert.deepEqual(a1.details, {
      form: 'MZ-11',
      year: r0.year,
      unitId: r0.unitId,
      from: { status: 'do_weryfikacji', pendingLevel: 0, version: r0.version },
      to: { status: 'do_weryfikacji', pendingLevel: 1, version: r0.version },
      level: 0,
      decision: 'zatwierdz',
    });
    assert.equal(jobs.length, jobs0, 'a step between verifiers is theirs alone');
    assert.equal((await mailsAbout(id)).length, 0);
    assert.equal((await db().select().from(reportVersions).where(eq(reportVersions.reportId, id))).length, 0);

    // the same page sent again: the report has moved on
    await refused(service.verify(ctx(actors.zofia), { id, revision: r0.revision, decision: 'zatwierdz', comment: '', cellComments: {} }), 409);

    const c2 = ctx(actors.jan);
    await service.verify(c2, { id, revision: r1.revision, decision: 'zatwierdz', comment: '', cellComments: {} });
    const r2 = await row(id);
    assert.deepEqual([r2.status, r2.pendingLevel, r2.version, r2.revision, r2.approvedAt], ['zatwierdzone', null, r0.version, r1.revision + 1, c2.now]);
    const ev2 = (await eventsOf(id)).at(-1)!;
    assert.deepEqual([ev2.action, ev2.fromStatus, ev2.toStatus, ev2.comment, ev2.onBehalf], ['approve', 'do_weryfikacji', 'zatwierdzone', null, false]);
    const a2 = (await auditsOf(id)).at(-1)!;
    assert.deepEqual(a2.details, {
      form: 'MZ-11',
      year: r0.year,
      unitId: r0.unitId,
      from: { status: 'do_weryfikacji', pendingLevel: 1, version: r0.version },
      to: { status: 'zatwierdzone', pendingLevel: null, version: r0.version },
      level: 1,
      decision: 'zatwierdz',
    });
    const [kept] = await db().select().from(reportVersions).where(eq(reportVersions.reportId, id));
    assert.deepEqual([kept?.version, kept?.values, kept?.approvedAt], [r0.version, values, c2.now]);
    const mails = await mailsAbout(id);
    assert.deepEqual(
      mails.map((m) => [m.channel, m.to, m.subject]),
      [['email', await mariaEmail(), `Sprawozdanie MZ-11 za ${r0.year} zatwierdzone`]],
      'the unit’s filler (and nobody else) hears of the final approval',
    );
    assert.equal(jobs.length, jobs0 + 1, 'its delivery is queued');
    assert.deepEqual(jobs.at(-1), { queue: 'deliver-message', data: { messageId: mails[0]!.id } });
  });

  it('a correction: a verifier of the chain reopens an approved report as the next version, with the reason kept and the unit told; the filler may not', async () => {
    const id = ids.reopen;
    const r0 = await put(id, { levelUnitIds: chain() });
    assert.equal(r0.status, 'zatwierdzone');
    const before = await snapshot(id);
    await refused(service.reopen(ctx(actors.maria), { id, revision: r0.revision, reason: 'x' }), 403);
    assert.deepEqual(await snapshot(id), before);
    const c = ctx(actors.zofia);
    await service.reopen(c, { id, revision: r0.revision, reason: 'Błąd po kontroli' });
    const r = await row(id);
    assert.deepEqual(
      [r.status, r.pendingLevel, r.version, r.revision, r.returnComment, r.approvedAt],
      ['do_korekty', null, r0.version + 1, r0.revision + 1, 'Błąd po kontroli', null],
    );
    const ev = (await eventsOf(id)).at(-1)!;
    assert.deepEqual(
      [ev.action, ev.fromStatus, ev.toStatus, ev.version, ev.comment],
      ['reopen', 'zatwierdzone', 'do_korekty', r0.version + 1, 'Błąd po kontroli'],
    );
    const a = (await auditsOf(id)).at(-1)!;
    assert.deepEqual(a.details, {
      form: 'MZ-11',
      year: r0.year,
      unitId: r0.unitId,
      from: { status: 'zatwierdzone', pendingLevel: null, version: r0.version },
      to: { status: 'do_korekty', pendingLevel: null, version: r0.version + 1 },
      level: 0,
      reason: 'Błąd po kontroli',
    });
    const [v] = await db()
      .select()
      .from(reportVersions)
      .where(and(eq(reportVersions.reportId, id), eq(reportVersions.version, r0.version)));
    assert.equal(v?.correctionReason, 'Błąd po kontroli');
    assert.deepEqual(
      (await mailsAbout(id)).map((m) => [m.to, m.subject]),
      [[await mariaEmail(), `Otwarto korektę sprawozdania MZ-11 za ${r0.year}`]],
    );
  });

  it('returns: CeZ sends the report back down to the office (nobody else told); the office returns it to the unit, with its comments, and the unit’s fillers are told', async () => {
    const id = ids.reopen; // now "Do korekty" (the test above): sent again, at CeZ's level
    const r0 = await put(id, { status: 'do_weryfikacji', pendingLevel: 1, submittedBy: actors.maria.userId });
    const mails0 = (await mailsAbout(id)).length;
    await service.verify(ctx(actors.jan), { id, revision: r0.revision, decision: 'zwroc', comment: 'Do urzędu', cellComments: {} });
    const r1 = await row(id);
    assert.deepEqual([r1.status, r1.pendingLevel, r1.version, r1.returnComment], ['do_weryfikacji', 0, r0.version, 'Do urzędu']);
    assert.deepEqual((await auditsOf(id)).at(-1)!.details, {
      form: 'MZ-11',
      year: r0.year,
      unitId: r0.unitId,
      from: { status: 'do_weryfikacji', pendingLevel: 1, version: r0.version },
      to: { status: 'do_weryfikacji', pendingLevel: 0, version: r0.version },
      level: 1,
      decision: 'zwroc',
    });
    assert.equal((await mailsAbout(id)).length, mails0, 'a return between verifiers is theirs alone');

    const c = ctx(actors.zofia);
    await service.verify(c, { id, revision: r1.revision, decision: 'zwroc', comment: 'Popraw', cellComments: { 'D1.01.1': 'Sprawdź' } });
    const r2 = await row(id);
    assert.deepEqual([r2.status, r2.pendingLevel, r2.returnComment, r2.cellComments], ['do_korekty', null, 'Popraw', { 'D1.01.1': 'Sprawdź' }]);
    const ev = (await eventsOf(id)).at(-1)!;
    assert.deepEqual([ev.action, ev.fromStatus, ev.toStatus, ev.actorUserId], ['return', 'do_weryfikacji', 'do_korekty', actors.zofia.userId]);
    assert.match(ev.comment ?? '', /^Popraw\n.+: Sprawdź$/);
    const mails = await mailsAbout(id);
    assert.deepEqual(
      mails.slice(mails0).map((m) => [m.to, m.subject]),
      [[await mariaEmail(), `Sprawozdanie MZ-11 za ${r0.year} zwrócone do korekty`]],
    );
    assert.match(mails.at(-1)!.text, /Uwagi: Popraw/);
  });

  it('two decisions sent from the same page at once: the row lock queues them, one wins, the other is told the page is stale (409)', async () => {
    const id = await generated('do_korekty');
    const r = await put(id, { status: 'do_weryfikacji', pendingLevel: 0, levelUnitIds: chain(), submittedBy: null });
    const events0 = (await eventsOf(id)).length;
    // another transaction holds the row while both decisions start, so they meet on it (on PostgreSQL; PGlite
    // has one connection and runs transactions one after another)
    let decisions: Promise<unknown>[] = [];
    await db().transaction(async (tx) => {
      await tx.select({ id: reports.id }).from(reports).where(eq(reports.id, id)).for('update');
      decisions = [
        service.verify(ctx(actors.zofia), { id, revision: r.revision, decision: 'zatwierdz', comment: '', cellComments: {} }),
        service.verify(ctx(actors.zofia), { id, revision: r.revision, decision: 'zwroc', comment: 'Popraw', cellComments: {} }),
      ];
      if (pgName) await new Promise((done) => setTimeout(done, 500));
    });
    const results = await Promise.allSettled(decisions);
    assert.deepEqual(results.map((x) => x.status).sort(), ['fulfilled', 'rejected']);
    const lost = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    assert.equal((lost.reason as AppError).statusCode, 409);
    const after = await row(id);
    assert.equal(after.revision, r.revision + 1, 'one change');
    assert.equal((await eventsOf(id)).length, events0 + 1, 'one event');
  });

  it('four eyes: a verifier who sent the report (filling it on the unit’s behalf) can neither approve nor return it; nothing is written', async () => {
    const id = await generated('do_weryfikacji');
    const r = await put(id, { pendingLevel: 0, levelUnitIds: chain(), submittedBy: actors.zofia.userId });
    const before = await snapshot(id);
    for (const decision of ['zatwierdz', 'zwroc'] as const) {
      await refused(service.verify(ctx(actors.zofia), { id, revision: r.revision, decision, comment: 'x', cellComments: {} }), 403);
    }
    assert.deepEqual(await snapshot(id), before);
  });

  it('filling on the unit’s behalf (Administrator CeZ, the first verifying level) is recorded on the row, the event and the audit', async () => {
    const id = await generated('do_wypelnienia');
    const r0 = await put(id, { levelUnitIds: chain() });
    const c = ctx(actors.jan);
    await service.saveSection(c, { id, section: 'D1', revision: r0.revision, body: { 'D1.01.1': '5' } });
    const r = await row(id);
    assert.deepEqual([r.status, r.filledOnBehalf, r.updatedBy, r.revision], ['w_trakcie', true, actors.jan.userId, r0.revision + 1]);
    const ev = (await eventsOf(id)).at(-1)!;
    assert.deepEqual([ev.action, ev.fromStatus, ev.toStatus, ev.onBehalf, ev.actorUnitId], ['save', 'do_wypelnienia', 'w_trakcie', true, units_['cez']]);
    assert.deepEqual((await auditsOf(id)).at(-1)!.details, {
      form: 'MZ-11',
      year: r0.year,
      unitId: r0.unitId,
      from: { status: 'do_wypelnienia', pendingLevel: null, version: r0.version },
      to: { status: 'w_trakcie', pendingLevel: null, version: r0.version },
      onBehalf: true,
      section: 'D1',
    });
    // the first verifying level fills on the unit's behalf too
    await service.saveSection(ctx(actors.zofia), { id, section: 'D1', revision: r.revision, body: { 'D1.01.1': '6' } });
    assert.deepEqual([(await row(id)).filledOnBehalf, (await eventsOf(id)).at(-1)!.onBehalf], [true, true]);
  });

  it('sending: refused with its problems while the report is incomplete (nothing written); once complete, sent to level 0 by whom and when', async () => {
    const id = await generated('do_wypelnienia');
    const r0 = await put(id, { levelUnitIds: chain() });
    const before = await snapshot(id);
    const bad = await service.submit(ctx(actors.jan), { id, revision: r0.revision, explanations: {} });
    assert.equal(bad.kind, 'invalid');
    assert.deepEqual(await snapshot(id), before, 'an invalid report is not sent');

    const def = formRegistry().get(r0.form, r0.definitionVersion)!;
    await put(id, { values: exampleValues('MZ-11', 1) });
    const c = ctx(actors.jan);
    const out = await service.submit(c, { id, revision: r0.revision, explanations: Object.fromEntries(def.rules.map((x) => [x.code, 'Wyjaśnienie'])) });
    assert.equal(out.kind, 'done');
    const r = await row(id);
    assert.deepEqual(
      [r.status, r.pendingLevel, r.version, r.revision, r.submittedBy, r.submittedAt, r.filledOnBehalf],
      ['do_weryfikacji', 0, r0.version, r0.revision + 1, actors.jan.userId, c.now, true],
    );
    const ev = (await eventsOf(id)).at(-1)!;
    assert.deepEqual([ev.action, ev.fromStatus, ev.toStatus, ev.comment, ev.onBehalf], ['submit', 'do_wypelnienia', 'do_weryfikacji', null, true]);
    const a = (await auditsOf(id)).at(-1)!;
    assert.equal(a.action, 'report.submit');
    assert.deepEqual((a.details as { to: unknown }).to, { status: 'do_weryfikacji', pendingLevel: 0, version: r0.version });
    assert.equal((await mailsAbout(id)).length, 0, 'sending tells nobody');
  });

  it('a report with a chain of one level (or none recorded) is approved in one step', async () => {
    const id = await generated('do_weryfikacji');
    const r0 = await put(id, { pendingLevel: 0, levelUnitIds: [], submittedBy: null });
    await service.verify(ctx(actors.jan), { id, revision: r0.revision, decision: 'zatwierdz', comment: '', cellComments: {} });
    const r = await row(id);
    assert.deepEqual([r.status, r.pendingLevel], ['zatwierdzone', null]);
    assert.deepEqual((await auditsOf(id)).at(-1)!.details, {
      form: 'MZ-11',
      year: r0.year,
      unitId: r0.unitId,
      from: { status: 'do_weryfikacji', pendingLevel: 0, version: r0.version },
      to: { status: 'zatwierdzone', pendingLevel: null, version: r0.version },
      level: 0,
      decision: 'zatwierdz',
    });
  });

  it('an obligation a supervisor withdrew changes no more (409), whoever asks; nothing is written', async () => {
    const id = await generated('do_korekty');
    const r = await put(id, {
      status: 'do_weryfikacji',
      pendingLevel: 0,
      levelUnitIds: chain(),
      submittedBy: null,
      cancelledAt: new Date('2026-11-01T00:00:00Z'),
    });
    const before = await snapshot(id);
    await refused(service.verify(ctx(actors.zofia), { id, revision: r.revision, decision: 'zatwierdz', comment: '', cellComments: {} }), 409, /./);
    await refused(service.verify(ctx(actors.zofia), { id, revision: null, decision: 'zatwierdz', comment: '', cellComments: {} }), 409);
    await refused(service.submit(ctx(actors.jan), { id, revision: r.revision, explanations: {} }), 409);
    assert.deepEqual(await snapshot(id), before);
  });

  it('the e-mail goes to the active profiles of the unit that fill reports of the area, each once', async () => {
    const unit = (await db().select().from(units).where(eq(units.id, units_['starostwo-aleksandrow-kujawski']!)))[0]!;
    const fin = await buildProfile(db(), { unit });
    await buildRequest(db(), { profile: fin.profile, roleCode: 'WYP_FIN', status: 'zatwierdzony' }); // another area
    // a filler added after the demo's, whose address sorts before it
    const niefin = await buildProfile(db(), { unit, user: await buildUser(db(), { email: `a.${randomUUID()}@example.pl` }) });
    await buildRequest(db(), { profile: niefin.profile, roleCode: 'WYP_NIEFIN', status: 'zatwierdzony' });
    await buildRequest(db(), { profile: niefin.profile, roleCode: 'WYP_FIN', status: 'zatwierdzony' });
    const pending = await buildProfile(db(), { unit });
    await buildRequest(db(), { profile: pending.profile, roleCode: 'WYP_NIEFIN', status: 'oczekujacy' }); // not approved
    const blocked = await buildProfile(db(), { unit });
    await buildRequest(db(), { profile: blocked.profile, roleCode: 'WYP_NIEFIN', status: 'zatwierdzony' });
    await db().update(profiles).set({ status: 'zablokowany' }).where(eq(profiles.id, blocked.profile.id));
    const elsewhere = await buildProfile(db());
    await buildRequest(db(), { profile: elsewhere.profile, roleCode: 'WYP_NIEFIN', status: 'zatwierdzony' });

    const id = ids.fill; // approved above: a correction tells the unit
    const r = await row(id);
    const jobs0 = jobs.length;
    await service.reopen(ctx(actors.jan), { id, revision: r.revision, reason: 'Jeszcze raz' });
    const sent = (await mailsAbout(id)).filter((m) => m.subject?.startsWith('Otwarto korektę'));
    const [n] = await db()
      .select({ email: profiles.email })
      .from(profiles)
      .where(inArray(profiles.id, [niefin.profile.id]));
    const expected = [await mariaEmail(), n!.email].sort();
    assert.deepEqual(
      sent.map((m) => m.to),
      expected,
    );
    // queued in the order of the addresses (the outbox delivers in a fixed order, whatever the database returns)
    const byId = new Map(sent.map((m) => [m.id, m.to]));
    assert.deepEqual(
      jobs.slice(jobs0).map((j) => byId.get((j.data as { messageId: string }).messageId)),
      expected,
    );
    // what the message says: the form, its title, the year, the unit, the reason and the link
    const def = formRegistry().get(r.form, r.definitionVersion)!;
    for (const m of sent) {
      assert.ok(m.text.includes(`sprawozdanie MZ-11 – ${def.title} za rok ${r.year} jednostki Starostwo`), m.text);
      assert.match(m.text, /Uwagi: Jeszcze raz/);
      assert.ok(m.text.includes(`Sprawozdanie: https://ssoz.example/sprawozdania/${id}`));
    }
  });
});
