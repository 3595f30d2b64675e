/**
 * The groups of `npm run reliability`: each starts real services, breaks one on purpose and reports
 * what it tried and what was lost (must be nothing). See docs/reliability.md.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Browser, DEMO_PEOPLE, finishRequest, login, reportingUnits, submitRequest } from './flows.ts';
import { baseline, checkLedger } from './ledger.ts';
import { Clamd, freePort, newResult, Nginx, Portal, sleep, SmtpSink, tempDir, type GroupResult, type PrivatePostgres } from './lib.ts';
import { percentile } from '../bench/lib.ts';

export interface Ctx {
  quick: boolean;
  pg: PrivatePostgres;
  /** a fresh database copied from the seeded template */
  newDb(name: string): Promise<string>;
}

let ipSeq = 0;
/** a client address of its own for each browser (rate limits count per address; TRUST_PROXY=true) */
const nextIp = () => {
  ipSeq++;
  return `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
};

const short = (e: unknown) => String((e as Error).message ?? e).slice(0, 200);

/** The portal's own error log lines (LOG_LEVEL=error), summarised: fault groups expect some while a service is down. */
function errorLines(p: Portal): number {
  return p.errors.split('\n').filter((l) => l.includes('"level":50') || l.includes('"level":60')).length;
}

/** Waits for `cond` up to `ms`; answers whether it held. */
async function until(cond: () => Promise<boolean> | boolean, ms: number, every = 250): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await sleep(every);
  }
  return cond();
}

/** Browsers submitting requests in a loop until `stopAt()`; accepted ids and failures are counted. */
function submitLoop(browsers: Browser[], units: string[], keepGoing: () => boolean) {
  const accepted: string[] = [];
  const failures: string[] = [];
  let next = 0;
  const runs = browsers.map(async (b, i) => {
    while (keepGoing()) {
      const unit = units[next++];
      if (!unit) throw new Error('out of units');
      try {
        accepted.push(await submitRequest(b, unit, `rel${i}@example.pl`));
      } catch (e) {
        failures.push(short(e));
        await sleep(200);
      }
    }
  });
  return { accepted, failures, done: Promise.all(runs) };
}

async function signedInBrowsers(base: string, dbUrl: string, n: number): Promise<Browser[]> {
  const out: Browser[] = [];
  for (let i = 0; i < n; i++) {
    const b = new Browser(base, nextIp());
    await login(b, dbUrl, DEMO_PEOPLE[i]!);
    out.push(b);
  }
  return out;
}

async function sendContact(base: string, n: number): Promise<string[]> {
  const refs: string[] = [];
  for (let i = 0; i < n; i++) {
    const b = new Browser(base, nextIp());
    const page = await b.get('/kontakt');
    const formId = /name="formId" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const topic =
      /name="topic" value="([^"]+)"/.exec(page.body)?.[1] ?? /<option value="([^"]+)"/.exec(page.body.slice(page.body.indexOf('name="topic"')))?.[1] ?? '';
    const r = await b.post(
      '/kontakt',
      { formId, name: 'Test Niezawodności', email: `kontakt${i}@example.pl`, topic, message: `Wiadomość testowa numer ${i}.` },
      page.body,
    );
    if (r.status !== 303) throw new Error(`contact form answered ${r.status}: ${r.body.slice(0, 200)}`);
    refs.push(/nr=([\w-]+)/.exec(r.location)?.[1] ?? '?');
  }
  return refs;
}

/** E-mails the outbox holds since `since`, and how many times each reached the sink. */
async function mailLedger(ctx: Ctx, db: string, sink: SmtpSink, since: Date): Promise<{ ids: string[]; missing: string[]; twice: string[] }> {
  const rows = await ctx.pg.query<{ id: string }>(db, `select id::text from messaging.messages where channel = 'email' and created_at >= $1`, [since]);
  const ids = rows.map((r) => r.id);
  return {
    ids,
    missing: ids.filter((id) => !sink.received.has(id)),
    twice: ids.filter((id) => (sink.received.get(id) ?? 0) > 1),
  };
}

// ── 1. PostgreSQL restarted under load

export async function pgRestart(ctx: Ctx): Promise<GroupResult> {
  const r = newResult('postgres-restart');
  const db = await ctx.newDb('ssoz_rel_pg');
  const sink = await SmtpSink.create();
  await sink.start();
  const portal = await Portal.create({ databaseUrl: ctx.pg.url(db), dataDir: tempDir('portal'), smtpPort: sink.port });
  try {
    await portal.start();
    const browsers = await signedInBrowsers(portal.url, ctx.pg.url(db), 4);
    const units = await reportingUnits(ctx.pg.url(db), 5000);
    const base = await baseline(ctx.pg, db);
    const restarts = ctx.quick ? 1 : 4;
    const seconds = ctx.quick ? 14 : 80;
    const states: Array<[number, number]> = [];
    let polling = true;
    const started = Date.now();
    const poller = (async () => {
      while (polling) {
        const s = await fetch(`${portal.url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
          (x) => x.status,
          () => 0,
        );
        states.push([Date.now() - started, s]);
        await sleep(100);
      }
    })();
    const stopAt = started + seconds * 1000;
    const load = submitLoop(browsers, units, () => Date.now() < stopAt);
    const outages: string[] = [];
    for (let i = 0; i < restarts; i++) {
      await sleep(((seconds * 1000) / (restarts + 1)) * (i === 0 ? 0.6 : 1));
      const a = Date.now();
      await ctx.pg.restart();
      outages.push(`${((a - started) / 1000).toFixed(1)} s (${Date.now() - a} ms)`);
    }
    await load.done;
    const acceptedBefore = load.accepted.length;
    // recovery without restarting the portal: each browser (same sessions) submits again, and a job reaches the sink
    const after: string[] = [];
    for (const [i, b] of browsers.entries()) {
      try {
        after.push(await submitRequest(b, units[units.length - 1 - i]!, `after${i}@example.pl`));
      } catch (e) {
        r.lost.push(`after the restart, browser ${i} could not submit: ${short(e)}`);
      }
    }
    const since = new Date();
    await sendContact(portal.url, 1);
    const mailed = await until(async () => (await mailLedger(ctx, db, sink, since)).missing.length === 0, 60_000);
    polling = false;
    await poller;
    const red = states.filter(([, s]) => s !== 200);
    const firstRed = red[0]?.[0];
    const greenAfter = firstRed !== undefined && states.some(([t, s]) => t > firstRed && s === 200);
    r.tried.push(
      `${restarts} restart(s) of PostgreSQL (pg_ctl restart -m fast) at ${outages.join(', ')} under ${browsers.length} browsers submitting for ${seconds} s`,
      `${acceptedBefore + load.failures.length} submissions tried during the load: ${acceptedBefore} accepted, ${load.failures.length} refused while the database was away`,
      `readiness polled ${states.length} times: ${red.length} not ready`,
      `after the restarts: ${after.length}/${browsers.length} submissions with the same sessions, one contact message through the job queue`,
    );
    if (!red.length) r.lost.push('/readyz never went red during the restarts');
    if (!greenAfter) r.lost.push('/readyz did not go green again');
    if (!mailed) r.lost.push('a message queued after the restart never reached the SMTP sink (job workers did not recover)');
    const ledger = await checkLedger(ctx.pg, db, base, [...load.accepted, ...after]);
    r.lost.push(...ledger.lost);
    r.notes.push(...ledger.facts);
    if (load.failures.length) r.notes.push(`refused during the outage (expected, not accepted): ${[...new Set(load.failures)].slice(0, 3).join(' | ')}`);
  } finally {
    await portal.stop();
    await sink.stop();
  }
  return r;
}

