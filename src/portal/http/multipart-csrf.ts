import type { Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from '../../lib/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** on a `multipartCsrf` route: the `_csrf` value of the body's first part ('' when the first part is something else) */
    multipartCsrf: string | null;
    /** on a `multipartCsrf` route: the body's parts after the token, for the handler to read on */
    multipartRest: AsyncIterableIterator<Multipart> | null;
  }
  interface FastifyContextConfig {
    /**
     * A file upload route. Its body is streamed, so it is not parsed before the CSRF check: the form
     * sends `_csrf` as its first field (browsers send parts in the order of the form), which is read
     * and checked before any file part is touched. A token in the URL is not accepted.
     */
    multipartCsrf?: boolean;
  }
}

export function decorateMultipartCsrf(app: FastifyInstance): void {
  app.decorateRequest('multipartCsrf', null);
  app.decorateRequest('multipartRest', null);
}

/**
 * Read the first part of a multipart body as the CSRF token, then let `check` (the plugin's
 * csrfProtection) decide. A refused request's remaining parts are read and thrown away, so nothing is
 * stored and the browser, still sending, gets the error page.
 */
export function checkMultipartCsrf(
  req: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
  check: (req: FastifyRequest, reply: FastifyReply, next: (err?: Error) => void) => void,
): void {
  const parts = req.parts();
  req.multipartRest = parts;
  parts.next().then(
    (first) => {
      const p = first.done ? null : first.value;
      if (p && p.type === 'field' && p.fieldname === '_csrf' && typeof p.value === 'string') req.multipartCsrf = p.value;
      else {
        req.multipartCsrf = '';
        if (p?.type === 'file') p.file.resume();
      }
      let passed = false;
      // csrfProtection answers synchronously: next() when the token is right, reply.send(403) otherwise
      check(req, reply, (err) => {
        passed = true;
        done(err);
      });
      if (!passed) void discard(parts);
    },
    (err: unknown) => {
      req.log.info({ err }, 'unreadable multipart body');
      done(new AppError('BAD_REQUEST', 400, 'Niepoprawne żądanie'));
    },
  );
}

async function discard(parts: AsyncIterableIterator<Multipart>): Promise<void> {
  try {
    for await (const p of parts) if (p.type === 'file') p.file.resume();
  } catch {
    // the body is being thrown away; its errors do not matter
  }
}
