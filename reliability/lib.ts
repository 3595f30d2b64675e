/**
 * Tools of the reliability runner (reliability/run.ts): a private PostgreSQL cluster, portal
 * processes, an SMTP sink, clamd and nginx started and stopped on purpose, and what each group
 * reports (what was tried, what was lost).
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { freePort, ROOT, startNode, stop, waitForHttp } from '../bench/lib.ts';

export { freePort, ROOT, stop, waitForHttp };

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const t0 = Date.now();
export const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);

/** What one group reports: every attempt counted, every loss named (a loss fails the run). */
export interface GroupResult {
  group: string;
  tried: string[];
  lost: string[];
  notes: string[];
}

export function newResult(group: string): GroupResult {
  return { group, tried: [], lost: [], notes: [] };
}

const made: string[] = [];

/** A temporary directory under the system's temp dir, removed by `removeTempDirs()` at the end of the run. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `ssoz-rel-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// ── PostgreSQL: a private cluster (initdb + pg_ctl) on its own port, so the shared server is never touched

function pgBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(path.join(base, v, 'bin', 'pg_ctl'))) return path.join(base, v, 'bin');
  throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)');
}

/** PostgreSQL refuses to run as root: as root the cluster is owned by and run as the `postgres` user. */
function asPgUser(cmd: string, args: string[]): [string, string[]] {
  if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', cmd, ...args]];
  return [cmd, args];
}

export class PrivatePostgres {
  readonly dir: string;
  readonly port: number;
  private readonly bin = pgBin();

  private constructor(dir: string, port: number) {
    this.dir = dir;
    this.port = port;
  }

  static async create(): Promise<PrivatePostgres> {
    const dir = tempDir('pg');
    const port = await freePort();
    const p = new PrivatePostgres(dir, port);
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
    p.run('initdb', ['-D', p.data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
    writeFileSync(
      path.join(p.data, 'postgresql.auto.conf'),
      [
        `port = ${port}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${p.dir}'`,
        'max_connections = 200',
        'fsync = on', // crash safety is what is tested: keep the defaults that give it
        'shared_buffers = 64MB',
        '',
      ].join('\n'),
    );
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', path.join(p.data, 'postgresql.auto.conf')]);
    p.start();
    return p;
  }

  get data(): string {
    return path.join(this.dir, 'data');
  }

  url(db = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${db}`;
  }

  private run(tool: string, args: string[]): void {
    const [cmd, a] = asPgUser(path.join(this.bin, tool), args);
    execFileSync(cmd, a, { stdio: ['ignore', 'ignore', 'pipe'] });
  }

  /** Asynchronous, so that this process keeps polling the portal while PostgreSQL is away. */
  private async runAsync(tool: string, args: string[]): Promise<void> {
    const [cmd, a] = asPgUser(path.join(this.bin, tool), args);
    await promisify(execFile)(cmd, a);
  }

  start(): void {
    this.run('pg_ctl', ['-D', this.data, '-l', path.join(this.dir, 'log'), '-w', '-t', '60', 'start']);
  }

  /** `fast`: open connections are ended (what a restart by an administrator or a failover does). */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  restart(): Promise<void> {
    return this.runAsync('pg_ctl', ['-D', this.data, '-l', path.join(this.dir, 'log'), '-m', 'fast', '-w', '-t', '60', 'restart']);
  }

  async query<T extends pg.QueryResultRow = Record<string, unknown>>(db: string, q: string, params: unknown[] = []): Promise<T[]> {
    const c = new pg.Client({ connectionString: this.url(db) });
    await c.connect();
    try {
      return (await c.query<T>(q, params)).rows;
    } finally {
      await c.end();
    }
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// ── the portal, as a child process (demo mode on PostgreSQL: the simulated Profil Zaufany signs users in)

export interface PortalOptions {
  databaseUrl: string;
  dataDir: string;
  smtpPort: number;
  clamdUrl?: string;
  publicUrl?: string;
  port?: number;
  extraEnv?: Record<string, string>;
}

/** Secrets shared by every instance of one run (two instances must read each other's sessions and PESELs). */
export const RUN_SECRETS = { SESSION_SECRET: randomBytes(32).toString('hex'), PESEL_KEY: randomBytes(32).toString('hex') };

export class Portal {
  child: ChildProcess | null = null;
  readonly port: number;
  private stderr = '';
  constructor(
    readonly opts: PortalOptions,
    port: number,
  ) {
    this.port = port;
  }

  static async create(opts: PortalOptions): Promise<Portal> {
    return new Portal(opts, opts.port ?? (await freePort()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  env(): Record<string, string> {
    return {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(this.port),
      DATABASE_URL: this.opts.databaseUrl,
      DATA_DIR: this.opts.dataDir,
      PUBLIC_URL: this.opts.publicUrl ?? this.url,
      SMTP_URL: `smtp://127.0.0.1:${this.opts.smtpPort}`,
      TRUST_PROXY: 'true',
      LOG_LEVEL: process.env.RELIABILITY_LOG_LEVEL ?? 'error',
      EPLOZ_LOOKUP_DELAY_MS: '0',
      ...RUN_SECRETS,
      ...(this.opts.clamdUrl ? { CLAMD_URL: this.opts.clamdUrl } : {}),
      ...this.opts.extraEnv,
    };
  }

  /** Starts the process and waits for /readyz (answers the milliseconds it took). */
  async start(timeoutMs = 180_000): Promise<number> {
    const started = Date.now();
    this.stderr = '';
    this.child = startNode('src/server.ts', this.env());
    // pino writes to stdout: both streams are kept (the tail) and always drained
    const keep = (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-20_000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    const child = this.child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, sig) => reject(new Error(`portal exited (${code ?? sig}) before it was ready:\n${this.stderr.slice(-3000)}`))),
    );
    return Promise.race([waitForHttp(`${this.url}/readyz`, started, timeoutMs), exited]);
  }

  /** What the process wrote last (pino JSON at LOG_LEVEL=error on stdout, and stderr). */
  get errors(): string {
    return this.stderr;
  }

  kill9(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    if (this.child) await stop(this.child);
  }
}

