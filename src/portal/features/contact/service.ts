import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { contactRequests } from '../../../db/schema/index.ts';
import { escapeHtml } from '../../../lib/html.ts';
import type { Outbox } from '../../../mail/outbox.ts';
import type { PublicCtx, ServiceDeps } from '../../context.ts';
import { CONTACT_TOPICS } from './messages.ts';
import type { ContactInput } from './schema.ts';

/** e.g. K-20261125-3F9A2C: short enough to read over the phone, unique per form */
/** "K-YYYYMMDD-XXXXXX": six hex digits of the form id, or of a hash of it when that reference is taken that day. */
function referenceFor(formId: string, now: Date, attempt = 0): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const hex = attempt === 0 ? formId.replace(/-/g, '') : createHash('sha256').update(`${formId}:${attempt}`).digest('hex');
  return `K-${day}-${hex.slice(0, 6).toUpperCase()}`;
}

/**
 * Store the message and queue both e-mails in one transaction. The form id is the primary key,
 * so a double submit or a reload returns the first reference and sends nothing more.
 */
/** "Skontaktuj się z nami": the helpdesk form, open to everyone. */
export function contactService({ db, outbox, config }: ServiceDeps) {
  return {
    /** The message and its confirmation go out with the commit; the form id makes a resubmit a no-op. */
    submit: (ctx: PublicCtx, input: ContactInput) =>
      submitContact({ db, outbox, helpdeskEmail: config.helpdeskEmail, now: ctx.now }, input, {
        ip: ctx.ip,
        requestId: ctx.requestId,
        userId: ctx.actor?.userId ?? null,
      }),
  };
}

async function submitContact(
  deps: { db: Db; outbox: Outbox; helpdeskEmail: string; now: Date },
  input: ContactInput,
  meta: { ip: string; requestId: string; userId: string | null },
): Promise<{ referenceNo: string; duplicate: boolean }> {
  return deps.db.transaction(async (tx) => {
    // the same form sent again (double click, reload) is the same message: its first reference
    const existingOf = async () =>
      (await tx.select({ referenceNo: contactRequests.referenceNo }).from(contactRequests).where(eq(contactRequests.id, input.formId)))[0];
    let referenceNo: string;
    for (let attempt = 0; ; attempt++) {
      referenceNo = referenceFor(input.formId, deps.now, attempt);
      const inserted = await tx
        .insert(contactRequests)
        .values({ id: input.formId, referenceNo, name: input.name, email: input.email, topic: input.topic, message: input.message, ip: meta.ip })
        .onConflictDoNothing()
        .returning({ id: contactRequests.id });
      if (inserted.length > 0) break;
      const existing = await existingOf();
      if (existing) return { referenceNo: existing.referenceNo, duplicate: true };
      // another message took this reference today: the next candidate (never a dropped message)
      if (attempt >= 20) throw new Error('no free contact reference');
    }
    const topic = CONTACT_TOPICS.find((t) => t.value === input.topic)?.label ?? input.topic;
    await deps.outbox.enqueue(tx, {
      channel: 'email',
      to: deps.helpdeskEmail,
      subject: `[${referenceNo}] ${topic}`,
      text: `Zgłoszenie ${referenceNo}\nOd: ${input.name} <${input.email}>\nTemat: ${topic}\n\n${input.message}\n`,
      html: `<p>Zgłoszenie <strong>${referenceNo}</strong></p><p>Od: ${escapeHtml(input.name)} &lt;${escapeHtml(input.email)}&gt;<br>Temat: ${escapeHtml(topic)}</p><p>${escapeHtml(input.message).replace(/\n/g, '<br>')}</p>`,
    });
    const confirmation =
      `Dzień dobry,\n\notrzymaliśmy Twoją wiadomość. Numer zgłoszenia: ${referenceNo}.\nTemat: ${topic}\n\n` +
      'Odpowiemy na ten adres e-mail najszybciej, jak to możliwe.\n\n' +
      'Niniejsza wiadomość e-mail została wygenerowana automatycznie. Prosimy na nią nie odpowiadać.\n';
    await deps.outbox.enqueue(tx, {
      channel: 'email',
      to: input.email,
      subject: `Potwierdzenie przyjęcia zgłoszenia ${referenceNo}`,
      text: confirmation,
      html: `<p>Dzień dobry,</p><p>otrzymaliśmy Twoją wiadomość. Numer zgłoszenia: <strong>${referenceNo}</strong>.<br>Temat: ${escapeHtml(topic)}</p><p>Odpowiemy na ten adres e-mail najszybciej, jak to możliwe.</p><p>Niniejsza wiadomość e-mail została wygenerowana automatycznie. Prosimy na nią nie odpowiadać.</p>`,
    });
    await recordAudit(tx, {
      action: 'contact.message_sent',
      actorUserId: meta.userId,
      actorLabel: input.email,
      subjectType: 'contact_request',
      subjectId: input.formId,
      ip: meta.ip,
      requestId: meta.requestId,
      details: { referenceNo, topic: input.topic },
    });
    return { referenceNo, duplicate: false };
  });
}
