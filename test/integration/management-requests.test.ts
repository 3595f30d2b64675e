import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, messages, profiles, roleRequests, units } from '../../src/db/schema/index.ts';
import { buildProfile, buildRequest, buildSafeFile, buildUnit, buildUser } from '../builders/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { csrfOf, type Agent } from '../helpers/agent.ts';
import { loginAs } from '../helpers/login.ts';

type UnitRow = typeof units.$inferSelect;
const VERIFIERS = ['cez', 'uwA', 'uwB', 'ipin', 'kcpu'] as const;
type VerifierKey = (typeof VERIFIERS)[number];
const ACTORS = ['cezAdmin', 'uwA', 'uwB', 'ipin', 'kcpu', 'filler', 'cezStaff'] as const;
type ActorKey = (typeof ACTORS)[number];

/** What each profile may do with a request routed to each verifying unit: 'decide', 'view' (read-only) or 'none' (404). */
const EXPECTED: Record<ActorKey, Record<VerifierKey, 'decide' | 'view' | 'none'>> = {
  cezAdmin: { cez: 'decide', uwA: 'decide', uwB: 'decide', ipin: 'decide', kcpu: 'decide' },
  uwA: { cez: 'none', uwA: 'decide', uwB: 'none', ipin: 'none', kcpu: 'none' },
  uwB: { cez: 'none', uwA: 'none', uwB: 'decide', ipin: 'none', kcpu: 'none' },
  ipin: { cez: 'none', uwA: 'none', uwB: 'none', ipin: 'decide', kcpu: 'none' },
  kcpu: { cez: 'none', uwA: 'none', uwB: 'none', ipin: 'none', kcpu: 'decide' },
  filler: { cez: 'none', uwA: 'none', uwB: 'none', ipin: 'none', kcpu: 'none' },
  cezStaff: { cez: 'view', uwA: 'view', uwB: 'view', ipin: 'view', kcpu: 'view' },
};

const countTotal = async (html: string) => Number(/data-qa="queue-total">(\d+)</.exec(html)?.[1] ?? -1);

