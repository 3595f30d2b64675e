import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { frameFor } from '../../http/frame.ts';
import { formValues, validateForm } from '../../../lib/forms.ts';
import { ContactPage, ContactSentPage } from './ContactPage.tsx';
import { CONTACT_FIELD_ORDER, ContactForm } from './schema.ts';
import { submitContact } from './service.ts';

/** Public form: anyone may write to the helpdesk; rate-limited per IP, audited, idempotent. */
export async function contactRoutes(app: FastifyInstance): Promise<void> {
  // a signed-in user keeps the user menu; the page then has one CSRF token (a second one could replace the secret)
  const page = async (req: FastifyRequest, reply: FastifyReply) => {
    const frame = await frameFor(app, req, reply);
    return { frame, csrf: frame?.csrf ?? reply.generateCsrf() };
  };
  app.get('/kontakt', async (req, reply) => reply.html(ContactPage({ ...(await page(req, reply)), formId: randomUUID() })));

  app.post('/kontakt', { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const result = validateForm(ContactForm, req.body, CONTACT_FIELD_ORDER);
    if (!result.ok || !result.data) {
      const values = formValues(req.body);
      // the form id is a hidden field: point the summary at the first field instead
      const summary = result.summary.map((e) => (e.href === '#f-formId' ? { ...e, href: '#f-name' } : e));
      const formId = /^[0-9a-f-]{36}$/i.test(values.formId ?? '') ? (values.formId as string) : randomUUID();
      return reply.html(
        ContactPage({ ...(await page(req, reply)), formId, values, summary, errors: result.fieldErrors }),
        400,
      );
    }
    const { referenceNo } = await submitContact(
      { db: app.deps.database.db, outbox: app.deps.outbox, helpdeskEmail: app.deps.config.helpdeskEmail, now: app.deps.now() },
      result.data,
      { ip: req.ip, requestId: req.id },
    );
    return reply.redirect(`/kontakt/wyslano?nr=${encodeURIComponent(referenceNo)}`, 303);
  });

  app.get('/kontakt/wyslano', async (req, reply) => {
    const nr = String((req.query as Record<string, unknown>).nr ?? '');
    if (!/^K-\d{8}-[0-9A-F]{6}$/.test(nr)) return reply.redirect('/kontakt', 303);
    return reply.html(ContactSentPage({ referenceNo: nr, frame: await frameFor(app, req, reply) }));
  });
}
