import { z } from 'zod';
import { text } from '../../http/input.ts';
import { CONTACT_TOPICS, contactMessages as m } from './messages.ts';

const topicValues = CONTACT_TOPICS.map((t) => t.value) as [string, ...string[]];

// text() cleans at the boundary (NFC, trimmed, control and bidi characters refused with a message);
// the form's own Polish messages judge length and format afterwards
const cleaned = (label: string, multiline = false) => text({ max: 100_000, multiline, label });

export const ContactForm = z.object({
  formId: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.uuid({ error: m.formExpired })),
  name: cleaned('Imię i nazwisko').pipe(z.string().min(1, m.nameRequired).max(120, m.nameTooLong)),
  email: cleaned('Adres e-mail').pipe(z.string().min(1, m.emailRequired).max(254, m.emailInvalid).pipe(z.email(m.emailInvalid))),
  topic: z.enum(topicValues, { error: m.topicRequired }),
  message: cleaned('Treść wiadomości', true).pipe(z.string().min(1, m.messageRequired).min(10, m.messageTooShort).max(4000, m.messageTooLong)),
});
export type ContactInput = z.output<typeof ContactForm>;
export const CONTACT_FIELD_ORDER = ['formId', 'name', 'email', 'topic', 'message'] as const;

/** "/kontakt/wyslano?nr=K-20261125-3F9A2C" */
export const SentQuery = z.object({
  nr: z.preprocess((v) => {
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && /^K-\d{8}-[0-9A-F]{6}$/.test(s) ? s : '';
  }, z.string()),
});