// ── SMTP sink: counts every message by the portal's X-SSOZ-Message-Id header

export class SmtpSink {
  private server: SMTPServer | null = null;
  /** DB message id → how many times it arrived */
  readonly received = new Map<string, number>();
  constructor(readonly port: number) {}

  static async create(): Promise<SmtpSink> {
    return new SmtpSink(await freePort());
  }

  get up(): boolean {
    return this.server !== null;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const id = /^X-SSOZ-Message-Id:\s*(\S+)/im.exec(raw)?.[1] ?? `(no id) ${raw.slice(0, 80)}`;
          this.received.set(id, (this.received.get(id) ?? 0) + 1);
          cb();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => {});
    this.server = server;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

// ── clamd, through scripts/clamd.sh (Debian's clamd with a one-signature EICAR database)

export class Clamd {
  constructor(readonly port: number) {}
  static available(): boolean {
    return existsSync('/usr/sbin/clamd');
  }
  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }
  start(): void {
    execFileSync('bash', [path.join(ROOT, 'scripts/clamd.sh'), 'start', String(this.port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  stop(): void {
    execFileSync('bash', [path.join(ROOT, 'scripts/clamd.sh'), 'stop', String(this.port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
}

// ── nginx, with its own configuration in a temp dir (never the system service)

export class Nginx {
  private child: ChildProcess | null = null;
  readonly dir = tempDir('nginx');
  constructor(
    readonly port: number,
    readonly upstreams: number[],
  ) {}
  static available(): boolean {
    return existsSync('/usr/sbin/nginx');
  }
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    mkdirSync(path.join(this.dir, 'tmp'), { recursive: true });
    const conf = path.join(this.dir, 'nginx.conf');
    writeFileSync(
      conf,
      `daemon off;
worker_processes 1;
pid ${this.dir}/nginx.pid;
error_log ${this.dir}/error.log warn;
events { worker_connections 1024; }
http {
  log_format up '$upstream_addr $status';
  access_log ${this.dir}/access.log up;
  client_body_temp_path ${this.dir}/tmp/body;
  proxy_temp_path ${this.dir}/tmp/proxy;
  fastcgi_temp_path ${this.dir}/tmp/fastcgi;
  uwsgi_temp_path ${this.dir}/tmp/uwsgi;
  scgi_temp_path ${this.dir}/tmp/scgi;
  client_max_body_size 25m;
  upstream portal {
${this.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${this.port};
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # the other instance takes a request the first could not: a connection refused, or a 503 of an
      # instance that is shutting down; a POST that reached an instance is never replayed (nginx's
      # default without non_idempotent), so it cannot be processed twice
      proxy_next_upstream error timeout http_503;
      proxy_connect_timeout 2s;
    }
  }
}
`,
    );
    this.child = spawn('/usr/sbin/nginx', ['-c', conf, '-p', this.dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    await waitForHttp(`${this.url}/healthz`, Date.now(), 30_000);
  }
  /** How many requests each upstream port answered (from the access log). */
  served(): Map<number, number> {
    const out = new Map<number, number>();
    const file = path.join(this.dir, 'access.log');
    if (!existsSync(file)) return out;
    for (const m of readFileSync(file, 'utf8').matchAll(/127\.0\.0\.1:(\d+)/g)) out.set(Number(m[1]), (out.get(Number(m[1])) ?? 0) + 1);
    return out;
  }

  async stop(): Promise<void> {
    if (this.child) await stop(this.child);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
