import { and, desc, eq, isNotNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { announcements, profiles, unitKinds, units, users } from '../schema/index.ts';

export type UserRow = typeof users.$inferSelect;

/** Create or refresh the portal user from the identity provider's claims at each login. */
export async function upsertUserFromClaims(
  db: DbOrTx,
  c: { subject: string; firstName: string; lastName: string; login: string | null; email: string | null; now: Date },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ subject: c.subject, firstName: c.firstName, lastName: c.lastName, login: c.login, email: c.email, lastLoginAt: c.now, createdAt: c.now })
    .onConflictDoUpdate({ target: users.subject, set: { firstName: c.firstName, lastName: c.lastName, login: c.login, email: c.email, lastLoginAt: c.now } })
    .returning();
  if (!row) throw new Error('user upsert failed');
  return row;
}

export async function findUser(db: DbOrTx, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** The user's profiles with their unit, for the home page (only the user's own). */
export async function listOwnProfiles(db: DbOrTx, userId: string) {
  return db
    .select({ id: profiles.id, status: profiles.status, unitName: units.name, kindCode: units.kindCode, kindName: unitKinds.name })
    .from(profiles)
    .innerJoin(units, eq(units.id, profiles.unitId))
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(eq(profiles.userId, userId));
}

/** "Najnowszy komunikat": the newest published announcement. */
export async function latestAnnouncement(db: DbOrTx, now: Date) {
  const [row] = await db
    .select()
    .from(announcements)
    .where(and(isNotNull(announcements.publishedAt), lte(announcements.publishedAt, now)))
    .orderBy(desc(announcements.publishedAt))
    .limit(1);
  return row ?? null;
}
