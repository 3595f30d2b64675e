import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from '../../../domain/contact.ts';
import { id, text } from '../../http/input.ts';

export { IdParams } from '../../http/input.ts';

/** "Pracuj w tym profilu" from the top menu. */
export const WorkForm = z.object({ profileId: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()) });

/** "Edycja danych kontaktowych użytkownika": Telefon *, E-mail * — the boundary cleans them, checkContact judges them. */
export const ContactForm = z.object({
  phone: text({ max: 40, label: 'Telefon' }),
  email: text({ max: EMAIL_MAX_LENGTH + 1, label: 'E-mail' }),
});
export const CONTACT_FIELDS = ['phone', 'email'] as const;

export { id };
