/**
 * The portal's side of the input boundary (src/lib/input.ts): zod as Fastify's validator for route
 * params and query, with a small type provider of our own.
 */
import type { FastifyInstance, FastifyTypeProvider } from 'fastify';
import type { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { hasForbiddenChars } from '../../lib/input.ts';

export * from '../../lib/input.ts';

/**
 * zod as Fastify's validator for `schema.params` and `schema.querystring`: route params arrive
 * checked and typed. A param that does not parse is a page that does not exist (404); query
 * schemas are written with fallbacks (queryText, queryInt, queryEnum), so they never fail.
 * Bodies are not validated here: a form with errors is a page to render, not an error (parseForm).
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

export function registerZodValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const zs = schema as unknown as z.ZodType;
    return (data: unknown) => {
      // a path segment holding a control character (NUL …) or a bidi override names nothing: 404 before any lookup
      if (httpPart === 'params' && data && typeof data === 'object' && Object.values(data).some((v) => typeof v === 'string' && hasForbiddenChars(v)))
        return { error: notFound() };
      const r = zs.safeParse(data ?? {});
      if (r.success) return { value: r.data };
      if (httpPart === 'params') return { error: notFound() };
      return { error: Object.assign(new Error('invalid input'), { statusCode: 400, code: 'BAD_INPUT' }) };
    };
  });
}
