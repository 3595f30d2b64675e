import { and, desc, eq, gt, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { announcements, profiles, unitKinds, units, users } from '../schema/index.ts';

export type UserRow = typeof users.$inferSelect;

export interface IdentityClaims {
  /** the provider's issuer (BUILTIN_ISSUER for the built-in UEOZ) */
  issuer: string;
  subject: string;
  /** keyed hash of the provider's verified PESEL claim, see portal/auth/pesel-link.ts */
  peselHash: string | null;
  /** the same PESEL masked and encrypted (portal/auth/pesel-vault.ts); stored with the hash, when it is this person's */
  peselMasked?: string | null;
  peselEnc?: string | null;
  firstName: string;
  lastName: string;
  login: string | null;
  email: string | null;
  now: Date;
}

/**
 * The portal user (a person) behind a sign-in, created or refreshed from the provider's claims.
 * Matched by issuer + subject; a first sign-in from another issuer (a new UEOZ, Keycloak) is linked
 * to the person with the same PESEL hash, who then signs in through that issuer. `linkedFrom` names
 * the issuer a link moved the user from, for the caller's audit entry in the same transaction.
 * Call inside a transaction (rows are locked while they are matched).
 */
export async function upsertUserFromClaims(db: DbOrTx, c: IdentityClaims): Promise<{ user: UserRow; linkedFrom: string | null }> {
  const profile = { firstName: c.firstName, lastName: c.lastName, login: c.login, email: c.email, lastLoginAt: c.now };
  // the masked and encrypted number go with the hash (re-encrypted at each sign-in: a new PESEL_KEY takes over)
  const sealed =
    c.peselHash && c.peselEnc && c.peselMasked ? { peselHash: c.peselHash, peselMasked: c.peselMasked, peselEnc: c.peselEnc } : { peselHash: c.peselHash };
  const [known] = await db
    .select()
    .from(users)
    .where(and(eq(users.issuer, c.issuer), eq(users.subject, c.subject)))
    .for('update');
  if (known) {
    // keep the hash current unless another person already holds it (then the claim is not trusted for linking)
    const hashFree =
      c.peselHash !== null &&
      c.peselHash !== known.peselHash &&
      (
        await db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.peselHash, c.peselHash), ne(users.id, known.id)))
      ).length === 0;
    const [row] = await db
      .update(users)
      .set({ ...profile, ...(hashFree || (c.peselHash !== null && c.peselHash === known.peselHash) ? sealed : {}) })
      .where(eq(users.id, known.id))
      .returning();
    if (!row) throw new Error('user update failed');
    return { user: row, linkedFrom: null };
  }
  if (c.peselHash) {
    const [person] = await db.select().from(users).where(eq(users.peselHash, c.peselHash)).for('update');
    if (person) {
      const [row] = await db
        .update(users)
        .set({ ...profile, ...sealed, issuer: c.issuer, subject: c.subject })
        .where(eq(users.id, person.id))
        .returning();
      if (!row) throw new Error('user link failed');
      return { user: row, linkedFrom: person.issuer };
    }
  }
  const [row] = await db
    .insert(users)
    .values({ issuer: c.issuer, subject: c.subject, ...sealed, ...profile, createdAt: c.now })
    .onConflictDoUpdate({ target: [users.issuer, users.subject], set: profile })
    .returning();
  if (!row) throw new Error('user upsert failed');
  return { user: row, linkedFrom: null };
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

/**
 * "Najnowszy komunikat": the newest announcement current now (its publication window holds `now`, not
 * withdrawn) whose audience is every user or includes one of `roles` — the approved roles of the
 * profile worked in.
 */
export async function latestAnnouncement(db: DbOrTx, now: Date, roles: readonly string[]) {
  const [row] = await db
    .select({ id: announcements.id, title: announcements.title, body: announcements.body, publishedAt: announcements.publishedAt })
    .from(announcements)
    .where(
      and(
        isNotNull(announcements.publishedAt),
        lte(announcements.publishedAt, now),
        or(isNull(announcements.publishedUntil), gt(announcements.publishedUntil, now)),
        isNull(announcements.withdrawnAt),
        or(
          sql`cardinality(${announcements.audienceRoles}) = 0`,
          roles.length
            ? sql`${announcements.audienceRoles} && array[${sql.join(
                roles.map((r) => sql`${r}`),
                sql`, `,
              )}]::text[]`
            : sql`false`,
        ),
      ),
    )
    .orderBy(desc(announcements.publishedAt), desc(announcements.createdAt))
    .limit(1);
  return row ?? null;
}
