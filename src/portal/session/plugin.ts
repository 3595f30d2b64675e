import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/index.ts';
import { actorRowsFromJson, actorRowsOfSession, type ActorRows } from '../../db/repositories/actors.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { ANONYMOUS } from '../../lib/csrf.ts';
import {
  createSession,
  destroySession,
  hashSessionId,
  isWellFormedSessionId,
  loadAndTouchSession,
  loadSession,
  updateSessionData,
  type SessionRow,
} from './store.ts';

/** What a handler sees of the server-side session; `id` is the stored hash, never the cookie value. */
export interface PortalSession {
  id: string;
  userId: string | null;
  data: Record<string, unknown>;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the active session, loaded (and its idle deadline moved) before the handler runs */
    session: PortalSession | null;
    /** a logged-in session ended by timeout on this request: show "Sesja wygasła", not the login redirect */
    sessionExpired: boolean;
    /**
     * On a request that does not load the session (skipsSession): what its CSRF tokens are bound to, the
     * hash of the session cookie as the check reads it (the cookie is left as it is, so the next request
     * carries the same one). Null where the session was loaded: the tokens are bound to it.
     */
    unloadedSessionBinding: string | null;
    /**
     * The actor's rows read with the session (one statement for both on a signed-in page), for the
     * profile the session named then; null when the session was written (or not loaded) on this request.
     */
    actorRowsWithSession: { userId: string; profileId: string | null; rows: ActorRows | null } | null;
    /** shallow-merge into the session's data (a key set to undefined is removed); throws without a session */
    saveSessionData(patch: Record<string, unknown>): Promise<void>;
    /**
     * For pages answered before the session hook ran (an error in validation or the CSRF check): the
     * session of the cookie, if active, without counting the request as activity.
     */
    peekSession(): Promise<PortalSession | null>;
  }
  interface FastifyReply {
    /** a new session (new id, new cookie) replacing any previous one: call at login against session fixation */
    startSession(userId: string | null, data?: Record<string, unknown>): Promise<void>;
    /** delete the session and clear its cookie */
    endSession(): Promise<void>;
  }
}

/** The CSRF secret cookie of @fastify/csrf-protection (see app.ts). */
export function csrfCookieName(config: Pick<Config, 'isProduction'>): string {
  return config.isProduction ? '__Host-ssoz-csrf' : 'ssoz-csrf';
}

/** `__Host-` makes the browser refuse the cookie unless Secure, path=/ and without Domain. */
export function sessionCookieName(config: Pick<Config, 'isProduction'>): string {
  return config.isProduction ? '__Host-ssoz-sid' : 'ssoz-sid';
}

/**
 * What a CSRF token is bound to, when it is checked: the session named by the request's session
 * cookie (ANONYMOUS without one). Checked before the session is loaded, so it reads the cookie itself.
 */
export function sessionBindingOfCookie(req: FastifyRequest, config: Pick<Config, 'isProduction'>): string {
  const raw = req.cookies[sessionCookieName(config)];
  return raw && isWellFormedSessionId(raw) ? hashSessionId(raw) : ANONYMOUS;
}

/**
 * Requests that neither need nor extend a session: static files, health checks, and the identity
 * provider's own pages and endpoints (UEOZ, under /ueoz/: its interaction has its own cookies and never
 * reads the portal's session; skipping it saves a statement on each of a login's eight steps there).
 */
function skipsSession(path: string): boolean {
  return path.startsWith('/assets/') || path.startsWith('/ueoz/') || path === '/healthz' || path === '/healthz/' || path === '/readyz' || path === '/readyz/';
}

/** Polling the remaining time must not count as activity, or an open tab would never time out. */
function isPassive(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && (path === '/sesja/status' || path === '/sesja/status/');
}

function toPortalSession(row: SessionRow): PortalSession {
  return {
    id: row.idHash,
    userId: row.userId,
    data: row.data,
    idleExpiresAt: row.idleExpiresAt,
    absoluteExpiresAt: row.absoluteExpiresAt,
  };
}

/**
 * Props for Layout's session-timeout warning on pages of a logged-in user. Pass the token the page
 * already generated: a second generateCsrf() for a visitor without the CSRF cookie makes a new secret.
 */
