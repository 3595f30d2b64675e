import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listSubmissionAttachments } from '../../../db/repositories/attachments.ts';
import { notFound } from '../../../lib/errors.ts';
import { FEEDBACK_KEY, FEEDBACK_PARAM, readAttachmentsFeedback, type AttachmentsFeedback, type StoredFeedback } from '../../../views/components/Attachments.tsx';
import { signedInFrame } from '../../http/frame.ts';
import { requireUser } from '../../session/guard.ts';
import { attachmentMessages as m } from './messages.ts';
import { AttachmentsPage, DeleteFilePage } from './pages.tsx';
import { DeleteForm, FileParams, ReturnQuery, SubmissionParams, type ReturnTo } from './schema.ts';
import { deletableAttachment, deleteAttachment, downloadableAttachment, ownSubmissionForFiles, storeUpload, type UploadOutcome } from './service.ts';

/** Where a file action returns to; `query` is added before the fragment. */
function backHref(submissionId: string, to: ReturnTo, query = ''): string {
  if (to === 'wniosek') return `/wnioski/${submissionId}${query}`;
  if (to === 'konto') return `/moje-konto${query}#oczekujace-wnioski`;
  return `/wnioski/${submissionId}/zalaczniki${query}`;
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw notFound();
  return r.data;
}

/** "Załącz podpisany wniosek": upload, list, download and remove the signed application's files. */
export async function attachmentRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.deps.database.db;
  const uid = (req: FastifyRequest) => req.session!.userId!;
  const meta = (req: FastifyRequest) => ({ ip: req.ip, requestId: req.id });
  const maxMb = Math.round(app.deps.config.attachmentMaxBytes / 1024 / 1024);
  const opts = { preHandler: requireUser };

  /** Keep what the next page has to say in the session; the redirect carries only its token. */
  const remember = async (req: FastifyRequest, feedback: Omit<StoredFeedback, 'token'>): Promise<string> => {
    const token = randomBytes(6).toString('base64url');
    await req.saveSessionData({ [FEEDBACK_KEY]: { token, ...feedback } satisfies StoredFeedback });
    return token;
  };

  const page = async (req: FastifyRequest, reply: FastifyReply, submissionId: string, feedback: AttachmentsFeedback, added = 0) => {
    const own = await ownSubmissionForFiles(db(), uid(req), submissionId);
    if (!own) throw notFound();
    const frame = await signedInFrame(app, req, reply);
    const files = await listSubmissionAttachments(db(), own.submission.id);
    return reply.html(
      AttachmentsPage({
        frame, submissionId: own.submission.id, requests: own.pendingRequests, files, canChange: own.canChange, unfinished: !own.submission.finishedAt,
        maxMb, added, feedback,
      }),
      feedback.refused.length ? 400 : 200,
    );
  };

  app.get('/wnioski/:id/zalaczniki', opts, (req, reply) => {
    const { id } = parse(SubmissionParams, req.params);
    const q = (req.query ?? {}) as Record<string, unknown>;
    return page(req, reply, id, readAttachmentsFeedback(q, req.session?.data, id), Number(q.zalaczono) || 0);
  });

  // the CSRF token is the body's first part, checked by app.ts before any file is read
  app.post('/wnioski/:id/zalaczniki', { ...opts, config: { multipartCsrf: true, rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const { id } = parse(SubmissionParams, req.params);
    const { powrot } = ReturnQuery.parse(req.query);
    const own = await ownSubmissionForFiles(db(), uid(req), id);
    if (!own || !own.canChange) throw notFound();
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
          outcomes.push(await storeUpload({ db: db(), storage: app.deps.storage, queue: app.deps.queue, maxMb }, { userId: uid(req), submissionId: own.submission.id, fileName: part.filename, stream: part.file, now: app.deps.now(), meta: meta(req) }));
        }
      } catch (err) {
        // what was stored stays, the rest is reported. A file over the size limit is also raised
        // here at the end of the body, but it was already refused by name when it arrived.
        const code = (err as { code?: unknown }).code;
        if (code !== 'FST_REQ_FILE_TOO_LARGE') {
          req.log.info({ err }, 'upload stopped');
          outcomes.push({ ok: false, name: '', message: code === 'FST_FILES_LIMIT' ? m.tooManyAtOnce : m.notReceived });
        }
      }
    }
    if (outcomes.length === 0) outcomes.push({ ok: false, name: '', message: m.noFile });
    const added = outcomes.filter((o) => o.ok).length;
    const refused = outcomes.flatMap((o) => (o.ok ? [] : [o.message]));
    if (refused.length === 0) return reply.redirect(backHref(own.submission.id, powrot, `?zalaczono=${added}`), 303);
    // from step 4 of the wizard the user stays there, with the refusal and "Zakończ"
    if (powrot === 'wniosek') {
      const token = await remember(req, { submissionId: own.submission.id, refused });
      return reply.redirect(backHref(own.submission.id, powrot, `?${FEEDBACK_PARAM}=${token}${added ? `&zalaczono=${added}` : ''}`), 303);
    }
    return page(req, reply, own.submission.id, { refused }, added);
  });

  const confirmPage = async (req: FastifyRequest, reply: FastifyReply, params: { id: string; fileId: string }, returnTo: ReturnTo, error?: string) => {
    const file = await deletableAttachment(db(), uid(req), params.id, params.fileId);
    if (!file) throw notFound();
    return reply.html(
      DeleteFilePage({ frame: await signedInFrame(app, req, reply), submissionId: file.submissionId, file, returnTo, backHref: backHref(file.submissionId, returnTo), ...(error ? { error } : {}) }),
      error ? 400 : 200,
    );
  };

  app.get('/wnioski/:id/zalaczniki/:fileId/usun', opts, (req, reply) => confirmPage(req, reply, parse(FileParams, req.params), ReturnQuery.parse(req.query).powrot));

  app.post('/wnioski/:id/zalaczniki/:fileId/usun', opts, async (req, reply) => {
    const params = parse(FileParams, req.params);
    const form = DeleteForm.safeParse(req.body);
    if (!form.success) return confirmPage(req, reply, params, 'zalaczniki', m.deleteBadRequest);
    const { powrot, potwierdz } = form.data;
    // a "Usuń" form without the confirmation asks first
    if (potwierdz !== 'tak') return reply.redirect(`/wnioski/${params.id}/zalaczniki/${params.fileId}/usun?powrot=${powrot}`, 303);
    const name = await deleteAttachment({ db: db(), storage: app.deps.storage }, { userId: uid(req), submissionId: params.id, attachmentId: params.fileId, now: app.deps.now(), meta: meta(req) });
    if (name === null) throw notFound();
    const token = await remember(req, { submissionId: params.id, refused: [], deleted: name });
    return reply.redirect(backHref(params.id, powrot, `?${FEEDBACK_PARAM}=${token}`), 303);
  });

  app.get('/wnioski/:id/zalaczniki/:fileId', opts, async (req, reply) => {
    const params = parse(FileParams, req.params);
    const a = await downloadableAttachment(db(), uid(req), params.id, params.fileId);
    if (!a) throw notFound();
    const ascii = a.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .type(a.contentType)
      .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.originalName)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(app.deps.storage.get(a.storageKey));
  });
}
