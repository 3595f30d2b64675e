import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { purgeExpiredOidcModels } from '../identity/adapter.ts';
import { purgeLoginThrottle } from '../identity/pz/service.ts';
import { deleteExpiredSessions } from '../portal/session/store.ts';

/**
 * Housekeeping run by the hourly `purge-expired` job: portal sessions past their idle or absolute
 * deadline, expired oidc-provider models (interactions, codes, provider sessions, grants), and
 * login-throttle rows nobody has used for an hour. Reads already ignore expired rows; this only stops
 * the tables growing with sessions nobody came back to.
 */
export async function purgeExpired(db: Db, now: Date, logger: Logger): Promise<{ sessions: number; throttle: number }> {
  const sessions = await deleteExpiredSessions(db, now);
  await purgeExpiredOidcModels(db, now);
  const throttle = await purgeLoginThrottle(db, now);
  logger.info({ sessions, throttle }, 'expired sessions and identity records purged');
  return { sessions, throttle };
}
