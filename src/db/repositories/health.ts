import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';

/** One round trip to the database: readiness of the portal. */
export async function pingDatabase(db: DbOrTx): Promise<void> {
  await db.execute(sql`select 1`);
}
