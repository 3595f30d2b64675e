import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findUser } from '../../db/repositories/users.ts';
import type { SignedInFrame } from '../../views/layouts/SignedInLayout.tsx';
import { sessionTimeoutProps } from '../session/plugin.ts';

/** The frame of a signed-in page; generates the page's one CSRF token (forms and the timeout warning share it). */
export async function signedInFrame(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<SignedInFrame> {
  const user = await findUser(app.deps.database.db, req.session?.userId ?? '');
  const csrf = reply.generateCsrf();
  return { userName: user ? `${user.firstName} ${user.lastName}` : '', csrf, session: sessionTimeoutProps(req, csrf) };
}
