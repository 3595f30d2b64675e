import type { FastifyInstance } from 'fastify';
import { frameFor, isSignedIn } from '../../http/frame.ts';
import { LandingPage } from '../../../views/pages/LandingPage.tsx';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { HelpPage } from './pages/HelpPage.tsx';
import { PrivacyPage } from './pages/PrivacyPage.tsx';
import { SitemapPage } from './pages/SitemapPage.tsx';
import { UeozAboutPage } from './pages/UeozAboutPage.tsx';
import { UeozTermsPage } from './pages/UeozTermsPage.tsx';

/** Pages anyone may read: no data is read or changed, so no permission check is needed; a signed-in reader keeps the user menu. */
export async function publicRoutes(app: FastifyInstance): Promise<void> {
  // a signed-in user's "Strona główna" is their home page (or the profile choice, or "Witaj")
  app.get('/', async (req, reply) => (isSignedIn(req) ? reply.redirect('/start', 303) : reply.html(LandingPage({}))));
  app.get('/polityka-prywatnosci', async (req, reply) => reply.html(PrivacyPage({ frame: await frameFor(app, req, reply) })));
  app.get('/deklaracja-dostepnosci', async (req, reply) => reply.html(AccessibilityPage({ frame: await frameFor(app, req, reply) })));
  app.get('/mapa-strony', async (req, reply) => reply.html(SitemapPage({ frame: await frameFor(app, req, reply) })));
  app.get('/pomoc', async (req, reply) => reply.html(HelpPage({ frame: await frameFor(app, req, reply) })));
  app.get('/ueoz/czym-sa-ueoz', async (_req, reply) => reply.html(UeozAboutPage()));
  app.get('/ueoz/warunki-korzystania', async (_req, reply) => reply.html(UeozTermsPage()));
  app.get('/robots.txt', async (_req, reply) => reply.type('text/plain').send('User-agent: *\nDisallow: /dev/\n'));
}
