import type { AttachmentRow } from '../../db/repositories/attachments.ts';
import { formatSize } from '../../files/file-type.ts';
import { CsrfField } from './Field.tsx';

const label = (a: AttachmentRow) => `${a.originalName} (${a.contentType === 'application/pdf' ? 'PDF' : 'JPG'}, ${formatSize(a.sizeBytes)})`;

function DeleteButton(p: { base: string; file: AttachmentRow; csrf: string; returnTo: string; show: boolean }): JSX.Element {
  if (!p.show) return '';
  return (
    <form method="post" action={`${p.base}/${p.file.id}/usun`} class="inline-form">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="powrot" value={p.returnTo} />
      <button class="button button--link" type="submit">Usuń<span class="visually-hidden" safe>{`: ${p.file.originalName}`}</span></button>
    </form>
  );
}

/**
 * The upload form and the file lists of one submission ("Pliki oczekujące na skanowanie…",
 * "Bezpieczne pliki załączone do wniosku"). The form is a plain multipart POST: works without JS.
 */
export function AttachmentsBlock(p: { submissionId: string; csrf: string; files: AttachmentRow[]; returnTo: 'wniosek' | 'zalaczniki'; canChange: boolean; maxMb: number }): JSX.Element {
  const pending = p.files.filter((f) => f.scanStatus === 'pending');
  const clean = p.files.filter((f) => f.scanStatus === 'clean');
  const base = `/wnioski/${p.submissionId}/zalaczniki`;
  return (
    <div class="attachments" data-qa="attachments">
      {p.canChange ? (
        <form method="post" action={`${base}?_csrf=${encodeURIComponent(p.csrf)}&powrot=${p.returnTo}`} enctype="multipart/form-data" data-module="prevent-double-submit">
          <div class="field" data-module="dropzone">
            <label class="field__label" for="f-pliki">Przeciągnij lub wybierz plik (format: .jpg, .pdf)</label>
            <p class="field__hint" id="f-pliki-hint" safe>{`Skan lub zdjęcie podpisanego wniosku albo wniosek podpisany elektronicznie. Możesz wybrać kilka plików, każdy do ${p.maxMb} MB.`}</p>
            <input class="field__input" type="file" id="f-pliki" name="pliki" multiple accept=".pdf,.jpg,.jpeg,application/pdf,image/jpeg" aria-describedby="f-pliki-hint" />
          </div>
          <button class="button button--secondary" type="submit">Załącz wybrane pliki</button>
        </form>
      ) : ''}
      {pending.length ? (
        <section aria-labelledby={`pending-${p.submissionId}`} data-qa="pending-files">
          <h3 id={`pending-${p.submissionId}`}>Pliki oczekujące na skanowanie pod kątem bezpieczeństwa</h3>
          <ol>
            {pending.map((f) => (
              <li>
                <span safe>{label(f)}</span> <DeleteButton base={base} file={f} csrf={p.csrf} returnTo={p.returnTo} show={p.canChange} />
              </li>
            ))}
          </ol>
        </section>
      ) : ''}
      {clean.length ? (
        <section aria-labelledby={`clean-${p.submissionId}`} data-qa="clean-files">
          <h3 id={`clean-${p.submissionId}`}>Bezpieczne pliki załączone do wniosku</h3>
          <ol>
            {clean.map((f) => (
              <li>
                <span safe>{label(f)}</span>{' '}
                <a href={`${base}/${f.id}`}>Pobierz<span class="visually-hidden" safe>{`: ${f.originalName}`}</span></a>
                <DeleteButton base={base} file={f} csrf={p.csrf} returnTo={p.returnTo} show={p.canChange} />
              </li>
            ))}
          </ol>
        </section>
      ) : ''}
    </div>
  );
}
