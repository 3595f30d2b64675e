import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

it('the demo start banner names a README section that exists', () => {
  const server = readFileSync(new URL('../../src/server.ts', import.meta.url), 'utf8');
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const named = /README\.md \(sekcja „([^”]+)”\)/.exec(server)?.[1];
  assert.ok(named, 'the banner names a section');
  const headings = readme
    .split('\n')
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) => l.replace(/^#+ /, '').trim());
  assert.ok(headings.includes(named), `README has a "${named}" heading (has: ${headings.join(', ')})`);
});
