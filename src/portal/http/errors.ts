import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import type { SignedInFrame } from '../../views/layouts/SignedInLayout.tsx';
import { ErrorPage } from '../../views/pages/ErrorPage.tsx';
import { frameFor } from './frame.ts';

/** One error handler: Polish pages, no stack traces, details only in the logs with the request id. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler(async (req, reply) => {
    if (wantsJson(req.headers.accept, req.url)) return reply.status(404).send({ error: 'not_found', requestId: req.id });
    return reply.html(ErrorPage({ status: 404, requestId: req.id, frame: await errorFrame(app, req, reply) }), 404);
  });

  app.setErrorHandler(async (err: FastifyError | AppError, req, reply) => {
    let status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (err instanceof AppError) status = err.statusCode;
    if (typeof err.code === 'string' && err.code.startsWith('FST_CSRF')) status = 403;
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: err.code, status }, 'request refused');
    if (wantsJson(req.headers.accept, req.url)) return reply.status(status).send({ error: err.code ?? 'error', requestId: req.id });
    return reply.html(ErrorPage({ status, requestId: req.id, frame: await errorFrame(app, req, reply) }), status);
  });
}

/** The user menu on an error page; if loading it fails too (database down), the page still answers, without it. */
async function errorFrame(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<SignedInFrame | null> {
  try {
    // a refusal before the session hook ran (bad id, CSRF) still shows a signed-in user their menu
    await req.peekSession();
    return await frameFor(app, req, reply);
  } catch (err) {
    req.log.warn({ err }, 'user menu of the error page not loaded');
    return null;
  }
}

function wantsJson(accept: string | undefined, url: string): boolean {
  return url.endsWith('.json') || (!!accept && accept.includes('application/json') && !accept.includes('text/html'));
}
