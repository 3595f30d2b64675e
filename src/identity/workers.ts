import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { QUEUES, type JobQueue } from '../jobs/queue.ts';
import { runMigration } from './account/service.ts';

/** The identity provider's background work: the ePŁOZ account search of a first login. */
export async function startIdentityWorkers(queue: JobQueue, deps: { db: Db; now: () => Date; lookupDelayMs: number; logger: Logger }): Promise<void> {
  await queue.boss.work<{ migrationId: string }>(QUEUES.eplozMigration.name, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      // the ePŁOZ search is a remote call that takes a while; the simulator keeps that visible
      if (deps.lookupDelayMs) await new Promise((r) => setTimeout(r, deps.lookupDelayMs));
      await runMigration(deps.db, job.data.migrationId, deps.now);
      deps.logger.info({ migrationId: job.data.migrationId }, 'ePŁOZ search finished');
    }
  });
}
