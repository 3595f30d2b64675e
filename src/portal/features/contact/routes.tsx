import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { frameFor } from '../../http/frame.ts';
import { UUID_RE } from '../../../lib/ids.ts';
import { parseForm, type ZodTypeProvider } from '../../http/input.ts';
import { ContactPage, ContactSentPage } from './ContactPage.tsx';
import { CONTACT_FIELD_ORDER, ContactForm, SentQuery } from './schema.ts';
import { optionalActor } from '../../actor/scope.ts';
import { publicCtxOf } from '../../context.ts';
import { csrfToken } from '../../../lib/csrf.ts';

/** Public form: anyone may write to the helpdesk; rate-limited per IP, audited, idempotent. */
export async function contactRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // a signed-in user keeps the user menu; the page then has one CSRF token (a second one could replace the secret)
  const page = async (req: FastifyRequest, reply: FastifyReply) => {
    const frame = await frameFor(root, req, reply);
    return { frame, csrf: frame?.csrf ?? csrfToken(reply) };
  };
  app.get('/kontakt', async (req, reply) => reply.html(ContactPage({ ...(await page(req, reply)), formId: randomUUID() })));

  app.post('/kontakt', { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } }, async (req, reply) => {
    // a missing, null or wrongly typed body is an empty form: 400 with the messages, never 500
    const form = parseForm(ContactForm, req.body, CONTACT_FIELD_ORDER);
    if (!form.ok) {
      // the form id is a hidden field: point the summary at the first field instead
      const summary = form.summary.map((e) => (e.href === '#f-formId' ? { ...e, href: '#f-name' } : e));
      const formId = UUID_RE.test(form.values.formId ?? '') ? (form.values.formId as string) : randomUUID();
      return reply.html(ContactPage({ ...(await page(req, reply)), formId, values: form.values, summary, errors: form.errors }), 400);
    }
    await optionalActor(req);
    const { referenceNo } = await app.deps.services.contact.submit(publicCtxOf(req), form.data);
    return reply.redirect(`/kontakt/wyslano?nr=${encodeURIComponent(referenceNo)}`, 303);
  });

  app.get('/kontakt/wyslano', { schema: { querystring: SentQuery } }, async (req, reply) => {
    const { nr } = req.query;
    if (!nr) return reply.redirect('/kontakt', 303);
    return reply.html(ContactSentPage({ referenceNo: nr, frame: await frameFor(root, req, reply) }));
  });
}
