import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { OIDC_PREFIX } from './provider.ts';

/**
 * Mount oidc-provider (a Koa app) under OIDC_PREFIX in the Fastify process. Fastify has already parsed
 * form bodies; oidc-provider takes a parsed `req.body` as is. Its endpoints are protected by OAuth
 * itself (state, PKCE, client authentication), not by the portal's CSRF tokens.
 */
export async function mountProvider(app: FastifyInstance, provider: Provider): Promise<void> {
  const callback = provider.callback();
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    const raw = req.raw as IncomingMessage & { originalUrl?: string; body?: unknown };
    raw.originalUrl = raw.url;
    raw.url = (raw.url ?? '').slice(OIDC_PREFIX.length) || '/';
    if (req.body !== undefined) raw.body = req.body;
    await callback(raw, reply.raw);
  };
  const methods = ['GET', 'POST', 'OPTIONS'] as const;
  app.route({ method: [...methods], url: OIDC_PREFIX, config: { csrf: false }, handler });
  app.route({ method: [...methods], url: `${OIDC_PREFIX}/*`, config: { csrf: false }, handler });
}
