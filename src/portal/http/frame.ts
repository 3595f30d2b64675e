import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findUser, listOwnProfiles } from '../../db/repositories/users.ts';
import { plCollator } from '../../lib/text.ts';
import type { SignedInFrame } from '../../views/layouts/SignedInLayout.tsx';
import { sessionTimeoutProps } from '../session/plugin.ts';
import { frameOf, optionalActor } from '../actor/scope.ts';

/** The frame of a signed-in page; generates the page's one CSRF token (forms and the timeout warning share it). */
export async function signedInFrame(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<SignedInFrame> {
  const userId = req.session?.userId ?? '';
  const user = await findUser(app.deps.database.db, userId);
  const csrf = reply.generateCsrf();
  const profiles = (await listOwnProfiles(app.deps.database.db, userId))
    .filter((p) => p.status === 'aktywny')
    .sort((a, b) => plCollator.compare(a.unitName, b.unitName))
    .map((p) => ({ id: p.id, unitName: p.unitName }));
  const current = currentProfileId(req);
  return {
    userName: user ? `${user.firstName} ${user.lastName}` : '',
    csrf,
    session: sessionTimeoutProps(req, csrf),
    profiles,
    currentProfileId: profiles.some((p) => p.id === current) ? current : null,
  };
}

/** A signed-in user's session (not an anonymous one, such as a login in progress). */
export function isSignedIn(req: FastifyRequest): boolean {
  return !!req.session?.userId;
}

/**
 * The frame of a page anyone may open (help, contact, error pages): the user menu for a signed-in
 * user, null for an anonymous visitor. Public pages take their frame only from here.
 */
export async function frameFor(_app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<SignedInFrame | null> {
  return isSignedIn(req) && (await optionalActor(req)) ? frameOf(req, reply) : null;
}

/** The profile chosen with "Pracuj w profilu", kept in the session. */
export function currentProfileId(req: FastifyRequest): string | null {
  const v = req.session?.data.profileId;
  return typeof v === 'string' ? v : null;
}
