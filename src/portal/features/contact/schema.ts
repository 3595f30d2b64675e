import { z } from 'zod';
import { CONTACT_TOPICS, contactMessages as m } from './messages.ts';

const topicValues = CONTACT_TOPICS.map((t) => t.value) as [string, ...string[]];

export const ContactForm = z.object({
  formId: z.uuid({ error: m.formExpired }),
  name: z.string({ error: m.nameRequired }).trim().min(1, m.nameRequired).max(120, m.nameTooLong),
  email: z
    .string({ error: m.emailRequired })
    .trim()
    .min(1, m.emailRequired)
    .max(254, m.emailInvalid)
    .pipe(z.email(m.emailInvalid)),
  topic: z.enum(topicValues, { error: m.topicRequired }),
  message: z.string({ error: m.messageRequired }).trim().min(1, m.messageRequired).min(10, m.messageTooShort).max(4000, m.messageTooLong),
});
export type ContactInput = z.output<typeof ContactForm>;
export const CONTACT_FIELD_ORDER = ['formId', 'name', 'email', 'topic', 'message'] as const;
