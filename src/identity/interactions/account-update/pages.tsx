import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { Checkbox, CsrfField, TextField } from '../../../views/components/Field.tsx';
import { Layout } from '../../../views/layouts/Layout.tsx';
import { Notice } from '../components.tsx';

export const UPDATE_FIELDS = ['login', 'email', 'email2', 'terms'] as const;

export function UpdateAccountPage(p: {
  uid: string;
  csrf: string;
  firstName: string;
  lastName: string;
  pesel: string;
  migrated: boolean;
  values?: Record<string, string>;
  errors?: FormErrors;
  summary?: FormError[];
}): JSX.Element {
  const v = p.values ?? {};
  const e = p.errors ?? {};
  return (
    <Layout
      title="Zaktualizuj informacje konta"
      variant="ueoz"
      hasErrors={!!p.summary?.length}
      breadcrumbs={[{ label: 'Strona główna', href: '/' }, { label: 'Zaktualizuj informacje konta' }]}
    >
      <ErrorSummary errors={p.summary ?? []} />
      <h1 data-qa="page-update-account">Zaktualizuj informacje konta</h1>
      {p.migrated ? <Notice kind="success" text="Odnaleźliśmy Twoje konto w ePŁOZ. Login i adres e-mail zostały przeniesione — sprawdź je." /> : ''}
      <h2>Wypełnij formularz</h2>
      <form method="post" action={`/ueoz/logowanie/${p.uid}/konto`} novalidate data-module="prevent-double-submit">
        <CsrfField token={p.csrf} />
        <TextField name="firstName" label="Imię" value={p.firstName} readonly hint="Dane z Profilu Zaufanego" />
        <TextField name="lastName" label="Nazwisko" value={p.lastName} readonly />
        <TextField name="pesel" label="PESEL" value={p.pesel} readonly />
        <TextField
          name="login"
          label="Login"
          value={v.login}
          errors={e}
          autocomplete="username"
          maxlength={50}
          hint="Od 3 do 50 znaków: litery, cyfry, kropka, podkreślenie lub myślnik"
        />
        <TextField name="email" label="E-mail" type="email" required value={v.email} errors={e} autocomplete="email" maxlength={254} />
        <TextField name="email2" label="Powtórz e-mail" type="email" required value={v.email2} errors={e} autocomplete="email" maxlength={254} />
        <Checkbox
          name="terms"
          label="Znam Warunki korzystania z serwisu"
          required
          checked={v.terms === 'tak'}
          errors={e}
          labelHtml={
            <span>
              Znam{' '}
              <a href="/ueoz/warunki-korzystania" target="_blank" rel="noopener">
                Warunki korzystania z serwisu
              </a>
            </span>
          }
        />
        <p class="muted">* Pola obowiązkowe</p>
        <div class="notice notice--warning">
          <p>
            <strong>Uwaga!</strong> Musisz zaktualizować profil użytkownika aby aktywować swoje konto.
          </p>
        </div>
        <div class="button-group">
          <button class="button" type="submit">
            Zapisz
          </button>
        </div>
      </form>
    </Layout>
  );
}
