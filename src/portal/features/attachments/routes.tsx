import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  FEEDBACK_KEY,
  FEEDBACK_PARAM,
  readAttachmentsFeedback,
  type AttachmentsFeedback,
  type StoredFeedback,
} from '../../../views/components/Attachments.tsx';
import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { attachmentMessages as m } from './messages.ts';
import { AttachmentsPage, DeleteFilePage } from './pages.tsx';
import { DeleteForm, FileParams, PageQuery, ReturnQuery, SubmissionParams, type ReturnTo } from './schema.ts';
import type { UploadOutcome } from './service.ts';

/** Where a file action returns to; `query` is added before the fragment. */
function backHref(submissionId: string, to: ReturnTo, query = ''): string {
  if (to === 'wniosek') return `/wnioski/${submissionId}${query}`;
  if (to === 'konto') return `/moje-konto${query}#oczekujace-wnioski`;
  return `/wnioski/${submissionId}/zalaczniki${query}`;
}

/** "Załącz podpisany wniosek": upload, list, download and remove the signed application's files. */
export async function attachmentRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.attachments;

  /** Keep what the next page has to say in the session; the redirect carries only its token. */
  const remember = async (req: FastifyRequest, feedback: Omit<StoredFeedback, 'token'>): Promise<string> => {
    const token = randomBytes(6).toString('base64url');
    await req.saveSessionData({ [FEEDBACK_KEY]: { token, ...feedback } satisfies StoredFeedback });
    return token;
  };

  const page = async (req: FastifyRequest, reply: FastifyReply, submissionId: string, feedback: AttachmentsFeedback, added = 0) => {
    const own = await s().overview(ctxOf(req), { submissionId });
    return reply.html(
      AttachmentsPage({
        frame: frameOf(req, reply),
        submissionId: submissionId,
        requests: own.pendingRequests,
        files: own.files,
        canChange: own.canChange,
        unfinished: !own.submission.finishedAt,
        maxMb: s().maxMb,
        added,
        feedback,
      }),
      feedback.refused.length ? 400 : 200,
    );
  };

  app.get('/wnioski/:id/zalaczniki', { schema: { params: SubmissionParams, querystring: PageQuery } }, (req, reply) => {
    const { id } = req.params;
    return page(req, reply, id, readAttachmentsFeedback(req.query, req.session?.data, id), req.query.zalaczono);
  });

  // the CSRF token is the body's first part, checked by app.ts before any file is read
  app.post(
    '/wnioski/:id/zalaczniki',
    { schema: { params: SubmissionParams, querystring: ReturnQuery }, config: { multipartCsrf: true, rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const { id } = req.params;
      const { powrot } = req.query;
      const submissionId = await s().openForUpload(ctxOf(req), { submissionId: id });
      const outcomes: UploadOutcome[] = [];
      const parts = req.multipartRest;
      if (parts) {
        try {
          for await (const part of parts) {
            if (part.type !== 'file') continue;
            if (!part.filename) {
              part.file.resume();
              continue;
            }
            outcomes.push(await s().store(ctxOf(req), { submissionId, fileName: part.filename, stream: part.file }));
          }
        } catch (err) {
          // what was stored stays, the rest is reported. A file over the size limit is also raised
          // here at the end of the body, but it was already refused by name when it arrived.
          const code = (err as { code?: unknown }).code;
          if (code === 'ENOSPC' || code === 'EDQUOT') {
            // the store is full: the user is told plainly, the operators by an error in the log
            req.log.error({ err }, 'attachment storage is full: upload refused');
            outcomes.push({ ok: false, name: '', message: m.storageFull });
          } else if (code !== 'FST_REQ_FILE_TOO_LARGE') {
            req.log.info({ err }, 'upload stopped');
            outcomes.push({ ok: false, name: '', message: code === 'FST_FILES_LIMIT' ? m.tooManyAtOnce : m.notReceived });
          }
        }
      }
      if (outcomes.length === 0) outcomes.push({ ok: false, name: '', message: m.noFile });
      const added = outcomes.filter((o) => o.ok).length;
      const refused = outcomes.flatMap((o) => (o.ok ? [] : [o.message]));
      if (refused.length === 0) return reply.redirect(backHref(submissionId, powrot, `?zalaczono=${added}`), 303);
      // from step 4 of the wizard the user stays there, with the refusal and "Zakończ"
      if (powrot === 'wniosek') {
        const token = await remember(req, { submissionId: submissionId, refused });
        return reply.redirect(backHref(submissionId, powrot, `?${FEEDBACK_PARAM}=${token}${added ? `&zalaczono=${added}` : ''}`), 303);
      }
      return page(req, reply, submissionId, { refused }, added);
    },
  );

  const confirmPage = async (req: FastifyRequest, reply: FastifyReply, params: { id: string; fileId: string }, returnTo: ReturnTo, error?: string) => {
    const file = await s().deletable(ctxOf(req), { submissionId: params.id, fileId: params.fileId });
    return reply.html(
      DeleteFilePage({
        frame: frameOf(req, reply),
        submissionId: file.submissionId,
        file,
        returnTo,
        backHref: backHref(file.submissionId, returnTo),
        ...(error ? { error } : {}),
      }),
      error ? 400 : 200,
    );
  };

  app.get('/wnioski/:id/zalaczniki/:fileId/usun', { schema: { params: FileParams, querystring: ReturnQuery } }, (req, reply) =>
    confirmPage(req, reply, req.params, req.query.powrot),
  );

  app.post('/wnioski/:id/zalaczniki/:fileId/usun', { schema: { params: FileParams } }, async (req, reply) => {
    const params = req.params;
    const form = DeleteForm.safeParse(req.body);
    if (!form.success) return confirmPage(req, reply, params, 'zalaczniki', m.deleteBadRequest);
    const { powrot, potwierdz } = form.data;
    // a "Usuń" form without the confirmation asks first
    if (potwierdz !== 'tak') return reply.redirect(`/wnioski/${params.id}/zalaczniki/${params.fileId}/usun?powrot=${powrot}`, 303);
    const name = await s().remove(ctxOf(req), { submissionId: params.id, fileId: params.fileId });
    const token = await remember(req, { submissionId: params.id, refused: [], deleted: name });
    return reply.redirect(backHref(params.id, powrot, `?${FEEDBACK_PARAM}=${token}`), 303);
  });

  app.get('/wnioski/:id/zalaczniki/:fileId', { schema: { params: FileParams } }, async (req, reply) => {
    const a = await s().downloadable(ctxOf(req), { submissionId: req.params.id, fileId: req.params.fileId });
    const ascii = a.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .type(a.contentType)
      .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.originalName)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(app.deps.storage.get(a.storageKey));
  });
}
