import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { forbidden } from '../../lib/errors.ts';
import type { SignedInFrame } from '../../views/layouts/SignedInLayout.tsx';
import { requireUser } from '../session/guard.ts';
import { sessionTimeoutProps } from '../session/plugin.ts';
import { actorOfRows, loadActor, type Actor } from './actor.ts';
import { hasManagement } from '../policies/index.ts';
import type { ZodTypeProvider } from '../http/input.ts';
import { csrfToken } from '../../lib/csrf.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** set only inside the signed-in scope (or by optionalActor on public pages) */
    actor: Actor | null;
  }
}

/** The profile chosen with "Pracuj w profilu", kept in the session. */
export function currentProfileId(req: FastifyRequest): string | null {
  const v = req.session?.data.profileId;
  return typeof v === 'string' ? v : null;
}

async function attachActor(req: FastifyRequest): Promise<Actor | null> {
  if (req.actor) return req.actor;
  const userId = req.session?.userId;
  if (!userId) return null;
  const profileId = currentProfileId(req);
  // read with the session when it was only read (not written) on this request, for the same user and profile
  const pre = req.actorRowsWithSession;
  if (pre && pre.userId === userId && pre.profileId === profileId) req.actor = pre.rows ? actorOfRows(pre.rows, profileId) : null;
  else req.actor = await loadActor(req.server.deps.database.db, userId, profileId);
  return req.actor;
}

/** The actor of a signed-in route (the scope guarantees one). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw forbidden();
  return req.actor;
}

/** On pages open to everyone: the actor when someone is signed in (for the user menu), else null. */
export const optionalActor = attachActor;

export type SignedInApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/**
 * Every page of a signed-in user is registered inside this scope: its hook requires a session
 * (or shows the login / "Sesja wygasła" page) and loads `req.actor` once. A route registered
 * elsewhere has no actor, so it cannot act as a user by accident.
 */
export async function signedInScope(app: FastifyInstance, register: (scope: SignedInApp) => Promise<void>): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('preHandler', requireUser);
    scope.addHook('preHandler', async (req, reply) => {
      if (reply.sent) return;
      const actor = await attachActor(req);
      // a session whose user no longer exists is no session
      if (!actor) {
        await reply.endSession();
        return reply.redirect('/logowanie', 303);
      }
    });
    await register(scope.withTypeProvider<ZodTypeProvider>() as unknown as SignedInApp);
  });
}

/** The frame of a signed-in page from the actor; generates the page's one CSRF token. */
export function frameOf(req: FastifyRequest, reply: FastifyReply): SignedInFrame {
  const a = actorOf(req);
  const csrf = csrfToken(reply);
  return {
    userName: `${a.firstName} ${a.lastName}`,
    csrf,
    session: sessionTimeoutProps(req, csrf),
    profiles: a.activeProfiles.map((p) => ({ id: p.id, unitName: p.unitName })),
    currentProfileId: a.profile?.id ?? null,
    management: hasManagement(a),
  };
}
