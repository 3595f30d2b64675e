import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { messages } from '../schema/index.ts';
import { isUuid } from '../../lib/ids.ts';

export interface MailboxMessage {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
  createdAt: string;
}

/** Messages delivered to the demo mailbox, newest first; `to` filters on the address or phone number. */
export async function listDemoMailbox(db: DbOrTx, opts: { to?: string; limit?: number } = {}): Promise<MailboxMessage[]> {
  const conditions = [eq(messages.status, 'sent'), eq(messages.transport, 'demo')];
  if (opts.to) {
    // "+48 600 100 200" and "+48600100200" are the same phone; e-mail addresses are case-insensitive
    const compact = opts.to.replace(/\s+/g, '').toLowerCase();
    conditions.push(sql`lower(replace(${messages.to}, ' ', '')) = ${compact}`);
  }
  const rows = await db
    .select()
    .from(messages)
    .where(and(...conditions))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(opts.limit ?? 200);
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel === 'sms' ? 'sms' : 'email',
    to: r.to,
    subject: r.subject,
    text: r.text,
    html: r.html,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function getDemoMessage(db: DbOrTx, id: string): Promise<MailboxMessage | null> {
  if (!isUuid(id)) return null;
  const [r] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.id, id), eq(messages.transport, 'demo')));
  if (!r) return null;
  return {
    id: r.id,
    channel: r.channel === 'sms' ? 'sms' : 'email',
    to: r.to,
    subject: r.subject,
    text: r.text,
    html: r.html,
    createdAt: r.createdAt.toISOString(),
  };
}
