import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { isValidPesel, maskPesel } from '../../domain/identifiers.ts';

/**
 * The applicant's PESEL as the verifiers need it, and no more (data minimisation):
 * - `masked`: what every verifier sees ("85*********", the same mask as everywhere in the portal);
 * - `enc`: the number under AES-256-GCM with the key PESEL_KEY (kept outside the database), decrypted
 *   only for Administrator CeZ, on the page that shows it, and that view is audited.
 * Stored form: `v1:<iv>:<ciphertext>:<tag>` (base64url; a fresh 12-byte IV each time).
 * Linking sign-ins from a new identity provider still uses the keyed hash (pesel-link.ts).
 */
export interface SealedPesel {
  masked: string;
  enc: string;
}

const VERSION = 'v1';
/** binds every ciphertext to its purpose: a value encrypted under the same key for anything else does not open here */
const AAD = Buffer.from('ssoz-pesel-v1');

/** A 32-byte key written as 64 hex digits or in base64 / base64url; null for anything else. */
export function parsePeselKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(t)) return null;
  const key = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : null;
}

export function encryptPesel(key: Buffer, pesel: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(AAD);
  const ct = Buffer.concat([cipher.update(pesel, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
}

/** The number, or null when the value is not ours, was altered, or was written under another key. */
export function decryptPesel(key: Buffer, stored: string): string | null {
  const parts = stored.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [iv, ct, tag] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !ct || !tag || iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    const pesel = Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
    return isValidPesel(pesel) ? pesel : null;
  } catch {
    return null;
  }
}

/** The masked and encrypted forms of a valid PESEL; null for a missing or invalid number. */
export function sealPesel(key: Buffer, pesel: string | null): SealedPesel | null {
  if (!pesel || !isValidPesel(pesel)) return null;
  return { masked: maskPesel(pesel), enc: encryptPesel(key, pesel) };
}

export { maskPesel };
