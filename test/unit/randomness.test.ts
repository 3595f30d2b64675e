import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';

const SRC = path.join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

it('SMS codes, tokens, session ids and storage keys come from node:crypto: no source file uses Math.random', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (/\bMath\s*\.\s*random\b/.test(text)) offenders.push(path.relative(SRC, file));
  }
  assert.deepEqual(offenders, []);
  // the generators this rests on (a renamed or removed one makes this test point at the new place)
  const uses = (file: string, pattern: RegExp) => assert.match(readFileSync(path.join(SRC, file), 'utf8'), pattern, file);
  uses('identity/pz/service.ts', /randomInt\(0, 1_000_000\)/);
  uses('portal/session/store.ts', /randomBytes\(32\)/);
  uses('identity/account/service.ts', /randomBytes\(32\)/);
  uses('portal/features/attachments/service.ts', /randomUUID\(\)/);
});
