import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { escapeHtml } from '../lib/html.ts';
import { Layout } from '../views/layouts/Layout.tsx';
import { OIDC_PREFIX } from './provider.ts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Any string in a parsed query or body (nested arrays and objects included) with a control character. */
function hasControlCharacters(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return CONTROL.test(value);
  if (depth > 5 || value === null || typeof value !== 'object') return false;
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => CONTROL.test(k) || hasControlCharacters(v, depth + 1));
}

async function badRequestPage(): Promise<string> {
  return Layout({
    title: 'Nieprawidłowe żądanie',
    variant: 'ueoz',
    children: `<h1>Nieprawidłowe żądanie</h1><p>Żądanie logowania zawiera niedozwolone znaki. Wróć do strony głównej i zaloguj się ponownie.</p><p><a class="button" href="${escapeHtml('/')}">Przejdź do strony głównej</a></p>`,
  });
}

/**
 * Mount oidc-provider (a Koa app) under OIDC_PREFIX in the Fastify process. Fastify has already parsed
 * form bodies; oidc-provider takes a parsed `req.body` as is. Its endpoints are protected by OAuth
 * itself (state, PKCE, client authentication), not by the portal's CSRF tokens.
 *
 * The provider builds its endpoint URLs (discovery, redirects) from the request's host and protocol;
 * they are pinned here to the configured public URL, so a forged Host or X-Forwarded-Host header never
 * lands in discovery. A control character anywhere in the parameters (PostgreSQL refuses NUL in
 * text) is answered 400 before the provider sees it.
 */
export async function mountProvider(app: FastifyInstance, provider: Provider): Promise<void> {
  const callback = provider.callback();
  const publicUrl = new URL(app.deps.config.publicUrl);
  const trustProxy = app.deps.config.trustProxy;
  // Koa reads host and protocol from X-Forwarded-* only in proxy mode: always on, with the headers set below
  provider.proxy = true;
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    if (CONTROL.test(decodeURIComponentSafe(req.url)) || hasControlCharacters(req.query) || hasControlCharacters(req.body)) {
      return reply
        .status(400)
        .type('text/html; charset=utf-8')
        .send(await badRequestPage());
    }
    reply.hijack();
    const raw = req.raw as IncomingMessage & { originalUrl?: string; body?: unknown };
    raw.originalUrl = raw.url;
    raw.url = (raw.url ?? '').slice(OIDC_PREFIX.length) || '/';
    raw.headers.host = publicUrl.host;
    raw.headers['x-forwarded-host'] = publicUrl.host;
    raw.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
    // the client address: Fastify's view (proxy-aware only when TRUST_PROXY is set)
    if (trustProxy) raw.headers['x-forwarded-for'] = req.ip;
    else delete raw.headers['x-forwarded-for'];
    if (req.body !== undefined) raw.body = req.body;
    await callback(raw, reply.raw);
  };
  const methods = ['GET', 'POST', 'OPTIONS'] as const;
  app.route({ method: [...methods], url: OIDC_PREFIX, config: { csrf: false }, handler });
  app.route({ method: [...methods], url: `${OIDC_PREFIX}/*`, config: { csrf: false }, handler });
}

function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
