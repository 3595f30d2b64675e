import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderApplicationPdf } from '../../../pdf/application.ts';
import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { parseForm, summaryOf } from '../../http/input.ts';
import { managementMessages as m } from './messages.ts';
import { BULK_PATH, BulkResultPage, DetailPage, QUEUE_PATH, QueuePage } from './pages.tsx';
import {
  APPROVE_FIELDS,
  ARCHIVE_FIELDS,
  ApproveForm,
  ArchiveForm,
  BulkForm,
  DetailQuery,
  FileParams,
  IdParams,
  QueueQuery,
  REJECT_FIELDS,
  RejectForm,
} from './schema.ts';

/** "Zarządzanie → Wnioski o role": the queue, a request, its PDF and files, "Zatwierdź" and "Odrzuć" (signed-in scope). */
export async function managementRequestRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.management.requests;

  app.get(QUEUE_PATH, { schema: { querystring: QueueQuery } }, async (req, reply) => {
    const q = req.query;
    const size = Number(q.ile);
    const ctx = ctxOf(req);
    const view = await s().queue(ctx, {
      filters: {
        status: q.status,
        role: q.rola,
        from: q.od.value,
        to: q.do.value,
        signed: q.podpis,
        olderThan: q.dluzej.value,
        kind: q.rodzaj,
        voivodeship: q.woj,
        escalated: q.eskalowane === 'tak',
        sort: q.sort,
      },
      page: q.strona,
      size,
    });
    const profile = ctx.actor.profile;
    return reply.html(
      QueuePage({
        frame: frameOf(req, reply),
        q,
        rows: view.rows,
        total: view.total,
        waiting: view.waiting,
        scopeText: view.scope.kind === 'all' ? m.scopeAll : m.scopeUnit(profile?.unitName ?? ''),
        roleOptions: view.roleOptions,
        kindOptions: view.kinds,
        voivodeshipOptions: view.voivodeships,
        canBulk: view.canBulk,
        now: ctx.now,
      }),
    );
  });

  const detailPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    requestId: string,
    extra: Omit<Parameters<typeof DetailPage>[0], 'frame' | 'd'> = {},
    status = 200,
  ) => {
    const d = await s().detail(ctxOf(req), { requestId });
    return reply.html(DetailPage({ frame: frameOf(req, reply), d, ...extra }), status);
  };

  app.get('/zarzadzanie/wnioski/:id', { schema: { params: IdParams, querystring: DetailQuery } }, async (req, reply) => {
    const d = await s().detail(ctxOf(req), { requestId: req.params.id });
    const w = req.query.wynik;
    const notice =
      w === 'zatwierdzony'
        ? m.approved(d.request.number)
        : w === 'odrzucony'
          ? m.rejected(d.request.number)
          : w === 'zarchiwizowany'
            ? m.archived(d.request.number)
            : null;
    // the notice only where the request really has that outcome (a link does not invent one)
    const shown = notice && d.request.status === w ? ({ tone: 'success', text: notice } as const) : undefined;
    return reply.html(DetailPage({ frame: frameOf(req, reply), d, notice: shown }));
  });

  app.get('/zarzadzanie/wnioski/:id/pdf', { schema: { params: IdParams } }, async (req, reply) => {
    const d = await s().pdf(ctxOf(req), { requestId: req.params.id });
    return reply
      .type('application/pdf')
      .header('Content-Disposition', `attachment; filename="${d.fileName}"`)
      .header('Cache-Control', 'private, no-store')
      .send(await renderApplicationPdf(d.data));
  });

  app.get('/zarzadzanie/wnioski/:id/pliki/:fileId', { schema: { params: FileParams } }, async (req, reply) => {
    const f = await s().file(ctxOf(req), { requestId: req.params.id, fileId: req.params.fileId });
    return reply
      .type(f.contentType)
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.originalName)}`)
      .header('Cache-Control', 'private, no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(app.deps.storage.get(f.storageKey));
  });

  app.post('/zarzadzanie/wnioski/:id/zatwierdz', { schema: { params: IdParams } }, async (req, reply) => {
    const form = parseForm(ApproveForm, req.body, APPROVE_FIELDS);
    const confirmed = form.ok && form.data.potwierdzenie === 'tak';
    const r = await s().approve(ctxOf(req), { requestId: req.params.id, copyConfirmed: confirmed });
    if (r === 'ok') return reply.redirect(`/zarzadzanie/wnioski/${req.params.id}?wynik=zatwierdzony`, 303);
    if (r === 'decided') return detailPage(req, reply, req.params.id, { notice: { tone: 'error', text: m.alreadyDecided } }, 409);
    const errors = { potwierdzenie: m.signedRequired };
    return detailPage(req, reply, req.params.id, { summary: summaryOf(errors, APPROVE_FIELDS), errors, values: { potwierdzenie: false, powod: '' } }, 400);
  });

  app.post('/zarzadzanie/wnioski/:id/odrzuc', { schema: { params: IdParams } }, async (req, reply) => {
    const form = parseForm(RejectForm, req.body, REJECT_FIELDS);
    if (!form.ok) {
      // authorised like the decision itself: out of scope is not found, a read-only verifier is refused — not a form with errors
      await s().authorizeDecision(ctxOf(req), { requestId: req.params.id });
      return detailPage(
        req,
        reply,
        req.params.id,
        { summary: form.summary, errors: form.errors, values: { potwierdzenie: false, powod: form.values.powod ?? '' } },
        400,
      );
    }
    const r = await s().reject(ctxOf(req), { requestId: req.params.id, reason: form.data.powod });
    if (r === 'ok') return reply.redirect(`/zarzadzanie/wnioski/${req.params.id}?wynik=odrzucony`, 303);
    return detailPage(req, reply, req.params.id, { notice: { tone: 'error', text: m.alreadyDecided } }, 409);
  });

  // registered before '/:id/…': a static path, so the id routes never see it
  app.post(BULK_PATH, async (req, reply) => {
    const form = parseForm(BulkForm, req.body, ['wniosek']);
    const ids = form.ok ? form.data.wniosek : [];
    const ctx = ctxOf(req);
    if (ids.length === 0) {
      // the same authorisation as a real selection: a read-only verifier is refused, not shown a form
      await s().bulkApprove(ctx, { requestIds: [] });
      return reply.html(BulkResultPage({ frame: frameOf(req, reply), result: null }), 400);
    }
    const result = await s().bulkApprove(ctx, { requestIds: ids });
    return reply.html(BulkResultPage({ frame: frameOf(req, reply), result }));
  });

  app.post('/zarzadzanie/wnioski/:id/archiwizuj', { schema: { params: IdParams } }, async (req, reply) => {
    const form = parseForm(ArchiveForm, req.body, ARCHIVE_FIELDS);
    if (!form.ok) {
      await s().authorizeArchive(ctxOf(req), { requestId: req.params.id });
      return detailPage(
        req,
        reply,
        req.params.id,
        {
          summary: form.summary,
          errors: form.errors,
          values: { potwierdzenie: false, powod: '', powodArchiwizacji: form.values.powodArchiwizacji ?? '' },
        },
        400,
      );
    }
    const r = await s().archive(ctxOf(req), { requestId: req.params.id, reason: form.data.powodArchiwizacji });
    if (r === 'ok') return reply.redirect(`/zarzadzanie/wnioski/${req.params.id}?wynik=zarchiwizowany`, 303);
    const text = r === 'decided' ? m.alreadyDecided : m.notArchivable(app.deps.config.requests.staleDays);
    return detailPage(req, reply, req.params.id, { notice: { tone: 'error', text } }, 409);
  });
}
