import { index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Outgoing messages, shared infrastructure of both applications (like a mail server would be).
 * A row is written in the same transaction as the change that needs it, with its delivery job.
 * In demo mode the delivered rows are the demo mailbox (/dev/poczta).
 */
export const messaging = pgSchema('messaging');

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const messages = messaging.table(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** email | sms */
    channel: text('channel').notNull(),
    to: text('to').notNull(),
    subject: text('subject'),
    text: text('text').notNull(),
    html: text('html'),
    /** queued | sent | failed */
    status: text('status').notNull().default('queued'),
    /** demo | smtp */
    transport: text('transport'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('messages_created_idx').on(t.createdAt), index('messages_to_idx').on(t.to)],
);
