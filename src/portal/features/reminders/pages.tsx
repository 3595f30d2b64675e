import type { MissingAttachment } from '../../../db/repositories/reminders.ts';
import { formatDatePl } from '../../../lib/text.ts';
import { CsrfField } from '../../../views/components/Field.tsx';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';

/**
 * "Brak załączników do wniosków o rolę": the manual's reminder after login, as a page (works without
 * JavaScript). "Przypomnij mi przy kolejnym logowaniu" goes on to `next`.
 */
export function ReminderPage(p: { frame: SignedInFrame; missing: readonly MissingAttachment[]; next: string | null }): JSX.Element {
  return (
    <SignedInLayout title="Brak załączników do wniosków o rolę" frame={p.frame}>
      <Notice
        tone="warning"
        role="alert"
        title="Brak załączników do wniosków o rolę"
        titleLevel={1}
        titleId="reminder-title"
        qa="page-reminder"
        text="Do poniższych wniosków nie załączyłeś potwierdzenia wnioskowanych uprawnień"
      />
      <table class="table" data-qa="reminder-list">
        <caption class="visually-hidden">Wnioski bez załączników</caption>
        <thead>
          <tr>
            <th scope="col">Wnioskowana rola</th>
            <th scope="col">Numer</th>
            <th scope="col">Data złożenia</th>
          </tr>
        </thead>
        <tbody>
          {p.missing.map((r) => (
            <tr>
              <td data-label="Wnioskowana rola" safe>
                {r.roleName}
              </td>
              <td data-label="Numer" safe>
                {r.number}
              </td>
              <td data-label="Data złożenia" safe>
                {formatDatePl(r.submittedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Podpisany wniosek załączysz w widoku <a href="/moje-konto">Moje konto</a>. Jeżeli wysłałeś go mailem lub pocztą, zaznacz tam przy wniosku „Plik został
        wysłany mailem lub wydruk pocztą”.
      </p>
      <form method="post" action="/przypomnienie">
        <CsrfField token={p.frame.csrf} />
        {p.next ? <input type="hidden" name="next" value={p.next} /> : ''}
        <button class="button" type="submit">
          Przypomnij mi przy kolejnym logowaniu
        </button>
      </form>
    </SignedInLayout>
  );
}
