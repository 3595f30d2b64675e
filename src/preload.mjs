// @ts-check
/**
 * Preloaded by every process that runs the portal's code (`node --import tsx --import ./src/preload.mjs …`:
 * npm start, the test runner's processes, the benchmark, the demo's first-start child).
 *
 * drizzle-orm is loaded from its CommonJS build. Its ES-module build is ~450 small files, and for each
 * one Node's ES-module loader (Node 24) asks for the package scope of the file to tell its format, which
 * copies drizzle-orm's 179 KB package.json into JavaScript again: 1.2 s of every start here (a CPU profile
 * shows `package_json_reader` and the garbage collector, nothing of drizzle's own). The CommonJS build of
 * the same version loads in 0.2 s (issue #11, start on an existing data directory). Types are unaffected:
 * TypeScript reads the same declarations either way, and drizzle's checks of its own classes (`is()`)
 * compare kind names, not module instances.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/')) {
      return nextResolve(specifier, { ...context, conditions: ['node', 'require', 'default'] });
    }
    return nextResolve(specifier, context);
  },
});
