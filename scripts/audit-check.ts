/**
 * `npm run audit:check`: walks the hash chains of the audit logs (portal.audit_log and
 * identity.audit_events) and reports every gap (deleted rows), edited row and broken head, with the
 * row's position and id. Exit code 0 when both chains are whole, 1 when anything is wrong, 2 when
 * the check could not run. Uses the same database as the portal (DATABASE_URL, or PGlite under
 * DATA_DIR); stop the portal first when it runs on PGlite (one process per data directory).
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../src/config/index.ts';
import { openDatabase } from '../src/db/client.ts';
import { verifyAuditChains } from '../src/db/repositories/audit-chain.ts';
import { pgliteDirFor } from '../src/bootstrap.ts';

const config = loadConfig(process.env);
if (!config.databaseUrl && !existsSync(pgliteDirFor(config))) {
  console.error(`Brak bazy danych w ${pgliteDirFor(config)} (ustaw DATA_DIR lub DATABASE_URL).`);
  process.exit(2);
}
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: pgliteDirFor(config) });
let code = 0;
try {
  for (const r of await verifyAuditChains(database.db)) {
    if (r.problems.length === 0) {
      console.log(`${r.chain}: łańcuch cały (${r.rows} wpisów, ostatni nr ${r.lastSeq})`);
      continue;
    }
    code = 1;
    console.log(`${r.chain}: ŁAŃCUCH NARUSZONY (${r.rows} wpisów, ostatni nr ${r.lastSeq}), problemów: ${r.problems.length}`);
    for (const p of r.problems) console.log(`  - ${p.message}`);
  }
} catch (err) {
  console.error('Nie udało się sprawdzić dziennika zdarzeń:', err instanceof Error ? err.message : err);
  code = 2;
} finally {
  await database.close();
}
process.exit(code);
