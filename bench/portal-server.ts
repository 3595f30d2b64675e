/**
 * The portal as `npm start` runs it (src/server.ts: loadConfig from the environment, bootstrap,
 * listen), plus the benchmark's test-only knobs, for bench/run.ts only. The knobs come from this
 * script's arguments, never from the environment (loadConfig refuses SSOZ_BENCHMARK_KNOBS), and
 * withBenchmarkKnobs() takes only a production configuration:
 *   --pz-simulator   the simulated Profil Zaufany is offered (production has the real one), and its SMS
 *                    are accepted by a sink as by a gateway; the load generator reads the code from the
 *                    outbox table, as the demo mailbox shows it.
 */
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig, withBenchmarkKnobs } from '../src/config/index.ts';

const config = withBenchmarkKnobs(loadConfig(), { pzSimulator: process.argv.includes('--pz-simulator') });
const running = await bootstrap(config);
await running.app.listen({ host: config.host, port: config.port });
let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  void running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
