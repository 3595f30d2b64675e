import { eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { messages } from '../db/schema/index.ts';
import type { MessageTransport } from '../mail/transports.ts';

/**
 * Deliver one queued message. Idempotent: a message already sent is not sent again when a job is
 * retried after a crash between sending and recording. A thrown error makes the queue retry it.
 */
export async function deliverMessage(db: Db, transport: MessageTransport, messageId: string, logger: Logger): Promise<void> {
  const [msg] = await db.select().from(messages).where(eq(messages.id, messageId));
  if (!msg) {
    logger.warn({ messageId }, 'message to deliver not found');
    return;
  }
  if (msg.status === 'sent') return;
  try {
    await transport.deliver(msg);
  } catch (err) {
    await db
      .update(messages)
      .set({ attempts: sql`${messages.attempts} + 1`, lastError: String((err as Error).message ?? err).slice(0, 500) })
      .where(eq(messages.id, messageId));
    logger.warn({ messageId, err }, 'message delivery failed, will retry');
    throw err;
  }
  await db
    .update(messages)
    .set({ status: 'sent', sentAt: new Date(), transport: transport.name, attempts: sql`${messages.attempts} + 1`, lastError: null })
    .where(eq(messages.id, messageId));
  logger.info({ messageId, channel: msg.channel, transport: transport.name }, 'message delivered');
}
