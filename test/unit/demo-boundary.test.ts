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

it('only bootstrap imports src/demo/: production modules never load the demo seed or the registry generator', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    if (rel.startsWith('demo/') || rel === 'bootstrap.ts') continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)) {
      const target = path.resolve(path.dirname(file), m[1] ?? '');
      if (path.relative(SRC, target).split(path.sep).join('/').startsWith('demo/')) offenders.push(`${rel} → ${m[1]}`);
    }
  }
  assert.deepEqual(offenders, []);
});
