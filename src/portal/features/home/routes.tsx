import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findUser, latestAnnouncement, listOwnProfiles } from '../../../db/repositories/users.ts';
import { requireUser } from '../../session/guard.ts';
import { sessionTimeoutProps } from '../../session/plugin.ts';
import { HomePage, WelcomePage, type SignedInFrame } from './pages.tsx';

async function frameFor(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<SignedInFrame> {
  const user = await findUser(app.deps.database.db, req.session?.userId ?? '');
  const csrf = reply.generateCsrf();
  return { userName: user ? `${user.firstName} ${user.lastName}` : '', csrf, session: sessionTimeoutProps(req, csrf) };
}

/** Pages of a signed-in user; each reads only the user's own data. */
export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/witaj', { preHandler: requireUser }, async (req, reply) => reply.html(WelcomePage({ frame: await frameFor(app, req, reply) })));

  app.get('/start', { preHandler: requireUser }, async (req, reply) => {
    const db = app.deps.database.db;
    const profiles = await listOwnProfiles(db, req.session!.userId!);
    if (profiles.length === 0) return reply.redirect('/witaj', 303);
    return reply.html(HomePage({ frame: await frameFor(app, req, reply), profiles, announcement: await latestAnnouncement(db, app.deps.now()) }));
  });
}
