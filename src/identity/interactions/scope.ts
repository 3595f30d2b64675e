import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { accounts } from '../../db/schema/index.ts';
import type { AccountRow } from '../account/service.ts';
import { getAttempt, type LoginAttempt } from '../pz/service.ts';
import { InteractionExpiredPage } from './expired.tsx';
import { attemptIdOf, interactionBase, nextPath } from './flow.ts';

/**
 * What a step needs before its handler runs:
 * - `interaction`: only a live interaction of this browser (the step manages the attempt itself);
 * - `code`: an attempt waiting for its SMS code;
 * - an account status: an authenticated attempt whose UEOZ account is in that status.
 * A request that does not meet it is sent where its attempt belongs (or gets "Sesja logowania wygasła").
 */
export type UeozStep = 'interaction' | 'code' | AccountRow['status'];

/** One UEOZ sign-in as a handler sees it, loaded once per request by the scope's hook. */
export interface UeozInteraction {
  uid: string;
  /** `/ueoz/logowanie/<uid>` */
  base: string;
  /** the browser's attempt of this interaction, null when it has none (or it ran out) */
  attempt: LoginAttempt | null;
  /** the UEOZ account of an authenticated attempt */
  account: AccountRow | null;
}

/** The same, after a step guard that requires an authenticated attempt. */
export interface AuthenticatedInteraction extends UeozInteraction {
  attempt: LoginAttempt;
  account: AccountRow;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** set by the interaction scope's hook; only routes inside that scope read it */
    ueoz: UeozInteraction | null;
  }
  interface FastifyContextConfig {
    /** the step guard of a UEOZ interaction route */
    ueozStep?: UeozStep;
  }
}

/** The request's interaction after the guard; a route inside the scope always has one. */
export function interactionOf(req: FastifyRequest): UeozInteraction {
  if (!req.ueoz) throw new Error('route outside the UEOZ interaction scope');
  return req.ueoz;
}

/** The authenticated interaction of a route whose guard requires an account status. */
export function authenticatedOf(req: FastifyRequest): AuthenticatedInteraction {
  const i = interactionOf(req);
  if (!i.attempt || !i.account) throw new Error('route without an account step guard');
  return i as AuthenticatedInteraction;
}

async function loadAccount(app: FastifyInstance, id: string | null): Promise<AccountRow | null> {
  if (!id) return null;
  const [acc] = await app.deps.database.db.select().from(accounts).where(eq(accounts.id, id));
  return acc ?? null;
}

/**
 * Registers `routes` in a scope whose preHandler loads the oidc-provider interaction and this
 * browser's login attempt once per request, checks the route's `ueozStep` and decorates the request.
 * Every route of the scope has `:uid` (the interaction) in its path.
 */
export function interactionScope(provider: Provider, routes: (scope: FastifyInstance) => Promise<void>) {
  return async function scope(app: FastifyInstance): Promise<void> {
    app.decorateRequest('ueoz', null);
    app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
      const uid = (req.params as { uid?: unknown }).uid;
      if (typeof uid !== 'string') throw new Error('UEOZ interaction route without :uid');
      // expired, unknown, or started in another browser → not live
      const live = await provider.interactionDetails(req.raw, reply.raw).then(
        (d) => d.uid === uid,
        () => false,
      );
      if (!live) {
        await reply.html(InteractionExpiredPage(), 410);
        return reply;
      }

      const attemptId = attemptIdOf(req);
      const found = attemptId ? await getAttempt(app.deps.database.db, attemptId, app.deps.now()) : null;
      const attempt = found && found.interactionUid === uid ? found : null;
      const account = attempt?.stage === 'authenticated' ? await loadAccount(app, attempt.accountId) : null;
      const ueoz: UeozInteraction = { uid, base: interactionBase(uid), attempt, account };
      req.ueoz = ueoz;

      const step = req.routeOptions.config.ueozStep ?? 'interaction';
      if (step === 'interaction') return;
      if (!attempt) return reply.redirect(`${ueoz.base}/pz`, 303);
      if (step === 'code') {
        if (attempt.stage !== 'code' || !attempt.credentialId) return reply.redirect(`${ueoz.base}/pz`, 303);
        return;
      }
      if (!account || account.status !== step) return reply.redirect(nextPath(uid, attempt, account), 303);
    });
    await routes(app);
  };
}
