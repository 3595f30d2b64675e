/**
 * `npm run security:check`: checks the ASVS map in docs/security.md against the test sources.
 *
 * The map lists each requirement under a heading `### V<chapter>.<section>.<n> …` and, under it, the
 * tests that prove it, one per line, as
 *     - what it shows: `test/integration/x.test.ts` › "exact test name"
 * (a longer chain `› "describe name" › "test name"` names the enclosing describe() too). Requirements
 * under `## Gaps` have no complete proof yet. The check fails when
 *   - a referenced file does not exist, or declares no test (it/test/describe/suite, t.test) with
 *     exactly that name, or declares it with .skip/.todo;
 *   - a requirement of the map has no test and is not listed under Gaps;
 *   - a requirement is listed twice, a gap names a requirement the map does not list, or one of the
 *     requirements the issue asks for (MINIMUM) is missing.
 * Test names are read with the TypeScript parser, so escapes in the source ('\u2019') compare as the
 * characters they stand for; a name built from a template (`${url} renders…`) matches either its
 * source text or any name it can produce.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The requirements issue #12 asks the map to cover at least. */
export const MINIMUM = [
  'V2.4.1',
  'V3.3.1',
  'V3.3.2',
  'V3.3.4',
  'V3.5.1',
  'V3.5.3',
  'V5.1.1',
  'V5.2.1',
  'V5.2.2',
  'V5.3.1',
  'V5.3.2',
  'V5.4.1',
  'V5.4.3',
  'V6.3.1',
  'V6.5.1',
  'V6.5.3',
  'V6.5.4',
  'V6.5.5',
  'V6.6.2',
  'V6.6.3',
  'V7.2.4',
  'V7.3.1',
  'V7.3.2',
  'V7.4.1',
  'V7.4.2',
  'V7.5.1',
  'V8.2.1',
  'V8.2.2',
  'V8.3.1',
  'V11.4.2',
  'V16.2.1',
  'V16.3.1',
  'V16.3.2',
  'V16.3.3',
  'V16.4.2',
] as const;

export interface TestRef {
  /** path relative to the repository root, e.g. test/unit/x.test.ts */
  file: string;
  /** the enclosing describe names (if given) and, last, the test name */
  names: string[];
  /** 1-based line in the map */
  line: number;
}

export interface Requirement {
  id: string;
  line: number;
  refs: TestRef[];
}

export interface SecurityMap {
  requirements: Requirement[];
  /** requirement id → line of its entry under "## Gaps" */
  gaps: Map<string, number>;
  /** references under Gaps (partial proofs): checked for existence, not counted as coverage */
  gapRefs: TestRef[];
  /** lines that look like a reference but cannot be read */
  malformed: { line: number; text: string }[];
}

const REQUIREMENT_HEADING = /^###\s+(V\d+\.\d+\.\d+)\b/;
const GAPS_HEADING = /^##\s+Gaps\b/i;
const OTHER_H2 = /^##\s+(?!#)/;
/** `path.test.ts` › rest-of-line */
const REFERENCE = /`((?:test|e2e)\/[^`\s]+\.test\.tsx?)`\s*›\s*(.*)$/;

/** Reads the map: requirements, their test references, the gaps. */
export function parseSecurityMap(markdown: string): SecurityMap {
  const map: SecurityMap = { requirements: [], gaps: new Map(), gapRefs: [], malformed: [] };
  let inGaps = false;
  let current: Requirement | null = null;
  let currentGap: string | null = null;
  let fence = false;
  markdown.split('\n').forEach((text, i) => {
    const line = i + 1;
    if (/^\s*```/.test(text)) fence = !fence;
    if (fence) return;
    if (GAPS_HEADING.test(text)) {
      inGaps = true;
      current = null;
      currentGap = null;
      return;
    }
    if (OTHER_H2.test(text)) {
      inGaps = false;
      current = null;
      currentGap = null;
      return;
    }
    const heading = REQUIREMENT_HEADING.exec(text);
    if (heading) {
      const id = heading[1]!;
      if (inGaps) {
        currentGap = id;
        if (!map.gaps.has(id)) map.gaps.set(id, line);
      } else {
        current = { id, line, refs: [] };
        map.requirements.push(current);
      }
      return;
    }
    const m = REFERENCE.exec(text);
    if (!m) return;
    const names = splitNames(m[2]!);
    if (!names) {
      map.malformed.push({ line, text });
      return;
    }
    const ref: TestRef = { file: m[1]!, names, line };
    if (inGaps && currentGap) map.gapRefs.push(ref);
    else if (current) (current as Requirement).refs.push(ref);
    else map.malformed.push({ line, text });
  });
  return map;
}

