/**
 * Child process of prepareDemoDataDir (src/demo/first-start.ts): builds the demo database template
 * (src/demo/template.ts), then exits, taking the memory initdb and seeding grew with it.
 */
import { buildDemoTemplate } from './template.ts';

// started with an IPC channel by the portal: when the portal goes, so does this build (its files are
// written under temporary names, so nothing half-made is left in the template's place)
process.on('disconnect', () => process.exit(1));
await buildDemoTemplate();
// done: exit at once (the open IPC channel would otherwise keep this process alive)
process.exit(0);
