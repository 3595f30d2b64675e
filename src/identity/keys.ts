import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { JWK } from 'oidc-provider';
import type { Db } from '../db/client.ts';
import { signingKeys } from '../db/schema/index.ts';

/**
 * The provider's signing keys, kept in the database: tokens stay valid across restarts and every
 * instance signs with the same key. Created once (RS256, 2048 bit) on the first start.
 */
export async function loadSigningKeys(db: Db): Promise<JWK[]> {
  let rows = await db.select().from(signingKeys).where(eq(signingKeys.active, true)).orderBy(desc(signingKeys.createdAt));
  if (rows.length === 0) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomUUID();
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
    await db.insert(signingKeys).values({ kid, jwk }).onConflictDoNothing();
    rows = await db.select().from(signingKeys).where(eq(signingKeys.active, true)).orderBy(desc(signingKeys.createdAt));
  }
  return rows.map((r) => r.jwk as JWK);
}
