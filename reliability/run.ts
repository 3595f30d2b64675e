/**
 * `npm run reliability` (long versions) and `npm run reliability -- --quick` (the short CI version, a few
 * minutes): real services started and broken on purpose — PostgreSQL restarted under load, the SMTP
 * server and clamd down, kill -9 of the portal mid-submission, a full disk for attachments, two
 * instances behind nginx, and a load of virtual users; in the long run also the authorisation matrix
 * and the form fuzzing with 3000 cases (test-groups.ts). Each group prints what it tried and what was
 * lost; any loss makes the exit code 1. `--only=a,b` runs some groups. See docs/reliability.md.
 *
 * Needs: PostgreSQL server binaries (/usr/lib/postgresql/<v>/bin; a private cluster is created in a
 * temp dir on a free port, the shared server is not touched), and for two groups clamd and nginx
 * (Debian packages clamav-daemon and nginx-light; a group whose program is missing says SKIPPED).
 * The disk group mounts a 512 KB tmpfs (root).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clamdDown, diskFull, kill9, load, pgRestart, smtpDown, twoInstances, type Ctx } from './groups.ts';
import { authzMatrix, formFuzz } from './test-groups.ts';
import { log, Portal, PrivatePostgres, removeTempDirs, ROOT, SmtpSink, tempDir, type GroupResult } from './lib.ts';

const quick = process.argv.includes('--quick');
/** No fault group selected: the private cluster is not needed. */
class Skip extends Error {}
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const GROUPS: Record<string, (ctx: Ctx) => Promise<GroupResult>> = {
  'postgres-restart': pgRestart,
  'smtp-down': smtpDown,
  'clamd-down': clamdDown,
  'kill-9': kill9,
  'disk-full': diskFull,
  'nginx-two-instances': twoInstances,
  load,
};
/**
 * The authorisation matrix and the form fuzzing (test files on PGlite, no services): in the long run by
 * default, the fuzzing with 3000 cases; the quick run leaves them to `npm test` unless --only names them.
 */
const TEST_GROUPS: Record<string, () => Promise<GroupResult>> = {
  'authz-matrix': authzMatrix,
  'form-fuzz': () => formFuzz(quick),
};
for (const o of only ?? [])
  if (!GROUPS[o] && !TEST_GROUPS[o]) throw new Error(`unknown group ${o}; groups: ${[...Object.keys(TEST_GROUPS), ...Object.keys(GROUPS)].join(', ')}`);

const started = Date.now();
const results: GroupResult[] = [];
function report(r: GroupResult): void {
  results.push(r);
  for (const line of r.tried) console.log(`   tried: ${line}`);
  for (const line of r.notes) console.log(`   note:  ${line}`);
  console.log(r.lost.length ? r.lost.map((l) => `   LOST:  ${l}`).join('\n') : '   lost:  nothing');
}
for (const [name, run] of Object.entries(TEST_GROUPS)) {
  if (only ? !only.includes(name) : quick) continue;
  const t = Date.now();
  log(`── ${name}`);
  const r = await run().catch((e: unknown): GroupResult => ({ group: name, tried: [], lost: [`the group failed: ${String(e)}`], notes: [] }));
  r.notes.push(`${((Date.now() - t) / 1000).toFixed(0)} s`);
  report(r);
}
const faultGroups = Object.keys(GROUPS).filter((g) => !only || only.includes(g));

if (faultGroups.length) log(`reliability (${quick ? 'quick' : 'full'}): private PostgreSQL cluster`);
const pg = faultGroups.length ? await PrivatePostgres.create() : null;
// Ctrl-C: the private cluster and the temp dirs go too (the portals are children of this process group)
process.once('SIGINT', () => {
  pg?.destroy();
  removeTempDirs();
  process.exit(130);
});
try {
  if (!pg) throw new Skip();
  // the template: migrated and seeded (demo data) by one start of the portal, then copied for each group
  await pg.query('postgres', 'create database ssoz_rel_tpl');
  const sink = await SmtpSink.create();
  const seeder = await Portal.create({ databaseUrl: pg.url('ssoz_rel_tpl'), dataDir: tempDir('seed'), smtpPort: sink.port, extraEnv: { WORKERS: 'false' } });
  const ms = await seeder.start();
  await seeder.stop();
  log(`template database seeded in ${ms} ms`);
  const ctx: Ctx = {
    quick,
    pg,
    async newDb(name) {
      await pg.query('postgres', `drop database if exists ${name} with (force)`);
      await pg.query('postgres', `create database ${name} template ssoz_rel_tpl`);
      return name;
    },
  };
  for (const [name, run] of Object.entries(GROUPS)) {
    if (only && !only.includes(name)) continue;
    const t = Date.now();
    log(`── ${name}`);
    let r: GroupResult;
    try {
      r = await run(ctx);
    } catch (e) {
      r = { group: name, tried: [], lost: [`the group failed: ${(e as Error).stack ?? String(e)}`.slice(0, 1500)], notes: [] };
    }
    r.notes.push(`${((Date.now() - t) / 1000).toFixed(0)} s`);
    report(r);
  }
} catch (e) {
  if (!(e instanceof Skip)) throw e;
} finally {
  pg?.destroy();
  removeTempDirs();
}

const total = ((Date.now() - started) / 1000).toFixed(0);
console.log(`\n== reliability summary (${quick ? 'quick' : 'full'}, ${total} s) ==`);
for (const r of results)
  console.log(
    `${r.lost.length ? 'LOST   ' : 'ok     '} ${r.group.padEnd(22)} ${r.lost.length ? `${r.lost.length} loss(es)` : 'nothing lost'}${r.notes.some((n) => n.startsWith('SKIPPED')) ? ' (SKIPPED)' : ''}`,
  );
mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
writeFileSync(path.join(ROOT, '.tmp', `reliability-${quick ? 'quick' : 'full'}.json`), JSON.stringify({ quick, seconds: Number(total), results }, null, 2));
process.exit(results.some((r) => r.lost.length) ? 1 : 0);
