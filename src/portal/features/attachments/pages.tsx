import type { AttachmentRow } from '../../../db/repositories/attachments.ts';
import { formatSize } from '../../../files/file-type.ts';
import { AttachmentsBlock, feedbackSummary, type AttachmentsFeedback } from '../../../views/components/Attachments.tsx';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { CsrfField } from '../../../views/components/Field.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { attachmentMessages as m } from './messages.ts';
import type { ReturnTo } from './schema.ts';

const crumbs = [{ href: '/moje-konto', label: 'Moje konto' }, { label: m.pageTitle }];

/** "Załącz podpisany wniosek": the pending requests the file is for, the upload form and the files. */
export function AttachmentsPage(p: {
  frame: SignedInFrame;
  submissionId: string;
  requests: { number: string; roleName: string }[];
  files: AttachmentRow[];
  canChange: boolean;
  unfinished: boolean;
  maxMb: number;
  added: number;
  feedback: AttachmentsFeedback;
}): JSX.Element {
  const summary = feedbackSummary(p.feedback);
  return (
    <SignedInLayout title={m.pageTitle} frame={p.frame} hasErrors={summary.length > 0} breadcrumbs={crumbs}>
      <ErrorSummary errors={summary} title={m.summaryTitle} />
      {p.added ? (
        <div class="notice notice--success" role="status">
          <p safe>{`Załączono plików: ${p.added}. Każdy plik jest sprawdzany pod kątem bezpieczeństwa.`}</p>
        </div>
      ) : (
        ''
      )}
      <h1 data-qa="page-attachments">{m.pageTitle}</h1>
      {p.requests.length ? (
        <ul aria-label={m.requestsCaption} data-qa="attachment-requests">
          {p.requests.map((r) => (
            <li safe>{`${r.roleName} (${r.number})`}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <p>{m.pageLead}</p>
      {/* the block's lists are h3 under this section, as under "Potwierdzenie uprawnień" elsewhere */}
      <h2>Pliki z podpisanym wnioskiem</h2>
      <AttachmentsBlock
        submissionId={p.submissionId}
        csrf={p.frame.csrf}
        files={p.files}
        returnTo="zalaczniki"
        canChange={p.canChange}
        maxMb={p.maxMb}
        feedback={p.feedback}
      />
      {p.canChange ? '' : <p class="notice notice--info">{m.decided}</p>}
      {/* a submission not yet finished ("Zakończ") is finished on step 4 of the wizard */}
      {p.canChange && p.unfinished ? (
        <p>
          <a href={`/wnioski/${p.submissionId}`} data-qa="back-to-wizard">
            {m.backToWizard}
          </a>
        </p>
      ) : (
        ''
      )}
      <p>
        <a href="/moje-konto">{m.backToAccount}</a>
      </p>
    </SignedInLayout>
  );
}

/** "Usuń": asked on its own page, so it works without JavaScript. */
export function DeleteFilePage(p: {
  frame: SignedInFrame;
  submissionId: string;
  file: AttachmentRow;
  returnTo: ReturnTo;
  backHref: string;
  error?: string;
}): JSX.Element {
  const kind = p.file.contentType === 'application/pdf' ? 'PDF' : 'JPG';
  return (
    <SignedInLayout
      title={m.deleteTitle}
      frame={p.frame}
      hasErrors={!!p.error}
      breadcrumbs={[{ href: '/moje-konto', label: 'Moje konto' }, { label: m.deleteTitle }]}
    >
      <ErrorSummary errors={p.error ? [{ href: '#f-potwierdz', text: p.error }] : []} />
      <h1 data-qa="page-file-delete" safe>
        {m.deleteQuestion(p.file.originalName)}
      </h1>
      <p class="muted" safe>{`${kind}, ${formatSize(p.file.sizeBytes)}`}</p>
      <form method="post" action={`/wnioski/${p.submissionId}/zalaczniki/${p.file.id}/usun`} data-module="prevent-double-submit">
        <CsrfField token={p.frame.csrf} />
        <input type="hidden" name="powrot" value={p.returnTo} />
        <input type="hidden" name="potwierdz" value="tak" />
        <div class="button-group">
          <a class="button button--secondary" href={p.backHref}>
            {m.deleteNo}
          </a>
          <button class="button button--warning" type="submit" id="f-potwierdz">
            {m.deleteYes}
          </button>
        </div>
      </form>
    </SignedInLayout>
  );
}
