import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { qsParse } from './lib/qs.ts';
import type { Config } from './config/index.ts';
import type { Database } from './db/client.ts';
import type { JobQueue } from './jobs/queue.ts';
import { loggerOptions } from './lib/logger.ts';
import type { Outbox } from './mail/outbox.ts';
import { registerErrorHandling, registerInputAttemptLog } from './portal/http/errors.ts';
import { ErrorPage } from './views/pages/ErrorPage.tsx';
import { checkMultipartCsrf, decorateMultipartCsrf } from './portal/http/multipart-csrf.ts';
import { registerRendering } from './portal/http/render.ts';
import { publicRoutes } from './portal/features/public/routes.tsx';
import { contactRoutes } from './portal/features/contact/routes.tsx';
import { devMailboxRoutes } from './portal/features/dev-mailbox/routes.tsx';
import { healthRoutes } from './portal/features/health/routes.ts';
import { csrfCookieName, sessionBindingOfCookie, sessionPlugin } from './portal/session/plugin.ts';
import type Provider from 'oidc-provider';
import type { FileStorage } from './files/storage.ts';
import { attachmentRoutes } from './portal/features/attachments/routes.tsx';
import { reminderRoutes } from './portal/features/reminders/routes.tsx';
import { mountProvider } from './identity/mount.ts';
import { interactionRoutes } from './identity/interactions/routes.tsx';
import { PortalOidcClient, type InProcessFetch } from './portal/auth/oidc-client.ts';
import { authRoutes } from './portal/features/auth/routes.ts';
import { homeRoutes } from './portal/features/home/routes.tsx';
import { transferRoutes } from './portal/features/transfer/routes.tsx';
import { requestRoutes } from './portal/features/request/routes.tsx';
import { accountRoutes } from './portal/features/account/routes.tsx';
import { profileRoutes } from './portal/features/profile/routes.tsx';
import { sessionRoutes } from './portal/session/routes.tsx';
import { managementRoutes } from './portal/management/routes.ts';
import { reportingRoutes } from './portal/reporting/routes.tsx';
import type { Services } from './portal/services.ts';
import { registerZodValidation } from './portal/http/input.ts';
import { signedInScope } from './portal/actor/scope.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  queue: JobQueue;
  outbox: Outbox;
  /** where attachment bytes are kept */
  storage: FileStorage;
  /** the built-in UEOZ identity provider; null when an external provider is configured */
  provider: Provider | null;
  /** the portal's services (createServices), built once in bootstrap */
  services: Services;
  /** injectable clock for tests */
  now?: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Required<AppDeps>;
  }
  interface FastifyContextConfig {
    /** set false on routes that must accept cross-site POSTs (OIDC back-channel); everything else is checked */
    csrf?: boolean;
  }
}

