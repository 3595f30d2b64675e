import { PgBoss, fromDrizzle, fromPglite } from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, DbOrTx } from '../db/client.ts';

/** Queue names in one place, with their retry policy. */
export const QUEUES = {
  deliverMessage: { name: 'deliver-message', retryLimit: 10, retryDelay: 5, retryBackoff: true, retryDelayMax: 900 },
  /** the malware scan of an uploaded file: retried with backoff while the scanner is unreachable */
  scanAttachment: { name: 'scan-attachment', retryLimit: 50, retryDelay: 10, retryBackoff: true, retryDelayMax: 1800 },
  eplozMigration: { name: 'eploz-migration', retryLimit: 5, retryDelay: 2, retryBackoff: true, retryDelayMax: 60 },
  /** hourly housekeeping: expired sessions and oidc-provider models (see jobs/purge-expired.ts) */
  purgeExpired: { name: 'purge-expired', retryLimit: 2, retryDelay: 60, retryBackoff: true, retryDelayMax: 300 },
  /** the daily digest of pending role requests to each verifying unit (see jobs/request-digest.ts) */
  requestDigest: { name: 'request-digest', retryLimit: 3, retryDelay: 300, retryBackoff: true, retryDelayMax: 3600 },
} as const;

/** When the daily digest of pending role requests goes out (cron, Polish time): 7:00 every day. */
export const DIGEST_SCHEDULE = '0 7 * * *';

/** When the housekeeping job runs (cron, UTC): at minute 7 of every hour. */
export const PURGE_SCHEDULE = '7 * * * *';

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]['name'];

/**
 * Jobs live in the database (pg-boss) so nothing is lost when a mail server or scanner is down and
 * several instances can share the work. On PGlite the single connection is shared with the app.
 */
export class JobQueue {
  private constructor(readonly boss: PgBoss) {}

  static async start(database: Database, logger: Logger): Promise<JobQueue> {
    const common = { schema: 'pgboss', superviseIntervalSeconds: 30, maintenanceIntervalSeconds: 120, monitorIntervalSeconds: 300 } as const;
    const boss = database.pglite
      ? new PgBoss({ ...common, db: fromPglite(database.pglite), backend: 'pglite' })
      : new PgBoss({ ...common, connectionString: database.url ?? '', max: 4 });
    boss.on('error', (err: unknown) => logger.error({ err }, 'job queue error'));
    await boss.start();
    for (const q of Object.values(QUEUES)) {
      const { name, ...policy } = q;
      if (!(await boss.getQueue(name))) await boss.createQueue(name, policy);
    }
    return new JobQueue(boss);
  }

  /** Enqueue inside the caller's transaction: the job exists only if the transaction commits. */
  async send(tx: DbOrTx, queue: QueueName, data: object): Promise<string | null> {
    // drizzle's execute() is typed as unknown rows; pg-boss's adapter only needs it to run SQL
    return this.boss.send(queue, data, { db: fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql) });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5000 });
  }
}
