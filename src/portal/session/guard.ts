import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeRelativePath, SessionExpiredPage } from './routes.tsx';

export { safeRelativePath };

function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * preHandler for pages of logged-in users. Without a session: after a timeout the "Sesja wygasła"
 * page (401), otherwise the login page, which comes back to this page (GET only) afterwards.
 */
export async function requireUser(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (req.session?.userId) return undefined;
  const next = req.method === 'GET' || req.method === 'HEAD' ? safeRelativePath(req.url) : null;
  if (wantsJson(req)) {
    return reply.status(401).send({ error: req.sessionExpired ? 'session_expired' : 'unauthenticated', requestId: req.id });
  }
  if (req.sessionExpired) {
    await reply.html(SessionExpiredPage({ next }), 401);
    return reply;
  }
  return reply.redirect(next ? `/logowanie?next=${encodeURIComponent(next)}` : '/logowanie', 303);
}
