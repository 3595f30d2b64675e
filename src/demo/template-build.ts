/**
 * Child process of prepareDemoDataDir (src/demo/template.ts): creates the demo's PGlite data directory
 * named by the first argument from the prepared template (building the template first when needed),
 * then exits, taking the memory that work grew with it.
 */
import { createDemoDataDir } from './template.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('użycie: template-build.ts <katalog danych PGlite>');
  process.exit(2);
}
await createDemoDataDir(dir);
