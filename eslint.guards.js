// @ts-check
// Guard rails of the layout (docs/architecture.md), as ESLint flat-config blocks. A later block
// replaces the rule of an earlier one for the files it matches, so each block lists all it needs.
// test/unit/lint-guards.test.ts proves each rule fires.

export const NO_DEMO = { regex: '(^|/)demo/', message: 'Only src/bootstrap.ts (and src/server.ts, for the first start) imports src/demo/.' };
const NO_SCHEMA = { regex: 'db/schema', message: 'Route files do not query: use the service.' };
const NO_DRIZZLE = { name: 'drizzle-orm', message: 'Route files do not query: use the service.' };
// from src/portal/features/<a>/…: a sibling folder ("../<b>/…") or any path through features/
const NO_OTHER_FEATURE = [
  { regex: '^\\.\\./[^.]', message: 'A feature does not import another feature; move what is shared (db/repositories, domain, views, lib).' },
  { regex: '/features/', message: 'A feature does not import another feature.' },
  { regex: '/management/', message: 'A feature does not import the management module.' },
];
// from src/portal/management/<a>/…: the same rule among management features, and no portal feature
const NO_OTHER_MANAGEMENT = [
  {
    // the module's shell (../submodules.ts, the registry of sub-modules) is shared by all of them
    regex: '^\\.\\./(?!submodules\\.ts$)[^.]',
    message: 'A management feature does not import another management feature; move what is shared (db/repositories, domain, views, lib).',
  },
  { regex: '/management/', message: 'A management feature does not import another management feature.' },
  { regex: '/features/', message: 'The management module does not import portal features.' },
];

/** @type {import('eslint').Linter.Config[]} */
export const layoutGuards = [
  {
    // only bootstrap brings in demo data: the demo seed and the registry generator never reach production code
    // (server.ts starts the demo's first-start child process before it loads the app: src/demo/first-start.ts)
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/bootstrap.ts', 'src/server.ts', 'src/demo/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEMO] }] },
  },
  {
    // route files hold routes: queries live in services and repositories
    files: ['src/**/routes.ts', 'src/**/routes.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_DRIZZLE], patterns: [NO_DEMO, NO_SCHEMA] }] },
  },
  {
    // a feature does not import another feature: what two features share moves to a shared place
    files: ['src/portal/features/**/*.ts', 'src/portal/features/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEMO, ...NO_OTHER_FEATURE] }] },
  },
  {
    files: ['src/portal/features/**/routes.ts', 'src/portal/features/**/routes.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_DRIZZLE], patterns: [NO_DEMO, NO_SCHEMA, ...NO_OTHER_FEATURE] }] },
  },
  {
    // the management module ("Zarządzanie") follows the features' rules: each of its features stands alone
    files: ['src/portal/management/*/**/*.ts', 'src/portal/management/*/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEMO, ...NO_OTHER_MANAGEMENT] }] },
  },
  {
    files: ['src/portal/management/*/**/routes.ts', 'src/portal/management/*/**/routes.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_DRIZZLE], patterns: [NO_DEMO, NO_SCHEMA, ...NO_OTHER_MANAGEMENT] }] },
  },
];
