import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/index.ts';
import type { Db } from '../db/client.ts';
import type { FileStorage } from '../files/storage.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Outbox } from '../mail/outbox.ts';
import type { Actor } from './actor/actor.ts';
import { actorOf } from './actor/scope.ts';

/** What services are built with, once, in bootstrap (createServices). */
export interface ServiceDeps {
  db: Db;
  outbox: Outbox;
  queue: JobQueue;
  storage: FileStorage;
  clock: () => Date;
  config: Config;
}

/** Who acts, from where and when: the first argument of every service call. */
export interface Ctx {
  actor: Actor;
  ip: string;
  requestId: string;
  now: Date;
}

/** The context of a page open to everyone (the contact form): the actor only when someone is signed in. */
export interface PublicCtx {
  actor: Actor | null;
  ip: string;
  requestId: string;
  now: Date;
}

export function publicCtxOf(req: FastifyRequest): PublicCtx {
  return { actor: req.actor, ip: req.ip, requestId: req.id, now: req.server.deps.now() };
}

/** The context of a signed-in request (inside the signed-in scope). */
export function ctxOf(req: FastifyRequest): Ctx {
  return { actor: actorOf(req), ip: req.ip, requestId: req.id, now: req.server.deps.now() };
}

/** Audit fields of a context. */
export function auditOf(ctx: Ctx): { actorUserId: string; ip: string; requestId: string } {
  return { actorUserId: ctx.actor.userId, ip: ctx.ip, requestId: ctx.requestId };
}
