import type { AttachmentRow } from '../../db/repositories/attachments.ts';
import { formatSize } from '../../files/file-type.ts';
import type { FormError } from '../../lib/forms.ts';
import { CsrfField } from './Field.tsx';

const label = (a: AttachmentRow) => `${a.originalName} (${a.contentType === 'application/pdf' ? 'PDF' : 'JPG'}, ${formatSize(a.sizeBytes)})`;

/** The id of the file input: the error summary links to it. */
export const FILE_FIELD_ID = 'f-pliki';

/**
 * What the last file action left to say on the page it returned to: files refused by an upload
 * (error summary and inline message) or the file just removed. Kept in the session under a short
 * token that the redirect carries (`?pliki=…`), so no file name ends up in a URL and the GET that
 * shows it writes nothing.
 */
export interface AttachmentsFeedback {
  refused: string[];
  deleted?: string;
}

/** session data key of the last file action's outcome */
export const FEEDBACK_KEY = 'attachmentsFeedback';
/** the query parameter carrying its token */
export const FEEDBACK_PARAM = 'pliki';

export interface StoredFeedback {
  token: string;
  submissionId: string;
  refused: string[];
  deleted?: string;
}

/** The last file action's outcome, if the page's `?pliki=` names it and it is about this submission (any, when omitted). */
export function readAttachmentsFeedback(query: unknown, sessionData: Record<string, unknown> | undefined, submissionId?: string): AttachmentsFeedback {
  const token = query && typeof query === 'object' ? (query as Record<string, unknown>)[FEEDBACK_PARAM] : undefined;
  const stored = sessionData?.[FEEDBACK_KEY] as Partial<StoredFeedback> | undefined;
  if (typeof token !== 'string' || !stored || stored.token !== token) return { refused: [] };
  if (submissionId !== undefined && stored.submissionId !== submissionId) return { refused: [] };
  const refused = Array.isArray(stored.refused) ? stored.refused.filter((x): x is string => typeof x === 'string') : [];
  return { refused, ...(typeof stored.deleted === 'string' ? { deleted: stored.deleted } : {}) };
}

/** The error summary entries of refused files, linking to the file field. */
export function feedbackSummary(f: AttachmentsFeedback | undefined): FormError[] {
  return (f?.refused ?? []).map((text) => ({ href: `#${FILE_FIELD_ID}`, text }));
}

/** "Plik … został usunięty." */
export function deletedNotice(name: string): string {
  return `Plik „${name}” został usunięty.`;
}

/** "Usuń" leads to a confirmation page (plain link: works without JavaScript). */
function DeleteLink(p: { base: string; file: AttachmentRow; returnTo: string; show: boolean }): JSX.Element {
  if (!p.show) return '';
  return (
    <a href={`${p.base}/${p.file.id}/usun?powrot=${p.returnTo}`} data-qa="file-delete">
      Usuń<span class="visually-hidden" safe>{`: ${p.file.originalName}`}</span>
    </a>
  );
}

/**
 * The upload form and the file lists of one submission ("Pliki oczekujące na skanowanie…",
 * "Bezpieczne pliki załączone do wniosku"). The form is a plain multipart POST that works without
 * JavaScript; its CSRF token is the first field, so the server checks it before reading any file
 * (browsers send the parts in the order of the form).
 */
export function AttachmentsBlock(p: {
  submissionId: string;
  csrf: string;
  files: AttachmentRow[];
  returnTo: 'wniosek' | 'zalaczniki';
  canChange: boolean;
  maxMb: number;
  feedback?: AttachmentsFeedback;
}): JSX.Element {
  const pending = p.files.filter((f) => f.scanStatus === 'pending');
  const clean = p.files.filter((f) => f.scanStatus === 'clean');
  const base = `/wnioski/${p.submissionId}/zalaczniki`;
  const refused = p.feedback?.refused ?? [];
  const describedBy = [`${FILE_FIELD_ID}-hint`, refused.length ? `${FILE_FIELD_ID}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="attachments" data-qa="attachments">
      {p.feedback?.deleted ? (
        <div class="notice notice--success" role="status" data-qa="file-deleted">
          <p safe>{deletedNotice(p.feedback.deleted)}</p>
        </div>
      ) : (
        ''
      )}
      {p.canChange ? (
        <form method="post" action={`${base}?powrot=${p.returnTo}`} enctype="multipart/form-data" data-module="prevent-double-submit">
          <CsrfField token={p.csrf} />
          <div class={`field${refused.length ? ' field--error' : ''}`} data-module="dropzone">
            <label class="field__label" for={FILE_FIELD_ID}>
              Przeciągnij lub wybierz plik (format: .jpg, .pdf)
            </label>
            <p
              class="field__hint"
              id={`${FILE_FIELD_ID}-hint`}
              safe
            >{`Skan lub zdjęcie podpisanego wniosku albo wniosek podpisany elektronicznie. Możesz wybrać kilka plików, każdy do ${p.maxMb} MB.`}</p>
            {refused.length ? (
              <div class="field__error" id={`${FILE_FIELD_ID}-error`}>
                {refused.map((text) => (
                  <p>
                    <span class="visually-hidden">Błąd: </span>
                    <span safe>{text}</span>
                  </p>
                ))}
              </div>
            ) : (
              ''
            )}
            <input
              class="field__input"
              type="file"
              id={FILE_FIELD_ID}
              name="pliki"
              multiple
              accept=".pdf,.jpg,.jpeg,application/pdf,image/jpeg"
              aria-describedby={describedBy}
            />
          </div>
          <button class="button button--secondary" type="submit">
            Załącz wybrane pliki
          </button>
        </form>
      ) : (
        ''
      )}
      {pending.length ? (
        <section aria-labelledby={`pending-${p.submissionId}`} data-qa="pending-files">
          <h3 id={`pending-${p.submissionId}`}>Pliki oczekujące na skanowanie pod kątem bezpieczeństwa</h3>
          <ol>
            {pending.map((f) => (
              <li>
                <span safe>{label(f)}</span> <DeleteLink base={base} file={f} returnTo={p.returnTo} show={p.canChange} />
              </li>
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
      {clean.length ? (
        <section aria-labelledby={`clean-${p.submissionId}`} data-qa="clean-files">
          <h3 id={`clean-${p.submissionId}`}>Bezpieczne pliki załączone do wniosku</h3>
          <ol>
            {clean.map((f) => (
              <li>
                <span safe>{label(f)}</span>{' '}
                <a href={`${base}/${f.id}`}>
                  Pobierz<span class="visually-hidden" safe>{`: ${f.originalName}`}</span>
                </a>{' '}
                <DeleteLink base={base} file={f} returnTo={p.returnTo} show={p.canChange} />
              </li>
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
    </div>
  );
}
