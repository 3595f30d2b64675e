import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../db/repositories/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { collectInputAttempts, type InputAttempt } from '../../lib/input.ts';

/** The default texts of the error helpers: the page's own title and lead say them already. */
const GENERIC_MESSAGES = new Set(['Brak dostępu', 'Nie znaleziono strony', 'Niepoprawne żądanie']);
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
    else if (isSecurityRefusal(err, status)) await recordRefusal(app, req, String(err.code ?? 'error'), status);
    else req.log.info({ code: err.code, status }, 'request refused');
    if (wantsJson(req.headers.accept, req.url)) return reply.status(status).send({ error: err.code ?? 'error', requestId: req.id });
    // a refusal or conflict that explains itself (the portal's own Polish text, e.g. why a role may not open a report)
    const detail =
      err instanceof AppError && (err.code === 'FORBIDDEN' || err.code === 'CONFLICT') && !GENERIC_MESSAGES.has(err.message) ? err.message : undefined;
    return reply.html(ErrorPage({ status, requestId: req.id, frame: await errorFrame(app, req, reply), detail }), status);
  });
}

/**
 * A refusal by the policy layer (403, or 404 for an object that is not the actor's), a refused CSRF
 * token or a rate limit (429): a security event (ASVS V16.3.2, V16.3.3).
 */
function isSecurityRefusal(err: FastifyError | AppError, status: number): boolean {
  return status === 403 || status === 429 || (err instanceof AppError && err.code === 'NOT_FOUND');
}

/**
 * Every security refusal gets a `warn` line naming the user, the profile worked in, the route and the
 * address; a signed-in user's 403 or 429 is also written to the audit log (`security.refused`), so the
 * "Dziennik zdarzeń" shows who tried what. Anonymous refusals and 404s stay in the log only: a scanner
 * must not be able to fill the audit table.
 */
async function recordRefusal(
  app: FastifyInstance,
  req: FastifyRequest,
  code: string,
  status: number,
  event: { action: 'security.refused' | 'security.input_refused'; details?: Record<string, unknown> } = { action: 'security.refused' },
): Promise<void> {
  let userId: string | null = req.actor?.userId ?? null;
  try {
    userId ??= (await req.peekSession())?.userId ?? null;
  } catch {
    // the session store is down: the log line still goes out
  }
  const path = req.routeOptions.url ?? req.url.split('?')[0] ?? '';
  const profileId = req.actor?.profile?.id ?? null;
  req.log.warn({ event: event.action, code, status, userId, profileId, method: req.method, route: path, ...event.details }, 'request refused (security event)');
  if (!userId || status === 404) return;
  try {
    await recordAudit(app.deps.database.db, {
      action: event.action,
      actorUserId: userId,
      outcome: 'failure',
      ip: req.ip,
      requestId: req.id,
      details: { code, status, method: req.method, route: path, profileId, ...event.details },
    });
  } catch (err) {
    req.log.error({ err }, 'security event not written to the audit log');
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** values the input boundary refused as attempts during this request (src/lib/input.ts) */
    inputAttempts?: InputAttempt[];
  }
}

/** What was wrong, in the words "Dziennik zdarzeń" shows. */
const ATTEMPT_REASONS: Readonly<Record<InputAttempt['kind'], string>> = {
  forbidden_chars: 'niedozwolone znaki',
  bad_shape: 'nieprawidłowa postać pola',
};

/**
 * Form input the boundary refused as an attempt (a control or bidi character, a field sent twice or as
 * a structure: `noteInputAttempt()` in src/lib/input.ts) is a security event (ASVS V16.3.3), written
 * like the other refusals: a `warn` line for everyone, an audit row `security.input_refused` for a
 * signed-in user, naming the fields and what was wrong (never the values). The request's list is set
 * up after the body is parsed (a body stream's events do not keep the async context) and read before
 * the answer goes out, so the record is written by the time the page arrives.
 */
export function registerInputAttemptLog(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const list: InputAttempt[] = [];
    req.inputAttempts = list;
    collectInputAttempts(list, done);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const list = req.inputAttempts;
    if (list?.length) {
      req.inputAttempts = [];
      await recordRefusal(app, req, 'INPUT_REFUSED', reply.statusCode, {
        action: 'security.input_refused',
        details: { fields: list.map((a) => a.field), reason: [...new Set(list.map((a) => ATTEMPT_REASONS[a.kind]))].join(', ') },
      });
    }
    return payload;
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
