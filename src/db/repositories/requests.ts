import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { profiles, requestNumberCounters, requestStatusHistory, roleRequests, units } from '../schema/index.ts';
import { formatRequestNumber } from '../../domain/request-number.ts';
import { deriveProfileStatus, type RequestStatus } from '../../domain/status.ts';

/**
 * The next U######/YYYY number. The per-year counter row is incremented with an upsert, which
 * serialises concurrent submissions on that row (in every instance) until the transaction ends.
 */
export async function nextRequestNumber(tx: Tx, year: number): Promise<{ number: string; seq: number }> {
  const [row] = await tx
    .insert(requestNumberCounters)
    .values({ year, lastSeq: 1 })
    .onConflictDoUpdate({ target: requestNumberCounters.year, set: { lastSeq: sql`${requestNumberCounters.lastSeq} + 1` } })
    .returning({ seq: requestNumberCounters.lastSeq });
  if (!row) throw new Error('request counter upsert failed');
  return { number: formatRequestNumber(row.seq, year), seq: row.seq };
}

/** Role codes the profile holds or has asked for ("Role, które już pełnisz w tej jednostce"). */
export async function heldOrPendingRoles(tx: Tx, profileId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ role: roleRequests.roleCode })
    .from(roleRequests)
    .where(and(eq(roleRequests.profileId, profileId), inArray(roleRequests.status, ['zapisany', 'oczekujacy', 'zatwierdzony'])));
  return new Set(rows.map((r) => r.role));
}

/** Recompute the cached profile status from its requests (never edited by hand). */
export async function recomputeProfileStatus(tx: Tx, profileId: string, now: Date): Promise<string> {
  const [p] = await tx
    .select({ status: profiles.status, blockedAt: profiles.blockedAt, unitActive: units.isActive })
    .from(profiles)
    .innerJoin(units, eq(units.id, profiles.unitId))
    .where(eq(profiles.id, profileId));
  if (!p) throw new Error('profile missing');
  const statuses = (await tx.select({ s: roleRequests.status }).from(roleRequests).where(eq(roleRequests.profileId, profileId))).map(
    (r) => r.s as RequestStatus,
  );
  const next = deriveProfileStatus({ blocked: Boolean(p.blockedAt), unitActive: p.unitActive, requestStatuses: statuses });
  if (next !== p.status) await tx.update(profiles).set({ status: next, statusChangedAt: now, updatedAt: now }).where(eq(profiles.id, profileId));
  return next;
}

export async function recordStatusChange(
  tx: Tx,
  e: { requestId: string; from: string | null; to: string; reason?: string | null; by: string | null; at: Date },
): Promise<void> {
  await tx
    .insert(requestStatusHistory)
    .values({ requestId: e.requestId, fromStatus: e.from, toStatus: e.to, reason: e.reason ?? null, changedBy: e.by, changedAt: e.at });
}
