import { messages } from '../db/schema/index.ts';
import type { DbOrTx } from '../db/client.ts';
import { QUEUES, type JobQueue } from '../jobs/queue.ts';

export interface OutgoingMessage {
  channel: 'email' | 'sms';
  to: string;
  subject?: string;
  text: string;
  html?: string;
}

/**
 * The one sender for e-mail and SMS. The message row and its delivery job are written in the
 * caller's transaction (transactional outbox): a rolled-back change sends nothing, a committed
 * one is delivered even if the mail server is down right now.
 */
export class Outbox {
  constructor(private readonly queue: JobQueue) {}

  async enqueue(tx: DbOrTx, msg: OutgoingMessage): Promise<string> {
    const [row] = await tx
      .insert(messages)
      .values({ channel: msg.channel, to: msg.to, subject: msg.subject ?? null, text: msg.text, html: msg.html ?? null })
      .returning({ id: messages.id });
    if (!row) throw new Error('message insert returned nothing');
    await this.queue.send(tx, QUEUES.deliverMessage.name, { messageId: row.id });
    return row.id;
  }
}
