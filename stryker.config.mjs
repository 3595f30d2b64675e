// @ts-check
/**
 * Mutation testing (issue 12, point 7): StrykerJS with its TAP runner over node:test files run by tsx.
 * One area per run, chosen by MUTATION_AREA (scripts/mutation.ts sets it: `npm run mutation -- <area>`).
 * Each test file runs in a process of its own (tsx compiles, node's TAP reporter speaks to Stryker);
 * coverage per test file, so a mutant runs only the files that reach it.
 * See docs/security.md, "Mutation testing", for the scope, the score and the surviving mutants.
 */
import process from 'node:process';

const areas = {
  // the request side of the domain: statuses, the request lifecycle, routing, scopes, roles, identifiers
  domain: {
    mutate: ['src/domain/*.ts', '!src/domain/reference-data.ts'],
    testFiles: [
      'test/unit/contact.test.ts',
      'test/unit/decision-deadline.test.ts',
      'test/unit/identifiers.test.ts',
      'test/unit/request-lifecycle.test.ts',
      'test/unit/request-number.test.ts',
      'test/unit/roles.test.ts',
      'test/unit/routing.test.ts',
      'test/unit/status.test.ts',
      'test/unit/user-scope.test.ts',
      'test/unit/policies.test.ts',
      'test/unit/policies-rules.test.ts',
    ],
  },
  // the policy layer: every can(actor, action, subject)
  policies: {
    mutate: ['src/portal/policies/**/*.ts'],
    testFiles: ['test/unit/policies.test.ts', 'test/unit/policies-rules.test.ts', 'test/unit/reporting/report-policy.test.ts'],
  },
  // the report lifecycle: statuses and moves, deadlines, obligations
  'report-lifecycle': {
    mutate: ['src/domain/reporting/lifecycle.ts', 'src/domain/reporting/deadlines.ts', 'src/domain/reporting/obligations.ts'],
    testFiles: [
      'test/unit/reporting/lifecycle.test.ts',
      'test/unit/reporting/obligations.test.ts',
      'test/unit/reporting/schedule-deadlines.test.ts',
      'test/unit/reporting/report-policy.test.ts',
    ],
  },
  // the report definitions: the expression language, rules, values, the definition checker (long)
  'report-definitions': {
    mutate: ['src/domain/reporting/*.ts', '!src/domain/reporting/lifecycle.ts', '!src/domain/reporting/deadlines.ts', '!src/domain/reporting/obligations.ts'],
    testFiles: ['test/unit/reporting/*.test.ts', 'test/unit/components/report-form.test.ts'],
  },
  // the request lifecycle in the database: every status change, its history and audit (PGlite from
  // PGLITE_TEMPLATE: `npm run mutation` prepares it)
  'request-lifecycle-db': {
    mutate: ['src/db/repositories/request-lifecycle.ts'],
    testFiles: ['test/integration/request-transition.test.ts'],
  },
  // the report lifecycle in the service: transitionReport (row lock, policy on the locked row, revision,
  // the lifecycle table, row + event + audit + e-mail in one transaction) with whom it tells (fillerEmails,
  // notifyUnit), tested on PGlite without the app (PGLITE_TEMPLATE: `npm run mutation` prepares it). The line
  // range follows service.ts: move it when lines above transitionReport change
  'report-service': {
    mutate: ['src/portal/reporting/service.ts:125-239'],
    testFiles: ['test/integration/report-transition.test.ts'],
  },
};

const area = process.env.MUTATION_AREA ?? 'domain';
const chosen = areas[/** @type {keyof typeof areas} */ (area)];
if (!chosen) throw new Error(`MUTATION_AREA: unknown area "${area}" (${Object.keys(areas).join(', ')})`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  mutate: chosen.mutate,
  tap: {
    testFiles: chosen.testFiles,
    nodeArgs: ['-r', '{{hookFile}}', '--import', 'tsx', '--import', './src/preload.mjs', '--test-reporter=tap', '{{testFile}}'],
    forceBail: true,
  },
  coverageAnalysis: 'perTest',
  // MUTATION_CONCURRENCY: processes at once (default 1; 2 uses both cores of a quiet machine)
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${area}.json`,
  htmlReporter: { fileName: `reports/mutation/${area}.html` },
  jsonReporter: { fileName: `reports/mutation/${area}.json` },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true },
  ignorePatterns: ['data', 'dist', 'coverage', 'test-results', '.tmp', 'reports', 'e2e', 'bench'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  timeoutMS: 10000,
};
