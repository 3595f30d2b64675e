import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { announcements, attachments, legacyRoleMappings, profiles, reports, roleRequests, sessions, units, users } from '../../src/db/schema/index.ts';
import { currentReportingYear } from '../../src/domain/reporting/catalogue.ts';
import { warsawDay } from '../../src/lib/warsaw-time.ts';
import { loadActor, type Actor } from '../../src/portal/actor/actor.ts';
import type { Decision } from '../../src/portal/policies/index.ts';
import { sessionCookieName } from '../../src/portal/session/plugin.ts';
import { createSession, hashSessionId } from '../../src/portal/session/store.ts';
import { MATRIX, matrixGaps, reportRevision, type Form, type Fx, type RouteRule, type Target } from '../authz/matrix.ts';
import { buildUser } from '../builders/index.ts';
import { buildTestApp, eventually, type TestApp } from '../helpers/app.ts';
import { csrfOf } from '../helpers/agent.ts';
import { loginAs } from '../helpers/login.ts';
import { demoReportIds, formBodies } from '../helpers/route-bodies.ts';
import { postUpload, uploadBody } from '../helpers/upload.ts';

/**
 * Issue 12, point 2: every route of Fastify's route table × every kind of actor → the answer the
 * policy layer gives. The expectation is computed by `decide()` (test/authz/matrix.ts) with the actor
 * and the object as loaded from the database at the time; the answer observed comes over HTTP: both
 * must agree. GETs are sent as they are; POSTs with a valid CSRF token and the form the page sends,
 * so a route that lost its check would act.
 *
 * POSTs change state, so the expectation of each one is computed just before it is sent, from the
 * state the requests before it left: the order of the rows does not change what must agree. The
 * actors expected to be refused go first on each object (a refusal changes nothing), the ones allowed
 * after them; rows that take away what later rows stand on (a blocked profile, a removed file, a role
 * taken back) are sent last.
 *
 * While working on a route: AUTHZ_ROUTES=<regexp> runs only the matching rows; AUTHZ_TIMING=1 prints
 * each row's time and the statuses it got.
 */

/** AUTHZ_ROUTES=<regexp>: only the matching rows (while working on a route); the full run needs none */
const ONLY = process.env.AUTHZ_ROUTES ? new RegExp(process.env.AUTHZ_ROUTES) : null;

