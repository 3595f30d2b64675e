import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { seedState } from '../schema/index.ts';

/** The fingerprint the named data were last seeded from, or null. */
export async function seedStateOf(db: DbOrTx, name: string): Promise<string | null> {
  const [row] = await db.select({ fingerprint: seedState.fingerprint }).from(seedState).where(eq(seedState.name, name));
  return row?.fingerprint ?? null;
}

/** Records that the named data are now up to date with `fingerprint` (after every seed of them succeeded). */
export async function recordSeedState(db: DbOrTx, name: string, fingerprint: string, at: Date): Promise<void> {
  await db
    .insert(seedState)
    .values({ name, fingerprint, seededAt: at })
    .onConflictDoUpdate({ target: seedState.name, set: { fingerprint, seededAt: at } });
}
