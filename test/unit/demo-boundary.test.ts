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

// server.ts starts the demo's first start before it loads the app (issue #11): first-start.ts may be
// imported there, because it loads nothing of the demo data (checked below)
const FIRST_START = 'server.ts → ./demo/first-start.ts';

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
  assert.deepEqual(
    offenders.filter((o) => o !== FIRST_START),
    [],
  );
});

it("the demo's first-start module, which server.ts may import, imports only Node's own modules (and the config's type)", () => {
  const text = readFileSync(path.join(SRC, 'demo', 'first-start.ts'), 'utf8');
  const imports = [...text.matchAll(/^import\s+(type\s+)?[^'"]*['"]([^'"]+)['"]/gm)].map((m) => ({ typeOnly: !!m[1], from: m[2] ?? '' }));
  assert.ok(imports.length > 0);
  assert.deepEqual(
    imports.filter((i) => !i.from.startsWith('node:') && !i.typeOnly),
    [],
  );
  assert.doesNotMatch(text, /import\s*\(/, 'no dynamic import either');
});
