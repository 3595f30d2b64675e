/** Small tools of the benchmark runner: child processes, readiness, RSS sampling, percentiles, load. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

export const ROOT = new URL('..', import.meta.url).pathname;

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Resident and peak resident memory of a process in MB, from /proc (Linux). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: round(kb('VmRSS') / 1024), peakMb: round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; answers the samples (ms since start, MB). */
export function sampleRss(pid: number, everyMs: number): { stop(): Array<[number, number]> } {
  const started = Date.now();
  const samples: Array<[number, number]> = [];
  const take = () => {
    const m = memoryOf(pid);
    if (m) samples.push([Date.now() - started, m.rssMb]);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/** Least-squares slope of RSS over time, in MB per minute. */
export function slopeMbPerMin(samples: ReadonlyArray<[number, number]>): number {
  const n = samples.length;
  if (n < 2) return 0;
  const xs = samples.map(([t]) => t / 60_000);
  const ys = samples.map(([, y]) => y);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * The V8 flags `npm start` gives the portal (package.json, e.g. --max-semi-space-size), so the portal
 * is measured as it is started.
 */
export function portalNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((a) => /^--max-[a-z-]+=\d+$/.test(a));
}

export function startNode(
  script: string,
  env: Record<string, string>,
  opts: { quiet?: boolean; args?: readonly string[]; nodeArgs?: readonly string[] } = {},
): ChildProcess {
  const flags = script === 'src/server.ts' || script === 'bench/portal-server.ts' ? portalNodeFlags() : [];
  const child = spawn(
    process.execPath,
    [...flags, ...(opts.nodeArgs ?? []), '--import', 'tsx', '--import', './src/preload.mjs', script, ...(opts.args ?? [])],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', opts.quiet ? 'ignore' : 'pipe', 'pipe'],
    },
  );
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-4000);
  });
  child.on('exit', (code, signal) => {
    if (code && code !== 0 && signal === null) console.error(`${script} ended with ${code}:\n${err}`);
  });
  return child;
}

/** Waits until GET url answers `status`; answers the milliseconds it took from `since`. */
export async function waitForHttp(url: string, since: number, timeoutMs = 180_000, status = 200): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status === status) return Date.now() - since;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export type LoadResult = {
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  peakRssMb: number;
};

/**
 * Load from this process (not the one measured) with autocannon: `connections` keep-alive connections
 * for `seconds`, cycling through `paths`. Latencies are collected per response so p95 is exact;
 * a non-2xx answer or a socket error counts as an error.
 */
export async function load(opts: {
  url: string;
  paths: readonly string[];
  headers?: Record<string, string>;
  seconds: number;
  connections: number;
  pid: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const rss = sampleRss(opts.pid, 250);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.seconds,
        headers: opts.headers ?? {},
        requests: opts.paths.map((path) => ({ method: 'GET', path })),
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) errors++;
    });
  });
  const samples = rss.stop();
  errors += result.errors + result.timeouts;
  return {
    requests: latencies.length,
    throughput: round(latencies.length / opts.seconds),
    p50: round(percentile(latencies, 50), 2),
    p95: round(percentile(latencies, 95), 2),
    p99: round(percentile(latencies, 99), 2),
    errors,
    peakRssMb: Math.max(...samples.map(([, m]) => m)),
  };
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat (Linux clock ticks of 1/100 s); null when it is gone. */
function cpuSecondsOf(pid: number | string): { comm: string; seconds: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    // after ") ": state is field 3; utime and stime are fields 14 and 15
    const fields = stat.slice(close + 2).split(' ');
    return { comm, seconds: (Number(fields[11]) + Number(fields[12])) / 100 };
  } catch {
    return null;
  }
}

export interface CpuSplit {
  portal: number;
  postgres: number;
  runner: number;
}

export interface CpuSnapshot {
  portal: number;
  /** CPU seconds of each PostgreSQL process by pid */
  postgres: Map<string, number>;
  runner: number;
}

/**
 * CPU seconds used so far by the portal, by each PostgreSQL process (the backends serving the portal
 * included) and by this runner (the load generator): two snapshots around a scenario (cpuBetween) say
 * where the cores went.
 */
export function cpuNow(portalPid: number): CpuSnapshot {
  const postgres = new Map<string, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const p = cpuSecondsOf(entry);
    if (p && p.comm === 'postgres') postgres.set(entry, p.seconds);
  }
  const own = process.cpuUsage();
  return { portal: cpuSecondsOf(portalPid)?.seconds ?? NaN, postgres, runner: (own.user + own.system) / 1e6 };
}

/** CPU seconds between two snapshots; a PostgreSQL process that ended in between is not counted (an undercount). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuSplit {
  let postgres = 0;
  for (const [pid, s] of after.postgres) postgres += s - (before.postgres.get(pid) ?? 0);
  return { portal: after.portal - before.portal, postgres, runner: after.runner - before.runner };
}
