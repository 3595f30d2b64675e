import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { homeMessages } from './messages.ts';
import { HomePage, WelcomePage } from './pages.tsx';
import { HomeQuery } from './schema.ts';

/** "Strona główna" and the first screen of a user without a profile (signed-in scope). */
export async function homeRoutes(app: SignedInApp): Promise<void> {
  app.get('/witaj', async (req, reply) => reply.html(WelcomePage({ frame: frameOf(req, reply) })));

  app.get('/start', { schema: { querystring: HomeQuery } }, async (req, reply) => {
    const view = await app.deps.services.home.start(ctxOf(req));
    if (view.kind === 'welcome') return reply.redirect('/witaj', 303);
    if (view.kind === 'choose') return reply.redirect('/moje-konto?wybierz=1', 303);
    if (view.kind === 'survey') {
      if (view.chosen) await req.saveSessionData({ profileId: view.chosen });
      return reply.redirect('/sprawozdania/ankieta', 303);
    }
    if (view.chosen) await req.saveSessionData({ profileId: view.chosen });
    const frame = frameOf(req, reply);
    return reply.html(
      HomePage({
        // the menu marks the profile worked in, also when it was chosen just now
        frame: {
          ...frame,
          currentProfileId: view.current?.id ?? frame.currentProfileId,
          management: frame.management || view.tiles.some((t) => t.count === 'waitingRequests'),
        },
        current: view.current,
        tiles: view.tiles,
        counts: view.counts,
        announcement: view.announcement,
        notice: req.query.przeniesiono ? homeMessages.transferred : undefined,
      }),
    );
  });
}
