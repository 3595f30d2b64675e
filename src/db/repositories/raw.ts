import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';

/** The rows of a raw SQL query. PGlite and node-postgres both answer `{ rows }`; the Db type leaves it unknown. */
export async function rawRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
