import { createHash, randomUUID } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { attachments, requestSubmissions, roleRequests, roles } from '../../../db/schema/index.ts';
import { detectAcceptedType, sanitizeFileName } from '../../../files/file-type.ts';
import type { FileStorage } from '../../../files/storage.ts';
import { QUEUES, type JobQueue } from '../../../jobs/queue.ts';
import { attachmentMessages as m } from './messages.ts';

type Meta = { ip: string; requestId: string };

/** enough for scans of every page and corrections; keeps one submission from filling the storage */
export const MAX_FILES_PER_SUBMISSION = 20;

/**
 * The user's own submission, whether files may still change (some request pending), and the
 * requests the files are for: the pending ones (a withdrawn or decided request needs no file).
 */
export async function ownSubmissionForFiles(db: DbOrTx, userId: string, submissionId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(submissionId)) return null;
  const [s] = await db.select().from(requestSubmissions).where(and(eq(requestSubmissions.id, submissionId), eq(requestSubmissions.userId, userId)));
  if (!s) return null;
  const reqs = await db
    .select({ number: roleRequests.number, status: roleRequests.status, roleName: roles.name })
    .from(roleRequests)
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(eq(roleRequests.submissionId, s.id))
    .orderBy(roleRequests.number);
  const pending = reqs.filter((r) => r.status === 'zapisany' || r.status === 'oczekujacy');
  return { submission: s, pendingRequests: pending, canChange: pending.length > 0 };
}

export type UploadOutcome = { ok: true; name: string } | { ok: false; name: string; message: string };

/**
 * Store one uploaded file. The bytes go to storage under a generated key while they arrive (the
 * multipart size limit cuts them off); type and emptiness are checked from what arrived. A refused
 * file is removed at once. An accepted one waits for the malware scan ("oczekujący na skanowanie").
 */
export async function storeUpload(
  deps: { db: Db; storage: FileStorage; queue: JobQueue; maxMb: number },
  input: { userId: string; submissionId: string; fileName: string; stream: Readable & { truncated?: boolean }; now: Date; meta: Meta },
): Promise<UploadOutcome> {
  const name = sanitizeFileName(input.fileName);
  const key = randomUUID();
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (head.length < 8) head = Buffer.concat([head, chunk]).subarray(0, 8);
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  let size: number;
  try {
    size = await deps.storage.put(key, input.stream.pipe(tap));
  } catch (err) {
    await deps.storage.delete(key);
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || input.stream.truncated) {
      return { ok: false, name, message: m.tooLarge(name, deps.maxMb) };
    }
    throw err;
  }
  const refuse = async (message: string): Promise<UploadOutcome> => {
    await deps.storage.delete(key);
    await recordAudit(deps.db, { action: 'attachment.refused', outcome: 'failure', actorUserId: input.userId, subjectType: 'submission', subjectId: input.submissionId, ip: input.meta.ip, requestId: input.meta.requestId, details: { name, size, message } });
    return { ok: false, name, message };
  };
  if (input.stream.truncated) return refuse(m.tooLarge(name, deps.maxMb));
  if (size === 0) return refuse(m.empty(name));
  const type = detectAcceptedType(name, head);
  if (!type) return refuse(m.badFormat(name));
  const stored = await deps.db.transaction(async (tx) => {
    // the requests may have been decided, or the cap reached, while the file was arriving
    const own = await ownSubmissionForFiles(tx, input.userId, input.submissionId);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(attachments).where(and(eq(attachments.submissionId, input.submissionId), isNull(attachments.deletedAt)));
    if (!own?.canChange || n >= MAX_FILES_PER_SUBMISSION) return false;
    const [row] = await tx
      .insert(attachments)
      .values({ submissionId: input.submissionId, ownerUserId: input.userId, originalName: name, storageKey: key, contentType: type.mime, sizeBytes: size, sha256: hash.digest('hex'), createdAt: input.now })
      .returning({ id: attachments.id });
    // the scan job commits with the file's row: no file is left without a scan on the way
    await deps.queue.send(tx, QUEUES.scanAttachment.name, { attachmentId: row!.id });
    await recordAudit(tx, { action: 'attachment.uploaded', actorUserId: input.userId, subjectType: 'attachment', subjectId: row!.id, ip: input.meta.ip, requestId: input.meta.requestId, details: { submissionId: input.submissionId, name, size, type: type.mime } });
    return true;
  });
  if (!stored) return refuse(m.closed(name, MAX_FILES_PER_SUBMISSION));
  return { ok: true, name };
}

/** A file the owner may remove ("Usuń"): pending or clean, of their own submission, while a request of it is pending. */
export async function deletableAttachment(db: DbOrTx, userId: string, submissionId: string, attachmentId: string) {
  const own = await ownSubmissionForFiles(db, userId, submissionId);
  if (!own?.canChange) return null;
  const [a] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.submissionId, own.submission.id), isNull(attachments.deletedAt), inArray(attachments.scanStatus, ['pending', 'clean'])));
  return a ?? null;
}

/**
 * "Tak, usuń plik": by the owner, while a request of the submission is pending. The bytes are deleted
 * inside the transaction that marks the row removed, so a failure leaves the file as it was and a
 * removed row never keeps its bytes. Returns the file's name, or null when there is nothing to remove.
 */
export async function deleteAttachment(deps: { db: Db; storage: FileStorage }, input: { userId: string; submissionId: string; attachmentId: string; now: Date; meta: Meta }): Promise<string | null> {
  return deps.db.transaction(async (tx) => {
    const a = await deletableAttachment(tx, input.userId, input.submissionId, input.attachmentId);
    if (!a) return null;
    const [done] = await tx
      .update(attachments)
      .set({ deletedAt: input.now, deletedReason: 'owner' })
      .where(and(eq(attachments.id, a.id), isNull(attachments.deletedAt), inArray(attachments.scanStatus, ['pending', 'clean'])))
      .returning({ id: attachments.id });
    if (!done) return null;
    await recordAudit(tx, { action: 'attachment.deleted', actorUserId: input.userId, subjectType: 'attachment', subjectId: a.id, ip: input.meta.ip, requestId: input.meta.requestId, details: { name: a.originalName } });
    await deps.storage.delete(a.storageKey);
    return a.originalName;
  });
}

/** A clean file of the user's own submission; pending and removed files cannot be downloaded by anyone. */
export async function downloadableAttachment(db: DbOrTx, userId: string, submissionId: string, attachmentId: string) {
  const own = await ownSubmissionForFiles(db, userId, submissionId);
  if (!own) return null;
  const [a] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.submissionId, own.submission.id), isNull(attachments.deletedAt), eq(attachments.scanStatus, 'clean')));
  return a ?? null;
}
