import type { FastifyInstance } from 'fastify';
import { latestAnnouncement, listOwnProfiles } from '../../../db/repositories/users.ts';
import { signedInFrame } from '../../http/frame.ts';
import { requireUser } from '../../session/guard.ts';
import { HomePage, WelcomePage } from './pages.tsx';

/** Pages of a signed-in user; each reads only the user's own data. */
export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/witaj', { preHandler: requireUser }, async (req, reply) => reply.html(WelcomePage({ frame: await signedInFrame(app, req, reply) })));

  app.get('/start', { preHandler: requireUser }, async (req, reply) => {
    const db = app.deps.database.db;
    const profiles = await listOwnProfiles(db, req.session!.userId!);
    if (profiles.length === 0) return reply.redirect('/witaj', 303);
    const q = req.query as Record<string, unknown>;
    const notice = q.przeniesiono
      ? 'Profil został utworzony z uprawnień SSOZ I. Możesz od razu pracować w systemie.'
      : q.zlozono
        ? 'Wniosek ma status oczekującego. O jego akceptacji lub odrzuceniu poinformujemy Cię wiadomością e-mail.'
        : undefined;
    return reply.html(HomePage({ frame: await signedInFrame(app, req, reply), profiles, announcement: await latestAnnouncement(db, app.deps.now()), notice }));
  });
}
