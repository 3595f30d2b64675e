import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Db } from '../db/client.ts';
import { oidcModels } from '../db/schema/index.ts';

const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/**
 * oidc-provider models in `identity.oidc_models`, so sessions and codes survive restarts and every
 * instance sees the same state (the library's memory adapter is for development only).
 */
export function databaseAdapter(db: Db, now: () => Date): new (name: string) => Adapter {
  const live = () => or(isNull(oidcModels.expiresAt), gt(oidcModels.expiresAt, now()));
  return class DatabaseAdapter implements Adapter {
    constructor(private readonly name: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const expiresAt = expiresIn ? new Date(now().getTime() + expiresIn * 1000) : null;
      const row = {
        type: this.name,
        id,
        payload: payload as Record<string, unknown>,
        grantId: GRANTABLE.has(this.name) ? (payload.grantId ?? null) : null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expiresAt,
      };
      await db
        .insert(oidcModels)
        .values(row)
        .onConflictDoUpdate({
          target: [oidcModels.type, oidcModels.id],
          set: { payload: row.payload, grantId: row.grantId, userCode: row.userCode, uid: row.uid, expiresAt },
        });
    }

    private async findWhere(cond: ReturnType<typeof eq>): Promise<AdapterPayload | undefined> {
      const [row] = await db
        .select()
        .from(oidcModels)
        .where(and(eq(oidcModels.type, this.name), cond, live()));
      if (!row) return undefined;
      const payload = row.payload as AdapterPayload;
      return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
    }

    find(id: string) {
      return this.findWhere(eq(oidcModels.id, id));
    }
    findByUserCode(userCode: string) {
      return this.findWhere(eq(oidcModels.userCode, userCode));
    }
    findByUid(uid: string) {
      return this.findWhere(eq(oidcModels.uid, uid));
    }

    async consume(id: string): Promise<void> {
      await db
        .update(oidcModels)
        .set({ consumedAt: now() })
        .where(and(eq(oidcModels.type, this.name), eq(oidcModels.id, id)));
    }
    async destroy(id: string): Promise<void> {
      await db.delete(oidcModels).where(and(eq(oidcModels.type, this.name), eq(oidcModels.id, id)));
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      await db.delete(oidcModels).where(eq(oidcModels.grantId, grantId));
    }
  };
}

/** Remove expired models; run by a periodic job. */
export async function purgeExpiredOidcModels(db: Db, at: Date): Promise<void> {
  await db.delete(oidcModels).where(lt(oidcModels.expiresAt, at));
}