export function sessionTimeoutProps(req: FastifyRequest, csrf: string): { idleExpiresAt: string; csrf: string } | undefined {
  return req.session?.userId ? { idleExpiresAt: req.session.idleExpiresAt.toISOString(), csrf } : undefined;
}

async function sessions(app: FastifyInstance): Promise<void> {
  const { config } = app.deps;
  const db = () => app.deps.database.db;
  const cookieName = sessionCookieName(config);
  const csrfCookie = csrfCookieName(config);
  // no maxAge/expires: a browser-session cookie; the server decides when the session is over
  const cookieOptions: CookieSerializeOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.isProduction };

  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('unloadedSessionBinding', null);
  app.decorateRequest('actorRowsWithSession', null);

  app.decorateRequest('saveSessionData', async function (this: FastifyRequest, patch: Record<string, unknown>) {
    if (!this.session) throw new Error('saveSessionData without a session: start one with reply.startSession()');
    const data = await updateSessionData(db(), this.session.id, patch);
    if (data === null) throw new Error('the session ended before its data could be saved');
    this.session.data = data;
  });

  app.decorateRequest('peekSession', async function (this: FastifyRequest) {
    if (this.session) return this.session;
    const raw = this.cookies[cookieName];
    if (!raw) return null;
    const found = await loadSession(db(), raw, app.deps.now());
    if (found.status !== 'active') return null;
    this.session = toPortalSession(found.session);
    return this.session;
  });

  app.decorateReply('startSession', async function (this: FastifyReply, userId: string | null, data: Record<string, unknown> = {}) {
    const req = this.request;
    const previous = new Set<string>();
    if (req.session) previous.add(req.session.id);
    const raw = req.cookies[cookieName];
    if (raw && isWellFormedSessionId(raw)) previous.add(hashSessionId(raw));
    for (const idHash of previous) await destroySession(db(), idHash);
    const { rawId, session } = await createSession(db(), { userId, data, now: app.deps.now() });
    this.setCookie(cookieName, rawId, cookieOptions);
    // a new CSRF secret with every new session: tokens of the previous one stop working
    this.clearCookie(csrfCookie, { path: '/' });
    req.session = toPortalSession(session);
    req.sessionExpired = false;
  });

  app.decorateReply('endSession', async function (this: FastifyReply) {
    const req = this.request;
    const raw = req.cookies[cookieName];
    if (req.session) await destroySession(db(), req.session.id);
    else if (raw && isWellFormedSessionId(raw)) await destroySession(db(), hashSessionId(raw));
    req.session = null;
    this.clearCookie(cookieName, cookieOptions);
    this.clearCookie(csrfCookie, { path: '/' });
  });

  // preHandler, after the CSRF check: a refused request is not activity and costs no database round trip
  app.addHook('preHandler', async (req, reply) => {
    const raw = req.cookies[cookieName];
    if (!raw) return;
    const path = req.url.split('?', 1)[0] ?? '/';
    if (skipsSession(path)) {
      req.unloadedSessionBinding = sessionBindingOfCookie(req, config);
      return;
    }
    const now = app.deps.now();
    // a request is activity (one statement loads the session and moves its idle deadline), a poll of the remaining time is not
    const found = isPassive(req.method, path) ? await loadSession(db(), raw, now) : await loadAndTouchSession(db(), raw, now, actorRowsOfSession);
    if (found.status === 'none') {
      reply.clearCookie(cookieName, cookieOptions);
      return;
    }
    if (found.status === 'expired') {
      reply.clearCookie(cookieName, cookieOptions);
      // an anonymous session (e.g. a login in progress) simply starts over; a user is told and it is audited
      if (found.userId) {
        req.sessionExpired = true;
        await recordAudit(db(), {
          action: 'session.timeout',
          actorUserId: found.userId,
          outcome: 'success',
          ip: req.ip,
          requestId: req.id,
          details: { reason: found.reason },
        });
      }
      return;
    }
    req.session = toPortalSession(found.session);
    if (found.joined !== undefined && found.session.userId) {
      const profileId = found.session.data.profileId;
      req.actorRowsWithSession = {
        userId: found.session.userId,
        profileId: typeof profileId === 'string' ? profileId : null,
        rows: actorRowsFromJson(found.joined),
      };
    }
  });
}

/** Not encapsulated (as fastify-plugin would do, without the extra dependency): the decorations and hook apply app-wide. */
export const sessionPlugin = Object.assign(sessions, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'ssoz-session',
});
