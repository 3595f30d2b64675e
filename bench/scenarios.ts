/**
 * The three scenarios of issue #11 that go through whole user journeys rather than one page: the full
 * Profil Zaufany login, the wizard's submission (and a burst of 500 at once), and the deadline day of
 * the reporting module. Each is driven by virtual users (bench/virtual-user.ts) from the runner process,
 * against the production-configured portal that bench/run.ts started; seeding goes straight to the
 * database, as an earlier campaign would have left it.
 */
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import argon2 from 'argon2';
import type { Db } from '../src/db/client.ts';
import { accounts, messages, pzCredentials, reportEvents, reports, roleRequests, units, users } from '../src/db/schema/index.ts';
import { assignObligations } from '../src/db/repositories/report-obligations.ts';
import { currentReportingYear } from '../src/domain/reporting/catalogue.ts';
import { cellsOf } from '../src/domain/reporting/definition.ts';
import { exampleValues } from '../src/demo/report-examples.ts';
import { ARGON2_OPTIONS } from '../src/lib/password-hash.ts';
import { warsawDay } from '../src/lib/warsaw-time.ts';
import { formRegistry } from '../src/reporting/definitions.ts';
import { normalizePhone } from '../src/domain/contact.ts';
import { drafts } from '../src/portal/wizard/step-map.ts';
import { NEW_PROFILE_WIZARD } from '../src/portal/features/request/wizards.ts';
import { createSession } from '../src/portal/session/store.ts';
import { answerSurvey, buildProfile, buildRequest, buildUnit } from '../test/builders/index.ts';
import { percentile, round } from './lib.ts';
import { csrfOf, pathOf, VirtualUser, type Answer } from './virtual-user.ts';

const expect = VirtualUser.expect;
const PASSWORD = 'Bench-2026-hasło!';

export interface DriveResult {
  done: number;
  errors: number;
  seconds: number;
  perSecond: number;
  /** per completed journey, ms */
  journey: { p50: number; p95: number; p99: number };
  /** per page (every request of every journey), ms */
  page: { p50: number; p95: number; p99: number };
  firstErrors: string[];
}

const pct = (xs: number[]) => ({ p50: round(percentile(xs, 50), 1), p95: round(percentile(xs, 95), 1), p99: round(percentile(xs, 99), 1) });

/**
 * `concurrency` workers take items until none is left or `seconds` have passed (a journey that has
 * started is finished); answers completed journeys per second over the time the workers ran.
 */
