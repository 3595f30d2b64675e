import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { MessageTransport } from '../mail/transports.ts';
import { deliverMessage } from './deliver-message.ts';
import { scanAttachment, type ScanDeps } from './scan-attachment.ts';
import { purgeExpired } from './purge-expired.ts';
import { DIGEST_SCHEDULE, PURGE_SCHEDULE, QUEUES, type JobQueue } from './queue.ts';
import { sendRequestDigests } from './request-digest.ts';
import type { Outbox } from '../mail/outbox.ts';

/** Register the background workers of this instance. Several instances may run them side by side. */
export async function startWorkers(
  queue: JobQueue,
  deps: { db: Db; transport: MessageTransport; logger: Logger; scan: ScanDeps; digest: { outbox: Outbox; portalUrl: string; decisionDays: number } },
): Promise<void> {
  await queue.boss.work<{ attachmentId: string }>(QUEUES.scanAttachment.name, { pollingIntervalSeconds: 2, batchSize: 1 }, async (jobs) => {
    for (const job of jobs) await scanAttachment(deps.scan, job.data.attachmentId);
  });
  await queue.boss.work<{ messageId: string }>(QUEUES.deliverMessage.name, { pollingIntervalSeconds: 2, batchSize: 5 }, async (jobs) => {
    for (const job of jobs) await deliverMessage(deps.db, deps.transport, job.data.messageId, deps.logger);
  });
  // the app clock (tests set it) is the one the scan job already uses
  await queue.boss.work(QUEUES.purgeExpired.name, { pollingIntervalSeconds: 5, batchSize: 1 }, async () => {
    await purgeExpired(deps.db, deps.scan.now(), deps.logger);
  });
  // one schedule per queue name, shared by every instance (pg-boss keeps it in the database)
  await queue.boss.schedule(QUEUES.purgeExpired.name, PURGE_SCHEDULE, {}, { tz: 'UTC' });
  // the digest: idempotent per unit and day, so a retry or a second instance sends nothing twice
  await queue.boss.work(QUEUES.requestDigest.name, { pollingIntervalSeconds: 30, batchSize: 1 }, async () => {
    await sendRequestDigests({ db: deps.db, logger: deps.logger, ...deps.digest }, deps.scan.now());
  });
  await queue.boss.schedule(QUEUES.requestDigest.name, DIGEST_SCHEDULE, {}, { tz: 'Europe/Warsaw' });
}
