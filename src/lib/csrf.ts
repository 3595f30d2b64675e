import type { FastifyReply } from 'fastify';

/** The binding of a visitor without a session (the token library reads an empty binding as none). */
export const ANONYMOUS = 'anonymous';

/**
 * A CSRF token for the page being rendered, bound to the request's current portal session ('' for a
 * visitor without one: ANONYMOUS; after startSession(), the new one). The check (app.ts, getUserInfo) binds it to
 * the session cookie the next request carries, so a CSRF cookie and token planted from another
 * session or an anonymous visit do not pass. Every form's token comes from here.
 */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: reply.request.session?.id ?? ANONYMOUS });
}