export async function drive<T>(opts: {
  concurrency: number;
  seconds: number;
  next: () => T | undefined;
  release?: (item: T) => void;
  journey: (item: T, times: number[]) => Promise<void>;
}): Promise<DriveResult> {
  const pageTimes: number[] = [];
  const journeyTimes: number[] = [];
  const firstErrors: string[] = [];
  let done = 0;
  let errors = 0;
  const started = performance.now();
  const until = started + opts.seconds * 1000;
  const worker = async () => {
    for (let item = opts.next(); item !== undefined && performance.now() < until; item = opts.next()) {
      const s = performance.now();
      try {
        await opts.journey(item, pageTimes);
        journeyTimes.push(performance.now() - s);
        done++;
      } catch (err) {
        errors++;
        if (firstErrors.length < 5) firstErrors.push(err instanceof Error ? err.message : String(err));
      } finally {
        opts.release?.(item);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { done, errors, seconds: round(seconds, 2), perSecond: round(done / seconds, 1), journey: pct(journeyTimes), page: pct(pageTimes), firstErrors };
}

/** A distinct client address per person (10.x.y.z), as behind the proxy. */
let ipCounter = 0;
export const nextIp = () => {
  const n = ++ipCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/** A valid PESEL (born 1980–1999) from a number, so bench people never collide with the demo ones. */
function peselOf(n: number): string {
  const yy = 80 + (n % 20);
  const mm = 1 + (Math.floor(n / 20) % 12);
  const dd = 1 + (Math.floor(n / 240) % 28);
  const serial = 1000 + (n % 9000);
  const ten = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}${serial}`;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...ten].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return `${ten}${(10 - (sum % 10)) % 10}`;
}

// ───────────────────────────── 1. the full Profil Zaufany login ─────────────────────────────

export interface PzAccount {
  login: string;
  phone: string;
}

/**
 * `count` people with a simulated Profil Zaufany account (the portal's own argon2id parameters: one
 * hash, as every account's costs the same to verify), an active UEOZ account and a portal user.
 */
export async function seedLoginAccounts(db: Db, count: number): Promise<PzAccount[]> {
  const passwordHash = await argon2.hash(PASSWORD, ARGON2_OPTIONS);
  const people = Array.from({ length: count }, (_, i) => ({
    login: `bench.pz${i}`,
    pesel: peselOf(100_000 + i * 7),
    phone: `+48 601 ${String(Math.floor(i / 1000)).padStart(3, '0')} ${String(i % 1000).padStart(3, '0')}`,
    firstName: 'Pomiar',
    lastName: `Logowania ${i}`,
  }));
  const at = new Date('2024-01-10T08:00:00Z');
  for (let i = 0; i < people.length; i += 500) {
    const chunk = people.slice(i, i + 500);
    await db.insert(pzCredentials).values(
      chunk.map((p) => ({
        username: p.login,
        email: `${p.login}@example.pl`,
        passwordHash,
        firstName: p.firstName,
        lastName: p.lastName,
        pesel: p.pesel,
        phone: p.phone,
      })),
    );
    const accs = await db
      .insert(accounts)
      .values(
        chunk.map((p) => ({
          pesel: p.pesel,
          firstName: p.firstName,
          lastName: p.lastName,
          login: p.login,
          email: `${p.login}@example.pl`,
          emailVerifiedAt: at,
          termsAcceptedAt: at,
          status: 'active' as const,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .returning({ id: accounts.id, login: accounts.login });
    await db.insert(users).values(
      accs.map((a) => ({
        subject: a.id,
        login: a.login,
        firstName: 'Pomiar',
        lastName: `Logowania ${a.login}`,
        email: `${a.login}@example.pl`,
        createdAt: at,
      })),
    );
  }
  return people.map((p) => ({ login: p.login, phone: p.phone }));
}

/** The newest SMS code sent to a phone, read from the outbox table (what the SMS gateway would deliver). */
async function smsCode(db: Db, phone: string): Promise<string> {
  const [m] = await db.select({ text: messages.text }).from(messages).where(eq(messages.to, phone)).orderBy(desc(messages.createdAt)).limit(1);
  const code = /(\d{6})/.exec(m?.text ?? '')?.[1];
  if (!code) throw new Error(`no SMS code for ${phone}`);
  return code;
}

/**
 * One whole login, as a browser does it: "Zaloguj się" → authorization request → UEOZ → Profil
 * Zaufany password (argon2id) → SMS code → back to the provider → the portal's callback (token
 * exchange, user, new session) → the first portal page, 200 with the session.
 */
export async function pzLogin(db: Db, port: number, acc: PzAccount, times: number[]): Promise<void> {
  const u = new VirtualUser(port, nextIp(), times);
  const start = expect(await u.get('/logowanie'), 303, 'GET /logowanie', /^\/ueoz\/oidc\/auth\?/);
  const auth = expect(await u.get(start.location), 303, 'authorization request', /^\/ueoz\/logowanie\/[\w-]+$/);
  const base = pathOf(auth.location);
  expect(await u.get(base), 200, 'UEOZ page');
  const pz = expect(await u.get(`${base}/pz`), 200, 'PZ page');
  expect(await u.post(`${base}/pz`, { login: acc.login, password: PASSWORD, _csrf: csrfOf(pz.body) }), 303, 'PZ password', /\/kod$/);
  const codePage = expect(await u.get(`${base}/kod`), 200, 'code page');
  const done = expect(await u.post(`${base}/kod`, { code: await smsCode(db, acc.phone), _csrf: csrfOf(codePage.body) }), 303, 'SMS code', /\/dokoncz$/);
  const resume = expect(await u.get(done.location), 303, 'dokoncz');
  const callback = expect(await u.get(resume.location), 303, 'provider resume', /^\/logowanie\/callback\?/);
  let page: Answer = expect(await u.get(callback.location), 303, 'callback (token exchange)');
  for (let hop = 0; hop < 3 && page.status === 303; hop++) page = await u.get(page.location);
  expect(page, 200, 'first portal page');
}

// ───────────────────────────── 2. the wizard's submission ─────────────────────────────

export interface WizardUser {
  userId: string;
  cookie: [string, string];
  unitId: string;
  nip: string;
  i: number;
}

/** `count` signed-in users without a profile (sessions written directly), each with a unit to ask for. */
export async function seedWizardUsers(db: Db, count: number, cookieName: string, offset = 0): Promise<WizardUser[]> {
  const unitRows = await db
    .select({ id: units.id, nip: units.nip })
    .from(units)
    .where(and(eq(units.kindCode, 'PODM'), eq(units.isActive, true), isNotNull(units.nip)))
    .orderBy(sql`md5(${units.id}::text)`)
    .limit(200);
  if (unitRows.length === 0) throw new Error('no PODM units with a NIP');
  const out: WizardUser[] = [];
  for (let i = 0; i < count; i += 500) {
    const n = Math.min(500, count - i);
    const rows = await db
      .insert(users)
      .values(
        Array.from({ length: n }, (_, k) => {
          const id = offset + i + k;
          return { subject: `bench-wizard-${id}`, login: `bench.w${id}`, firstName: 'Pomiar', lastName: `Kreatora ${id}`, email: `bench.w${id}@example.pl` };
        }),
      )
      .returning({ id: users.id });
    for (const [k, r] of rows.entries()) {
      const { rawId } = await createSession(db, { userId: r.id, now: new Date() });
      const unit = unitRows[(i + k) % unitRows.length]!;
      out.push({ userId: r.id, cookie: [cookieName, rawId], unitId: unit.id, nip: unit.nip!, i: offset + i + k });
    }
  }
  return out;
}

/**
 * The wizard's draft at "Zweryfikuj dane" written directly (unit, the two roles, contact data, as the
 * roles step stores them), for the burst: what is measured there is "Zapisz wniosek" only.
 */
export async function seedSummaryDraft(db: Db, userId: string, w: WizardUser): Promise<void> {
  const phone = normalizePhone(phoneOf(w.i));
  if (!phone) throw new Error('bench phone does not normalise');
  await drafts.save(
    db,
    NEW_PROFILE_WIZARD,
    userId,
    'summary',
    { unitId: w.unitId, roleCodes: ['WYP_NIEFIN', 'WYP_FIN'], phone, email: `bench.w${w.i}@example.pl` },
    new Date(),
  );
}

/** The summary page of a seeded draft: the user, its draft and form token. */
export async function openSummary(port: number, w: WizardUser, times: number[]): Promise<{ u: VirtualUser; draftId: string; csrf: string }> {
  const u = new VirtualUser(port, nextIp(), times);
  u.cookies.set(w.cookie[0], w.cookie[1]);
  const summary = expect(await u.get('/profil/wniosek/podsumowanie'), 200, 'summary page');
  const draftId = /name="draftId" value="([^"]+)"/.exec(summary.body)?.[1];
  if (!draftId) throw new Error('summary without a draft');
  return { u, draftId, csrf: csrfOf(summary.body) };
}

const phoneOf = (i: number) => `602 ${String(Math.floor(i / 1000) % 1000).padStart(3, '0')} ${String(i % 1000).padStart(3, '0')}`;

/** The wizard up to "Zweryfikuj dane" (unit by NIP, two roles, contact data); answers the user and the draft. */
export async function wizardToSummary(port: number, w: WizardUser, times: number[]): Promise<{ u: VirtualUser; draftId: string; csrf: string }> {
  const u = new VirtualUser(port, nextIp(), times);
  u.cookies.set(w.cookie[0], w.cookie[1]);
  const search = expect(await u.get(`/profil/wniosek?nip=${w.nip}`), 200, 'unit search');
  const csrf = csrfOf(search.body);
  expect(await u.post('/profil/wniosek/jednostka', { unitId: w.unitId, _csrf: csrf }), 303, 'choose unit', /^\/profil\/wniosek\/role$/);
  expect(await u.get('/profil/wniosek/role'), 200, 'roles page');
  const phone = phoneOf(w.i);
  expect(
    await u.post('/profil/wniosek/role', { roles: ['WYP_NIEFIN', 'WYP_FIN'], phone, email: `bench.w${w.i}@example.pl`, _csrf: csrf }),
    303,
    'roles',
    /^\/profil\/wniosek\/podsumowanie$/,
  );
  const summary = expect(await u.get('/profil/wniosek/podsumowanie'), 200, 'summary page');
  const draftId = /name="draftId" value="([^"]+)"/.exec(summary.body)?.[1];
  if (!draftId) throw new Error('summary without a draft');
  return { u, draftId, csrf };
}

/** "Zapisz wniosek": answers the save's own time and the submission id. */
export async function wizardSave(u: VirtualUser, draftId: string, csrf: string): Promise<{ ms: number; submissionId: string }> {
  const saved = expect(
    await u.post('/profil/wniosek/podsumowanie', { akcja: 'zapisz', statement: 'tak', draftId, _csrf: csrf }),
    303,
    'save',
    /^\/wnioski\/[\w-]+$/,
  );
  return { ms: saved.ms, submissionId: pathOf(saved.location).split('/')[2]! };
}

/** Numbers held by more than one request, over the whole table (0 is the only right answer). */
export async function duplicateRequestNumbers(db: Db): Promise<number> {
  const rows = await db
    .select({ number: roleRequests.number })
    .from(roleRequests)
    .groupBy(roleRequests.number)
    .having(sql`count(*) > 1`);
  return rows.length;
}

export async function requestsOfSubmissions(db: Db, submissionIds: string[]): Promise<number> {
  if (submissionIds.length === 0) return 0;
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(roleRequests)
    .where(inArray(roleRequests.submissionId, submissionIds));
  return r?.n ?? 0;
}

// ───────────────────────────── 3. the deadline day ─────────────────────────────

export interface Filler {
  cookie: [string, string];
  reportId: string;
}

const FILLED_AT_SEED = new Set(['D0', 'D1']);
const FILLED_BY_USER = ['D2', 'D3'] as const;

/**
 * `count` reporting units (kujawsko-pomorskie clinics), each with its filler (an approved "Wypełniający
 * sprawozdania niefinansowe" profile, signed in by a session written directly), this year's ankieta
 * answered (MZ-11 and MZ-88 owed) and MZ-11 "W trakcie" with sections D0 and D1 saved earlier: the
 * filler saves D2 and D3 and sends it. Seeds `parallel` units at a time.
 */
export async function seedFillers(db: Db, count: number, cookieName: string, parallel = 4): Promise<Filler[]> {
  const now = new Date();
  const year = currentReportingYear(warsawDay(now));
  const registry = formRegistry();
  const def = registry.forYear('MZ-11', year);
  if (!def) throw new Error(`no MZ-11 definition for ${year}`);
  const example = exampleValues('MZ-11', 1);
  const early = Object.fromEntries(Object.entries(example).filter(([code]) => FILLED_AT_SEED.has(code.split('.')[0]!)));
  const [uw] = await db.select().from(units).where(eq(units.sourceKey, 'uw-04'));
  const out: Filler[] = [];
  let next = 0;
  const one = async (i: number) => {
    const unit = await buildUnit(db, { kindCode: 'PODM', name: `Przychodnia Terminowa ${i}`, sourceKey: `bench:termin-${i}` });
    const { profile, user } = await buildProfile(db, { unit });
    await buildRequest(db, { profile, roleCode: 'WYP_NIEFIN', status: 'zatwierdzony', ...(uw ? { verifyingUnit: uw } : {}) });
    await answerSurvey(db, unit, { AMB: 'T' }, now);
    const created = await db.transaction((tx) =>
      assignObligations(tx, registry, { id: unit.id, kindCode: unit.kindCode, voivodeshipCode: unit.voivodeshipCode }, year, { AMB: 'T' }, { at: now }),
    );
    const [mz11] = await db
      .select({ id: reports.id })
      .from(reports)
      .where(and(inArray(reports.id, created), eq(reports.form, 'MZ-11')));
    if (!mz11) throw new Error(`unit ${i}: no MZ-11 assigned`);
    await db.update(reports).set({ status: 'w_trakcie', values: early, updatedAt: now }).where(eq(reports.id, mz11.id));
    await db
      .insert(reportEvents)
      .values({ reportId: mz11.id, at: now, action: 'save', fromStatus: 'do_wypelnienia', toStatus: 'w_trakcie', version: 1, comment: 'Dział 0, Dział 1' });
    const { rawId } = await createSession(db, { userId: user.id, data: { profileId: profile.id }, now });
    out.push({ cookie: [cookieName, rawId], reportId: mz11.id });
  };
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < count; i = next++) await one(i);
    }),
  );
  return out;
}

/** A section's form: every cell of the section with the example value (MZ-11, k = 1), the page's revision and token. */
function sectionForm(page: string, section: string, po: string): Record<string, string> {
  const year = currentReportingYear(warsawDay(new Date()));
  const def = formRegistry().forYear('MZ-11', year)!;
  const values = exampleValues('MZ-11', 1);
  const rev = /name="rewizja" value="(\d+)"/.exec(page)?.[1];
  if (!rev) throw new Error(`section ${section}: no revision on the page`);
  const out: Record<string, string> = { _csrf: csrfOf(page), rewizja: rev, po };
  for (const c of cellsOf(def)) if (c.sectionCode === section && !c.na) out[c.code] = values[c.code] ?? '';
  return out;
}

/**
 * One filler's deadline-day visit: home page → the report → Dział 2 (save, "dalej") → Dział 3 (save,
 * "Sprawdź i wyślij") → the rules' page → send (explaining any warning) → the report, sent.
 */
export async function fileReport(port: number, f: Filler, times: number[]): Promise<void> {
  const u = new VirtualUser(port, nextIp(), times);
  u.cookies.set(f.cookie[0], f.cookie[1]);
  const report = `/sprawozdania/${f.reportId}`;
  expect(await u.get('/start'), 200, 'home page');
  expect(await u.get(report), 200, 'report page');
  const [first, second] = FILLED_BY_USER;
  const s1 = expect(await u.get(`${report}/dzial/${first}`), 200, `section ${first}`);
  const saved1 = expect(
    await u.post(`${report}/dzial/${first}`, sectionForm(s1.body, first, 'dalej')),
    303,
    `save ${first}`,
    new RegExp(`/dzial/${second}\\?`),
  );
  const s2 = expect(await u.get(saved1.location), 200, `section ${second}`);
  const saved2 = expect(await u.post(`${report}/dzial/${second}`, sectionForm(s2.body, second, 'sprawdz')), 303, `save ${second}`, /\/wyslij$/);
  const check = expect(await u.get(saved2.location), 200, 'Sprawdź i wyślij');
  const rev = /name="rewizja" value="(\d+)"/.exec(check.body)?.[1];
  if (!rev) throw new Error('submit page without a revision');
  const form: Record<string, string> = { _csrf: csrfOf(check.body), rewizja: rev };
  for (const m of check.body.matchAll(/name="(explain-[^"]+)"/g)) form[m[1]!] = 'Zmiana liczby porad wynika z nowej umowy z NFZ.';
  const sent = expect(await u.post(`${report}/wyslij`, form), 303, 'send', /\?wynik=wyslano$/);
  expect(await u.get(sent.location), 200, 'report, sent');
}

/** How the fillers' reports stand afterwards: by status, and how many were sent other than exactly once. */
export async function checkFiled(db: Db, reportIds: string[]): Promise<{ byStatus: Record<string, number>; notOnce: number; sent: number }> {
  const byStatus: Record<string, number> = {};
  let notOnce = 0;
  let sent = 0;
  for (let i = 0; i < reportIds.length; i += 1000) {
    const ids = reportIds.slice(i, i + 1000);
    const rows = await db.select({ status: reports.status }).from(reports).where(inArray(reports.id, ids));
    for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const submits = await db
      .select({ id: reportEvents.reportId, n: sql<number>`count(*)::int` })
      .from(reportEvents)
      .where(and(inArray(reportEvents.reportId, ids), eq(reportEvents.action, 'submit')))
      .groupBy(reportEvents.reportId);
    for (const s of submits) {
      sent++;
      if (s.n !== 1) notOnce++;
    }
  }
  return { byStatus, notOnce, sent };
}
