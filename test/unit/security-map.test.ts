import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRepository, checkSecurityMap, declaredTests, findTest, parseSecurityMap } from '../../scripts/security-map-check.ts';

const FILES: Record<string, string> = {
  'test/unit/a.test.ts': [
    "import { describe, it, test } from 'node:test';",
    "describe('cookies', () => {",
    "  it('the session cookie is HttpOnly', () => {});",
    "  it('the verifiers\\u2019 queue is scoped', () => {});",
    "  describe('in production', () => {",
    '    it("a \\"quoted\\" name, with › in it", () => {});',
    '  });',
    "  it.skip('not written yet', () => {});",
    "  it('never runs', { skip: 'no clamd here' }, () => {});",
    '});',
    "test('top-level test', async (t) => {",
    "  await t.test('a subtest', () => {});",
    '});',
    'for (const url of ["/a", "/b"]) {',
    '  it(`${url} renders in Polish`, () => {});',
    '}',
  ].join('\n'),
};

const readFile = (file: string) => FILES[file] ?? null;

/** A map in the doc's format: requirement headings, references under them, a Gaps section. */
function doc(body: string, gaps = ''): string {
  return `# Security\n\n## Requirements\n\n${body}\n\n## Gaps\n\n${gaps}\n`;
}

const check = (markdown: string, required: string[] = []) => checkSecurityMap(parseSecurityMap(markdown), { readFile, required });

describe('the ASVS map checker (scripts/security-map-check.ts)', () => {
  it('reads test names as the runner sees them: escapes, describe nesting, subtests, templates, skips', () => {
    const tests = declaredTests(FILES['test/unit/a.test.ts']!, 'test/unit/a.test.ts');
    assert.ok(findTest(tests, ['the verifiers\u2019 queue is scoped']), 'a \\u2019 escape compares as ’');
    assert.ok(findTest(tests, ['a "quoted" name, with › in it']));
    assert.ok(findTest(tests, ['cookies', 'in production', 'a "quoted" name, with › in it']), 'the full describe chain');
    assert.ok(findTest(tests, ['in production', 'a "quoted" name, with › in it']), 'the innermost describe only');
    assert.equal(findTest(tests, ['in development', 'a "quoted" name, with › in it']), null, 'a wrong describe name');
    assert.ok(findTest(tests, ['top-level test', 'a subtest']));
    assert.ok(findTest(tests, ['/b renders in Polish']), 'a name the template produces');
    assert.ok(findTest(tests, ['${url} renders in Polish']), 'the template as written');
    assert.equal(findTest(tests, ['/b renders in English']), null);
    assert.equal(findTest(tests, ['not written yet'])?.skipped, true);
    assert.equal(findTest(tests, ['never runs'])?.skipped, true);
    assert.equal(findTest(tests, ['the session cookie is HttpOnly'])?.skipped, false);
  });

  it('a map whose every reference exists passes', () => {
    const problems = check(
      doc(
        [
          '### V3.3.4 HttpOnly',
          '- the flag: `test/unit/a.test.ts` › "the session cookie is HttpOnly"',
          '- `test/unit/a.test.ts` › "cookies" › "in production" › "a "quoted" name, with › in it"',
          '### V7.4.2 Sessions of a disabled account',
          'Nothing yet.',
        ].join('\n'),
        '### V7.4.2 Sessions of a disabled account\nNeeded: a test that blocks a user.',
      ),
      ['V3.3.4', 'V7.4.2'],
    );
    assert.deepEqual(problems, []);
  });

  it('a misspelt test name, a missing file, a skipped test and a reference outside a requirement fail, each named with its line', () => {
    const problems = check(
      [
        '# Security',
        '- `test/unit/a.test.ts` › "the session cookie is HttpOnly"',
        '### V3.3.4 HttpOnly',
        '- `test/unit/a.test.ts` › "the session cookie is httponly"',
        '- `test/unit/gone.test.ts` › "the session cookie is HttpOnly"',
        '- `test/unit/a.test.ts` › "not written yet"',
        '- `test/unit/a.test.ts` › the session cookie is HttpOnly',
      ].join('\n'),
    );
    assert.equal(problems.length, 5, problems.join('\n'));
    assert.match(problems.join('\n'), /line 2: a test reference must read/);
    assert.match(problems.join('\n'), /line 4 \(V3\.3\.4\): test\/unit\/a\.test\.ts declares no test named "the session cookie is httponly"/);
    assert.match(problems.join('\n'), /line 5 \(V3\.3\.4\): test\/unit\/gone\.test\.ts does not exist/);
    assert.match(problems.join('\n'), /line 6 \(V3\.3\.4\): .*"not written yet" is declared with \.skip\/\.todo/);
    assert.match(problems.join('\n'), /line 7: a test reference must read/);
  });

  it('a requirement without a test must be a gap; a gap must be a requirement of the map; none listed twice; the minimum set present', () => {
    const problems = check(
      doc('### V7.3.1 Idle timeout\nNo test here.\n### V7.3.1 Again\n- `test/unit/a.test.ts` › "top-level test"', '### V9.9.9 Unknown\nNeeded: something.'),
      ['V7.3.1', 'V16.4.2'],
    );
    const text = problems.join('\n');
    assert.match(text, /line 5: V7\.3\.1 names no test and is not listed under "## Gaps"/);
    assert.match(text, /V7\.3\.1 is listed twice \(first at line 5\)/);
    assert.match(text, /the gap V9\.9\.9 is not a requirement of the map/);
    assert.match(text, /V16\.4\.2 is required by issue #12 but the map does not list it/);
    assert.equal(problems.length, 4, text);
  });

  it('references under Gaps (partial proofs) are checked too; code blocks are not read', () => {
    const problems = check(
      doc(
        '### V7.4.2 Disabled account\n```\n- `test/unit/a.test.ts` › "an example, not a reference"\n```',
        '### V7.4.2 Disabled account\n- partly: `test/unit/a.test.ts` › "no such test"',
      ),
    );
    assert.deepEqual(problems, ['line 13 (Gaps): test/unit/a.test.ts declares no test named "no such test"']);
  });

  it('docs/security.md holds: every referenced test exists and every requirement has a test or is a gap', () => {
    const { problems } = checkRepository();
    assert.deepEqual(problems, []);
  });
});
