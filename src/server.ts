import { ConfigError, loadConfig } from './config/index.ts';
import { needsDemoDataDir, pgliteDirFor, prepareDemoDataDir } from './demo/first-start.ts';
import { FormDefinitionError } from './reporting/definitions.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const started = Date.now();
  // a first demo start copies the prepared demo database before the app loads; when none is prepared, a
  // child process builds it while this one loads the app (2 cores: at once)
  const demoDataDir = needsDemoDataDir(config) ? prepareDemoDataDir(pgliteDirFor(config)) : null;
  demoDataDir?.catch(() => {}); // awaited, and its failure reported, in bootstrap
  const { bootstrap } = await import('./bootstrap.ts');
  const running = await bootstrap(config, { demoDataDir });
  await running.app.listen({ host: config.host, port: config.port });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite w ${config.dataDir}`;
  console.log(`\nSSOZ II działa: ${config.publicUrl}  (baza: ${where}, start ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (config.demo) {
    console.log('Tryb demonstracyjny: konta demonstracyjne opisano w README.md (sekcja „Demo accounts”),');
    console.log(`wiadomości e-mail i SMS: ${config.publicUrl}/dev/poczta\n`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    running.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await running.close();
      process.exit(0);
    } catch (err) {
      console.error(err);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  // a form definition that fails its check: every message, no stack trace
  if (err instanceof FormDefinitionError) {
    console.error(`SSOZ II nie uruchomił się. ${err.message}`);
    process.exit(78);
  }
  console.error('SSOZ II nie uruchomił się:', err);
  process.exit(1);
});
