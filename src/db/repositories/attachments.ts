import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { attachments } from '../schema/index.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

/** The files of a submission that still exist (not deleted), oldest first. */
export async function listSubmissionAttachments(db: DbOrTx, submissionId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.submissionId, submissionId), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.createdAt));
}
