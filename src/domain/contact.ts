// Contact data of a user in a unit: phone and e-mail.
// `max` metadata validates numbers by type (mobile, fixed line), not just by length.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/** Polish validation messages shown next to the "Telefon *" and "E-mail *" fields. */
export const contactMessages = {
  phoneRequired: 'Wpisz numer telefonu',
  phoneInvalid: 'Wpisz poprawny numer telefonu, np. +48 600 100 200',
  emailRequired: 'Wpisz adres e-mail',
  emailInvalid: 'Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl',
  emailTooLong: 'Adres e-mail może mieć najwyżej 254 znaki',
  emailMismatch: 'Adresy e-mail muszą być takie same',
} as const;

/** RFC 5321 limit for a whole address. */
export const EMAIL_MAX_LENGTH = 254;

// Only characters people really type in phone numbers; libphonenumber would otherwise
// silently drop trailing letters ("600100200abc").
const PHONE_CHARS = /^\+?[\d\s().-]+$/;

/**
 * Returns the number in international display form ("+48 600 100 200", "+48 22 597 09 27",
 * "+44 20 7946 0958"), or null when it is not a valid number. Numbers without "+" are read as
 * Polish; foreign numbers must be given with "+" and the country code.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || !PHONE_CHARS.test(trimmed)) return null;
  const phone = parsePhoneNumberFromString(trimmed, { defaultCountry: 'PL' });
  if (!phone?.isValid()) return null;
  return phone.formatInternational();
}

const emailSchema = z.email().max(EMAIL_MAX_LENGTH);

/** Trimmed address if valid, else null. Case is kept: the local part may be case-sensitive. */
export function normalizeEmail(input: string): string | null {
  const trimmed = input.trim();
  return emailSchema.safeParse(trimmed).success ? trimmed : null;
}

export function isValidEmail(input: string): boolean {
  return normalizeEmail(input) !== null;
}

export type ContactCheck =
  { ok: true; phone: string; email: string } | { ok: false; errors: { phone?: string; email?: string }; typed: { phone: string; email: string } };

/**
 * "Twoje dane kontaktowe w jednostce" (Telefon *, E-mail *): both required, the phone normalised to
 * "+48 …", the e-mail checked. The typed values come back for re-display when something is wrong.
 */
export function checkContact(input: { phone?: unknown; email?: unknown }): ContactCheck {
  const phoneTyped = typeof input.phone === 'string' ? input.phone.trim() : '';
  const email = typeof input.email === 'string' ? input.email.trim() : '';
  const phone = phoneTyped ? normalizePhone(phoneTyped) : null;
  const errors: { phone?: string; email?: string } = {};
  if (!phoneTyped) errors.phone = contactMessages.phoneRequired;
  else if (!phone) errors.phone = contactMessages.phoneInvalid;
  if (!email) errors.email = contactMessages.emailRequired;
  else if (!isValidEmail(email)) errors.email = contactMessages.emailInvalid;
  if (errors.phone || errors.email || !phone) return { ok: false, errors, typed: { phone: phoneTyped, email } };
  return { ok: true, phone, email };
}
