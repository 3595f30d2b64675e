import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BENCHMARK_KNOBS_VAR, ConfigError, loadConfig, withBenchmarkKnobs } from '../../src/config/index.ts';
import { BenchmarkSmsSink, type DeliverableMessage, type MessageTransport } from '../../src/mail/transports.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'ssoz-knobs-'));
const PRODUCTION = {
  NODE_ENV: 'production',
  TRUST_PROXY: '1',
  SESSION_SECRET: 's'.repeat(40),
  PESEL_KEY: 'ab'.repeat(32),
  DATABASE_URL: 'postgres://u@db/ssoz',
  SMTP_URL: 'smtp://mail:25',
  PUBLIC_URL: 'https://ssoz.example.pl',
};
const SRC = path.join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The benchmark's test-only knobs (issue #11): the simulated Profil Zaufany in a production-configured process. */
describe('benchmark knobs', () => {
  it('production and demo configurations have none, and refuse the environment variable that might be expected to set them', () => {
    assert.equal(loadConfig(PRODUCTION).benchmark, null);
    assert.equal(loadConfig({ DATA_DIR: tmp() }).benchmark, null);
    for (const env of [PRODUCTION, { DATA_DIR: tmp() }, { NODE_ENV: 'test', DATA_DIR: tmp() }]) {
      assert.throws(
        () => loadConfig({ ...env, [BENCHMARK_KNOBS_VAR]: 'pz-simulator' }),
        (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.startsWith(`${BENCHMARK_KNOBS_VAR}:`)),
        env.NODE_ENV ?? 'demo',
      );
    }
  });

  it('only a production configuration takes them, and only as a new frozen copy', () => {
    const prod = loadConfig(PRODUCTION);
    const bench = withBenchmarkKnobs(prod, { pzSimulator: true });
    assert.deepEqual(bench.benchmark, { pzSimulator: true });
    assert.equal(prod.benchmark, null, 'the production configuration itself is unchanged');
    assert.ok(Object.isFrozen(bench) && Object.isFrozen(bench.benchmark));
    assert.equal(bench.isProduction, true);
    assert.equal(bench.demo, false);
    assert.throws(() => withBenchmarkKnobs(loadConfig({ DATA_DIR: tmp() }), { pzSimulator: true }), ConfigError);
  });

  it('no module of src/ switches them on: only bench/portal-server.ts calls withBenchmarkKnobs', () => {
    const callers = sourceFiles(SRC)
      .filter((f) => readFileSync(f, 'utf8').includes('withBenchmarkKnobs('))
      .map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    assert.deepEqual(callers, ['config/index.ts'], 'defined there, called nowhere else in src/');
    const bench = readFileSync(path.join(SRC, '..', 'bench', 'portal-server.ts'), 'utf8');
    assert.match(bench, /withBenchmarkKnobs\(/);
    assert.doesNotMatch(readFileSync(path.join(SRC, 'server.ts'), 'utf8'), /benchmark/i, 'npm start never takes them');
  });

  it('the SMS sink accepts an SMS without sending it and hands e-mail to the real transport', async () => {
    const sent: DeliverableMessage[] = [];
    let closed = false;
    const inner: MessageTransport = {
      name: 'smtp',
      async deliver(m) {
        sent.push(m);
      },
      close() {
        closed = true;
      },
    };
    const sink = new BenchmarkSmsSink(inner);
    const msg = (channel: string): DeliverableMessage => ({ id: channel, channel, to: 'x', subject: null, text: 'Kod: 123456', html: null });
    await sink.deliver(msg('sms'));
    await sink.deliver(msg('email'));
    assert.deepEqual(
      sent.map((m) => m.channel),
      ['email'],
    );
    assert.equal(sink.name, 'smtp');
    sink.close();
    assert.ok(closed);
  });
});
