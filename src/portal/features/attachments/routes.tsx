import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listSubmissionAttachments } from '../../../db/repositories/attachments.ts';
import { notFound } from '../../../lib/errors.ts';
import { AttachmentsBlock } from '../../../views/components/Attachments.tsx';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { SignedInLayout } from '../../../views/layouts/SignedInLayout.tsx';
import { signedInFrame } from '../../http/frame.ts';
import { requireUser } from '../../session/guard.ts';
import { deleteAttachment, downloadableAttachment, ownSubmissionForFiles, storeUpload, type UploadOutcome } from './service.ts';

type Params = { Params: { id: string } };
type FileParams = { Params: { id: string; fileId: string } };

/** "Załącz podpisany wniosek": upload, list, download and remove the signed application's files. */
export async function attachmentRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.deps.database.db;
  const uid = (req: FastifyRequest) => req.session!.userId!;
  const meta = (req: FastifyRequest) => ({ ip: req.ip, requestId: req.id });
  const maxMb = Math.round(app.deps.config.attachmentMaxBytes / 1024 / 1024);
  const opts = { preHandler: requireUser };
  const back = (id: string, to: unknown) => (to === 'wniosek' ? `/wnioski/${id}` : to === 'konto' ? '/moje-konto#oczekujace-wnioski' : `/wnioski/${id}/zalaczniki`);

  const page = async (req: FastifyRequest<Params>, reply: FastifyReply, outcomes: UploadOutcome[] = []) => {
    const own = await ownSubmissionForFiles(db(), uid(req), req.params.id);
    if (!own) throw notFound();
    const frame = await signedInFrame(app, req, reply);
    const files = await listSubmissionAttachments(db(), own.submission.id);
    const errors = outcomes.filter((o): o is Extract<UploadOutcome, { ok: false }> => !o.ok).map((o) => ({ href: '#f-pliki', text: o.message }));
    const added = outcomes.filter((o) => o.ok).length;
    return reply.html(
      <SignedInLayout title="Załącz podpisany wniosek" frame={frame} hasErrors={errors.length > 0} breadcrumbs={[{ href: '/moje-konto', label: 'Moje konto' }, { label: 'Załącz podpisany wniosek' }]}>
        <ErrorSummary errors={errors} title="Nie wszystkie pliki zostały załączone" />
        {added ? <div class="notice notice--success" role="status"><p safe>{`Załączono plików: ${added}. Każdy plik jest sprawdzany pod kątem bezpieczeństwa.`}</p></div> : ''}
        <h1 data-qa="page-attachments">Załącz podpisany wniosek</h1>
        <ul>{own.requests.map((r) => <li safe>{`${r.roleName} (${r.number})`}</li>)}</ul>
        <p>Wymagane są pieczęć jednostki, twój podpis i podpis kierownika jednostki. Załączony plik mogą stanowić skany, zdjęcia dokumentu. Dopuszczalny format załączanych plików to pdf oraz jpg.</p>
        <AttachmentsBlock submissionId={own.submission.id} csrf={frame.csrf} files={files} returnTo="zalaczniki" canChange={own.canChange} maxMb={maxMb} />
        {own.canChange ? '' : <p class="notice notice--info">Wnioski zostały już rozpatrzone: pliku nie można już zmienić.</p>}
        <p><a href="/moje-konto">Wróć do widoku Moje konto</a></p>
      </SignedInLayout>,
      errors.length ? 400 : 200,
    );
  };

  app.get<Params>('/wnioski/:id/zalaczniki', opts, (req, reply) => page(req, reply));

  app.post<Params>('/wnioski/:id/zalaczniki', { ...opts, config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const own = await ownSubmissionForFiles(db(), uid(req), req.params.id);
    if (!own || !own.canChange) throw notFound();
    const outcomes: UploadOutcome[] = [];
    if (req.isMultipart()) {
      try {
        for await (const part of req.files()) {
          if (!part.filename) {
            part.file.resume();
            continue;
          }
          outcomes.push(await storeUpload({ db: db(), storage: app.deps.storage, queue: app.deps.queue, maxMb }, { userId: uid(req), submissionId: own.submission.id, fileName: part.filename, stream: part.file, now: app.deps.now(), meta: meta(req) }));
        }
      } catch (err) {
        // too many files or a broken stream: what was stored stays, the rest is reported
        req.log.info({ err }, 'upload stopped');
        outcomes.push({ ok: false, name: '', message: 'Nie udało się odebrać wszystkich plików (najwyżej 10 naraz). Spróbuj ponownie.' });
      }
    }
    if (outcomes.length === 0) outcomes.push({ ok: false, name: '', message: 'Wybierz plik z podpisanym wnioskiem (PDF lub JPG).' });
    const to = (req.query as Record<string, unknown>).powrot;
    if (outcomes.every((o) => o.ok)) return reply.redirect(`${back(own.submission.id, to)}?zalaczono=${outcomes.length}`, 303);
    return page(req, reply, outcomes);
  });

  app.post<FileParams>('/wnioski/:id/zalaczniki/:fileId/usun', opts, async (req, reply) => {
    const ok = await deleteAttachment({ db: db(), storage: app.deps.storage }, { userId: uid(req), submissionId: req.params.id, attachmentId: req.params.fileId, now: app.deps.now(), meta: meta(req) });
    if (!ok) throw notFound();
    return reply.redirect(back(req.params.id, (req.body as Record<string, unknown>).powrot), 303);
  });

  app.get<FileParams>('/wnioski/:id/zalaczniki/:fileId', opts, async (req, reply) => {
    const a = await downloadableAttachment(db(), uid(req), req.params.id, req.params.fileId);
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
