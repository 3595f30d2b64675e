import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/index.ts';
import type { AccountRow } from '../account/service.ts';
import { INTERACTION_PREFIX } from '../provider.ts';
import type { LoginAttempt } from '../pz/service.ts';

/**
 * The browser's login attempt (a random id in a signed cookie); the row holds the state. In production
 * the name carries the `__Secure-` prefix (the browser refuses it unless Secure and sent over https; it
 * cannot be `__Host-`, its path is `/ueoz`).
 */
export function attemptCookieName(config: Pick<Config, 'isProduction'>): string {
  return config.isProduction ? '__Secure-ueoz-attempt' : 'ueoz-attempt';
}

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
  const c = req.cookies[attemptCookieName(req.server.deps.config)];
  const un = c ? req.unsignCookie(c) : null;
  return un?.valid && un.value ? un.value : null;
}

export function setAttemptCookie(reply: FastifyReply, id: string, config: Pick<Config, 'isProduction'>): void {
  reply.setCookie(attemptCookieName(config), id, attemptCookieOptions(config));
}

export function clearAttemptCookie(reply: FastifyReply): void {
  const config = reply.server.deps.config;
  // a `__Secure-` cookie is only replaced (here: expired) by one that is Secure too
  reply.clearCookie(attemptCookieName(config), { path: '/ueoz', httpOnly: true, sameSite: 'lax', secure: config.isProduction });
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
