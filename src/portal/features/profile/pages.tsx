import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { formatDatePl } from '../../../lib/text.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { CsrfField, TextField } from '../../../views/components/Field.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';

export function WithdrawPage(p: { frame: SignedInFrame; requestId: string; unitName: string; kindCode: string; roleName: string; number: string; submittedAt: Date }): JSX.Element {
  return (
    <SignedInLayout title="Wycofanie wniosku" frame={p.frame} breadcrumbs={[{ href: '/moje-konto', label: 'Moje konto' }, { label: 'Wycofanie wniosku' }]}>
      <div class="notice notice--warning" role="alert">
        <h1 data-qa="page-withdraw">Uwaga! Wycofujesz złożony wniosek</h1>
        <p>
          Status wniosku zostanie zmieniony na „Odrzucony” z powodem odrzucenia „Wycofany przez wnioskującego” i nie będzie mógł
          być zweryfikowany. Czynności tej nie można cofnąć. Czy chcesz wycofać ten wniosek?
        </p>
      </div>
      <dl class="kv">
        <div><dt>Nazwa jednostki</dt><dd safe>{p.unitName}</dd></div>
        <div><dt>Rodzaj</dt><dd safe>{p.kindCode}</dd></div>
        <div><dt>Wnioskowana rola</dt><dd safe>{p.roleName}</dd></div>
        <div><dt>Numer wniosku</dt><dd safe>{p.number}</dd></div>
        <div><dt>Data złożenia</dt><dd safe>{formatDatePl(p.submittedAt)}</dd></div>
      </dl>
      <form method="post" action={`/wnioski/${p.requestId}/wycofaj`} data-module="prevent-double-submit">
        <CsrfField token={p.frame.csrf} />
        <div class="button-group">
          <a class="button button--secondary" href="/moje-konto">Nie</a>
          <button class="button button--warning" type="submit">Tak, wycofaj wniosek</button>
        </div>
      </form>
    </SignedInLayout>
  );
}

export function ContactEditPage(p: { frame: SignedInFrame; profileId: string; unitName: string; values: { phone: string; email: string }; summary?: FormError[]; errors?: FormErrors }): JSX.Element {
  return (
    <SignedInLayout title="Edycja danych kontaktowych użytkownika" frame={p.frame} hasErrors={!!p.summary?.length}
      breadcrumbs={[{ href: '/moje-konto', label: 'Moje konto' }, { label: 'Edycja danych kontaktowych użytkownika' }]}>
      <ErrorSummary errors={p.summary ?? []} />
      <h1 data-qa="page-contact-edit">Edycja danych kontaktowych użytkownika</h1>
      <p class="lead" safe>{p.unitName}</p>
      <form method="post" action={`/profil/${p.profileId}/dane-kontaktowe`} novalidate data-module="prevent-double-submit">
        <CsrfField token={p.frame.csrf} />
        <TextField name="phone" label="Telefon" type="tel" required autocomplete="tel" maxlength={30} value={p.values.phone} errors={p.errors} hint="np. +48 600 100 200" />
        <TextField name="email" label="E-mail" type="email" required autocomplete="email" maxlength={254} value={p.values.email} errors={p.errors} />
        <p class="muted">* Pole obowiązkowe</p>
        <div class="notice notice--info">
          <p>
            Zmianie ulegną tylko dane kontaktowe w systemie SSOZ II, dane konta profilu zaufanego, z którego korzystasz podczas
            logowania, nie ulegną zmianie.
          </p>
        </div>
        <div class="button-group">
          <a class="button button--secondary" href="/moje-konto">Anuluj</a>
          <button class="button" type="submit">Zapisz</button>
        </div>
      </form>
    </SignedInLayout>
  );
}
