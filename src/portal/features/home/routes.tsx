import type { FastifyInstance } from 'fastify';
import { latestAnnouncement, listOwnProfiles, profilePermissions } from '../../../db/repositories/users.ts';
import { tilesFor } from '../../modules.ts';
import { currentProfileId, signedInFrame } from '../../http/frame.ts';
import { requireUser } from '../../session/guard.ts';
import { HomePage, WelcomePage } from './pages.tsx';

/** Pages of a signed-in user; each reads only the user's own data. */
export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/witaj', { preHandler: requireUser }, async (req, reply) => reply.html(WelcomePage({ frame: await signedInFrame(app, req, reply) })));

  app.get('/start', { preHandler: requireUser }, async (req, reply) => {
    const db = app.deps.database.db;
    const profiles = await listOwnProfiles(db, req.session!.userId!);
    if (profiles.length === 0) return reply.redirect('/witaj', 303);
    const active = profiles.filter((p) => p.status === 'aktywny');
    let current = active.find((p) => p.id === currentProfileId(req)) ?? null;
    // one active profile is worked in at once; with several the user picks one first (Moje konto)
    if (!current && active.length === 1) {
      current = active[0]!;
      await req.saveSessionData({ profileId: current.id });
    }
    if (!current && active.length > 1) return reply.redirect('/moje-konto?wybierz=1', 303);
    const q = req.query as Record<string, unknown>;
    const notice = q.przeniesiono
      ? 'Profil został utworzony z uprawnień SSOZ I. Możesz od razu pracować w systemie.'
      : undefined;
    return reply.html(
      HomePage({
        frame: await signedInFrame(app, req, reply),
        current: current ? { unitName: current.unitName } : null,
        tiles: current ? tilesFor(await profilePermissions(db, current.id)) : [],
        announcement: await latestAnnouncement(db, app.deps.now()),
        notice,
      }),
    );
  });
}