describe('Zarządzanie → Wnioski o role: scope, details and decisions', () => {
  let t: TestApp;
  const unitOf = {} as Record<VerifierKey, UnitRow>;
  const agents = {} as Record<ActorKey, Agent>;
  const users = {} as Record<ActorKey, string>;

  /** an active profile holding `roleCode` in `unit` (approved through the lifecycle), signed in and working in it */
  async function member(unit: UnitRow, roleCode: string) {
    const { profile, user } = await buildProfile(t.database.db, { unit });
    await buildRequest(t.database.db, { profile, roleCode, status: 'zatwierdzony', verifyingUnit: unit });
    return { agent: await loginAs(t, user.id, { profileId: profile.id }), userId: user.id, profileId: profile.id };
  }

  /** a pending request of a new applicant, routed to the verifying unit */
  async function pending(to: VerifierKey, o: { reminderOptOut?: boolean; at?: Date } = {}) {
    const r = await buildRequest(t.database.db, { verifyingUnit: unitOf[to], ...(o.at ? { at: o.at } : {}) });
    if (o.reminderOptOut) await t.database.db.update(roleRequests).set({ reminderOptOut: true }).where(eq(roleRequests.id, r.requestId));
    return r;
  }

  const statusOf = async (id: string) => (await t.database.db.select({ s: roleRequests.status }).from(roleRequests).where(eq(roleRequests.id, id)))[0]?.s;
  const mailsTo = async (to: string) => t.database.db.select().from(messages).where(eq(messages.to, to)).orderBy(desc(messages.createdAt));
  const emailOf = async (profileId: string) => (await t.database.db.select({ e: profiles.email }).from(profiles).where(eq(profiles.id, profileId)))[0]!.e;

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const [cez] = await db.select().from(units).where(eq(units.sourceKey, 'cez'));
    unitOf.cez = cez!;
    unitOf.uwA = await buildUnit(db, { kindCode: 'UW', voivodeshipCode: '04', voivodeship: 'kujawsko-pomorskie' });
    unitOf.uwB = await buildUnit(db, { kindCode: 'UW', voivodeshipCode: '22', voivodeship: 'pomorskie' });
    unitOf.ipin = await buildUnit(db, { kindCode: 'IPIN' });
    unitOf.kcpu = await buildUnit(db, { kindCode: 'KCPU' });
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
      users[a] = m.userId;
    }
  });
  after(() => t.close());

  it('scope matrix: every profile × requests routed to every verifying unit × view / approve / reject, with no leaks', async () => {
    const seen: Record<VerifierKey, { requestId: string; number: string }> = {} as never;
    for (const v of VERIFIERS) seen[v] = await pending(v);
    for (const a of ACTORS) {
      const list = await agents[a].get('/zarzadzanie/wnioski?status=wszystkie&ile=50&sort=najnowsze');
      if (a === 'filler') {
        assert.equal(list.statusCode, 403, 'a Wypełniający has no management module');
      } else {
        assert.equal(list.statusCode, 200, a);
      }
      for (const v of VERIFIERS) {
        const expected = EXPECTED[a][v];
        const { requestId, number } = seen[v];
        const view = await agents[a].get(`/zarzadzanie/wnioski/${requestId}`);
        assert.equal(view.statusCode, expected === 'none' ? 404 : 200, `${a} views a request routed to ${v}`);
        if (expected === 'none') assert.doesNotMatch(view.body, new RegExp(number.replace('/', '\\/')), `${a}: the 404 does not name the request`);
        if (list.statusCode === 200) assert.equal(list.body.includes(number), expected !== 'none', `${a}'s queue lists the request routed to ${v}?`);
        for (const pdfOrNot of ['pdf']) {
          const pdf = await agents[a].get(`/zarzadzanie/wnioski/${requestId}/${pdfOrNot}`);
          assert.equal(pdf.statusCode, expected === 'none' ? 404 : 200, `${a} gets the PDF of a request routed to ${v}`);
        }
        // approve and reject: each on a fresh pending request when the actor may decide, else on the shared one (which must stay pending)
        for (const action of ['zatwierdz', 'odrzuc'] as const) {
          const target = expected === 'decide' ? await pending(v) : seen[v];
          const csrf = csrfOf((await agents[a].get('/moje-konto')).body);
          const res = await agents[a].post(
            `/zarzadzanie/wnioski/${target.requestId}/${action}`,
            action === 'zatwierdz' ? { potwierdzenie: 'tak', _csrf: csrf } : { powod: 'Brak podpisu kierownika', _csrf: csrf },
          );
          const want = expected === 'decide' ? 303 : expected === 'view' ? 403 : 404;
          assert.equal(res.statusCode, want, `${a} ${action} a request routed to ${v}`);
          if (expected === 'decide') assert.equal(await statusOf(target.requestId), action === 'zatwierdz' ? 'zatwierdzony' : 'odrzucony');
        }
        assert.equal(await statusOf(requestId), 'oczekujacy', 'refused decisions change nothing');
      }
    }
  });

  it('a request routed to CeZ because its office had no active administrator says so; one CeZ verifies anyway does not', async () => {
    const db = t.database.db;
    const [kdent] = await db.select({ id: roleRequests.id }).from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
    const page = await agents.cezAdmin.get(`/zarzadzanie/wnioski/${kdent!.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /data-qa="routing-fallback"[\s\S]*?Wniosek trafił do Centrum e-Zdrowia, ponieważ w chwili złożenia jednostka Wielkopolski Urząd Wojewódzki w Poznaniu/,
    );
    const supervising = await buildRequest(db, { roleCode: 'NADZ_NIEFIN', verifyingUnit: unitOf.cez });
    const plain = await agents.cezAdmin.get(`/zarzadzanie/wnioski/${supervising.requestId}`);
    assert.equal(plain.statusCode, 200);
    assert.doesNotMatch(plain.body, /routing-fallback/);
    assert.match(
      plain.body,
      /<dt>Weryfikacja sprawozdań niefinansowych<\/dt><dd>Weryfikacja i akceptacja sprawozdań niefinansowych jednostek nadzorowanych/,
      'the role\u2019s permissions in business words',
    );
  });

  it('a saved (unfinished) request is not the verifiers\u2019 business: not listed, not found', async () => {
    const r = await buildRequest(t.database.db, { verifyingUnit: unitOf.uwA, status: 'zapisany' });
    assert.equal((await agents.uwA.get(`/zarzadzanie/wnioski/${r.requestId}`)).statusCode, 404);
    assert.ok(!(await agents.uwA.get('/zarzadzanie/wnioski?status=wszystkie&ile=50')).body.includes(r.number));
  });

  it("a verifier's own request is refused, also for Administrator CeZ (own user, any profile)", async () => {
    const own = await buildProfile(t.database.db, { user: { id: users.cezAdmin } as never });
    const r = await buildRequest(t.database.db, { profile: own.profile, verifyingUnit: unitOf.cez });
    const page = await agents.cezAdmin.get(`/zarzadzanie/wnioski/${r.requestId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /To Twój wniosek/);
    assert.doesNotMatch(page.body, /data-qa="approve"/);
    const csrf = csrfOf(page.body);
    assert.equal((await agents.cezAdmin.post(`/zarzadzanie/wnioski/${r.requestId}/zatwierdz`, { potwierdzenie: 'tak', _csrf: csrf })).statusCode, 403);
    assert.equal((await agents.cezAdmin.post(`/zarzadzanie/wnioski/${r.requestId}/odrzuc`, { powod: 'x', _csrf: csrf })).statusCode, 403);
    assert.equal(await statusOf(r.requestId), 'oczekujacy');
  });

  it('filters typed as Polish users write them (02.11.2026) are read; unreadable ones are ignored and said beside the field and in the summary', async () => {
    const pl = await agents.cezAdmin.get('/zarzadzanie/wnioski?status=wszystkie&od=1.11.2026&do=30.11.2026');
    assert.equal(pl.statusCode, 200);
    assert.match(pl.body, /name="od" type="text" value="1\.11\.2026"/);
    assert.doesNotMatch(pl.body, /data-qa="error-summary"/);
    const iso = await agents.cezAdmin.get('/zarzadzanie/wnioski?status=wszystkie&od=2026-11-01&do=2026-11-30');
    assert.equal(await countTotal(pl.body), await countTotal(iso.body), 'the same list as with ISO dates');
    const wider = await agents.cezAdmin.get('/zarzadzanie/wnioski?status=wszystkie');
    assert.ok((await countTotal(wider.body)) > (await countTotal(iso.body)), 'the dates do filter (older demo requests drop out)');
    const bad = await agents.cezAdmin.get('/zarzadzanie/wnioski?status=wszystkie&od=2026-13-45&dluzej=abc');
    assert.equal(bad.statusCode, 200, 'the list still answers');
    assert.match(bad.body, /data-qa="error-summary"/);
    assert.match(bad.body, /<a href="#f-od">Wpisz datę w formacie RRRR-MM-DD lub DD\.MM\.RRRR/);
    assert.match(bad.body, /<a href="#f-dluzej">Wpisz liczbę dni/);
    assert.match(bad.body, /name="od" type="text" value="2026-13-45"/, 'the typed value is kept');
    assert.match(bad.body, /<title>Błąd: /);
    assert.equal(await countTotal(bad.body), await countTotal((await agents.cezAdmin.get('/zarzadzanie/wnioski?status=wszystkie')).body));
  });

  it('a refused decision is a security event in the audit log: who, which route, the code (ASVS V16.3.2)', async () => {
    const own = await buildProfile(t.database.db, { user: { id: users.cezAdmin } as never });
    const r = await buildRequest(t.database.db, { profile: own.profile, verifyingUnit: unitOf.cez });
    const csrf = csrfOf((await agents.cezAdmin.get(`/zarzadzanie/wnioski/${r.requestId}`)).body);
    const refused = await agents.cezAdmin.post(`/zarzadzanie/wnioski/${r.requestId}/zatwierdz`, { potwierdzenie: 'tak', _csrf: csrf });
    assert.equal(refused.statusCode, 403);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'security.refused'), eq(auditLog.actorUserId, users.cezAdmin)))
      .orderBy(desc(auditLog.occurredAt));
    assert.equal(rows[0]?.outcome, 'failure');
    assert.deepEqual(
      { code: rows[0]?.details.code, status: rows[0]?.details.status, route: rows[0]?.details.route },
      { code: 'FORBIDDEN', status: 403, route: '/zarzadzanie/wnioski/:id/zatwierdz' },
    );
    // a forged POST without a CSRF token is one too
    const before = rows.length;
    assert.equal((await agents.cezAdmin.post(`/zarzadzanie/wnioski/${r.requestId}/odrzuc`, { powod: 'x', _csrf: 'forged' })).statusCode, 403);
    const after = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'security.refused'), eq(auditLog.actorUserId, users.cezAdmin)))
      .orderBy(desc(auditLog.occurredAt));
    assert.equal(after.length, before + 1);
    assert.match(String(after[0]?.details.code), /^FST_CSRF/);
    // a 404 (not the actor's, or not there) stays in the log only
    assert.equal((await agents.cezAdmin.get('/zarzadzanie/wnioski/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    const last = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'security.refused'), eq(auditLog.actorUserId, users.cezAdmin)));
    assert.equal(last.length, before + 1);
  });

  it('two verifiers approving the same request at once: one wins, the other is told, one e-mail goes out', async () => {
    const second = await member(unitOf.uwA, 'ADMIN_UW');
    const r = await pending('uwA');
    const email = await emailOf(r.profile.id);
    const [c1, c2] = [csrfOf((await agents.uwA.get('/moje-konto')).body), csrfOf((await second.agent.get('/moje-konto')).body)];
    const [a, b] = await Promise.all([
      agents.uwA.post(`/zarzadzanie/wnioski/${r.requestId}/zatwierdz`, { potwierdzenie: 'tak', _csrf: c1 }),
      second.agent.post(`/zarzadzanie/wnioski/${r.requestId}/zatwierdz`, { potwierdzenie: 'tak', _csrf: c2 }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    assert.deepEqual(codes, [303, 409]);
    const loser = a.statusCode === 409 ? a : b;
    assert.match(loser.body, /został już rozpatrzony/);
    assert.equal((await mailsTo(email)).filter((mm) => mm.subject?.includes(r.number)).length, 1);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, r.requestId), eq(auditLog.action, 'request.approved')));
    assert.equal(audits.length, 1);
  });

  it('rejection without a reason answers 400 with the message at the field', async () => {
    const r = await pending('uwA');
    const page = await agents.uwA.get(`/zarzadzanie/wnioski/${r.requestId}`);
    const res = await agents.uwA.post(`/zarzadzanie/wnioski/${r.requestId}/odrzuc`, { powod: '   ', _csrf: csrfOf(page.body) });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#f-powod"[^>]*>Wpisz powód odrzucenia/);
    assert.match(res.body, /id="f-powod-error"[\s\S]*Wpisz powód odrzucenia/);
    assert.equal(await statusOf(r.requestId), 'oczekujacy');
  });

  it('approval without a signed application answers 400; a confirmed copy is recorded; a safe file needs no confirmation', async () => {
    const r = await pending('uwA');
    const page = await agents.uwA.get(`/zarzadzanie/wnioski/${r.requestId}`);
    assert.match(page.body, /name="potwierdzenie"/);
    const res = await agents.uwA.post(`/zarzadzanie/wnioski/${r.requestId}/zatwierdz`, { _csrf: csrfOf(page.body) });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#f-potwierdzenie"[^>]*>Zaznacz, że podpisany wniosek dotarł/);
    assert.equal(await statusOf(r.requestId), 'oczekujacy');

    // with the confirmation: approved and recorded
    const ok = await agents.uwA.post(`/zarzadzanie/wnioski/${r.requestId}/zatwierdz`, { potwierdzenie: 'tak', _csrf: csrfOf(page.body) });
    assert.equal(ok.statusCode, 303);
    const [row] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.id, r.requestId));
    assert.equal(row?.signedCopyConfirmedBy, users.uwA);
    const done = await agents.uwA.get(String(ok.headers.location));
    assert.match(done.body, /został zatwierdzony/);
    assert.match(done.body, /Otrzymanie podpisanego wniosku potwierdził/);

    // a safe file is the signed application: listed, downloadable in scope only, and approval needs nothing more
    const withFile = await pending('uwA');
    const f = await buildSafeFile(t.database.db, { submissionId: withFile.submissionId, ownerUserId: withFile.profile.userId, storage: t.app.deps.storage });
    const detail = await agents.uwA.get(`/zarzadzanie/wnioski/${withFile.requestId}`);
    assert.doesNotMatch(detail.body, /name="potwierdzenie"/);
    assert.match(detail.body, /wniosek-podpisany\.pdf/);
    const dl = await agents.uwA.get(`/zarzadzanie/wnioski/${withFile.requestId}/pliki/${f.id}`);
    assert.equal(dl.statusCode, 200);
    assert.match(dl.body, /^%PDF/);
    assert.equal((await agents.uwB.get(`/zarzadzanie/wnioski/${withFile.requestId}/pliki/${f.id}`)).statusCode, 404, 'out of scope');
    assert.equal((await agents.uwA.get(`/zarzadzanie/wnioski/${r.requestId}/pliki/${f.id}`)).statusCode, 404, 'a file of another submission');
    assert.ok((await agents.uwA.get('/zarzadzanie/wnioski?podpis=plik')).body.includes(withFile.number));
    assert.ok(!(await agents.uwA.get('/zarzadzanie/wnioski?podpis=brak')).body.includes(withFile.number));
    const approved = await agents.uwA.post(`/zarzadzanie/wnioski/${withFile.requestId}/zatwierdz`, { _csrf: csrfOf(detail.body) });
    assert.equal(approved.statusCode, 303);
    const [w] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.id, withFile.requestId));
    assert.equal(w?.status, 'zatwierdzony');
    assert.equal(w?.signedCopyConfirmedAt, null, 'nothing to confirm with a safe file');
  });

  it('the approval e-mail is the manual\u2019s; the rejection e-mail carries the reason; Moje konto shows both outcomes', async () => {
    const applicant = await buildUser(t.database.db);
    const unit = await buildUnit(t.database.db, { name: 'Przychodnia Pod Lipami' });
    const { profile } = await buildProfile(t.database.db, { user: applicant, unit });
    const one = await buildRequest(t.database.db, { profile, roleCode: 'WYP_NIEFIN', verifyingUnit: unitOf.uwA });
    const two = await buildRequest(t.database.db, { profile, roleCode: 'WYP_FIN', verifyingUnit: unitOf.uwA });
    const csrf = csrfOf((await agents.uwA.get(`/zarzadzanie/wnioski/${one.requestId}`)).body);
    assert.equal((await agents.uwA.post(`/zarzadzanie/wnioski/${one.requestId}/zatwierdz`, { potwierdzenie: 'tak', _csrf: csrf })).statusCode, 303);
    assert.equal(
      (await agents.uwA.post(`/zarzadzanie/wnioski/${two.requestId}/odrzuc`, { powod: 'Wniosek bez pieczęci jednostki', _csrf: csrf })).statusCode,
      303,
    );
    const mails = await mailsTo(profile.email);
    const approved = mails.find((x) => x.subject?.includes(one.number));
    assert.ok(approved);
    assert.equal(
      approved.text,
      'Dzień dobry,\n\n' +
        `Miło nam poinformować, że wniosek o rolę o numerze ${one.number} został zaakceptowany.\n\n` +
        'Wnioskowana rola:\nWypełniający sprawozdania niefinansowe\n\n' +
        'Jednostka:\nPrzychodnia Pod Lipami\n\n' +
        'W Systemie Statystyki w Ochronie Zdrowia możesz już realizować zadania w powyższej roli.\n' +
        `Aby zalogować się do systemu SSOZ II kliknij w link: ${t.config.publicUrl}\n\n` +
        'Niniejsza wiadomość e-mail została wygenerowana automatycznie. Prosimy na nią nie odpowiadać.\n',
    );
    const rejected = mails.find((x) => x.subject?.includes(two.number));
    assert.match(rejected?.text ?? '', /został odrzucony[\s\S]*Powód odrzucenia:\nWniosek bez pieczęci jednostki/);

    const own = await loginAs(t, applicant.id);
    const account = await own.get('/moje-konto');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, new RegExp(`${one.number.replace('/', '\\/')}[\\s\\S]*?Zatwierdzony`));
    assert.match(account.body, /data-qa="reject-reason-[^"]+">\s*Powód odrzucenia: <span>Wniosek bez pieczęci jednostki<\/span>/);
    const [p] = await t.database.db.select({ s: profiles.status }).from(profiles).where(eq(profiles.id, profile.id));
    assert.equal(p?.s, 'aktywny', 'the profile status is recalculated by the lifecycle');
  });

  it('filters, sorting, paging and counts in the URL; the tile and the menu show the module', async () => {
    const old = await pending('uwB', { at: new Date(Date.now() - 25 * 86_400_000), reminderOptOut: true });
    const fresh = await pending('uwB');
    const q = (s: string) => agents.uwB.get(`/zarzadzanie/wnioski${s}`);
    const older = await q('?dluzej=20');
    assert.ok(older.body.includes(old.number) && !older.body.includes(fresh.number), 'waiting longer than 20 days');
    const post = await q('?podpis=poczta');
    assert.ok(post.body.includes(old.number) && !post.body.includes(fresh.number), 'sent by post');
    const missing = await q('?podpis=brak');
    assert.ok(!missing.body.includes(old.number) && missing.body.includes(fresh.number), 'missing');
    const today = new Date().toISOString().slice(0, 10);
    const dated = await q(`?od=${today}`);
    assert.ok(!dated.body.includes(old.number) && dated.body.includes(fresh.number), 'submitted from today');
    const newest = await q('?sort=najnowsze');
    assert.ok(newest.body.indexOf(fresh.number) < newest.body.indexOf(old.number), 'newest first');
    const oldest = await q('');
    assert.ok(oldest.body.indexOf(old.number) < oldest.body.indexOf(fresh.number), 'longest waiting first by default');
    const paged = await q('?ile=10&strona=1&sort=numer&rola=NIE_MA&od=zle&dluzej=abc');
    assert.equal(paged.statusCode, 200, 'bad query values fall back');
    const past = await q('?strona=999');
    assert.ok(past.body.includes(fresh.number) && past.body.includes(old.number), 'a page past the end shows the last page');
    const total = Number(/data-qa="queue-total">(\d+)</.exec((await q('?status=wszystkie')).body)?.[1]);
    assert.ok(total >= 2);

    const home = await agents.uwB.get('/start');
    assert.match(home.body, /<h2 id="tile-\d+">Zarządzanie<\/h2>[\s\S]*Wnioski o role[\s\S]*data-qa="tile-waiting">[^<]*<strong>(\d+)<\/strong>/);
    const waiting = Number(/data-qa="tile-waiting">[^<]*<strong>(\d+)<\/strong>/.exec(home.body)?.[1]);
    const pendingCount = (
      await t.database.db
        .select()
        .from(roleRequests)
        .where(and(eq(roleRequests.verifyingUnitId, unitOf.uwB.id), eq(roleRequests.status, 'oczekujacy')))
    ).length;
    assert.equal(waiting, pendingCount);
    assert.match(home.body, /data-qa="menu-management"/);
    const hub = await agents.uwB.get('/zarzadzanie');
    assert.equal(hub.statusCode, 200);
    assert.match(hub.body, /<a href="\/zarzadzanie\/wnioski">Wnioski o role<\/a>/);
    const filler = await agents.filler.get('/start');
    assert.doesNotMatch(filler.body, /Zarządzanie/);
    assert.equal((await agents.filler.get('/zarzadzanie')).statusCode, 403);
  });
});
