import type { FastifyInstance } from 'fastify';
import { LandingPage } from './LandingPage.tsx';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { HelpPage } from './pages/HelpPage.tsx';
import { PrivacyPage } from './pages/PrivacyPage.tsx';
import { SitemapPage } from './pages/SitemapPage.tsx';
import { UeozAboutPage } from './pages/UeozAboutPage.tsx';
import { UeozTermsPage } from './pages/UeozTermsPage.tsx';

/** Pages anyone may read: no data is read or changed, so no permission check is needed. */
export async function publicRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (_req, reply) => reply.html(LandingPage({})));
  app.get('/polityka-prywatnosci', async (_req, reply) => reply.html(PrivacyPage()));
  app.get('/deklaracja-dostepnosci', async (_req, reply) => reply.html(AccessibilityPage()));
  app.get('/mapa-strony', async (_req, reply) => reply.html(SitemapPage()));
  app.get('/pomoc', async (_req, reply) => reply.html(HelpPage()));
  app.get('/ueoz/czym-sa-ueoz', async (_req, reply) => reply.html(UeozAboutPage()));
  app.get('/ueoz/warunki-korzystania', async (_req, reply) => reply.html(UeozTermsPage()));
  app.get('/robots.txt', async (_req, reply) => reply.type('text/plain').send('User-agent: *\nDisallow: /dev/\n'));
}