// ── 2. SMTP down for a while

export async function smtpDown(ctx: Ctx): Promise<GroupResult> {
  const r = newResult('smtp-down');
  const db = await ctx.newDb('ssoz_rel_smtp');
  const sink = await SmtpSink.create();
  await sink.start();
  const portal = await Portal.create({ databaseUrl: ctx.pg.url(db), dataDir: tempDir('portal'), smtpPort: sink.port });
  try {
    await portal.start();
    const n = ctx.quick ? 4 : 20;
    const downMs = ctx.quick ? 6_000 : 60_000;
    await sink.stop();
    const since = new Date();
    const refs = await sendContact(portal.url, n);
    await sleep(downMs);
    const queuedWhileDown = await mailLedger(ctx, db, sink, since);
    await sink.start();
    const delivered = await until(async () => (await mailLedger(ctx, db, sink, since)).missing.length === 0, ctx.quick ? 90_000 : 600_000, 500);
    // a retry that would send a message twice comes after the first delivery: wait a little longer
    await sleep(ctx.quick ? 3000 : 15_000);
    const m = await mailLedger(ctx, db, sink, since);
    const attempts = await ctx.pg.query<{ a: number }>(
      db,
      `select coalesce(sum(attempts), 0)::int as a from messaging.messages where channel = 'email' and created_at >= $1`,
      [since],
    );
    r.tried.push(
      `SMTP sink stopped for ${downMs / 1000} s; ${refs.length} contact messages sent meanwhile (${queuedWhileDown.ids.length} e-mails queued, ${queuedWhileDown.ids.length - queuedWhileDown.missing.length} delivered while down)`,
      `sink started again: ${m.ids.length - m.missing.length}/${m.ids.length} delivered ${delivered ? '' : '(timed out) '}after ${attempts[0]?.a ?? '?'} delivery attempts in all`,
    );
    for (const id of m.missing) r.lost.push(`e-mail ${id} never delivered`);
    for (const id of m.twice) r.lost.push(`e-mail ${id} delivered ${sink.received.get(id)} times`);
    if (queuedWhileDown.ids.length - queuedWhileDown.missing.length > 0) r.lost.push('an e-mail was reported delivered while the SMTP server was down');
    if (!m.missing.length && !m.twice.length) r.notes.push(`every e-mail delivered exactly once (${m.ids.length})`);
  } finally {
    await portal.stop();
    await sink.stop();
  }
  return r;
}

