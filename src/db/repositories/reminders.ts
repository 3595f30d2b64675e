import { and, asc, eq, exists, isNull, not, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { attachments, profiles, roleRequests, roles } from '../schema/index.ts';

export interface MissingAttachment {
  id: string;
  number: string;
  roleName: string;
  submittedAt: Date;
}

/**
 * Pending requests of the user whose submission has no safe file and which the user did not mark
 * "Plik został wysłany mailem lub wydruk pocztą" — the login reminder lists them.
 */
export async function requestsMissingAttachment(db: DbOrTx, userId: string): Promise<MissingAttachment[]> {
  const hasCleanFile = exists(
    db
      .select({ one: sql`1` })
      .from(attachments)
      .where(and(eq(attachments.submissionId, roleRequests.submissionId), eq(attachments.scanStatus, 'clean'), isNull(attachments.deletedAt))),
  );
  return db
    .select({ id: roleRequests.id, number: roleRequests.number, roleName: roles.name, submittedAt: roleRequests.submittedAt })
    .from(roleRequests)
    .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(and(eq(profiles.userId, userId), eq(roleRequests.status, 'oczekujacy'), eq(roleRequests.reminderOptOut, false), not(hasCleanFile)))
    .orderBy(asc(roleRequests.year), asc(roleRequests.seq));
}
