import { createHash, randomUUID } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.ts';
import { listSubmissionAttachments } from '../../../db/repositories/attachments.ts';
import { findAttachment, findSubmission } from '../../../db/repositories/subjects.ts';
import { notFound } from '../../../lib/errors.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { authorize } from '../../policies/index.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { attachments, roleRequests, roles } from '../../../db/schema/index.ts';
import { detectAcceptedType, sanitizeFileName } from '../../../files/file-type.ts';
import type { FileStorage } from '../../../files/storage.ts';
import { QUEUES, type JobQueue } from '../../../jobs/queue.ts';
import { attachmentMessages as m } from './messages.ts';

type Meta = { ip: string; requestId: string };

/** enough for scans of every page and corrections; keeps one submission from filling the storage */
export const MAX_FILES_PER_SUBMISSION = 20;

/** The requests a file is for: the saved or pending ones (a withdrawn or decided request needs no file). */
async function openRequests(db: DbOrTx, submissionId: string) {
  const reqs = await db
    .select({ number: roleRequests.number, status: roleRequests.status, roleName: roles.name })
    .from(roleRequests)
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(eq(roleRequests.submissionId, submissionId))
    .orderBy(roleRequests.number);
  return reqs.filter((r) => r.status === 'zapisany' || r.status === 'oczekujacy');
}

export type UploadOutcome = { ok: true; name: string } | { ok: false; name: string; message: string };

/**
 * Store one uploaded file. The bytes go to storage under a generated key while they arrive (the
 * multipart size limit cuts them off); type and emptiness are checked from what arrived. A refused
 * file is removed at once. An accepted one waits for the malware scan ("oczekujący na skanowanie").
 */
async function storeUpload(
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
    await recordAudit(deps.db, {
      action: 'attachment.refused',
      outcome: 'failure',
      actorUserId: input.userId,
      subjectType: 'submission',
      subjectId: input.submissionId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { name, size, message },
    });
    return { ok: false, name, message };
  };
  if (input.stream.truncated) return refuse(m.tooLarge(name, deps.maxMb));
  if (size === 0) return refuse(m.empty(name));
  const type = detectAcceptedType(name, head);
  if (!type) return refuse(m.badFormat(name));
  const stored = await deps.db.transaction(async (tx) => {
    // the requests may have been decided, or the cap reached, while the file was arriving
    const own = await findSubmission(tx, input.submissionId);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(attachments)
      .where(and(eq(attachments.submissionId, input.submissionId), isNull(attachments.deletedAt)));
    if (!own || !own.subject.open || own.submission.userId !== input.userId || n >= MAX_FILES_PER_SUBMISSION) return false;
    const [row] = await tx
      .insert(attachments)
      .values({
        submissionId: input.submissionId,
        ownerUserId: input.userId,
        originalName: name,
        storageKey: key,
        contentType: type.mime,
        sizeBytes: size,
        sha256: hash.digest('hex'),
        createdAt: input.now,
      })
      .returning({ id: attachments.id });
    // the scan job commits with the file's row: no file is left without a scan on the way
    await deps.queue.send(tx, QUEUES.scanAttachment.name, { attachmentId: row!.id });
    await recordAudit(tx, {
      action: 'attachment.uploaded',
      actorUserId: input.userId,
      subjectType: 'attachment',
      subjectId: row!.id,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { submissionId: input.submissionId, name, size, type: type.mime },
    });
    return true;
  });
  if (!stored) return refuse(m.closed(name, MAX_FILES_PER_SUBMISSION));
  return { ok: true, name };
}

/** "Załącz podpisany wniosek": list, upload, download and remove the files of one's own submission, authorised by the policies. */
export function attachmentService({ db, storage, queue, config }: ServiceDeps) {
  const maxMb = Math.round(config.attachmentMaxBytes / 1024 / 1024);
  return {
    maxMb,

    /** The attachments page: the submission's open requests and its files. */
    async overview(ctx: Ctx, input: { submissionId: string }) {
      const s = await findSubmission(db, input.submissionId);
      authorize(ctx.actor, 'submission.view', s?.subject);
      return {
        submission: s.submission,
        pendingRequests: await openRequests(db, s.submission.id),
        canChange: s.subject.open,
        files: await listSubmissionAttachments(db, s.submission.id),
      };
    },

    /** Files may be added: the submission is one's own and a request of it is saved or pending (else 404). */
    async openForUpload(ctx: Ctx, input: { submissionId: string }): Promise<string> {
      const s = await findSubmission(db, input.submissionId);
      authorize(ctx.actor, 'submission.attach', s?.subject);
      return s.submission.id;
    },

    /** One uploaded file, streamed to storage and checked (see storeUpload). */
    async store(ctx: Ctx, input: { submissionId: string; fileName: string; stream: Readable & { truncated?: boolean } }): Promise<UploadOutcome> {
      return storeUpload(
        { db, storage, queue, maxMb },
        {
          userId: ctx.actor.userId,
          submissionId: input.submissionId,
          fileName: input.fileName,
          stream: input.stream,
          now: ctx.now,
          meta: { ip: ctx.ip, requestId: ctx.requestId },
        },
      );
    },

    /** A file the owner may remove ("Usuń"): pending or clean, while a request of the submission is open. */
    async deletable(ctx: Ctx, input: { submissionId: string; fileId: string }) {
      const f = await findAttachment(db, input.submissionId, input.fileId);
      authorize(ctx.actor, 'attachment.delete', f?.subject);
      return f.attachment;
    },

    /**
     * "Tak, usuń plik". The bytes are deleted inside the transaction that marks the row removed, so a
     * failure leaves the file as it was and a removed row never keeps its bytes. Returns the file's name.
     */
    async remove(ctx: Ctx, input: { submissionId: string; fileId: string }): Promise<string> {
      return db.transaction(async (tx) => {
        const f = await findAttachment(tx, input.submissionId, input.fileId);
        authorize(ctx.actor, 'attachment.delete', f?.subject);
        const [done] = await tx
          .update(attachments)
          .set({ deletedAt: ctx.now, deletedReason: 'owner' })
          .where(and(eq(attachments.id, f.attachment.id), isNull(attachments.deletedAt), inArray(attachments.scanStatus, ['pending', 'clean'])))
          .returning({ id: attachments.id });
        if (!done) throw notFound();
        await recordAudit(tx, {
          action: 'attachment.deleted',
          ...auditOf(ctx),
          subjectType: 'attachment',
          subjectId: f.attachment.id,
          details: { name: f.attachment.originalName },
        });
        await storage.delete(f.attachment.storageKey);
        return f.attachment.originalName;
      });
    },

    /** A clean file of one's own submission; pending and removed files cannot be downloaded by anyone. */
    async downloadable(ctx: Ctx, input: { submissionId: string; fileId: string }) {
      const f = await findAttachment(db, input.submissionId, input.fileId);
      authorize(ctx.actor, 'attachment.download', f?.subject);
      return f.attachment;
    },
  };
}
