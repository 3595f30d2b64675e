import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { ErrorPage } from '../../views/pages/ErrorPage.tsx';

/** One error handler: Polish pages, no stack traces, details only in the logs with the request id. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler(async (req, reply) => {
    if (wantsJson(req.headers.accept, req.url)) return reply.status(404).send({ error: 'not_found', requestId: req.id });
    return reply.html(ErrorPage({ status: 404, requestId: req.id }), 404);
  });

  app.setErrorHandler(async (err: FastifyError | AppError, req, reply) => {
    let status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (err instanceof AppError) status = err.statusCode;
    if (typeof err.code === 'string' && err.code.startsWith('FST_CSRF')) status = 403;
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: err.code, status }, 'request refused');
    if (wantsJson(req.headers.accept, req.url)) return reply.status(status).send({ error: err.code ?? 'error', requestId: req.id });
    return reply.html(ErrorPage({ status, requestId: req.id }), status);
  });
}

function wantsJson(accept: string | undefined, url: string): boolean {
  return url.endsWith('.json') || (!!accept && accept.includes('application/json') && !accept.includes('text/html'));
}
