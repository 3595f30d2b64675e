import { createHash, randomBytes } from 'node:crypto';
import { and, eq, getTableColumns, gt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';

/** 30 minutes without a request ends the session (domain: "Sessions"). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** However active, a session ends 10 hours after it started: a stolen id is not good forever. */
export const SESSION_ABSOLUTE_MS = 10 * 60 * 60 * 1000;

export type SessionRow = typeof sessions.$inferSelect;
export type SessionLoad<J = never> =
  | { status: 'active'; session: SessionRow; /** the caller's `joined` expression, when the row was read with it */ joined?: J }
  | { status: 'expired'; userId: string | null; reason: 'idle' | 'absolute' }
  | { status: 'none' };

/** 32 random bytes, base64url: what the cookie carries. */
const RAW_ID = /^[A-Za-z0-9_-]{43}$/;

/** The table keeps only this hash, so a leaked table (or backup) cannot be replayed as cookies. */
export function hashSessionId(rawId: string): string {
  return createHash('sha256').update(rawId).digest('hex');
}

export function isWellFormedSessionId(rawId: string): boolean {
  return RAW_ID.test(rawId);
}

export async function createSession(
  db: DbOrTx,
  input: { userId: string | null; data?: Record<string, unknown>; now: Date },
): Promise<{ rawId: string; session: SessionRow }> {
  const rawId = randomBytes(32).toString('base64url');
  const absoluteExpiresAt = new Date(input.now.getTime() + SESSION_ABSOLUTE_MS);
  const [session] = await db
    .insert(sessions)
    .values({
      idHash: hashSessionId(rawId),
      userId: input.userId,
      data: input.data ?? {},
      createdAt: input.now,
      lastSeenAt: input.now,
      idleExpiresAt: idleExpiry(input.now, absoluteExpiresAt),
      absoluteExpiresAt,
    })
    .returning();
  return { rawId, session: session! };
}

/**
 * The session behind a cookie value. An expired one is deleted here; `expired` is answered only to
 * the caller whose delete removed the row, so concurrent requests report (and audit) a timeout once.
 */
export async function loadSession(db: DbOrTx, rawId: string, now: Date): Promise<SessionLoad> {
  if (!isWellFormedSessionId(rawId)) return { status: 'none' };
  const idHash = hashSessionId(rawId);
  const [row] = await db.select().from(sessions).where(eq(sessions.idHash, idHash));
  if (!row) return { status: 'none' };
  const reason = expiryReason(row, now);
  if (!reason) return { status: 'active', session: row };
  const deleted = await db.delete(sessions).where(eq(sessions.idHash, idHash)).returning({ idHash: sessions.idHash });
  return deleted.length ? { status: 'expired', userId: row.userId, reason } : { status: 'none' };
}

/**
 * How often a request moves the idle deadline: a session last counted as active less than a minute
 * ago is only read, so a page view costs no write (no WAL flush) in the common case. The idle
 * deadline is therefore "30 minutes after the last counted request", at most a minute early.
 */
export const SESSION_TOUCH_MS = 60 * 1000;

/**
 * A request's session, counted as activity: the row is read, and when it was last counted a minute
 * or more ago one guarded statement moves the idle deadline to now + 30 min (never past the absolute
 * one) and answers the row. An expired row is deleted and reported as loadSession does.
 */
export async function loadAndTouchSession<J = never>(
  db: DbOrTx,
  rawId: string,
  now: Date,
  /**
   * What else the request needs from the session's row, read in the same statement (the actor:
   * actorRowsJson). Answered only when the row is merely read; after a write the caller reads it itself.
   */
  joined?: (row: typeof sessions) => SQL<J>,
): Promise<SessionLoad<J>> {
  if (!isWellFormedSessionId(rawId)) return { status: 'none' };
  const idHash = hashSessionId(rawId);
  const [read] = await db
    .select({ ...getTableColumns(sessions), joined: joined ? joined(sessions) : sql<null>`null` })
    .from(sessions)
    .where(eq(sessions.idHash, idHash));
  if (!read) return { status: 'none' };
  const { joined: value, ...current } = read;
  if (expiryReason(current, now)) return loadSession(db, rawId, now);
  if (now.getTime() - current.lastSeenAt.getTime() < SESSION_TOUCH_MS)
    return joined ? { status: 'active', session: current, joined: value as J } : { status: 'active', session: current };
  const candidate = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  const [row] = await db
    .update(sessions)
    .set({ lastSeenAt: now, idleExpiresAt: sql`least(${candidate}::timestamptz, ${sessions.absoluteExpiresAt})` })
    .where(and(eq(sessions.idHash, idHash), gt(sessions.idleExpiresAt, now), gt(sessions.absoluteExpiresAt, now)))
    .returning();
  if (row) return { status: 'active', session: row };
  return loadSession(db, rawId, now);
}

/**
 * Shallow-merge `patch` into the session's data in one statement (no lost update between
 * concurrent requests); a key set to undefined is removed. Returns the new data, null if no session.
 */
export async function updateSessionData(db: DbOrTx, idHash: string, patch: Record<string, unknown>): Promise<Record<string, unknown> | null> {
  const set: Record<string, unknown> = {};
  let expr: SQL = sql`${sessions.data}`;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) expr = sql`(${expr} - ${key}::text)`;
    else set[key] = value;
  }
  expr = sql`${expr} || ${JSON.stringify(set)}::jsonb`;
  const [row] = await db.update(sessions).set({ data: expr }).where(eq(sessions.idHash, idHash)).returning({ data: sessions.data });
  return row?.data ?? null;
}

export async function destroySession(db: DbOrTx, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Every session of a user (logout everywhere, blocked account). Returns how many ended. */
export async function destroyUserSessions(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ idHash: sessions.idHash });
  return rows.length;
}

/** Housekeeping for sessions nobody came back to (a periodic job); returns how many were removed. */
export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(or(lte(sessions.idleExpiresAt, now), lte(sessions.absoluteExpiresAt, now)))
    .returning({ idHash: sessions.idHash });
  return rows.length;
}

function idleExpiry(now: Date, absoluteExpiresAt: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, absoluteExpiresAt.getTime()));
}

function expiryReason(row: Pick<SessionRow, 'idleExpiresAt' | 'absoluteExpiresAt'>, now: Date): 'idle' | 'absolute' | null {
  const idle = row.idleExpiresAt.getTime();
  const absolute = row.absoluteExpiresAt.getTime();
  if (Math.min(idle, absolute) > now.getTime()) return null;
  // whichever deadline came first ended it (a touch caps the idle one at the absolute one)
  return idle < absolute ? 'idle' : 'absolute';
}
