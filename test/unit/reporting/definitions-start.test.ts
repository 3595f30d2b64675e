import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { FormDefinitionError, readFormDefinitions } from '../../../src/reporting/definitions.ts';

const FORMS = path.resolve(import.meta.dirname, '../../../reference/forms');

/** A copy of the shipped definitions with one file changed, as a directory URL. */
function withChanged(file: string, change: (def: Record<string, unknown>) => void): { dir: URL; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'forms-'));
  for (const f of ['MZ-11.v1.json', 'MZ-88.v1.json']) {
    const def = JSON.parse(readFileSync(path.join(FORMS, f), 'utf8')) as Record<string, unknown>;
    if (f === file) change(def);
    writeFileSync(path.join(dir, f), JSON.stringify(def));
  }
  return { dir: pathToFileURL(`${dir}/`), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('form definitions are checked when the portal starts', () => {
  it('reads the shipped definitions', () => {
    const defs = readFormDefinitions();
    assert.deepEqual(defs.map((d) => d.form).sort(), ['MZ-11', 'MZ-88']);
  });

  for (const [what, change, expected] of [
    [
      'a rule reading an unknown cell',
      (def: Record<string, unknown>) => {
        (def.rules as { left: string }[])[0]!.left = 'D1.99.1';
      },
      /D1\.99\.1/,
    ],
    [
      'a duplicate code',
      (def: Record<string, unknown>) => {
        const sections = def.sections as { code: string }[];
        sections[2]!.code = sections[1]!.code;
      },
      /defined twice/,
    ],
  ] as const) {
    it(`stops on ${what}, naming the file and the problem`, () => {
      const c = withChanged('MZ-11.v1.json', change);
      try {
        assert.throws(
          () => readFormDefinitions(c.dir),
          (e: unknown) => {
            assert.ok(e instanceof FormDefinitionError);
            assert.ok(
              e.problems.some((p) => p.startsWith('reference/forms/MZ-11.v1.json') && expected.test(p)),
              e.problems.join('\n'),
            );
            assert.match(e.message, /Definicje formularzy zawierają błędy/);
            return true;
          },
        );
      } finally {
        c.cleanup();
      }
    });
  }

  it('stops on a file that is not JSON', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'forms-'));
    try {
      writeFileSync(path.join(dir, 'MZ-11.v1.json'), '{ "form": ');
      assert.throws(() => readFormDefinitions(pathToFileURL(`${dir}/`)), /not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