type Outcome = 'login' | 'hide' | 'deny' | 'pass' | 'error';
const OF_DECISION: Record<Decision, Outcome> = { allow: 'pass', hide: 'hide', deny: 'deny' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The answer's class: the login page (303 to /logowanie, or 401), not found (404), refused (403), let through (any other), broken (5xx). */
function outcomeOf(res: LightMyRequestResponse): Outcome {
  if (res.statusCode >= 500) return 'error';
  if (res.statusCode === 404) return 'hide';
  if (res.statusCode === 403) return 'deny';
  if (res.statusCode === 401) return 'login';
  if (res.statusCode >= 300 && res.statusCode < 400 && /^\/logowanie(\?|$)/.test(String(res.headers.location ?? ''))) return 'login';
  return 'pass';
}

interface ActorSpec {
  name: string;
  /** demo login and the unit (source key) of the profile worked in; null: signed in, no profile chosen */
  login?: string;
  unit?: string | null;
  /** a user without any profile (as after the first sign-in) */
  noProfileUser?: true;
}

// anonymous, signed in without a profile, signed in with profiles but none chosen, each role of the demo,
// users of other units (robert's clinic, WSSE in pomorskie, IPIN); "another user's object ids" are the targets
const ACTORS: ActorSpec[] = [
  { name: 'anonymous' },
  { name: 'signed in without a profile', noProfileUser: true },
  { name: 'maria, no profile chosen', login: 'maria.wisniewska', unit: null },
  { name: 'jan: Administrator CeZ', login: 'jan.kowalski', unit: 'cez' },
  { name: 'maria: Pracownik CeZ', login: 'maria.wisniewska', unit: 'cez' },
  { name: 'maria: Wypełniający (Starostwo)', login: 'maria.wisniewska', unit: 'starostwo-aleksandrow-kujawski' },
  { name: 'tomasz: Administrator UW', login: 'tomasz.lewandowski', unit: 'uw-04' },
  { name: 'zofia: Nadzorujący niefinansowe (UW)', login: 'zofia.nowicka', unit: 'uw-04' },
  { name: 'ewa: Nadzorujący finansowe (WSSE Gdańsk)', login: 'ewa.kaminska', unit: 'wsse-gdansk' },
  { name: 'katarzyna: Administrator IPIN', login: 'katarzyna.dabrowska', unit: 'ipin' },
  { name: 'robert: Wypełniający (Toruń clinic)', login: 'robert.szymanski', unit: 'przychodnia-torun' },
];

interface Who {
  spec: ActorSpec;
  /** each actor comes from an address of its own (rate limits are per address) */
  ip: string;
  userId: string | null;
  profileId: string | null;
  cookies: Map<string, string>;
  /** the session cookie's value ('' without a session) */
  rawId: string;
  csrf: string;
  actor: Actor | null;
}

describe('authorisation matrix: every route × actor answers what the policy layer decides', () => {
  let t: TestApp;
  let fx: Fx;
  let who: Who[] = [];
  let bodies: Record<string, Record<string, string>> = {};
  const tried = { requests: 0, routes: new Set<string>(), outcomes: { pass: 0, login: 0, hide: 0, deny: 0, error: 0 } as Record<Outcome, number> };

  const cookieHeader = (w: Who) => [...w.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (w: Who, res: LightMyRequestResponse) => {
    for (const c of res.cookies) {
      if (c.value === '' || c.maxAge === 0) w.cookies.delete(c.name);
      else w.cookies.set(c.name, c.value);
    }
  };

  /** a new portal session for the actor (and the CSRF token of its forms) */
  const openSession = async (w: Who): Promise<void> => {
    w.cookies = new Map();
    w.rawId = '';
    w.actor = null;
    if (w.userId) {
      const { rawId } = await createSession(t.database.db, { userId: w.userId, data: w.profileId ? { profileId: w.profileId } : {}, now: t.clock.now });
      w.cookies.set(sessionCookieName(t.config), rawId);
      w.rawId = rawId;
    }
    const page = await t.app.inject({ method: 'GET', url: '/kontakt', remoteAddress: w.ip, headers: { cookie: cookieHeader(w) } });
    keep(w, page);
    w.csrf = csrfOf(page.body);
  };

  /** the session row behind the actor's cookie (a route may have changed its data: the profile worked in) */
  const sessionOf = async (w: Who) => {
    const [row] = w.rawId
      ? await t.database.db
          .select()
          .from(sessions)
          .where(eq(sessions.idHash, hashSessionId(w.rawId)))
      : [];
    return row ?? null;
  };

  /** who the portal will take the actor for: the user and the profile of its session, loaded as the signed-in scope loads them */
  const actorOf = async (w: Who): Promise<Actor | null> => {
    if (w.actor) return w.actor;
    const s = await sessionOf(w);
    if (!s?.userId) return null;
    const profileId = typeof s.data.profileId === 'string' ? s.data.profileId : null;
    w.actor = await loadActor(t.database.db, s.userId, profileId);
    return w.actor;
  };
  const forgetActors = () => {
    for (const w of who) w.actor = null;
  };

  const fill = (url: string, params: Record<string, string>): string =>
    url
      .replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? (name === 'uid' ? 'x'.repeat(21) : randomUUID()))
      .replace(/\/\*$/, url.startsWith('/assets/') ? '/app.css' : '/.well-known/openid-configuration');

  const send = async (w: Who, method: string, route: string, url: string, form: Form | null): Promise<LightMyRequestResponse> => {
    tried.requests++;
    const headers: Record<string, string> = { cookie: cookieHeader(w) };
    let payload: string | Buffer | undefined;
    if (form && route === '/wnioski/:id/zalaczniki') {
      const up = uploadBody(w.csrf, [{ name: 'wniosek.pdf', data: PDF }]);
      payload = up.body;
      headers['content-type'] = up.type;
    } else if (form) {
      const body = new URLSearchParams({ _csrf: w.csrf });
      for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
      payload = body.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    // the actor's cookies stay as its session was opened (a cookie set by a route, e.g. the login's pre-session, would change who it is)
    return t.app.inject({ method: method as 'GET', url, remoteAddress: w.ip, headers, ...(payload === undefined ? {} : { payload }) });
  };

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const one = async <T>(rows: Promise<T[]>, what: string): Promise<T> => {
      const [r] = await rows;
      assert.ok(r, what);
      return r;
    };
    const userId = async (login: string) => (await one(db.select({ id: users.id }).from(users).where(eq(users.login, login)), login)).id;
    const unitId = async (key: string) => (await one(db.select({ id: units.id }).from(units).where(eq(units.sourceKey, key)), key)).id;
    const profileOf = async (login: string, key: string) =>
      (
        await one(
          db
            .select({ id: profiles.id })
            .from(profiles)
            .innerJoin(users, eq(users.id, profiles.userId))
            .innerJoin(units, eq(units.id, profiles.unitId))
            .where(and(eq(users.login, login), eq(units.sourceKey, key))),
          `${login} in ${key}`,
        )
      ).id;
    const pendingAt = async (key: string, withFile: boolean) => {
      const rows = await db
        .select({ id: roleRequests.id, submissionId: roleRequests.submissionId, file: attachments.id })
        .from(roleRequests)
        .innerJoin(units, eq(units.id, roleRequests.verifyingUnitId))
        .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
        .innerJoin(users, eq(users.id, profiles.userId))
        .leftJoin(attachments, and(eq(attachments.submissionId, roleRequests.submissionId), eq(attachments.scanStatus, 'clean'), isNull(attachments.deletedAt)))
        .where(and(eq(units.sourceKey, key), eq(roleRequests.status, 'oczekujacy')))
        .orderBy(roleRequests.number);
      const r = rows.find((x) => (x.file !== null) === withFile);
      assert.ok(r, `a pending request at ${key}`);
      return r;
    };

    const mariaOwn = await one(
      db.select({ id: roleRequests.id, submissionId: roleRequests.submissionId }).from(roleRequests).where(eq(roleRequests.number, 'U000594/2023')),
      'U000594/2023',
    );
    const atUw = await pendingAt('uw-04', true);
    const robertTorun = await profileOf('robert.szymanski', 'przychodnia-torun');
    const robertRole = await one(
      db
        .select({ id: roleRequests.id })
        .from(roleRequests)
        .where(and(eq(roleRequests.profileId, robertTorun), eq(roleRequests.status, 'zatwierdzony'))),
      "robert's approved role",
    );
    const reportIds = await demoReportIds(db);
    const torun = await one(
      db
        .select({ id: reports.id })
        .from(reports)
        .where(and(eq(reports.unitId, await unitId('przychodnia-torun')), eq(reports.form, 'MZ-11'), eq(reports.status, 'zatwierdzone'))),
      'an approved report of the Toruń clinic',
    );

    // maria's own file, uploaded through the form and scanned clean
    const maria = await loginAs(t, await userId('maria.wisniewska'));
    const page = await maria.get(`/wnioski/${mariaOwn.submissionId}/zalaczniki`);
    const up = await postUpload(t, maria, mariaOwn.submissionId, csrfOf(page.body), [{ name: 'podpisany.pdf', data: PDF }]);
    assert.equal(up.statusCode, 303, up.body.slice(0, 300));
    const file = await eventually(async () => {
      const [f] = await db
        .select()
        .from(attachments)
        .where(and(eq(attachments.submissionId, mariaOwn.submissionId), isNull(attachments.deletedAt)));
      return f && f.scanStatus === 'clean' ? f : null;
    });

    fx = {
      userIds: {
        maria: await userId('maria.wisniewska'),
        robert: await userId('robert.szymanski'),
        katarzyna: await userId('katarzyna.dabrowska'),
        tomasz: await userId('tomasz.lewandowski'),
      },
      profiles: {
        mariaStarostwo: await profileOf('maria.wisniewska', 'starostwo-aleksandrow-kujawski'),
        robertTorun,
        mariaKdent: await profileOf('maria.wisniewska', 'k-dent'),
      },
      submissions: { maria: mariaOwn.submissionId, applicant: atUw.submissionId },
      requests: {
        mariaOwn: mariaOwn.id,
        atUw: atUw.id,
        atIpin: (await pendingAt('ipin', false)).id,
        atCez: (await pendingAt('cez', false)).id,
        robertRole: robertRole.id,
      },
      files: { maria: file.id, applicant: atUw.file! },
      reports: { fill: reportIds.fill, verify: reportIds.verify, reopen: reportIds.reopen, torun: torun.id },
      units: { starostwo: await unitId('starostwo-aleksandrow-kujawski'), kdent: await unitId('k-dent'), torun: await unitId('przychodnia-torun') },
      year: currentReportingYear(warsawDay(t.clock.now)),
      announcement: (await one(db.select({ id: announcements.id }).from(announcements).where(isNull(announcements.withdrawnAt)), 'an announcement')).id,
      legacyName: (
        await one(db.select({ name: legacyRoleMappings.legacyName }).from(legacyRoleMappings).orderBy(legacyRoleMappings.legacyName), 'a legacy role')
      ).name,
    };
    bodies = formBodies({ unitId: fx.units.kdent, profileId: fx.profiles.mariaStarostwo });

    const nobody = await buildUser(db, { firstName: 'Anna', lastName: 'Nowak' });
    who = [];
    for (const [i, spec] of ACTORS.entries()) {
      const uid = spec.noProfileUser ? nobody.id : spec.login ? await userId(spec.login) : null;
      const profileId = spec.login && spec.unit ? await profileOf(spec.login, spec.unit) : null;
      const w: Who = { spec, ip: `10.20.0.${i + 1}`, userId: uid, profileId, cookies: new Map(), rawId: '', csrf: '', actor: null };
      await openSession(w);
      who.push(w);
    }
  });
  after(() => t?.close());

  const routes = () => t.routeTable.flatMap((r) => r.methods.map((method) => ({ method, url: r.url })));

  it('every route of the app has an entry in the matrix, and every entry a route', () => {
    assert.ok(routes().length > 150, 'the route table was collected');
    assert.deepEqual(matrixGaps(routes(), MATRIX), { missing: [], stale: [] });
  });

  /** Expected outcome of one actor on one route and object. */
  const expected = async (w: Who, rule: RouteRule, target: Target | null): Promise<Outcome | 'as-anonymous'> => {
    if (rule.access === 'interaction') return 'as-anonymous';
    if (rule.access === 'public') return 'pass';
    if (!w.userId) return 'login';
    if (rule.access === 'signed-in') return 'pass';
    const actor = await actorOf(w);
    return actor ? OF_DECISION[await target!.expect(actor, t.database.db)] : 'login';
  };

  const targetsOf = (rule: RouteRule): (Target | null)[] => (rule.access === 'policy' ? rule.targets!(fx) : [null]);

  const run = async (methods: string[]): Promise<string[]> => {
    const wrong: string[] = [];
    const keys = Object.keys(MATRIX)
      .filter((k) => methods.includes(k.split(' ')[0]!) && (!ONLY || ONLY.test(k)))
      .sort((a, b) => (MATRIX[a]!.late ?? 0) - (MATRIX[b]!.late ?? 0));
    for (const key of keys) {
      const rule = MATRIX[key]!;
      const [method, route] = key.split(' ') as [string, string];
      const post = method === 'POST';
      tried.routes.add(key);
      const started = performance.now();
      const seen: string[] = [];
      for (const target of targetsOf(rule)) {
        const url = fill(route, target?.params ?? {});
        const label = `${key} on ${target?.label ?? url}`;
        const form = async () =>
          post
            ? {
                ...bodies[route],
                ...(await rule.body?.(fx, t.database.db, target?.params ?? {})),
                ...target?.form,
                ...(route.startsWith('/sprawozdania/:id') ? await reportRevision(t.database.db, target?.params ?? {}) : {}),
              }
            : null;
        // refusals first (they change nothing), then the actors allowed, each expectation from the state at the time
        for (const w of who) if (w.userId && !(await sessionOf(w))) await openSession(w);
        const order: { w: Who; first: Outcome | 'as-anonymous' }[] = [];
        for (const w of who) order.push({ w, first: await expected(w, rule, target) });
        order.sort((a, b) => Number(a.first === 'pass') - Number(b.first === 'pass'));
        let anonymous: Outcome | null = null;
        for (const { w, first } of order) {
          // a POST may have changed what the next one stands on: its expectation is taken again, from the state now
          // (a session ended by an earlier row — a blocked profile ends its owner's sessions — is opened again)
          if (post && w.userId && !(await sessionOf(w))) await openSession(w);
          const want = post ? await expected(w, rule, target) : first;
          const sendAs = async (x: Who) => send(x, method, route, url, await form());
          let res: LightMyRequestResponse;
          if (post && rule.ownSession && w.userId) {
            // signing out or switching profiles, from a session of its own: the actor's own session stays as it was
            const own: Who = { ...w, cookies: new Map() };
            await openSession(own);
            res = await sendAs(own);
          } else {
            res = await sendAs(w);
          }
          const got = outcomeOf(res);
          tried.outcomes[got]++;
          if (process.env.AUTHZ_TIMING) seen.push(`${res.statusCode}${got === 'pass' ? '' : got[0]}`);
          if (post && got === 'pass') forgetActors();
          if (!w.userId) anonymous = got;
          const wanted = want === 'as-anonymous' ? anonymous : want;
          if (got === 'error' || got !== wanted) {
            wrong.push(`${label} as ${w.spec.name}: expected ${wanted}, got ${got} (${res.statusCode} ${String(res.headers.location ?? '')})`);
          }
        }
      }
      if (process.env.AUTHZ_TIMING) console.log(`${Math.round(performance.now() - started)} ms ${key}: ${seen.join(' ')}`);
    }
    return wrong;
  };

  it('GET: every route × actor × object gets the answer the policy gives', async () => {
    const wrong = await run(['GET', 'OPTIONS']);
    assert.deepEqual(wrong, [], `${wrong.length} disagreements:\n${wrong.join('\n')}`);
  });

  it('POST with a valid token and the real form: every route × actor × object gets the answer the policy gives', async () => {
    forgetActors();
    const wrong = await run(['POST']);
    assert.deepEqual(wrong, [], `${wrong.length} disagreements:\n${wrong.join('\n')}`);
  });

  it('the matrix was tried in full', { skip: ONLY ? 'AUTHZ_ROUTES is set' : false }, (c) => {
    const routesTried = new Set(Object.keys(MATRIX).filter((k) => tried.routes.has(k)));
    assert.equal(routesTried.size, Object.keys(MATRIX).length);
    assert.ok(tried.requests > Object.keys(MATRIX).length * ACTORS.length, `${tried.requests} requests`);
    c.diagnostic(
      `${routesTried.size} routes × ${ACTORS.length} actors: ${tried.requests} requests, ${Object.values(tried.outcomes).join(' / ')} (${Object.keys(tried.outcomes).join(' / ')})`,
    );
  });
});
