import type { FastifyInstance } from 'fastify';
import { getDemoMessage, listDemoMailbox } from '../../../db/repositories/messages.ts';
import { notFound } from '../../../lib/errors.ts';
import { MailboxPage, MessagePage } from './MailboxPage.tsx';

/**
 * The demo mailbox (shared/spec/demo-data.md). Registered only in demo mode, so in production these
 * paths answer 404. It shows fictitious data to anyone, which is its purpose.
 */
export async function devMailboxRoutes(app: FastifyInstance): Promise<void> {
  const toParam = (q: unknown) => {
    const to = (q as Record<string, unknown>).to;
    return typeof to === 'string' ? to.trim().slice(0, 254) : '';
  };
  app.get('/dev/poczta.json', async (req) => {
    const to = toParam(req.query);
    return listDemoMailbox(app.deps.database.db, to ? { to } : {});
  });
  app.get('/dev/poczta', async (req, reply) => {
    const to = toParam(req.query);
    return reply.html(MailboxPage({ messages: await listDemoMailbox(app.deps.database.db, to ? { to } : {}), to }));
  });
  app.get<{ Params: { id: string } }>('/dev/poczta/:id', async (req, reply) => {
    const message = await getDemoMessage(app.deps.database.db, req.params.id);
    if (!message) throw notFound();
    return reply.html(MessagePage({ message }));
  });
}
