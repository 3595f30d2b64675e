import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { recomputeProfileStatus, recordStatusChange } from '../../../db/repositories/requests.ts';
import { profiles, requestSubmissions, roleRequests, roles, unitKinds, units } from '../../../db/schema/index.ts';
import { WITHDRAWN_REASON } from '../../../domain/status.ts';

type Meta = { ip: string; requestId: string };
const isId = (s: string) => /^[0-9a-f-]{36}$/i.test(s);

/** The user's own profile with its unit, or null (→ 404 for anyone else's id). */
export async function ownProfile(db: DbOrTx, userId: string, profileId: string) {
  if (!isId(profileId)) return null;
  const [row] = await db
    .select({ profile: profiles, unitName: units.name, kindCode: units.kindCode, kindName: unitKinds.name })
    .from(profiles)
    .innerJoin(units, eq(units.id, profiles.unitId))
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(and(eq(profiles.id, profileId), eq(profiles.userId, userId)));
  return row ?? null;
}

/** The user's own request with what the confirmation page shows, or null. */
export async function ownRequest(db: DbOrTx, userId: string, requestId: string) {
  if (!isId(requestId)) return null;
  const [row] = await db
    .select({ request: roleRequests, roleName: roles.name, unitName: units.name, kindCode: units.kindCode, submissionId: requestSubmissions.id })
    .from(roleRequests)
    .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
    .innerJoin(units, eq(units.id, profiles.unitId))
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .innerJoin(requestSubmissions, eq(requestSubmissions.id, roleRequests.submissionId))
    .where(and(eq(roleRequests.id, requestId), eq(profiles.userId, userId)));
  return row ?? null;
}

/**
 * "Tak, wycofaj wniosek": odrzucony with "Wycofany przez wnioskującego"; irreversible; the profile
 * status is derived again. Only a pending request of the user's own can be withdrawn.
 */
export async function withdrawRequest(db: Db, input: { userId: string; requestId: string; now: Date; meta: Meta }): Promise<'ok' | 'not_found' | 'not_pending'> {
  return db.transaction(async (tx) => {
    const own = await ownRequest(tx, input.userId, input.requestId);
    if (!own) return 'not_found';
    const [locked] = await tx.select({ status: roleRequests.status }).from(roleRequests).where(eq(roleRequests.id, own.request.id)).for('update');
    if (locked?.status !== 'oczekujacy') return 'not_pending';
    await tx
      .update(roleRequests)
      .set({ status: 'odrzucony', rejectReason: WITHDRAWN_REASON, decidedAt: input.now, decidedBy: input.userId, statusChangedAt: input.now })
      .where(eq(roleRequests.id, own.request.id));
    await recordStatusChange(tx, { requestId: own.request.id, from: 'oczekujacy', to: 'odrzucony', reason: WITHDRAWN_REASON, by: input.userId, at: input.now });
    const profileStatus = await recomputeProfileStatus(tx, own.request.profileId, input.now);
    await recordAudit(tx, {
      action: 'request.withdrawn', actorUserId: input.userId, subjectType: 'role_request', subjectId: own.request.id, ip: input.meta.ip, requestId: input.meta.requestId,
      details: { number: own.request.number, profileStatus },
    });
    return 'ok';
  });
}

/** "Edytuj dane kontaktowe": only the contact data in SSOZ II; Profil Zaufany data is not touched. */
export async function updateContact(db: Db, input: { userId: string; profileId: string; phone: string; email: string; now: Date; meta: Meta }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const own = await ownProfile(tx, input.userId, input.profileId);
    if (!own) return false;
    await tx.update(profiles).set({ phone: input.phone, email: input.email, updatedAt: input.now }).where(eq(profiles.id, own.profile.id));
    await recordAudit(tx, {
      action: 'profile.contact_updated', actorUserId: input.userId, subjectType: 'profile', subjectId: own.profile.id, ip: input.meta.ip, requestId: input.meta.requestId,
      details: { before: { phone: own.profile.phone, email: own.profile.email }, after: { phone: input.phone, email: input.email } },
    });
    return true;
  });
}
