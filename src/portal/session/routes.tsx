import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Layout } from '../../views/layouts/Layout.tsx';

export const sessionMessages = {
  expiredTitle: 'Sesja wygasła',
  expiredLead:
    'Ze względów bezpieczeństwa po 30 minutach bezczynności zostałeś automatycznie wylogowany. Dalsze korzystanie z systemu SSOZ II wymaga ponownego zalogowania.',
  login: 'Zaloguj się/ Zarejestruj',
} as const;

/** "Sesja wygasła"; `next` (a checked relative path) brings the user back after logging in again. */
export function SessionExpiredPage({ next }: { next?: string | null } = {}): JSX.Element {
  const href = next ? `/logowanie?next=${encodeURIComponent(next)}` : '/logowanie';
  return (
    <Layout title={sessionMessages.expiredTitle}>
      <h1 data-qa="page-sesja-wygasla">{sessionMessages.expiredTitle}</h1>
      <p class="lead">{sessionMessages.expiredLead}</p>
      <p>
        <a class="button" href={href} data-qa="session-expired-login">
          {sessionMessages.login}
        </a>
      </p>
    </Layout>
  );
}

/**
 * `value` as a path on this site ("/…", not "//host" or "/\host", no control characters), else null:
 * for `next` and Referer-based redirects, so they can never lead off-site. The path comes back
 * percent-encoded (as the URL parser writes it): a decoded `next` such as "/ą" would otherwise be an
 * invalid Location header and a 500 after a successful login.
 */
export function safeRelativePath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return null;
  if (!value.startsWith('/') || value.includes('\\')) return null;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return null;
  }
  const base = 'http://same-site.invalid';
  try {
    const url = new URL(value, base);
    if (url.origin !== base) return null;
    const path = url.pathname + url.search;
    // dot segments can leave "//host" ("/.//evil.example" → "//evil.example"): a browser reads that as another site
    if (path.startsWith('//')) return null;
    return path.length <= 2048 ? path : null;
  } catch {
    return null;
  }
}

export interface SessionStatus {
  active: boolean;
  idleExpiresAt?: string;
  /** counted on the server's clock, so the page's timer does not depend on the browser's */
  secondsLeft?: number;
}

function status(req: FastifyRequest, now: Date): SessionStatus {
  const s = req.session;
  if (!s?.userId) return { active: false };
  return {
    active: true,
    idleExpiresAt: s.idleExpiresAt.toISOString(),
    secondsLeft: Math.max(0, Math.ceil((s.idleExpiresAt.getTime() - now.getTime()) / 1000)),
  };
}

function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** The path of a same-origin Referer (the page the form was on), else the home page. */
function backTo(req: FastifyRequest, publicUrl: string): string {
  const referer = req.headers.referer;
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    const own = new Set([new URL(publicUrl).origin, new URL(`${req.protocol}://${req.host}`).origin]);
    if (!own.has(url.origin)) return '/';
    return safeRelativePath(url.pathname + url.search) ?? '/';
  } catch {
    return '/';
  }
}

/** Session status for the timeout warning, "Przedłuż sesję" and the page shown after a timeout. */
export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  // the session plugin does not touch the session on this route: asking is not activity
  app.get('/sesja/status', async (req) => status(req, app.deps.now()));

  // the session plugin's hook has already moved the idle deadline (every request but the status one does)
  app.post('/sesja/przedluz', async (req, reply) => {
    const s = status(req, app.deps.now());
    if (wantsJson(req)) return s;
    if (!s.active && req.sessionExpired) return reply.redirect('/sesja-wygasla', 303);
    return reply.redirect(backTo(req, app.deps.config.publicUrl), 303);
  });

  app.get('/sesja-wygasla', async (_req, reply) => reply.html(SessionExpiredPage()));
}
