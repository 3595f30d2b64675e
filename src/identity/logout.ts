import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { oidcModels } from '../db/schema/index.ts';
import { recordIdentityAudit } from './audit.ts';
import { isUuid } from '../lib/ids.ts';

/** `sub` and `auth_time` of an ID token the portal stored itself (read, not verified again). */
function idTokenClaims(idToken: string): { sub: string; authTime: number } | null {
  const payload = idToken.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; auth_time?: unknown };
    return typeof claims.sub === 'string' && typeof claims.auth_time === 'number' ? { sub: claims.sub, authTime: claims.auth_time } : null;
  } catch {
    return null;
  }
}

/**
 * "Wyloguj się" with the built-in provider: the portal ends the UEOZ session behind its login on the
 * server (the provider runs in this process and keeps its sessions in identity.oidc_models), so no
 * confirmation form is needed and nothing depends on JavaScript. The session is the one of this
 * account that logged in at the ID token's auth_time; its grants and tokens go with it.
 * Returns how many sessions ended.
 */
export async function endBuiltinProviderSession(db: Db, idToken: string | null, meta: { ip: string; requestId: string }): Promise<number> {
  const claims = idToken ? idTokenClaims(idToken) : null;
  if (!claims) return 0;
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: oidcModels.id, payload: oidcModels.payload })
      .from(oidcModels)
      .where(
        and(
          eq(oidcModels.type, 'Session'),
          sql`${oidcModels.payload}->>'accountId' = ${claims.sub}`,
          sql`(${oidcModels.payload}->>'loginTs')::bigint = ${claims.authTime}`,
        ),
      );
    if (found.length === 0) return 0;
    const grantIds = found.flatMap((s) => {
      const auths = (s.payload as { authorizations?: Record<string, { grantId?: unknown }> }).authorizations ?? {};
      return Object.values(auths)
        .map((a) => a.grantId)
        .filter((g): g is string => typeof g === 'string');
    });
    if (grantIds.length) {
      await tx.delete(oidcModels).where(inArray(oidcModels.grantId, grantIds));
      await tx.delete(oidcModels).where(and(eq(oidcModels.type, 'Grant'), inArray(oidcModels.id, grantIds)));
    }
    await tx.delete(oidcModels).where(
      and(
        eq(oidcModels.type, 'Session'),
        inArray(
          oidcModels.id,
          found.map((s) => s.id),
        ),
      ),
    );
    await recordIdentityAudit(tx, {
      action: 'logout',
      outcome: 'success',
      accountId: isUuid(claims.sub) ? claims.sub : null,
      ip: meta.ip,
      requestId: meta.requestId,
      details: { sessions: found.length },
    });
    return found.length;
  });
}
