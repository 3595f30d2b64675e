import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInFrame } from '../../views/layouts/SignedInLayout.tsx';
import { frameOf, optionalActor } from '../actor/scope.ts';

/** A signed-in user's session (not an anonymous one, such as a login in progress). */
export function isSignedIn(req: FastifyRequest): boolean {
  return !!req.session?.userId;
}

/**
 * The frame of a page anyone may open (help, contact, error pages): the user menu for a signed-in
 * user (from the actor, loaded here when the page is outside the signed-in scope), null for a visitor.
 * Public pages take their frame only from here.
 */
export async function frameFor(_app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<SignedInFrame | null> {
  return isSignedIn(req) && (await optionalActor(req)) ? frameOf(req, reply) : null;
}
