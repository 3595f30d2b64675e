import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../db/repositories/audit.ts';
import { attachments, profiles, requestSubmissions, roleRequests, roles, unitKinds, units } from '../db/schema/index.ts';
import { formatSize } from '../files/file-type.ts';
import type { MalwareScanner } from '../files/scanner.ts';
import type { FileStorage } from '../files/storage.ts';
import type { Outbox } from '../mail/outbox.ts';
import { fileRemovedNotice } from '../mail/templates.ts';

export interface ScanDeps {
  db: Db;
  storage: FileStorage;
  scanner: MalwareScanner | null;
  outbox: Outbox;
  logger: Logger;
  portalUrl: string;
  now: () => Date;
}

/**
 * Scan one uploaded file. Clean → "Bezpieczne pliki". Infected → three steps, each safe to repeat
 * when the job is retried after a crash: the verdict is recorded (the file stays out of every list
 * and download, which only show pending and clean files), the bytes are deleted, and only then is the
 * file marked removed, with the manual's e-mail queued and the audit written in that transaction. So
 * bytes never outlive a removed row. Without a verdict (scanner down, timeout, none configured) the
 * file stays pending and the job is retried with backoff; nothing is ever marked clean without a
 * clean verdict.
 */
export async function scanAttachment(deps: ScanDeps, attachmentId: string): Promise<'clean' | 'infected' | 'skipped'> {
  const [a] = await deps.db.select().from(attachments).where(eq(attachments.id, attachmentId));
  if (!a || a.deletedAt) return 'skipped';
  // a run that crashed after the verdict: finish the removal
  if (a.scanStatus === 'infected') return removeInfected(deps, a, a.scanDetail ?? '');
  if (a.scanStatus !== 'pending') return 'skipped';
  if (!deps.scanner) {
    deps.logger.error({ attachmentId, alert: 'malware_scanner_missing' }, 'ALERT: no malware scanner configured (CLAMD_URL); the file stays pending');
    throw new Error('no malware scanner configured');
  }
  let verdict;
  try {
    verdict = await deps.scanner.scan(deps.storage.get(a.storageKey));
  } catch (err) {
    await deps.db
      .update(attachments)
      .set({ scanAttempts: sql`${attachments.scanAttempts} + 1` })
      .where(eq(attachments.id, a.id));
    deps.logger.error(
      { attachmentId, err, attempts: a.scanAttempts + 1, alert: 'malware_scanner_unavailable' },
      'ALERT: malware scan failed; the file stays pending and will be retried',
    );
    throw err;
  }
  const now = deps.now();
  if (verdict.status === 'clean') {
    await deps.db.transaction(async (tx) => {
      const [done] = await tx
        .update(attachments)
        .set({ scanStatus: 'clean', scannedAt: now, scanDetail: deps.scanner!.name, scanAttempts: sql`${attachments.scanAttempts} + 1` })
        .where(and(eq(attachments.id, a.id), eq(attachments.scanStatus, 'pending'), isNull(attachments.deletedAt)))
        .returning({ id: attachments.id });
      if (done)
        await recordAudit(tx, {
          action: 'attachment.scanned',
          subjectType: 'attachment',
          subjectId: a.id,
          details: { verdict: 'clean', scanner: deps.scanner!.name },
        });
    });
    return 'clean';
  }
  // step 1: the verdict, kept even if the process dies before the removal is done
  const [marked] = await deps.db
    .update(attachments)
    .set({ scanStatus: 'infected', scannedAt: now, scanDetail: verdict.signature, scanAttempts: sql`${attachments.scanAttempts} + 1` })
    .where(and(eq(attachments.id, a.id), eq(attachments.scanStatus, 'pending'), isNull(attachments.deletedAt)))
    .returning();
  // removed by its owner meanwhile: the owner's removal deletes the bytes
  if (!marked) return 'skipped';
  return removeInfected(deps, marked, verdict.signature);
}

/** Steps 2 and 3 of an infected file: delete the bytes, then record the removal and queue the e-mail. */
async function removeInfected(deps: ScanDeps, a: typeof attachments.$inferSelect, signature: string): Promise<'infected' | 'skipped'> {
  await deps.storage.delete(a.storageKey);
  const removed = await deps.db.transaction(async (tx) => {
    const [done] = await tx
      .update(attachments)
      .set({ deletedAt: deps.now(), deletedReason: 'malware' })
      .where(and(eq(attachments.id, a.id), eq(attachments.scanStatus, 'infected'), isNull(attachments.deletedAt)))
      .returning({ id: attachments.id });
    if (!done) return false;
    const [ctx] = await tx
      .select({ email: requestSubmissions.contactEmail, unitName: units.name, kindName: unitKinds.name })
      .from(requestSubmissions)
      .innerJoin(profiles, eq(profiles.id, requestSubmissions.profileId))
      .innerJoin(units, eq(units.id, profiles.unitId))
      .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
      .where(eq(requestSubmissions.id, a.submissionId));
    const reqs = await tx
      .select({ number: roleRequests.number, roleName: roles.name })
      .from(roleRequests)
      .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
      .where(eq(roleRequests.submissionId, a.submissionId));
    if (ctx) {
      const kind = a.contentType === 'application/pdf' ? 'PDF' : 'JPG';
      await deps.outbox.enqueue(tx, {
        channel: 'email',
        to: ctx.email,
        ...fileRemovedNotice({
          fileLabel: `${a.originalName} (${kind} ${formatSize(a.sizeBytes)})`,
          unitName: ctx.unitName,
          unitKindName: ctx.kindName,
          requests: reqs,
          portalUrl: deps.portalUrl,
        }),
      });
    }
    await recordAudit(tx, {
      action: 'attachment.infected',
      outcome: 'failure',
      subjectType: 'attachment',
      subjectId: a.id,
      details: { signature, name: a.originalName, submissionId: a.submissionId },
    });
    return true;
  });
  if (!removed) return 'skipped';
  deps.logger.warn({ attachmentId: a.id, signature }, 'infected file removed');
  return 'infected';
}
