import type { FastifyReply } from 'fastify';

/** The binding of a visitor without a session (the token library reads an empty binding as none). */
export const ANONYMOUS = 'anonymous';

/**
 * A CSRF token for the page being rendered, bound to the request's current portal session ('' for a
 * visitor without one: ANONYMOUS; after startSession(), the new one). The check (app.ts, getUserInfo) binds it to
 * the session cookie the next request carries, so a CSRF cookie and token planted from another
 * session or an anonymous visit do not pass. On a request that leaves the session unloaded (the identity
 * provider's pages), the cookie it carries is that binding. Every form's token comes from here.
 */
export function csrfToken(reply: FastifyReply): string {
  const req = reply.request;
  return reply.generateCsrf({ userInfo: req.session?.id ?? req.unloadedSessionBinding ?? ANONYMOUS });
}
