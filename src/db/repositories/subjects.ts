// Objects loaded by id for the policy layer: each row carries its owner, so `authorize()` decides
// (no query here filters by user: a foreign id is found, and refused by the policy with a 404).
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { attachments, profiles, requestSubmissions, roleRequests, roles, unitKinds, units } from '../schema/index.ts';
import type { ProfileStatus, RequestStatus } from '../../domain/status.ts';
import { UUID_RE } from '../../lib/ids.ts';

export async function findProfile(db: DbOrTx, profileId: string) {
  if (!UUID_RE.test(profileId)) return null;
  const [row] = await db
    .select({ profile: profiles, unitName: units.name, kindCode: units.kindCode, kindName: unitKinds.name })
    .from(profiles)
    .innerJoin(units, eq(units.id, profiles.unitId))
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(eq(profiles.id, profileId));
  if (!row) return null;
  return {
    ...row,
    subject: { type: 'profile' as const, ownerUserId: row.profile.userId, status: row.profile.status as ProfileStatus, unitId: row.profile.unitId },
  };
}

export async function findRequest(db: DbOrTx, requestId: string) {
  if (!UUID_RE.test(requestId)) return null;
  const [row] = await db
    .select({ request: roleRequests, ownerUserId: profiles.userId, roleName: roles.name, unitName: units.name, kindCode: units.kindCode })
    .from(roleRequests)
    .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
    .innerJoin(units, eq(units.id, profiles.unitId))
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(eq(roleRequests.id, requestId));
  if (!row) return null;
  const r = row.request;
  return {
    ...row,
    subject: {
      type: 'request' as const,
      ownerUserId: row.ownerUserId,
      status: r.status as RequestStatus,
      profileId: r.profileId,
      verifyingUnitId: r.verifyingUnitId,
    },
  };
}

export async function findSubmission(db: DbOrTx, submissionId: string) {
  if (!UUID_RE.test(submissionId)) return null;
  const [s] = await db.select().from(requestSubmissions).where(eq(requestSubmissions.id, submissionId));
  if (!s) return null;
  const statuses = (await db.select({ status: roleRequests.status }).from(roleRequests).where(eq(roleRequests.submissionId, s.id))).map(
    (r) => r.status as RequestStatus,
  );
  const open = statuses.some((st) => st === 'zapisany' || st === 'oczekujacy');
  return { submission: s, statuses, subject: { type: 'submission' as const, ownerUserId: s.userId, open } };
}

/** A file of a submission (the file must belong to that submission), with what the policy needs. */
export async function findAttachment(db: DbOrTx, submissionId: string, attachmentId: string) {
  if (!UUID_RE.test(attachmentId)) return null;
  const s = await findSubmission(db, submissionId);
  if (!s) return null;
  const [a] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.submissionId, s.submission.id)));
  if (!a) return null;
  const subject = {
    type: 'attachment' as const,
    ownerUserId: s.submission.userId,
    submissionOpen: s.subject.open,
    scanStatus: a.scanStatus as 'pending' | 'clean' | 'infected',
    deleted: a.deletedAt !== null,
  };
  return { attachment: a, submission: s.submission, subject };
}