const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The one wiring point: plugins in a fixed order, no business logic here. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: { ...loggerOptions(config.logLevel) },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // a malformed %-encoding or an over-long path parameter is refused before any hook runs: answer it
    // with the portal's own Polish page and the same protective headers, not Fastify's English JSON
    frameworkErrors: (err, req, reply) => onFrameworkError(err, req as FastifyRequest, reply as unknown as FastifyReply),
  });
  app.decorate('deps', { now: () => new Date(), ...deps });

  app.addHook('onSend', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // the identity provider's forms end in a redirect to its client (the portal), which may be another origin
        formAction: [
          "'self'",
          ...(deps.provider && new URL(config.ueozClient.url).origin !== new URL(config.publicUrl).origin ? [new URL(config.ueozClient.url).origin] : []),
        ],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.isProduction ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody, { parser: qsParse });
  // uploads are streamed to storage; the size limit cuts a file off while it arrives
  await app.register(fastifyMultipart, { limits: { fileSize: config.attachmentMaxBytes, files: 10, fields: 5, fieldSize: 1024, parts: 15 } });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: csrfCookieName(config),
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.isProduction, signed: true },
    getToken: (req) => {
      // an upload route's token is the first part of its streamed body (multipart-csrf.ts)
      if (req.routeOptions.config?.multipartCsrf && typeof req.multipartCsrf === 'string') return req.multipartCsrf;
      const body = req.body as Record<string, unknown> | undefined;
      if (typeof body?._csrf === 'string') return body._csrf;
      const h = req.headers['x-csrf-token'];
      return typeof h === 'string' ? h : undefined;
    },
    // a token is bound to the browser's portal session (the hash of its session cookie): a CSRF cookie
    // and token planted from another session, or from an anonymous visit, do not pass (csrfBinding)
    getUserInfo: (req) => sessionBindingOfCookie(req, config),
    csrfOpts: { hmacKey: createHash('sha256').update(`ssoz-csrf-binding:${config.sessionSecret}`).digest() },
  });
  decorateMultipartCsrf(app);
  app.addHook('preHandler', (req, reply, done) => {
    if (!STATE_CHANGING.has(req.method) || req.routeOptions.config?.csrf === false) return done();
    if (req.routeOptions.config?.multipartCsrf && req.isMultipart()) return checkMultipartCsrf(req, reply, done, app.csrfProtection);
    app.csrfProtection(req, reply, done);
  });
  await app.register(sessionPlugin);

  await app.register(fastifyStatic, {
    root: ASSETS_DIR,
    prefix: '/assets/',
    cacheControl: false,
    setHeaders: (reply) => {
      reply.header('Cache-Control', config.isProduction ? 'public, max-age=86400' : 'no-cache');
    },
  });

  registerRendering(app);
  registerErrorHandling(app);
  registerInputAttemptLog(app);
  registerZodValidation(app);
  app.decorateRequest('actor', null);

  await app.register(healthRoutes);
  await app.register(publicRoutes);
  await app.register(contactRoutes);
  await app.register(sessionRoutes);

  app.decorate('oidcClient', new PortalOidcClient(config, deps.provider ? () => injectFetch(app) : null));
  if (deps.provider) {
    await mountProvider(app, deps.provider);
    await app.register(interactionRoutes, { provider: deps.provider });
  }
  await app.register(authRoutes);
  await signedInScope(app, async (scope) => {
    await scope.register(homeRoutes);
    await scope.register(accountRoutes);
    await scope.register(profileRoutes);
    await scope.register(requestRoutes);
    await scope.register(transferRoutes);
    await scope.register(reminderRoutes);
    await scope.register(attachmentRoutes);
    await scope.register(managementRoutes);
    await scope.register(reportingRoutes);
  });
  if (config.demo) await app.register(devMailboxRoutes);

  return app;
}

/**
 * A malformed %-encoding or an over-long path parameter is refused by the router before any hook
 * runs: it gets the portal's own Polish page and the same protective headers, not Fastify's English JSON.
 */
function onFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  req.log.info({ code: err.code, status }, 'request refused by the router');
  reply.headers({
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Request-Id': req.id,
    'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    'Referrer-Policy': 'same-origin',
  });
  // the rendering decorator (reply.html) is not on the router's replies: render and send here
  void Promise.resolve(ErrorPage({ status, requestId: req.id })).then((html) => reply.status(status).type('text/html; charset=utf-8').send(html));
}

/** Requests from the portal's OIDC client to the built-in provider, served in-process. */
function injectFetch(app: FastifyInstance): InProcessFetch {
  return async (url, init) => {
    const u = new URL(url);
    const res = await app.inject({
      method: init.method as 'GET' | 'POST',
      url: u.pathname + u.search,
      // the provider builds its endpoint URLs from the request: behind the (trusted) TLS proxy they must stay https
      headers: { ...init.headers, host: u.host, 'x-forwarded-proto': u.protocol.slice(0, -1) },
      ...(init.body !== undefined ? { payload: init.body } : {}),
    });
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [String(v)]) headers.append(k, one);
    }
    const noBody = res.statusCode === 204 || res.statusCode === 304;
    return new Response(noBody ? null : res.rawPayload, { status: res.statusCode, headers });
  };
}