/** `"a" › "b"` → ['a', 'b'] (split at `" › "`, so a name may hold quotes or ›); null unless quoted. */
function splitNames(rest: string): string[] | null {
  const s = rest.trim();
  if (s.length < 3 || !s.startsWith('"') || !s.endsWith('"')) return null;
  const names = s.slice(1, -1).split(/"\s+›\s+"/);
  return names.every((n) => n.length > 0) ? names : null;
}

export interface DeclaredTest {
  /** enclosing describe/test names, outermost first */
  parents: string[];
  /** the name as written: cooked text, or the template's source text when it has substitutions */
  name: string;
  /** for a template with substitutions: matches the names it can produce */
  pattern: RegExp | null;
  /** declared with .skip or .todo */
  skipped: boolean;
  line: number;
}

const TEST_FUNCTIONS = new Set(['it', 'test', 'describe', 'suite']);
const MODIFIERS = new Set(['skip', 'only', 'todo']);

/** Every test and describe declared in a test file, with its enclosing names. */
export function declaredTests(source: string, fileName = 'x.test.ts'): DeclaredTest[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, /\.tsx$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: DeclaredTest[] = [];
  const visit = (node: ts.Node, parents: string[], inSkipped: boolean): void => {
    if (ts.isCallExpression(node)) {
      const kind = testCallKind(node.expression);
      const first = node.arguments[0];
      const name = kind && first ? nameOf(first, sf) : null;
      if (kind && name) {
        const skipped = inSkipped || kind === 'skipped' || node.arguments.slice(1).some(skipsAlways);
        out.push({ parents, name: name.text, pattern: name.pattern, skipped, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
        for (const arg of node.arguments.slice(1)) visit(arg, [...parents, name.text], skipped);
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, parents, inSkipped));
  };
  visit(sf, [], false);
  return out;
}

/** An options argument `{ skip: true }` or `{ todo: 'why' }`: never runs. (A computed condition is not judged here.) */
function skipsAlways(arg: ts.Expression): boolean {
  if (!ts.isObjectLiteralExpression(arg)) return false;
  return arg.properties.some(
    (p) =>
      ts.isPropertyAssignment(p) &&
      ts.isIdentifier(p.name) &&
      (p.name.text === 'skip' || p.name.text === 'todo') &&
      (p.initializer.kind === ts.SyntaxKind.TrueKeyword || ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer)),
  );
}

/** 'plain' for it()/test()/describe()/suite()/x.only()/t.test(), 'skipped' for .skip/.todo, else null. */
function testCallKind(callee: ts.Expression): 'plain' | 'skipped' | null {
  if (ts.isIdentifier(callee)) return TEST_FUNCTIONS.has(callee.text) ? 'plain' : null;
  if (!ts.isPropertyAccessExpression(callee)) return null;
  const prop = callee.name.text;
  const base = callee.expression;
  if (ts.isIdentifier(base) && TEST_FUNCTIONS.has(base.text) && MODIFIERS.has(prop)) return prop === 'only' ? 'plain' : 'skipped';
  // subtests: t.test('name', …) on the test context
  if (prop === 'test' && ts.isIdentifier(base) && !TEST_FUNCTIONS.has(base.text)) return 'plain';
  return null;
}

function nameOf(arg: ts.Expression, sf: ts.SourceFile): { text: string; pattern: RegExp | null } | null {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return { text: arg.text, pattern: null };
  if (ts.isTemplateExpression(arg)) {
    const pieces = [arg.head.text, ...arg.templateSpans.map((s) => s.literal.text)];
    const pattern = new RegExp(`^${pieces.map(escapeRegExp).join('[\\s\\S]*')}$`);
    // the source between the backticks, e.g. "${url} renders in Polish"
    const text = arg.getText(sf).slice(1, -1);
    return { text, pattern };
  }
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matchesName(declared: DeclaredTest, wanted: string): boolean {
  return declared.name === wanted || (declared.pattern !== null && declared.pattern.test(wanted));
}

/** The declared test a reference names: its last name is the test, the ones before are its innermost describes. */
export function findTest(tests: DeclaredTest[], names: string[]): DeclaredTest | null {
  const wanted = names.at(-1);
  if (wanted === undefined) return null;
  const outer = names.slice(0, -1);
  return (
    tests.find((d) => {
      if (!matchesName(d, wanted)) return false;
      if (outer.length > d.parents.length) return false;
      const tail = d.parents.slice(d.parents.length - outer.length);
      return outer.every((o, i) => tail[i] === o);
    }) ?? null
  );
}

export interface CheckOptions {
  /** the text of a test file by its repository path, or null when it does not exist */
  readFile: (file: string) => string | null;
  /** requirements the map must list (default: MINIMUM) */
  required?: readonly string[];
}

/** Every problem of the map, as messages naming the line; empty when it holds. */
export function checkSecurityMap(map: SecurityMap, opts: CheckOptions): string[] {
  const problems: string[] = [];
  const parsed = new Map<string, DeclaredTest[] | null>();
  const testsOf = (file: string): DeclaredTest[] | null => {
    if (!parsed.has(file)) {
      const source = opts.readFile(file);
      parsed.set(file, source === null ? null : declaredTests(source, file));
    }
    return parsed.get(file) ?? null;
  };
  const checkRef = (ref: TestRef, owner: string) => {
    const tests = testsOf(ref.file);
    const shown = ref.names.map((n) => `"${n}"`).join(' › ');
    if (tests === null) {
      problems.push(`line ${ref.line} (${owner}): ${ref.file} does not exist`);
      return;
    }
    const found = findTest(tests, ref.names);
    if (!found) problems.push(`line ${ref.line} (${owner}): ${ref.file} declares no test named ${shown}`);
    else if (found.skipped) problems.push(`line ${ref.line} (${owner}): ${ref.file} › ${shown} is declared with .skip/.todo and proves nothing`);
  };

  for (const m of map.malformed)
    problems.push(`line ${m.line}: a test reference must read \`file.test.ts\` › "name" under a requirement heading: ${m.text.trim()}`);

  const seen = new Map<string, number>();
  for (const r of map.requirements) {
    const before = seen.get(r.id);
    if (before !== undefined) problems.push(`line ${r.line}: ${r.id} is listed twice (first at line ${before})`);
    else seen.set(r.id, r.line);
    for (const ref of r.refs) checkRef(ref, r.id);
    if (r.refs.length === 0 && !map.gaps.has(r.id)) problems.push(`line ${r.line}: ${r.id} names no test and is not listed under "## Gaps"`);
  }
  for (const [id, line] of map.gaps) {
    if (!seen.has(id)) problems.push(`line ${line}: the gap ${id} is not a requirement of the map`);
  }
  for (const ref of map.gapRefs) checkRef(ref, 'Gaps');
  for (const id of opts.required ?? MINIMUM) {
    if (!seen.has(id)) problems.push(`${id} is required by issue #12 but the map does not list it`);
  }
  return problems;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Reads a test file under the repository root; null when missing or outside test/ and e2e/. */
export function readRepoFile(file: string, root = ROOT): string | null {
  const full = path.resolve(root, file);
  const rel = path.relative(root, full);
  if (rel.startsWith('..') || !/^(test|e2e)\//.test(rel.split(path.sep).join('/'))) return null;
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
}

/** Checks docs/security.md of the repository; returns the problems and a one-line summary. */
export function checkRepository(root = ROOT): { problems: string[]; summary: string } {
  const docPath = path.join(root, 'docs', 'security.md');
  if (!existsSync(docPath)) return { problems: ['docs/security.md does not exist'], summary: '' };
  const map = parseSecurityMap(readFileSync(docPath, 'utf8'));
  const problems = checkSecurityMap(map, { readFile: (f) => readRepoFile(f, root) });
  const refs = map.requirements.reduce((n, r) => n + r.refs.length, 0) + map.gapRefs.length;
  const covered = map.requirements.filter((r) => r.refs.length > 0).length;
  return {
    problems,
    summary: `docs/security.md: ${map.requirements.length} requirements (${covered} with tests), ${refs} test references, ${map.gaps.size} gaps`,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { problems, summary } = checkRepository();
  if (problems.length) {
    console.error(`docs/security.md: ${problems.length} problem(s) in the ASVS map:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`${summary}: every referenced test exists.`);
}
