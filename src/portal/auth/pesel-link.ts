import { createHmac } from 'node:crypto';
import type { Config } from '../../config/index.ts';
import { parsePesel } from '../../domain/identifiers.ts';

/**
 * The one form in which the portal keeps a PESEL: HMAC-SHA256 under a key derived from SESSION_SECRET.
 * It only has to be equal for equal numbers (to link a person's first sign-in from a new identity
 * provider); the key lives outside the database, so a leaked table or backup cannot be turned back into
 * PESEL numbers by trying the (small) space of valid ones. Null for a missing or invalid number.
 */
export function peselLinkHash(config: Pick<Config, 'sessionSecret'>, pesel: string | null): string | null {
  if (!pesel || !parsePesel(pesel).valid) return null;
  const key = createHmac('sha256', config.sessionSecret).update('ssoz-pesel-link-v1').digest();
  return createHmac('sha256', key).update(pesel).digest('hex');
}
