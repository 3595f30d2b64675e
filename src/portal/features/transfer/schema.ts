import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from '../../../domain/contact.ts';
import { id, inputMessages, text } from '../../http/input.ts';
import { defineWizard } from '../../wizard/step-map.ts';

/** Step 1 "Login i hasło konta SSOZ I": the boundary cleans the login; the password is compared as typed. */
export const LoginForm = z.object({
  login: text({ max: 100, label: 'Login konta SSOZ I' }),
  password: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(200, inputMessages.tooLong(200))),
});
export const LOGIN_FIELDS = ['login', 'password'] as const;

/** Step 2 "Twoje dane kontaktowe w jednostce": the boundary cleans them, checkContact judges them. */
export const ContactForm = z.object({
  phone: text({ max: 40, label: 'Telefon' }),
  email: text({ max: EMAIL_MAX_LENGTH + 1, label: 'E-mail' }),
});
export const CONTACT_FIELDS = ['phone', 'email'] as const;

/** A verified SSOZ I account is remembered this long before step 2 must be done. */
export const VERIFIED_TTL_MS = 15 * 60_000;

/** What step 1 leaves for step 2: which legacy account was verified, and when. */
export const TransferDraft = z.object({ legacyId: id, verifiedAt: z.iso.datetime() });
export type TransferDraft = z.output<typeof TransferDraft>;

/** "Przenoszę uprawnienia z SSOZ I": the summary is reachable only with a verified account. */
export const transferWizard = defineWizard<TransferDraft>({
  kind: 'ssoz1_transfer',
  draft: TransferDraft,
  steps: [
    { id: 'login', path: '/profil/przeniesienie', reachable: () => true, next: 'summary' },
    { id: 'summary', path: '/profil/przeniesienie/podsumowanie', reachable: (d) => d !== null },
  ],
});
