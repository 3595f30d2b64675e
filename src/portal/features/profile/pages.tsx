import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { formatDatePl } from '../../../lib/text.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { ContactFields, CsrfField } from '../../../views/components/Field.tsx';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { SummaryList } from '../../../views/components/SummaryList/SummaryList.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';

export function WithdrawPage(p: {
  frame: SignedInFrame;
  requestId: string;
  unitName: string;
  kindCode: string;
  roleName: string;
  number: string;
  submittedAt: Date;
}): JSX.Element {
  return (
    <SignedInLayout title="Wycofanie wniosku" frame={p.frame} breadcrumbs={[{ href: '/moje-konto', label: 'Moje konto' }, { label: 'Wycofanie wniosku' }]}>
      <Notice
        tone="warning"
        role="alert"
        title="Uwaga! Wycofujesz złożony wniosek"
        titleLevel={1}
        titleId="withdraw-title"
        qa="page-withdraw"
        text="Status wniosku zostanie zmieniony na „Odrzucony” z powodem odrzucenia „Wycofany przez wnioskującego” i nie będzie mógł być zweryfikowany. Czynności tej nie można cofnąć. Czy chcesz wycofać ten wniosek?"
      />
      <SummaryList
        rows={[
          { label: 'Nazwa jednostki', value: p.unitName },
          { label: 'Rodzaj', value: p.kindCode },
          { label: 'Wnioskowana rola', value: p.roleName },
          { label: 'Numer wniosku', value: p.number },
          { label: 'Data złożenia', value: formatDatePl(p.submittedAt) },
        ]}
      />
      <form method="post" action={`/wnioski/${p.requestId}/wycofaj`} data-module="prevent-double-submit">
        <CsrfField token={p.frame.csrf} />
        <div class="button-group">
          <a class="button button--secondary" href="/moje-konto">
            Nie
          </a>
          <button class="button button--warning" type="submit">
            Tak, wycofaj wniosek
          </button>
        </div>
      </form>
    </SignedInLayout>
  );
}

export function ContactEditPage(p: {
  frame: SignedInFrame;
  profileId: string;
  unitName: string;
  values: { phone: string; email: string };
  summary?: FormError[];
  errors?: FormErrors;
}): JSX.Element {
  return (
    <SignedInLayout
      title="Edycja danych kontaktowych użytkownika"
      frame={p.frame}
      hasErrors={!!p.summary?.length}
      breadcrumbs={[{ href: '/moje-konto', label: 'Moje konto' }, { label: 'Edycja danych kontaktowych użytkownika' }]}
    >
      <ErrorSummary errors={p.summary ?? []} />
      <h1 data-qa="page-contact-edit">Edycja danych kontaktowych użytkownika</h1>
      <p class="lead" safe>
        {p.unitName}
      </p>
      <form method="post" action={`/profil/${p.profileId}/dane-kontaktowe`} novalidate data-module="prevent-double-submit">
        <CsrfField token={p.frame.csrf} />
        <ContactFields values={p.values} errors={p.errors} />
        <p class="muted">* Pole obowiązkowe</p>
        <Notice
          tone="info"
          text="Zmianie ulegną tylko dane kontaktowe w systemie SSOZ II, dane konta profilu zaufanego, z którego korzystasz podczas logowania, nie ulegną zmianie."
        />
        <div class="button-group">
          <a class="button button--secondary" href="/moje-konto">
            Anuluj
          </a>
          <button class="button" type="submit">
            Zapisz
          </button>
        </div>
      </form>
    </SignedInLayout>
  );
}
