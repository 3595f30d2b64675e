import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { messages } from '../../src/db/schema/index.ts';
import { deliverMessage } from '../../src/jobs/deliver-message.ts';
import type { DeliverableMessage, MessageTransport } from '../../src/mail/transports.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';

class FlakyTransport implements MessageTransport {
  readonly name = 'smtp' as const;
  delivered: DeliverableMessage[] = [];
  constructor(private failures: number) {}
  async deliver(msg: DeliverableMessage): Promise<void> {
    if (this.failures-- > 0) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
    this.delivered.push(msg);
  }
}

describe('message delivery worker', () => {
  let t: TestApp;
  const log = pino({ level: 'silent' });
  before(async () => {
    t = await buildTestApp({ env: { WORKERS: 'false' } });
  });
  after(() => t.close());

  async function queued(to: string): Promise<string> {
    return t.database.db.transaction((tx) => t.app.deps.outbox.enqueue(tx, { channel: 'email', to, subject: 'Temat', text: 'Treść' }));
  }

  it('keeps a message queued with the error while the mail server is down, then sends it once', async () => {
    const id = await queued('retry@example.pl');
    const transport = new FlakyTransport(2);
    await assert.rejects(deliverMessage(t.database.db, transport, id, log), /ECONNREFUSED/);
    await assert.rejects(deliverMessage(t.database.db, transport, id, log), /ECONNREFUSED/);
    let [row] = await t.database.db.select().from(messages).where(eq(messages.id, id));
    assert.equal(row?.status, 'queued');
    assert.equal(row?.attempts, 2);
    assert.match(row?.lastError ?? '', /ECONNREFUSED/);

    await deliverMessage(t.database.db, transport, id, log);
    [row] = await t.database.db.select().from(messages).where(eq(messages.id, id));
    assert.equal(row?.status, 'sent');
    assert.equal(row?.transport, 'smtp');
    assert.equal(row?.lastError, null);
    assert.ok(row?.sentAt instanceof Date);

    // a retried job after a crash must not send the message a second time
    await deliverMessage(t.database.db, transport, id, log);
    assert.equal(transport.delivered.length, 1);
  });

  it('the job is in the queue with a retry policy', async () => {
    const id = await queued('queue@example.pl');
    const jobs = await t.queue.boss.findJobs<{ messageId: string }>('deliver-message', { data: { messageId: id } });
    assert.equal(jobs.length, 1);
    assert.ok((jobs[0]?.retryLimit ?? 0) >= 5, 'retries configured');
  });
});
