/**
 * Child process of prepareDemoDataDir (src/demo/first-start.ts): builds the demo database template
 * (src/demo/template.ts), then exits, taking the memory initdb and seeding grew with it.
 */
import { buildDemoTemplate } from './template.ts';

await buildDemoTemplate();
