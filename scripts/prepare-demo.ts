/**
 * `npm install` (postinstall) prepares the demo database template (src/demo/template.ts), so the first
 * `npm start` on an empty data directory only unpacks it. Skipped for a production install
 * (NODE_ENV=production: the portal runs on PostgreSQL there). A failure does not fail the install: the
 * first start then prepares the template itself.
 */
import { ensureDemoTemplate } from '../src/demo/template.ts';

if (process.env.NODE_ENV === 'production') process.exit(0);
const started = Date.now();
try {
  const file = await ensureDemoTemplate();
  console.log(`SSOZ II: baza demonstracyjna gotowa (${file}, ${((Date.now() - started) / 1000).toFixed(1)} s).`);
} catch (err) {
  console.warn('SSOZ II: nie udało się przygotować bazy demonstracyjnej; pierwszy „npm start” przygotuje ją sam.', err);
}
