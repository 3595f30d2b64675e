import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatDateTimePl } from '../../../lib/text.ts';
import { toWarsawInput } from '../../../lib/warsaw-time.ts';
import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { announcementMessages as m } from './messages.ts';
import { ANNOUNCEMENTS_PATH, AnnouncementFormPage, AnnouncementListPage, NEW_PATH, type AnnouncementValues } from './pages.tsx';
import { IdParams, ListQuery, readAnnouncementForm } from './schema.ts';
import type { AnnouncementRow } from './service.ts';

/** An announcement's values as the form shows them (Warsaw time). */
function valuesOf(a: AnnouncementRow): AnnouncementValues {
  return {
    tytul: a.title,
    tresc: a.body,
    od: a.publishedAt ? toWarsawInput(a.publishedAt) : '',
    do: a.publishedUntil ? toWarsawInput(a.publishedUntil) : '',
    odbiorcy: a.audienceRoles.length ? 'role' : 'wszyscy',
    role: a.audienceRoles,
  };
}

/** "Zarządzanie → Komunikaty": the list, "Dodaj komunikat", edit and "Wycofaj komunikat" (signed-in scope). */
export async function managementAnnouncementRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.management.announcements;

  app.get(ANNOUNCEMENTS_PATH, { schema: { querystring: ListQuery } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const view = await s().list(ctx);
    const w = req.query.wynik;
    const notice = w === 'dodany' ? m.created : w === 'zapisany' ? m.saved : w === 'wycofany' ? m.withdrawn : w === 'bez-zmian' ? m.unchanged : undefined;
    return reply.html(AnnouncementListPage({ frame: frameOf(req, reply), rows: view.rows, roleOptions: view.roleOptions, now: ctx.now, notice }));
  });

  app.get(NEW_PATH, async (req, reply) => {
    const ctx = ctxOf(req);
    const f = await s().newForm(ctx);
    const values: AnnouncementValues = { klucz: f.key, tytul: '', tresc: '', od: toWarsawInput(ctx.now), do: '', odbiorcy: 'wszyscy', role: [] };
    return reply.html(AnnouncementFormPage({ frame: frameOf(req, reply), mode: 'new', values, roleOptions: f.roleOptions }));
  });

  app.post(NEW_PATH, async (req, reply) => {
    const ctx = ctxOf(req);
    const f = await s().newForm(ctx);
    const form = readAnnouncementForm(
      req.body,
      f.roleOptions.map((r) => r.code),
    );
    if (!form.ok) {
      const v = form.values;
      const values: AnnouncementValues = {
        klucz: /^[0-9a-f-]{36}$/i.test(v.klucz ?? '') ? v.klucz : f.key,
        tytul: v.tytul ?? '',
        tresc: v.tresc ?? '',
        od: v.od ?? '',
        do: v.do ?? '',
        odbiorcy: v.odbiorcy ?? '',
        role: form.roles,
      };
      return reply.html(
        AnnouncementFormPage({ frame: frameOf(req, reply), mode: 'new', values, roleOptions: f.roleOptions, summary: form.summary, errors: form.errors }),
        400,
      );
    }
    // a form without its key (crafted) still adds exactly one announcement
    await s().create(ctx, { ...form.data, key: form.data.key || f.key });
    return reply.redirect(`${ANNOUNCEMENTS_PATH}?wynik=dodany`, 303);
  });

  const itemPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: {
      values?: AnnouncementValues;
      summary?: Parameters<typeof AnnouncementFormPage>[0]['summary'];
      errors?: Record<string, string>;
      notice?: Parameters<typeof AnnouncementFormPage>[0]['notice'];
    } = {},
    status = 200,
  ) => {
    const d = await s().get(ctxOf(req), { id });
    const facts = [
      { label: m.created_by, value: `${d.createdBy ?? '—'}, ${formatDateTimePl(d.a.createdAt)}` },
      ...(d.a.updatedAt ? [{ label: m.updated_by, value: `${d.updatedBy ?? '—'}, ${formatDateTimePl(d.a.updatedAt)}` }] : []),
    ];
    const notice =
      extra.notice ?? (d.a.withdrawnAt ? { tone: 'info' as const, text: m.isWithdrawn(formatDateTimePl(d.a.withdrawnAt), d.withdrawnBy ?? '—') } : undefined);
    return reply.html(
      AnnouncementFormPage({
        frame: frameOf(req, reply),
        mode: d.editable ? 'edit' : 'view',
        id,
        values: extra.values ?? valuesOf(d.a),
        roleOptions: d.roleOptions,
        summary: extra.summary,
        errors: extra.errors,
        notice,
        facts,
      }),
      status,
    );
  };

  app.get(`${ANNOUNCEMENTS_PATH}/:id`, { schema: { params: IdParams } }, async (req, reply) => itemPage(req, reply, req.params.id));

  app.post(`${ANNOUNCEMENTS_PATH}/:id`, { schema: { params: IdParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const options = await s().roleOptions();
    const form = readAnnouncementForm(
      req.body,
      options.map((r) => r.code),
    );
    if (!form.ok) {
      const v = form.values;
      const values: AnnouncementValues = {
        tytul: v.tytul ?? '',
        tresc: v.tresc ?? '',
        od: v.od ?? '',
        do: v.do ?? '',
        odbiorcy: v.odbiorcy ?? '',
        role: form.roles,
      };
      // the page is authorised like the edit itself (404 / 403 before any form with errors)
      return itemPage(req, reply, req.params.id, { values, summary: form.summary, errors: form.errors }, 400);
    }
    const r = await s().update(ctx, { id: req.params.id, ...form.data });
    if (r.kind === 'withdrawn') return itemPage(req, reply, req.params.id, {}, 409);
    return reply.redirect(`${ANNOUNCEMENTS_PATH}?wynik=${r.kind === 'saved' ? 'zapisany' : 'bez-zmian'}`, 303);
  });

  app.post(`${ANNOUNCEMENTS_PATH}/:id/wycofaj`, { schema: { params: IdParams } }, async (req, reply) => {
    await s().withdraw(ctxOf(req), { id: req.params.id });
    return reply.redirect(`${ANNOUNCEMENTS_PATH}?wynik=wycofany`, 303);
  });
}
