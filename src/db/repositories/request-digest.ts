// The daily digest of pending role requests ("jobs/request-digest.ts"): what waits for each verifying
// unit, who its active administrators are, and the per-unit-per-day claim that makes the job idempotent.
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.ts';
import { profiles, requestDigests, roleRequests, roles, units } from '../schema/index.ts';

export interface DigestRequest {
  number: string;
  submittedAt: Date;
}

/** Pending requests grouped by the unit they are routed to, oldest first. */
export async function pendingByVerifier(db: DbOrTx): Promise<Map<string, { unitName: string; isCentral: boolean; requests: DigestRequest[] }>> {
  const rows = await db
    .select({ unitId: units.id, unitName: units.name, number: roleRequests.number, submittedAt: roleRequests.submittedAt })
    .from(roleRequests)
    .innerJoin(units, eq(units.id, roleRequests.verifyingUnitId))
    .where(eq(roleRequests.status, 'oczekujacy'))
    .orderBy(asc(roleRequests.submittedAt), asc(roleRequests.number));
  const out = new Map<string, { unitName: string; isCentral: boolean; requests: DigestRequest[] }>();
  for (const r of rows) {
    const g = out.get(r.unitId) ?? { unitName: r.unitName, isCentral: false, requests: [] };
    g.requests.push({ number: r.number, submittedAt: r.submittedAt });
    out.set(r.unitId, g);
  }
  return out;
}

/** Overdue pending requests routed to any unit but `exceptUnitId` (escalated: the central unit's digest lists them). */
export async function overdueElsewhere(db: DbOrTx, exceptUnitId: string, dueBefore: Date): Promise<DigestRequest[]> {
  return db
    .select({ number: roleRequests.number, submittedAt: roleRequests.submittedAt })
    .from(roleRequests)
    .where(and(eq(roleRequests.status, 'oczekujacy'), sql`${roleRequests.verifyingUnitId} <> ${exceptUnitId}`, lt(roleRequests.submittedAt, dueBefore)))
    .orderBy(asc(roleRequests.submittedAt), asc(roleRequests.number));
}

/**
 * The contact e-mails of the unit's active administrators: active profiles in the unit holding an
 * approved administrator role (the same test as routing's "has an active administrator").
 */
export async function activeAdministratorEmails(db: DbOrTx, unitId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: profiles.email })
    .from(profiles)
    .innerJoin(roleRequests, eq(roleRequests.profileId, profiles.id))
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(and(eq(profiles.unitId, unitId), eq(profiles.status, 'aktywny'), eq(roleRequests.status, 'zatwierdzony'), eq(roles.isAdmin, true)))
    .orderBy(asc(profiles.email));
  return rows.map((r) => r.email).filter((e) => e.length > 0);
}

/** Claims today's digest of a unit: true once per unit and day (the primary key refuses a second claim). */
export async function claimDigest(
  tx: Tx,
  v: { unitId: string; day: string; at: Date; recipients: number; waiting: number; overdue: number },
): Promise<boolean> {
  const rows = await tx
    .insert(requestDigests)
    .values({ unitId: v.unitId, day: v.day, sentAt: v.at, recipients: v.recipients, waiting: v.waiting, overdue: v.overdue })
    .onConflictDoNothing()
    .returning({ unitId: requestDigests.unitId });
  return rows.length > 0;
}
