import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { auditOf, type Ctx } from '../context.ts';
import { isCezAdministrator } from '../policies/index.ts';
import { decryptPesel } from './pesel-vault.ts';

/** A person's PESEL as one verifier may see it on one page. */
export interface PeselShown {
  /** the full number (Administrator CeZ), the masked one, or null when the portal has none yet */
  value: string | null;
  full: boolean;
  /** CeZ asked, but the stored ciphertext does not open under PESEL_KEY (a new key): the masked form is shown */
  unreadable: boolean;
}

/**
 * The applicant's PESEL for a verifier's page (the caller has authorised the page): masked for every
 * verifier; in full only for Administrator CeZ, decrypted for this response only and never logged,
 * and each such view is audited as `management.pesel_viewed` (access to personal data), with the
 * page it was shown on — never with the number.
 */
export async function peselForVerifier(
  db: DbOrTx,
  ctx: Ctx,
  key: Buffer,
  person: { id: string; peselMasked: string | null; peselEnc: string | null },
  shownOn: { page: 'request'; roleRequestId: string } | { page: 'user' },
): Promise<PeselShown> {
  if (!person.peselMasked) return { value: null, full: false, unreadable: false };
  if (!isCezAdministrator(ctx.actor) || !person.peselEnc) return { value: person.peselMasked, full: false, unreadable: false };
  const pesel = decryptPesel(key, person.peselEnc);
  if (!pesel) return { value: person.peselMasked, full: false, unreadable: true };
  await recordAudit(db, { action: 'management.pesel_viewed', ...auditOf(ctx), subjectType: 'user', subjectId: person.id, details: shownOn });
  return { value: pesel, full: true, unreadable: false };
}
