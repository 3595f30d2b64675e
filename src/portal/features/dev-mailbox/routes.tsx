import type { FastifyInstance } from 'fastify';
import { getDemoMessage, listDemoMailbox } from '../../../db/repositories/messages.ts';
import { notFound } from '../../../lib/errors.ts';
import type { ZodTypeProvider } from '../../http/input.ts';
import { MailboxPage, MessagePage } from './MailboxPage.tsx';
import { IdParams, MailboxQuery } from './schema.ts';

/**
 * The demo mailbox (shared/spec/demo-data.md). Registered only in demo mode, so in production these
 * paths answer 404. It shows fictitious data to anyone, which is its purpose.
 */
export async function devMailboxRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  app.get('/dev/poczta.json', { schema: { querystring: MailboxQuery } }, async (req) => {
    const { to } = req.query;
    return listDemoMailbox(db(), to ? { to } : {});
  });
  app.get('/dev/poczta', { schema: { querystring: MailboxQuery } }, async (req, reply) => {
    const { to } = req.query;
    return reply.html(MailboxPage({ messages: await listDemoMailbox(db(), to ? { to } : {}), to }));
  });
  app.get('/dev/poczta/:id', { schema: { params: IdParams } }, async (req, reply) => {
    const message = await getDemoMessage(db(), req.params.id);
    if (!message) throw notFound();
    return reply.html(MessagePage({ message }));
  });
}