// ── 3. clamd down

const PDF = (i: number) => Buffer.from(`%PDF-1.4\n% reliability test file ${i}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const EICAR = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*', 'latin1');

export async function clamdDown(ctx: Ctx): Promise<GroupResult> {
  const r = newResult('clamd-down');
  if (!Clamd.available()) {
    r.notes.push('SKIPPED: /usr/sbin/clamd not installed (apt-get install -y --no-install-recommends clamav-daemon)');
    return r;
  }
  const db = await ctx.newDb('ssoz_rel_clamd');
  const sink = await SmtpSink.create();
  await sink.start();
  const clamd = new Clamd(await freePort());
  clamd.start();
  const portal = await Portal.create({ databaseUrl: ctx.pg.url(db), dataDir: tempDir('portal'), smtpPort: sink.port, clamdUrl: clamd.url });
  try {
    await portal.start();
    const [b] = await signedInBrowsers(portal.url, ctx.pg.url(db), 1);
    const units = await reportingUnits(ctx.pg.url(db), 10);
    const submissionId = await submitRequest(b!, units[0]!, 'clamd@example.pl');
    clamd.stop();
    const downMs = ctx.quick ? 5_000 : 45_000;
    const files = ctx.quick ? 2 : 5;
    const page = await b!.get(`/wnioski/${submissionId}/zalaczniki`);
    const up = await b!.postFiles(
      `/wnioski/${submissionId}/zalaczniki`,
      [
        ...Array.from({ length: files }, (_, i) => ({ name: `podpisany-${i}.pdf`, data: PDF(i), type: 'application/pdf' })),
        { name: 'eicar.pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), EICAR]), type: 'application/pdf' },
      ],
      page.body,
    );
    if (up.status !== 303) r.lost.push(`upload while clamd was down answered ${up.status}`);
    const rows = () =>
      ctx.pg.query<{ name: string; scan_status: string; deleted_reason: string | null }>(
        db,
        'select original_name as name, scan_status, deleted_reason from portal.attachments where submission_id = $1',
        [submissionId],
      );
    await sleep(downMs);
    const whileDown = await rows();
    const pendingWhileDown = whileDown.filter((f) => f.scan_status === 'pending').length;
    clamd.start();
    const scanned = await until(async () => (await rows()).every((f) => f.scan_status !== 'pending'), ctx.quick ? 120_000 : 600_000, 500);
    const final = await rows();
    r.tried.push(
      `clamd stopped; ${files} clean PDFs and 1 EICAR file uploaded; clamd started again after ${downMs / 1000} s`,
      `while down: ${pendingWhileDown}/${whileDown.length} files pending (none downloadable); after: ${final.filter((f) => f.scan_status !== 'pending').length}/${final.length} scanned${scanned ? '' : ' (timed out)'}`,
    );
    if (whileDown.length !== files + 1) r.lost.push(`${whileDown.length} files recorded, ${files + 1} uploaded`);
    if (pendingWhileDown !== whileDown.length) r.lost.push('a file got a verdict while clamd was down');
    for (const f of final) {
      const want = f.name === 'eicar.pdf' ? 'infected' : 'clean';
      if (f.scan_status !== want) r.lost.push(`${f.name}: ${f.scan_status}, expected ${want}`);
    }
    if (!r.lost.length) r.notes.push('every file stayed pending while clamd was away and got its right verdict after (EICAR removed)');
  } finally {
    await portal.stop();
    try {
      clamd.stop();
    } catch {
      // already stopped
    }
    await sink.stop();
  }
  return r;
}

// ── 4. kill -9 of the portal in the middle of submissions

export async function kill9(ctx: Ctx): Promise<GroupResult> {
  const r = newResult('kill-9');
  const db = await ctx.newDb('ssoz_rel_kill');
  const sink = await SmtpSink.create();
  await sink.start();
  const portal = await Portal.create({ databaseUrl: ctx.pg.url(db), dataDir: tempDir('portal'), smtpPort: sink.port });
  try {
    await portal.start();
    const browsers = await signedInBrowsers(portal.url, ctx.pg.url(db), 4);
    const units = await reportingUnits(ctx.pg.url(db), 5000);
    const base = await baseline(ctx.pg, db);
    const rounds = ctx.quick ? 2 : 8;
    const accepted: string[] = [];
    let refused = 0;
    for (let round = 0; round < rounds; round++) {
      let running = true;
      const load = submitLoop(browsers, units.slice(round * 500), () => running);
      await sleep(2000 + Math.floor(Math.random() * 2000));
      await portal.kill9();
      running = false;
      await load.done;
      accepted.push(...load.accepted);
      refused += load.failures.length;
      await portal.start();
    }
    // the sessions outlive the process: the same browsers submit again
    const after: string[] = [];
    for (const [i, b] of browsers.entries()) after.push(await submitRequest(b, units[units.length - 1 - i]!, `after${i}@example.pl`));
    r.tried.push(
      `${rounds} × kill -9 of the portal 2–4 s into ${browsers.length} browsers submitting; ${accepted.length} submissions accepted, ${refused} cut off (no answer: not accepted)`,
      `restarted each time; ${after.length} submissions after the last restart with the same sessions`,
    );
    const ledger = await checkLedger(ctx.pg, db, base, [...accepted, ...after]);
    r.lost.push(...ledger.lost);
    r.notes.push(...ledger.facts);
  } finally {
    await portal.stop();
    await sink.stop();
  }
  return r;
}

// ── 5. a full disk for attachments

export async function diskFull(ctx: Ctx): Promise<GroupResult> {
  const r = newResult('disk-full');
  const db = await ctx.newDb('ssoz_rel_disk');
  const sink = await SmtpSink.create();
  await sink.start();
  const dataDir = tempDir('portal');
  const store = path.join(dataDir, 'attachments');
  mkdirSync(store, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k,mode=0700', 'ssoz-rel-full', store], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    r.notes.push(`SKIPPED: a small tmpfs could not be mounted (${short(e).split('\n')[0]}); run as root with mount permitted`);
    await sink.stop();
    return r;
  }
  const portal = await Portal.create({ databaseUrl: ctx.pg.url(db), dataDir, smtpPort: sink.port });
  try {
    await portal.start();
    const [b] = await signedInBrowsers(portal.url, ctx.pg.url(db), 1);
    const units = await reportingUnits(ctx.pg.url(db), 10);
    const submissionId = await submitRequest(b!, units[0]!, 'disk@example.pl');
    // what is in the store before (demo mode writes the demo queue's files at start)
    const listStore = () => readdirSync(store).flatMap((d) => (d === 'lost+found' ? [] : readdirSync(path.join(store, d)).map((f) => path.join(d, f))));
    const before = new Set(listStore());
    // fill the file system, leaving less than the file needs
    mkdirSync(path.join(store, 'ff'), { recursive: true });
    const filler = path.join(store, 'ff', 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(512 * 1024));
    } catch {
      // ENOSPC: full, as wanted
    }
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
    const page = await b!.get(`/wnioski/${submissionId}/zalaczniki`);
    const res = await b!.postFiles(`/wnioski/${submissionId}/zalaczniki`, [{ name: 'podpisany.pdf', data: big, type: 'application/pdf' }], page.body);
    const rows = () =>
      ctx.pg.query<{ n: number }>(db, 'select count(*)::int as n from portal.attachments where submission_id = $1 and deleted_at is null', [submissionId]);
    const [{ n: recorded } = { n: -1 }] = await rows();
    const leftovers = listStore().filter((f) => f !== 'ff/filler' && !before.has(f));
    const message = /Pliku nie załączono[^<]*/.exec(res.body)?.[0] ?? '';
    const logged = portal.errors.includes('attachment storage is full');
    r.tried.push(
      `attachments on a 512 KB tmpfs filled up; a 200 KB PDF uploaded: HTTP ${res.status}, message „${message || '(none)'}”, ${recorded} file(s) recorded, ${leftovers.length} partial file(s) left on disk`,
    );
    if (res.status >= 500) r.lost.push(`the upload on a full disk answered ${res.status}`);
    if (!message) r.lost.push(`no clear error shown for the upload on a full disk: ${/Nie udało[^<]*/.exec(res.body)?.[0] ?? res.body.slice(0, 200)}`);
    if (!logged) r.lost.push('the full disk was not logged as an error for the operators');
    if (recorded !== 0) r.lost.push(`${recorded} attachment(s) recorded although the bytes could not be written`);
    if (leftovers.length) r.lost.push(`partial file(s) left in the store: ${leftovers.join(', ')}`);
    // space again: the same upload succeeds
    rmSync(filler, { force: true });
    const page2 = await b!.get(`/wnioski/${submissionId}/zalaczniki`);
    const res2 = await b!.postFiles(`/wnioski/${submissionId}/zalaczniki`, [{ name: 'podpisany.pdf', data: big, type: 'application/pdf' }], page2.body);
    const [{ n: after } = { n: -1 }] = await rows();
    r.tried.push(`space freed; the same upload again: HTTP ${res2.status}, ${after} file(s) recorded`);
    if (res2.status !== 303 || after !== 1) r.lost.push('the upload did not succeed once space was back');
    if (!r.lost.length)
      r.notes.push('clear error to the user, an error line in the log, nothing recorded, nothing left on disk; works again once there is space');
  } finally {
    await portal.stop();
    try {
      execFileSync('umount', [store]);
    } catch {
      // not mounted
    }
    rmSync(dataDir, { recursive: true, force: true });
    await sink.stop();
  }
  return r;
}

// ── 6. two instances behind nginx on one PostgreSQL

export async function twoInstances(ctx: Ctx): Promise<GroupResult> {
  const r = newResult('nginx-two-instances');
  if (!Nginx.available()) {
    r.notes.push('SKIPPED: /usr/sbin/nginx not installed (apt-get install -y --no-install-recommends nginx-light)');
    return r;
  }
  const db = await ctx.newDb('ssoz_rel_nginx');
  const sink = await SmtpSink.create();
  await sink.start();
  const nginxPort = await freePort();
  const shared = { databaseUrl: ctx.pg.url(db), smtpPort: sink.port, publicUrl: `http://127.0.0.1:${nginxPort}` };
  const a = await Portal.create({ ...shared, dataDir: tempDir('portal-a') });
  const b = await Portal.create({ ...shared, dataDir: tempDir('portal-b') });
  const nginx = new Nginx(nginxPort, [a.port, b.port]);
  try {
    await a.start();
    await b.start();
    await nginx.start();
    const since = new Date();
    // login through nginx: every hop of the OIDC flow may land on either instance
    const browsers = await signedInBrowsers(nginx.url, ctx.pg.url(db), 4);
    const units = await reportingUnits(ctx.pg.url(db), 5000);
    const base = await baseline(ctx.pg, db);
    const seconds = ctx.quick ? 12 : 90;
    const started = Date.now();
    const stopAt = started + seconds * 1000;
    const accepted: string[] = [];
    const failures: string[] = [];
    let finished = 0;
    let next = 0;
    const runs = browsers.map(async (br, i) => {
      while (Date.now() < stopAt) {
        try {
          const id = await submitRequest(br, units[next++]!, `nginx${i}@example.pl`);
          accepted.push(id);
          await finishRequest(br, id);
          finished++;
        } catch (e) {
          failures.push(short(e));
          await sleep(200);
        }
      }
    });
    await sleep((seconds * 1000) / 2);
    const stopT = Date.now();
    await b.stop();
    const stoppedAfter = ((stopT - started) / 1000).toFixed(1);
    await Promise.all(runs);
    // the jobs of every finished submission (confirmation e-mails) reach the sink once, whichever instance ran them
    const delivered = await until(async () => (await mailLedger(ctx, db, sink, since)).missing.length === 0, ctx.quick ? 60_000 : 300_000, 500);
    // a job cut off by the stop is retried: wait until every e-mail's job is settled, then count what arrived
    const open = async () => {
      const ids = (await mailLedger(ctx, db, sink, since)).ids;
      const rows = await ctx.pg.query<{ n: number }>(
        db,
        `select count(*)::int as n from pgboss.job where name = 'deliver-message' and data->>'messageId' = any($1::text[]) and state not in ('completed', 'failed', 'cancelled')`,
        [ids],
      );
      return rows[0]?.n ?? 0;
    };
    const settled = await until(async () => (await open()) === 0, ctx.quick ? 90_000 : 300_000, 1000);
    if (!settled) r.lost.push(`${await open()} e-mail job(s) still not settled`);
    await sleep(2000);
    const m = await mailLedger(ctx, db, sink, since);
    // the e-mails' delivery jobs (SMS codes have no transport with SMTP_URL set and stay in retry: not counted)
    const workers = await ctx.pg.query<{ state: string; n: number }>(
      db,
      `select state, count(*)::int as n from pgboss.job where name = 'deliver-message' and data->>'messageId' = any($1::text[]) group by state`,
      [m.ids],
    );
    const served = nginx.served();
    r.tried.push(
      `2 instances behind nginx (round-robin) on one PostgreSQL; ${browsers.length} browsers logged in through nginx (OIDC hops on both instances)`,
      `${seconds} s of wizard submissions with "Zakończ": ${accepted.length} accepted, ${finished} finished, ${failures.length} failed; instance B stopped (SIGTERM) at ${stoppedAfter} s`,
      `e-mails: ${m.ids.length} queued, ${m.ids.length - m.missing.length} delivered${delivered ? '' : ' (timed out)'}; their jobs: ${workers.map((w) => `${w.n} ${w.state}`).join(', ')}`,
      `requests served through nginx: A ${served.get(a.port) ?? 0}, B ${served.get(b.port) ?? 0}`,
    );
    if (!served.get(a.port) || !served.get(b.port)) r.lost.push('nginx did not spread the requests over both instances');
    const ledger = await checkLedger(ctx.pg, db, base, accepted);
    r.lost.push(...ledger.lost);
    for (const id of m.missing) r.lost.push(`e-mail ${id} never delivered`);
    for (const id of m.twice) r.lost.push(`e-mail ${id} delivered ${sink.received.get(id)} times (a job ran twice)`);
    // failures: a request cut off by the stop is not accepted work; anything else is a defect
    const unexpected = failures.filter((f) => !/HTTP 50[234]|fetch failed|other side closed|aborted|socket/i.test(f));
    for (const f of unexpected.slice(0, 5)) r.lost.push(`unexpected failure: ${f}`);
    if (failures.length > 4 * browsers.length) r.lost.push(`${failures.length} failures: more than the requests in flight when B stopped`);
    r.notes.push(...ledger.facts);
    if (failures.length) r.notes.push(`failures when B stopped (in flight, not accepted): ${[...new Set(failures)].slice(0, 3).join(' | ')}`);
  } finally {
    await nginx.stop();
    await a.stop();
    await b.stop();
    await sink.stop();
  }
  return r;
}

