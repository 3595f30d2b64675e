import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/index.ts';
import { buildApp } from './app.ts';
import { openDatabase, type Database } from './db/client.ts';
import { DEMO_SEEDS, demoSeedFingerprint, needsDemoDataDir, pgliteDirFor, prepareDemoDataDir } from './demo/first-start.ts';
import { seedReferenceData } from './db/seed/reference.ts';
import { recordSeedState, seedStateOf } from './db/seed/state.ts';
import { formRegistry } from './reporting/definitions.ts';
import { JobQueue } from './jobs/queue.ts';
import { startWorkers } from './jobs/workers.ts';
import { createLogger } from './lib/logger.ts';
import { createProvider } from './identity/provider.ts';
import { LocalFileStorage } from './files/storage.ts';
import { createScanner } from './files/scanner.ts';
import { startIdentityWorkers } from './identity/workers.ts';
import { Outbox } from './mail/outbox.ts';
import { createServices } from './portal/services.ts';
import { peselLinkHash } from './portal/auth/pesel-link.ts';
import { sealPesel } from './portal/auth/pesel-vault.ts';
import { BenchmarkSmsSink, DemoMailboxTransport, SmtpTransport, type MessageTransport } from './mail/transports.ts';

export interface Running {
  app: FastifyInstance;
  database: Database;
  queue: JobQueue;
  transport: MessageTransport;
  close(): Promise<void>;
}

export { pgliteDirFor };

/**
 * Open (and on a first demo start create from the prepared template) the database, migrate it, bring the
 * reference and demo data up to date, start the job queue and the
 * workers, and build the app. Used by the server and by the browser tests.
 */
export async function bootstrap(
  config: Config,
  opts: {
    database?: Database;
    now?: () => Date;
    /** the demo's first-start preparation, already started by the caller (server.ts) */
    demoDataDir?: Promise<{ ms: number; built: boolean }> | null;
  } = {},
): Promise<Running> {
  const log = createLogger(config.logLevel);
  // the form definitions are checked before anything else: a bad file stops the start with its messages
  formRegistry();
  // a first start of the demo on PGlite: the data directory is copied from the prepared demo database, built
  // first in a child process when there is none (src/demo/first-start.ts); server.ts starts this before it
  // loads the app, tests and tools get it here
  const pgliteDir = pgliteDirFor(config);
  if (!opts.database) {
    const preparing = opts.demoDataDir ?? (needsDemoDataDir(config) ? prepareDemoDataDir(pgliteDir) : null);
    if (preparing) {
      const { ms, built } = await preparing;
      log.info({ ms, built }, built ? 'demo database template built and copied' : 'demo database copied from the template');
    }
  }
  const database =
    opts.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDir,
      onIdleError: (err) => log.warn({ err }, 'an idle database connection was closed by the server'),
    }));
  await database.migrate();
  // the demo on a data directory whose reference and demo data were brought up to date from this very code
  // and keys skips the seeds (~0.9 s of a start, issue #11); production syncs the reference data every time
  const seeds = config.seedDemoData ? demoSeedFingerprint(config) : null;
  if (seeds && (await seedStateOf(database.db, DEMO_SEEDS)) === seeds) {
    log.info('reference and demo data unchanged since they were last seeded: seeds skipped');
  } else {
    await seedReferenceData(database.db);
    if (config.seedDemoData) {
      const { seedDemoData } = await import('./demo/seed-demo.ts');
      const started = Date.now();
      const { unitsInserted } = await seedDemoData(database.db, {
        peselHash: (pesel) => peselLinkHash(config, pesel),
        peselSeal: (pesel) => sealPesel(config.peselKey, pesel),
      });
      if (unitsInserted > 0) log.info({ unitsInserted, ms: Date.now() - started }, 'demo data loaded');
    }
    if (seeds) await recordSeedState(database.db, DEMO_SEEDS, seeds, new Date());
  }
  const queue = await JobQueue.start(database, log);
  const mail: MessageTransport = config.smtpUrl ? new SmtpTransport(config.smtpUrl, config.mailFrom) : new DemoMailboxTransport();
  const transport = config.benchmark?.pzSimulator ? new BenchmarkSmsSink(mail) : mail;
  const now = opts.now ?? (() => new Date());
  const provider = config.oidc.issuer ? null : await createProvider(config, database.db, { now });
  if (config.workers) await startIdentityWorkers(queue, { db: database.db, now, lookupDelayMs: config.eplozLookupDelayMs, logger: log });
  const storage = new LocalFileStorage(path.join(config.dataDir, 'attachments'));
  const outbox = new Outbox(queue);
  if (config.demo) {
    // the demo queue's safe files: rows come with the demo data, bytes go to this app's storage
    const { ensureDemoFiles } = await import('./demo/demo-files.ts');
    await ensureDemoFiles(database.db, storage);
  }
  if (config.workers) {
    const scan = { db: database.db, storage, scanner: createScanner(config), outbox, logger: log, portalUrl: config.publicUrl, now };
    const digest = { outbox, portalUrl: config.publicUrl, decisionDays: config.requests.decisionDays };
    await startWorkers(queue, { db: database.db, transport, logger: log, scan, digest });
  }
  const services = createServices({ db: database.db, outbox, queue, storage, clock: now, config });
  const app = await buildApp({ config, database, queue, outbox, provider, storage, services, now });
  return {
    app,
    database,
    queue,
    transport,
    async close() {
      await app.close();
      await queue.stop();
      transport.close?.();
      await database.close();
    },
  };
}
