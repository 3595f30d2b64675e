import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog, messages, profiles, requestDigests, requestStatusHistory, roleRequests, units } from '../../src/db/schema/index.ts';
import { sendRequestDigests } from '../../src/jobs/request-digest.ts';
import { formatDatePl } from '../../src/lib/text.ts';
import { buildProfile, buildRequest, buildSafeFile, buildUnit } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { csrfOf, type Agent } from '../helpers/agent.ts';
import { loginAs } from '../helpers/login.ts';

type UnitRow = typeof units.$inferSelect;
const DAY = 86_400_000;

describe('Wnioski o role: Archiwizuj, Zatwierdź zaznaczone, filters, decision due dates and the daily digest', () => {
  let t: TestApp;
  let cez: UnitRow;
  let uwA: UnitRow;
  let uwB: UnitRow;
  const agents = {} as Record<'cezAdmin' | 'uwA' | 'uwB' | 'cezStaff' | 'filler', Agent>;
  const users = {} as Record<'cezAdmin' | 'uwA' | 'uwB', string>;

  async function member(unit: UnitRow, roleCode: string) {
    const { profile, user } = await buildProfile(t.database.db, { unit });
    await buildRequest(t.database.db, { profile, roleCode, status: 'zatwierdzony', verifyingUnit: unit });
    return { agent: await loginAs(t, user.id, { profileId: profile.id }), userId: user.id, profileId: profile.id, email: profile.email };
  }

  /** a pending request routed to `to`, optionally with a safe file, submitted `daysAgo` days ago */
  async function pending(to: UnitRow, o: { file?: boolean; daysAgo?: number; unit?: UnitRow } = {}) {
    const profile = o.unit ? (await buildProfile(t.database.db, { unit: o.unit })).profile : undefined;
    const r = await buildRequest(t.database.db, {
      verifyingUnit: to,
      ...(profile ? { profile } : {}),
      ...(o.daysAgo ? { at: new Date(Date.now() - o.daysAgo * DAY) } : {}),
    });
    if (o.file) await buildSafeFile(t.database.db, { submissionId: r.submissionId, ownerUserId: r.profile.userId, storage: t.app.deps.storage });
    return r;
  }

  const statusOf = async (id: string) => (await t.database.db.select({ s: roleRequests.status }).from(roleRequests).where(eq(roleRequests.id, id)))[0]?.s;
  const auditsOf = async (id: string, action: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, action)));
  const mailsTo = async (to: string) => t.database.db.select().from(messages).where(eq(messages.to, to));
  const csrfFor = async (a: Agent) => csrfOf((await a.get('/moje-konto')).body);

  /** a form post with repeated fields (the agent's post takes one value per name) */
  async function postPairs(a: Agent, url: string, pairs: [string, string][]) {
    const body = new URLSearchParams(pairs);
    if (!body.has('_csrf')) body.set('_csrf', await csrfFor(a));
    return t.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    cez = (await db.select().from(units).where(eq(units.sourceKey, 'cez')))[0]!;
    uwA = await buildUnit(db, { kindCode: 'UW', voivodeshipCode: '04', voivodeship: 'kujawsko-pomorskie' });
    uwB = await buildUnit(db, { kindCode: 'UW', voivodeshipCode: '22', voivodeship: 'pomorskie' });
    for (const [k, unit, role] of [
      ['cezAdmin', cez, 'ADMIN_CEZ'],
      ['uwA', uwA, 'ADMIN_UW'],
      ['uwB', uwB, 'ADMIN_UW'],
    ] as const) {
      const m = await member(unit, role);
      agents[k] = m.agent;
      users[k] = m.userId;
    }
    agents.cezStaff = (await member(cez, 'PRACOWNIK_CEZ')).agent;
    agents.filler = (await member(await buildUnit(db), 'WYP_NIEFIN')).agent;
  });
  after(() => t.close());

  describe('Archiwizuj', () => {
    it('archives a rejected request without a reason, through the lifecycle (history, audit, profile status)', async () => {
      const r = await buildRequest(t.database.db, { verifyingUnit: uwA, status: 'odrzucony' });
      const page = await agents.uwA.get(`/zarzadzanie/wnioski/${r.requestId}`);
      assert.match(page.body, /data-qa="archive"/);
      assert.match(page.body, /Powód archiwizacji \(opcjonalnie\)/);
      const res = await agents.uwA.post(`/zarzadzanie/wnioski/${r.requestId}/archiwizuj`, { powodArchiwizacji: '', _csrf: csrfOf(page.body) });
      assert.equal(res.statusCode, 303);
      assert.equal(await statusOf(r.requestId), 'zarchiwizowany');
      const done = await agents.uwA.get(String(res.headers.location));
      assert.match(done.body, /data-qa="decision-notice"[\s\S]*został zarchiwizowany/);
      assert.doesNotMatch(done.body, /data-qa="archive"/, 'nothing more to archive');
      const audits = await auditsOf(r.requestId, 'request.archived');
      assert.equal(audits.length, 1);
      assert.equal(audits[0]?.actorUserId, users.uwA);
      const [p] = await t.database.db.select({ s: profiles.status }).from(profiles).where(eq(profiles.id, r.profile.id));
      assert.equal(p?.s, 'odrzucony', 'a profile whose only request is archived is "odrzucony" (manual)');
      // a second post (double submit): told, nothing more written
      const again = await agents.uwA.post(`/zarzadzanie/wnioski/${r.requestId}/archiwizuj`, { powodArchiwizacji: '', _csrf: csrfOf(page.body) });
      assert.equal(again.statusCode, 409);
      assert.equal((await auditsOf(r.requestId, 'request.archived')).length, 1);
    });

    it('a pending request only once stale (90 days by default), with the reason kept in the history', async () => {
      const fresh = await pending(uwA, { daysAgo: 89 });
      const page = await agents.uwA.get(`/zarzadzanie/wnioski/${fresh.requestId}`);
      assert.doesNotMatch(page.body, /data-qa="archive"/);
      const refused = await agents.uwA.post(`/zarzadzanie/wnioski/${fresh.requestId}/archiwizuj`, { powodArchiwizacji: 'x', _csrf: csrfOf(page.body) });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /nie może zostać zarchiwizowany/);
      assert.equal(await statusOf(fresh.requestId), 'oczekujacy');

      const stale = await pending(uwA, { daysAgo: 91 });
      const sp = await agents.uwA.get(`/zarzadzanie/wnioski/${stale.requestId}`);
      assert.match(sp.body, /data-qa="archive"/);
      const tooLong = await agents.uwA.post(`/zarzadzanie/wnioski/${stale.requestId}/archiwizuj`, {
        powodArchiwizacji: 'a'.repeat(1001),
        _csrf: csrfOf(sp.body),
      });
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /href="#f-powodArchiwizacji"/);
      const ok = await agents.uwA.post(`/zarzadzanie/wnioski/${stale.requestId}/archiwizuj`, {
        powodArchiwizacji: 'Brak kontaktu z wnioskującym',
        _csrf: csrfOf(sp.body),
      });
      assert.equal(ok.statusCode, 303);
      const [h] = await t.database.db
        .select()
        .from(requestStatusHistory)
        .where(and(eq(requestStatusHistory.requestId, stale.requestId), eq(requestStatusHistory.toStatus, 'zarchiwizowany')));
      assert.equal(h?.reason, 'Brak kontaktu z wnioskującym');
      assert.equal(h?.changedBy, users.uwA);
    });

    it('scoped like the decisions: out of scope 404, read-only 403, own request 403; an approved request cannot be archived', async () => {
      const r = await buildRequest(t.database.db, { verifyingUnit: uwA, status: 'odrzucony' });
      const csrfB = await csrfFor(agents.uwB);
      assert.equal((await agents.uwB.post(`/zarzadzanie/wnioski/${r.requestId}/archiwizuj`, { powodArchiwizacji: '', _csrf: csrfB })).statusCode, 404);
      assert.equal((await agents.filler.post(`/zarzadzanie/wnioski/${r.requestId}/archiwizuj`, { powodArchiwizacji: '' })).statusCode, 404);
      const staff = await agents.cezStaff.get(`/zarzadzanie/wnioski/${r.requestId}`);
      assert.doesNotMatch(staff.body, /data-qa="archive"/);
      assert.equal((await agents.cezStaff.post(`/zarzadzanie/wnioski/${r.requestId}/archiwizuj`, { powodArchiwizacji: '' })).statusCode, 403);
      // a bad body is refused the same way before any form is shown again
      assert.equal((await agents.uwB.post(`/zarzadzanie/wnioski/${r.requestId}/archiwizuj`, { powodArchiwizacji: 'a'.repeat(2000) })).statusCode, 404);
      assert.equal(await statusOf(r.requestId), 'odrzucony');

      const own = await buildProfile(t.database.db, { user: { id: users.cezAdmin } as never });
      const mine = await buildRequest(t.database.db, { profile: own.profile, verifyingUnit: cez, status: 'odrzucony' });
      const page = await agents.cezAdmin.get(`/zarzadzanie/wnioski/${mine.requestId}`);
      assert.doesNotMatch(page.body, /data-qa="archive"/);
      assert.equal((await agents.cezAdmin.post(`/zarzadzanie/wnioski/${mine.requestId}/archiwizuj`, { powodArchiwizacji: '' })).statusCode, 403);
      assert.equal(await statusOf(mine.requestId), 'odrzucony');

      const approved = await buildRequest(t.database.db, { verifyingUnit: uwA, status: 'zatwierdzony' });
      assert.equal((await agents.uwA.post(`/zarzadzanie/wnioski/${approved.requestId}/archiwizuj`, { powodArchiwizacji: '' })).statusCode, 409);
      assert.equal(await statusOf(approved.requestId), 'zatwierdzony');
    });
  });

  describe('Zatwierdź zaznaczone', () => {
    it('approves each selected request on its own; the rest are listed back with the reason; a foreign id reveals nothing', async () => {
      const a = await pending(uwA, { file: true });
      const b = await pending(uwA, { file: true });
      const noFile = await pending(uwA);
      const decided = await pending(uwA, { file: true });
      const foreign = await pending(uwB, { file: true });
      const ownProfile = await buildProfile(t.database.db, { user: { id: users.uwA } as never });
      const own = await buildRequest(t.database.db, { profile: ownProfile.profile, verifyingUnit: uwA });
      await buildSafeFile(t.database.db, { submissionId: own.submissionId, ownerUserId: users.uwA });

      // the queue offers a checkbox only where a signed application is in hand and the request is not one's own
      const queue = await agents.uwA.get('/zarzadzanie/wnioski?ile=50&sort=najnowsze');
      assert.match(queue.body, /data-qa="bulk-approve"[^>]*>Zatwierdź zaznaczone/);
      for (const x of [a, b]) assert.match(queue.body, new RegExp(`name="wniosek" value="${x.requestId}"`));
      for (const x of [noFile, own]) assert.doesNotMatch(queue.body, new RegExp(`value="${x.requestId}"`));
      assert.match(
        queue.body,
        new RegExp(`<label class="checkbox__label" for="bulk-${a.requestId}"><span class="visually-hidden">Zaznacz wniosek ${a.number}`),
      );

      // one of them is decided by someone else meanwhile
      const c1 = csrfOf(queue.body);
      assert.equal((await agents.uwA.post(`/zarzadzanie/wnioski/${decided.requestId}/zatwierdz`, { _csrf: c1 })).statusCode, 303);

      const selection: [string, string][] = [a, b, noFile, decided, foreign, own].map((x) => ['wniosek', x.requestId]);
      selection.push(['wniosek', 'nie-uuid'], ['wniosek', a.requestId], ['_csrf', c1]);
      const res = await postPairs(agents.uwA, '/zarzadzanie/wnioski/zatwierdz-zaznaczone', selection);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Zatwierdzone wnioski: 2\./);
      assert.equal(await statusOf(a.requestId), 'zatwierdzony');
      assert.equal(await statusOf(b.requestId), 'zatwierdzony');
      assert.equal(await statusOf(noFile.requestId), 'oczekujacy');
      assert.equal(await statusOf(foreign.requestId), 'oczekujacy');
      assert.equal(await statusOf(own.requestId), 'oczekujacy');
      assert.match(
        res.body,
        new RegExp(`data-qa="bulk-refused-signed_missing">[\\s\\S]*?${noFile.number.replace('/', '\\/')}[\\s\\S]*?brak podpisanego wniosku`),
      );
      assert.match(res.body, new RegExp(`data-qa="bulk-refused-not_pending">[\\s\\S]*?${decided.number.replace('/', '\\/')}`));
      assert.match(res.body, new RegExp(`data-qa="bulk-refused-own">[\\s\\S]*?${own.number.replace('/', '\\/')}[\\s\\S]*?to Twój wniosek`));
      assert.equal([...res.body.matchAll(/data-qa="bulk-refused-not_found"/g)].length, 2, 'the foreign and the malformed id');
      assert.ok(!res.body.includes(foreign.number), 'a request of another office is not named');
      for (const x of [a, b]) {
        assert.equal((await auditsOf(x.requestId, 'request.approved')).length, 1, 'each approval audited on its own');
        assert.equal((await mailsTo(x.profile.email)).filter((mm) => mm.subject?.includes(x.number)).length, 1);
      }

      // the same post again (double submit): nothing approved twice, nothing sent twice
      const again = await postPairs(agents.uwA, '/zarzadzanie/wnioski/zatwierdz-zaznaczone', selection);
      assert.equal(again.statusCode, 200);
      assert.match(again.body, /Zatwierdzone wnioski: 0\./);
      for (const x of [a, b]) {
        assert.equal((await auditsOf(x.requestId, 'request.approved')).length, 1);
        assert.equal((await mailsTo(x.profile.email)).filter((mm) => mm.subject?.includes(x.number)).length, 1);
      }
    });

    it('a request whose paper copy a verifier has confirmed qualifies; nothing selected answers 400; read-only and no module are refused', async () => {
      const confirmed = await pending(cez);
      await t.database.db
        .update(roleRequests)
        .set({ signedCopyConfirmedAt: new Date(), signedCopyConfirmedBy: users.cezAdmin })
        .where(eq(roleRequests.id, confirmed.requestId));
      const queue = await agents.cezAdmin.get('/zarzadzanie/wnioski?ile=50&sort=najnowsze');
      assert.match(queue.body, new RegExp(`name="wniosek" value="${confirmed.requestId}"`));
      const res = await postPairs(agents.cezAdmin, '/zarzadzanie/wnioski/zatwierdz-zaznaczone', [['wniosek', confirmed.requestId]]);
      assert.match(res.body, /Zatwierdzone wnioski: 1\./);
      assert.equal(await statusOf(confirmed.requestId), 'zatwierdzony');

      const none = await postPairs(agents.cezAdmin, '/zarzadzanie/wnioski/zatwierdz-zaznaczone', []);
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /Nie zaznaczono żadnego wniosku/);

      const x = await pending(cez, { file: true });
      const staffQueue = await agents.cezStaff.get('/zarzadzanie/wnioski?ile=50');
      assert.doesNotMatch(staffQueue.body, /data-qa="bulk-approve"/, 'Pracownik CeZ only looks');
      assert.equal((await postPairs(agents.cezStaff, '/zarzadzanie/wnioski/zatwierdz-zaznaczone', [['wniosek', x.requestId]])).statusCode, 403);
      assert.equal((await postPairs(agents.filler, '/zarzadzanie/wnioski/zatwierdz-zaznaczone', [['wniosek', x.requestId]])).statusCode, 403);
      assert.equal(await statusOf(x.requestId), 'oczekujacy');
    });
  });

  describe('filters, due dates and escalation', () => {
    it('unit kind and voivodeship filter the queue, in the URL', async () => {
      const prakt = await buildUnit(t.database.db, { kindCode: 'PRAKT', voivodeshipCode: '14', voivodeship: 'mazowieckie' });
      const podm = await buildUnit(t.database.db, { kindCode: 'PODM', voivodeshipCode: '12', voivodeship: 'małopolskie' });
      const p = await pending(cez, { unit: prakt });
      const q = await pending(cez, { unit: podm });
      const get = async (s: string) => (await agents.cezAdmin.get(`/zarzadzanie/wnioski?ile=50&sort=najnowsze${s}`)).body;
      const byKind = await get('&rodzaj=PRAKT');
      assert.ok(byKind.includes(p.number) && !byKind.includes(q.number));
      assert.match(byKind, /<option value="PRAKT" selected="">Praktyka zawodowa<\/option>|<option value="PRAKT" selected>Praktyka zawodowa<\/option>/);
      const byVoiv = await get('&woj=12');
      assert.ok(byVoiv.includes(q.number) && !byVoiv.includes(p.number));
      assert.match(byVoiv, />małopolskie<\/option>/);
      const both = await get('&rodzaj=PODM&woj=14');
      assert.ok(!both.includes(p.number) && !both.includes(q.number));
      const total = (html: string) => Number(/data-qa="queue-total">(\d+)</.exec(html)?.[1]);
      assert.equal(
        total(await get('&rodzaj=PRAKT&woj=14')),
        (await get('&rodzaj=PRAKT&woj=14')).match(/data-qa="queue-row-/g)?.length,
        'the count follows the filters',
      );
      // the paging links keep the filters
      assert.equal((await agents.cezAdmin.get('/zarzadzanie/wnioski?rodzaj=%00&woj=abc&eskalowane=zle')).statusCode, 200, 'bad values fall back');
    });

    it('each pending request has a decision due date 14 days after Zakończ; past it the request is "eskalowany", also in CeZ\u2019s queue', async () => {
      const overdue = await pending(uwA, { daysAgo: 15 });
      const onTime = await pending(uwA, { daysAgo: 13 });
      const [row] = await t.database.db.select({ at: roleRequests.submittedAt }).from(roleRequests).where(eq(roleRequests.id, overdue.requestId));
      const due = formatDatePl(new Date(row!.at.getTime() + 14 * DAY));
      const rowOf = (html: string, n: string) => new RegExp(`data-qa="queue-row-${n.replace('/', '\\/')}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
      for (const a of [agents.uwA, agents.cezAdmin]) {
        const html = (await a.get('/zarzadzanie/wnioski?ile=50&sort=najnowsze')).body;
        assert.match(html, /<th scope="col">Termin decyzji<\/th>/);
        assert.match(
          rowOf(html, overdue.number),
          new RegExp(
            `data-label="Termin decyzji"><span>${due.replace(/\./g, '\\.')}</span> <span class="badge badge--error" data-qa="escalated"[^>]*>eskalowany`,
          ),
        );
        assert.doesNotMatch(rowOf(html, onTime.number), /eskalowany/);
        const only = (await a.get('/zarzadzanie/wnioski?ile=50&eskalowane=tak')).body;
        assert.ok(only.includes(overdue.number) && !only.includes(onTime.number), 'tylko eskalowane');
        assert.match(only, /name="eskalowane" value="tak" checked/);
      }
      assert.ok(
        !(await agents.uwB.get('/zarzadzanie/wnioski?ile=50&eskalowane=tak')).body.includes(overdue.number),
        'escalation widens no other office\u2019s scope',
      );
      const detail = await agents.uwA.get(`/zarzadzanie/wnioski/${overdue.requestId}`);
      assert.match(detail.body, new RegExp(`<dt>Termin decyzji</dt><dd>${due.replace(/\./g, '\\.')} \\(eskalowany\\)</dd>`));
      assert.match(detail.body, /data-qa="overdue"[\s\S]*?Termin decyzji minął/);
      const calm = await agents.uwA.get(`/zarzadzanie/wnioski/${onTime.requestId}`);
      assert.doesNotMatch(calm.body, /data-qa="overdue"/);
    });

    it('Moje konto shows the due date of each pending request', async () => {
      const r = await pending(uwA, { daysAgo: 3 });
      const [row] = await t.database.db.select({ at: roleRequests.submittedAt }).from(roleRequests).where(eq(roleRequests.id, r.requestId));
      const applicant = await loginAs(t, r.profile.userId);
      const page = await applicant.get('/moje-konto');
      assert.equal(page.statusCode, 200);
      const due = formatDatePl(new Date(row!.at.getTime() + 14 * DAY));
      assert.match(page.body, new RegExp(`<dt>Termin decyzji</dt><dd>${due.replace(/\./g, '\\.')}</dd>`));
    });
  });

  describe('the daily digest job', () => {
    it('one e-mail per day to each active administrator of each verifying unit with pending requests; a second run the same day sends nothing', async () => {
      const db = t.database.db;
      const uwC = await buildUnit(db, { kindCode: 'UW', voivodeshipCode: '30', voivodeship: 'wielkopolskie' });
      const admin1 = await member(uwC, 'ADMIN_UW');
      const admin2 = await member(uwC, 'ADMIN_UW');
      const blocked = await member(uwC, 'ADMIN_UW');
      await db.update(profiles).set({ status: 'zablokowany', blockedAt: new Date(), blockedReason: 'test' }).where(eq(profiles.id, blocked.profileId));
      const clerk = await member(uwC, 'WYP_NIEFIN');
      const overdue = await pending(uwC, { daysAgo: 20 });
      const onTime = await pending(uwC, { daysAgo: 2 });
      const cezAdminEmail = (await db.select({ e: profiles.email }).from(profiles).where(eq(profiles.userId, users.cezAdmin)))[0]!.e;

      const deps = { db, outbox: t.app.deps.outbox, portalUrl: t.config.publicUrl, decisionDays: 14 };
      const day1 = new Date();
      const first = await sendRequestDigests(deps, day1);
      assert.ok(first.units >= 2 && first.messages >= 2);
      for (const admin of [admin1, admin2]) {
        const got = (await mailsTo(admin.email)).filter((mm) => mm.subject?.startsWith('Wnioski o role oczekujące na decyzję'));
        assert.equal(got.length, 1, 'one digest per administrator');
        const text = got[0]!.text;
        assert.match(text, /oczekuje wniosków o role: 2, w tym po terminie decyzji: 1/);
        assert.match(text, new RegExp(`Wnioski po terminie decyzji \\(eskalowane\\):\\n- ${overdue.number.replace('/', '\\/')}`));
        assert.match(text, new RegExp(`Wnioski oczekujące w terminie:\\n- ${onTime.number.replace('/', '\\/')}`));
        assert.ok(text.includes(`${t.config.publicUrl}/zarzadzanie/wnioski`));
      }
      for (const other of [blocked, clerk])
        assert.equal((await mailsTo(other.email)).filter((mm) => mm.subject?.startsWith('Wnioski o role oczekujące')).length, 0);
      // Centrum e-Zdrowia's digest lists the other units' overdue requests (escalation)
      const cezMail = (await mailsTo(cezAdminEmail)).filter((mm) => mm.subject?.startsWith('Wnioski o role oczekujące'));
      assert.equal(cezMail.length, 1);
      assert.ok(cezMail[0]!.text.includes(overdue.number) && !cezMail[0]!.text.includes(onTime.number));
      const [claim] = await db.select().from(requestDigests).where(eq(requestDigests.unitId, uwC.id));
      assert.deepEqual([claim?.recipients, claim?.waiting, claim?.overdue], [2, 2, 1]);

      // later the same (Polish) day: nothing at all
      const second = await sendRequestDigests(deps, new Date(day1.getTime() + 60_000));
      assert.deepEqual(second, { units: 0, messages: 0 });
      assert.equal((await mailsTo(admin1.email)).filter((mm) => mm.subject?.startsWith('Wnioski o role oczekujące')).length, 1);

      // the next day: again, without the request decided meanwhile
      await db.update(roleRequests).set({ status: 'zatwierdzony' }).where(eq(roleRequests.id, onTime.requestId));
      const next = await sendRequestDigests(deps, new Date(day1.getTime() + DAY));
      assert.ok(next.messages >= 2);
      const latest = (await mailsTo(admin1.email)).filter((mm) => mm.subject?.startsWith('Wnioski o role oczekujące'));
      assert.equal(latest.length, 2);
      assert.ok(latest.some((mm) => mm.text.includes('oczekuje wniosków o role: 1, w tym po terminie decyzji: 1')));
      const claims = await db
        .select()
        .from(requestDigests)
        .where(inArray(requestDigests.unitId, [uwC.id]));
      assert.equal(claims.length, 2);
    });
  });
});
