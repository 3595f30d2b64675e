/**
 * The in-process groups of the reliability run: the authorisation matrix (issue 12, point 2) and the
 * form fuzzing (point 3) are node:test files that `npm test` runs in their short form; here they run
 * under the same "tried / lost" report as the fault groups, the fuzzing with its long number of cases
 * (FUZZ_RUNS 3000, or the caller's). Each file's diagnostics (what it tried) become "tried" lines and
 * each failing test a loss.
 */
import { spawn } from 'node:child_process';
import { ensurePgliteTemplate } from '../test/helpers/template.ts';
import { newResult, ROOT, type GroupResult } from './lib.ts';

/** Reads node's TAP output: diagnostics of passing tests, names and first lines of failing ones. */
export function readTap(tap: string): { diagnostics: string[]; failures: string[]; passed: number; failed: number } {
  const diagnostics: string[] = [];
  const failures: string[] = [];
  let passed = 0;
  let failed = 0;
  const lines = tap.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const top = /^# (pass|fail) (\d+)$/.exec(line);
    if (top) {
      if (top[1] === 'pass') passed = Number(top[2]);
      else failed = Number(top[2]);
      continue;
    }
    const diag = /^\s+# (.+)$/.exec(line);
    if (diag && !/^Subtest: /.test(diag[1]!)) diagnostics.push(diag[1]!);
    const notOk = /^\s*not ok \d+ - (.+)$/.exec(line);
    if (notOk) {
      const detail = lines
        .slice(i + 1, i + 30)
        .find((l) => /^\s+(error|message): /.test(l))
        ?.trim();
      failures.push(`${notOk[1]}${detail ? ` — ${detail}` : ''}`);
    }
  }
  return { diagnostics, failures, passed, failed };
}

async function runTestFile(group: string, file: string, env: Record<string, string>): Promise<GroupResult> {
  const r = newResult(group);
  const template = await ensurePgliteTemplate();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PGLITE_TEMPLATE: template };
  delete childEnv.DATABASE_URL; // as in npm test: the app under test gets its database from the test helper
  const out = await new Promise<{ code: number | null; text: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', './src/preload.mjs', '--test', '--test-reporter=tap', file], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', (code) => resolve({ code, text }));
  });
  const tap = readTap(out.text);
  r.tried.push(`${file}: ${tap.passed + tap.failed} tests`);
  for (const d of tap.diagnostics) r.tried.push(d);
  for (const f of tap.failures) r.lost.push(f);
  if (out.code !== 0 && r.lost.length === 0) r.lost.push(`${file} exited with ${out.code}: ${out.text.slice(-800)}`);
  return r;
}

export const authzMatrix = (): Promise<GroupResult> => runTestFile('authz-matrix', 'test/integration/authz-matrix.test.ts', {});

export const formFuzz = (quick: boolean): Promise<GroupResult> =>
  runTestFile('form-fuzz', 'test/integration/form-fuzz.test.ts', { FUZZ_RUNS: process.env.FUZZ_RUNS ?? (quick ? '100' : '3000') });
