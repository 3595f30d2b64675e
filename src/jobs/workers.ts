import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { MessageTransport } from '../mail/transports.ts';
import { deliverMessage } from './deliver-message.ts';
import { scanAttachment, type ScanDeps } from './scan-attachment.ts';
import { QUEUES, type JobQueue } from './queue.ts';

/** Register the background workers of this instance. Several instances may run them side by side. */
export async function startWorkers(queue: JobQueue, deps: { db: Db; transport: MessageTransport; logger: Logger; scan: ScanDeps }): Promise<void> {
  await queue.boss.work<{ attachmentId: string }>(QUEUES.scanAttachment.name, { pollingIntervalSeconds: 2, batchSize: 1 }, async (jobs) => {
    for (const job of jobs) await scanAttachment(deps.scan, job.data.attachmentId);
  });
  await queue.boss.work<{ messageId: string }>(
    QUEUES.deliverMessage.name,
    { pollingIntervalSeconds: 2, batchSize: 5 },
    async (jobs) => {
      for (const job of jobs) await deliverMessage(deps.db, deps.transport, job.data.messageId, deps.logger);
    },
  );
}
