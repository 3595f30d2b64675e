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

it('Intl formatters are built once at module level, never per call (each holds ICU memory the GC does not see)', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const where = `${path.relative(SRC, file)}:${i + 1}`;
      // `new Intl.X(` only in a top-level constant
      if (/new Intl\.\w+\(/.test(line) && !/^(export )?const \w+ = new Intl\.\w+\(/.test(line)) offenders.push(where);
      // toLocaleString / toLocaleDateString / toLocaleTimeString / localeCompare with a locale build a formatter on each call
      if (/\.(toLocaleString|toLocaleDateString|toLocaleTimeString|localeCompare)\([^)]/.test(line)) offenders.push(where);
    });
  }
  assert.deepEqual(offenders, []);
});
