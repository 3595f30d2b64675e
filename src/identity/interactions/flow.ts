import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/index.ts';
import type { AccountRow } from '../account/service.ts';
import { INTERACTION_PREFIX } from '../provider.ts';
import type { LoginAttempt } from '../pz/service.ts';

/** The browser's login attempt (a random id in a signed cookie); the row holds the state. */
export const ATTEMPT_COOKIE = 'ueoz-attempt';

export type UidParams = { Params: { uid: string } };

/** The interaction's path: its uid is in every path so the provider's cookie (scoped to it) comes along. */
export function interactionBase(uid: string): string {
  return `${INTERACTION_PREFIX}/${encodeURIComponent(uid)}`;
}

export function attemptCookieOptions(config: Pick<Config, 'isProduction'>) {
  return { path: '/ueoz', httpOnly: true, sameSite: 'lax' as const, secure: config.isProduction, signed: true };
}

/** The attempt id this browser holds, or null. */
export function attemptIdOf(req: FastifyRequest): string | null {
  const c = req.cookies[ATTEMPT_COOKIE];
  const un = c ? req.unsignCookie(c) : null;
  return un?.valid && un.value ? un.value : null;
}

export function setAttemptCookie(reply: FastifyReply, id: string, config: Pick<Config, 'isProduction'>): void {
  reply.setCookie(ATTEMPT_COOKIE, id, attemptCookieOptions(config));
}

export function clearAttemptCookie(reply: FastifyReply): void {
  reply.clearCookie(ATTEMPT_COOKIE, { path: '/ueoz' });
}

export function requestMeta(req: FastifyRequest): { ip: string; requestId: string } {
  return { ip: req.ip, requestId: req.id };
}

/** Where an attempt goes next; `/dokoncz` ends the interaction with a login. */
export function nextPath(uid: string, a: Pick<LoginAttempt, 'stage'>, acc: Pick<AccountRow, 'status'> | null): string {
  const base = interactionBase(uid);
  if (a.stage === 'password') return `${base}/pz`;
  if (a.stage === 'code') return `${base}/kod`;
  switch (acc?.status) {
    case 'migration':
      return `${base}/migracja`;
    case 'update_required':
      return `${base}/konto`;
    case 'activation_required':
      return `${base}/aktywacja`;
    case 'active':
      return `${base}/dokoncz`;
    default:
      return `${base}/pz`;
  }
}
