import assert from 'node:assert/strict';
import { and, desc, eq } from 'drizzle-orm';
import { messages, profiles, units, users } from '../../src/db/schema/index.ts';
import type { TestApp } from './app.ts';
import { Agent, pathOf } from './agent.ts';
import { createSession } from '../../src/portal/session/store.ts';
import { sessionCookieName } from '../../src/portal/session/plugin.ts';

/** The newest SMS code sent to a phone (read from the outbox, as the demo mailbox shows it). */
export async function lastCode(t: TestApp, phone: string): Promise<string> {
  const [m] = await t.database.db.select().from(messages).where(eq(messages.to, phone)).orderBy(desc(messages.createdAt)).limit(1);
  const code = /(\d{6})/.exec(m?.text ?? '')?.[1];
  if (!code) throw new Error('no code sent');
  return code;
}

/** From "Zaloguj się/ Zarejestruj" to the Profil Zaufany page; returns the interaction base path. */
export async function startLogin(a: Agent): Promise<string> {
  const start = await a.get('/logowanie');
  assert.equal(start.statusCode, 303);
  assert.match(String(start.headers.location), /\/ueoz\/oidc\/auth\?/);
  assert.match(String(start.headers.location), /code_challenge_method=S256/);
  const auth = await a.get(String(start.headers.location));
  assert.equal(auth.statusCode, 303, auth.body);
  const base = pathOf(auth);
  assert.match(base, /^\/ueoz\/logowanie\/[\w-]+$/);
  const ueoz = await a.get(base);
  assert.match(ueoz.body, /Profil Zaufany/);
  const pz = await a.get(`${base}/pz`);
  assert.match(pz.body, /Symulator Profilu Zaufanego/);
  return base;
}

export async function pzLogin(t: TestApp, a: Agent, base: string, login: string, phone: string): Promise<ReturnType<Agent['get']>> {
  const pzPage = await a.get(`${base}/pz`);
  const res = await a.post(`${base}/pz`, { login, password: 'Demo-2026!' }, { csrfFrom: pzPage.body });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  assert.equal(pathOf(res), `${base}/kod`);
  const codePage = await a.get(`${base}/kod`);
  return a.post(`${base}/kod`, { code: await lastCode(t, phone) }, { csrfFrom: codePage.body });
}

/** A new browser-like agent signed in to the portal as a demo user. */
export async function signedIn(t: TestApp, login: string, phone: string): Promise<Agent> {
  const a = new Agent(t);
  const base = await startLogin(a);
  await a.follow(await pzLogin(t, a, base, login, phone));
  return a;
}

/**
 * An agent signed in as a user without the Profil Zaufany flow: a session row written directly
 * (the full login has its own tests). `profileId` is the profile worked in ("Pracuj w profilu").
 */
export async function loginAs(t: TestApp, userId: string, opts: { profileId?: string } = {}): Promise<Agent> {
  const { rawId } = await createSession(t.database.db, { userId, data: opts.profileId ? { profileId: opts.profileId } : {}, now: t.clock.now });
  const a = new Agent(t);
  a.cookies.set(sessionCookieName(t.config), rawId);
  return a;
}

/** A demo user signed in (without the Profil Zaufany flow) to their profile in a demo unit, by login and the unit's source key. */
export async function loginAsDemo(t: TestApp, login: string, unitKey: string): Promise<{ agent: Agent; userId: string; profileId: string }> {
  const [row] = await t.database.db
    .select({ userId: users.id, profileId: profiles.id })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .innerJoin(units, eq(units.id, profiles.unitId))
    .where(and(eq(users.login, login), eq(units.sourceKey, unitKey)));
  assert.ok(row, `demo profile of ${login} in ${unitKey}`);
  return { agent: await loginAs(t, row.userId, { profileId: row.profileId }), userId: row.userId, profileId: row.profileId };
}