// ── 7. load: N virtual users walking login → wizard → Moje konto

export const LOAD_USERS = 6;

export async function load(ctx: Ctx): Promise<GroupResult> {
  const r = newResult('load');
  const db = await ctx.newDb('ssoz_rel_load');
  const sink = await SmtpSink.create();
  await sink.start();
  const portal = await Portal.create({ databaseUrl: ctx.pg.url(db), dataDir: tempDir('portal'), smtpPort: sink.port });
  try {
    await portal.start();
    const dbUrl = ctx.pg.url(db);
    const units = await reportingUnits(dbUrl, 20_000);
    const seconds = ctx.quick ? 30 : 300;
    const stopAt = Date.now() + seconds * 1000;
    const requestsBefore = Browser.requests;
    const times: number[] = [];
    const errors: string[] = [];
    let next = 0;
    const maxIterations = ctx.quick ? 200 : 3000;
    // Profil Zaufany sends at most 10 codes per account per hour (PZ_LIMITS): a virtual user signs in
    // again with a new browser every `loginEvery` (at most 8 logins per account in a run) and walks
    // the wizard and Moje konto in between
    const loginEvery = Math.max(4000, (seconds * 1000) / 8);
    let logins = 0;
    const vus = Array.from({ length: LOAD_USERS }, async (_, i) => {
      let b: Browser | null = null;
      let loggedInAt = 0;
      while (Date.now() < stopAt && times.length + errors.length < maxIterations) {
        const t = Date.now();
        try {
          if (!b || t - loggedInAt >= loginEvery) {
            b = new Browser(portal.url, nextIp());
            loggedInAt = t;
            await login(b, dbUrl, DEMO_PEOPLE[i]!);
            logins++;
          }
          const id = await submitRequest(b, units[next++]!, `vu${i}@example.pl`);
          await finishRequest(b, id);
          times.push(Date.now() - t);
        } catch (e) {
          errors.push(short(e));
          b = null;
        }
      }
    });
    await Promise.all(vus);
    r.tried.push(
      `${LOAD_USERS} virtual users for ${seconds} s over loopback: login (Profil Zaufany simulator: password + SMS code; a new login every ${loginEvery / 1000} s per user) → wizard (unit, roles, summary, Zapisz) → PDF → Zakończ → Moje konto, repeated`,
      `${times.length + errors.length} iterations (${Browser.requests - requestsBefore} HTTP requests, ${((Browser.requests - requestsBefore) / seconds).toFixed(1)}/s), ${logins} logins, iteration p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms, max ${Math.max(...times)} ms; ${errors.length} errors`,
    );
    for (const e of [...new Set(errors)].slice(0, 5)) r.lost.push(`error: ${e}`);
    if (errors.length > 5) r.lost.push(`… ${errors.length} errors in all`);
    if (errorLines(portal) > 0) r.lost.push(`the portal logged ${errorLines(portal)} error line(s): ${portal.errors.slice(0, 300)}`);
  } finally {
    await portal.stop();
    await sink.stop();
  }
  return r;
}
