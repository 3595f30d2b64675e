import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { CsrfField, TextField } from '../../../views/components/Field.tsx';
import { Layout } from '../../../views/layouts/Layout.tsx';
import { Notice } from '../components.tsx';

export function PzLoginPage(p: { uid: string; csrf: string; login?: string; error?: string; info?: string }): JSX.Element {
  return (
    <Layout title="Profil Zaufany — logowanie" variant="ueoz" hasErrors={!!p.error}>
      <div class="notice notice--warning" data-qa="pz-simulator">
        <p>
          <strong>Symulator Profilu Zaufanego.</strong> To nie jest prawdziwy Profil Zaufany: ta strona działa tylko w instancji demonstracyjnej SSOZ II. Nie
          wpisuj tu prawdziwych danych logowania.
        </p>
      </div>
      <h1 data-qa="page-pz-login">Profil Zaufany</h1>
      <Notice kind="info" text={p.info} />
      <Notice kind="error" text={p.error} />
      <form method="post" action={`/ueoz/logowanie/${p.uid}/pz`} novalidate data-module="prevent-double-submit">
        <CsrfField token={p.csrf} />
        <TextField name="login" label="Nazwa użytkownika lub adres e-mail" autocomplete="username" value={p.login} maxlength={254} />
        <TextField name="password" label="Hasło" type="password" autocomplete="current-password" maxlength={200} />
        <div class="button-group">
          <button class="button" type="submit">
            Zaloguj się
          </button>
        </div>
      </form>
      <h2>Nie masz profilu zaufanego?</h2>
      <p>
        <a class="button button--secondary" href={`/ueoz/logowanie/${p.uid}/pz/zaloz`}>
          Załącz profil
        </a>
      </p>
      <p class="muted">
        Pomoc:{' '}
        <a href="https://int.pz.gov.pl/pz/help" rel="noopener">
          int.pz.gov.pl/pz/help
        </a>
        , tel. 42 253 54 50, e-mail pz-pomoc@coi.gov.pl.
      </p>
    </Layout>
  );
}

export function PzCodePage(p: { uid: string; csrf: string; phoneMasked: string; error?: string; info?: string }): JSX.Element {
  return (
    <Layout title="Profil Zaufany — kod autoryzacyjny" variant="ueoz" hasErrors={!!p.error}>
      <div class="notice notice--warning">
        <p>
          <strong>Symulator Profilu Zaufanego.</strong> Kod SMS trafia do skrzynki demonstracyjnej (/dev/poczta).
        </p>
      </div>
      <h1 data-qa="page-pz-code">Wpisz kod autoryzacyjny</h1>
      <p safe>{`Wysłaliśmy kod autoryzacyjny SMS-em na numer ${p.phoneMasked}. Kod jest ważny 5 minut.`}</p>
      <Notice kind="info" text={p.info} />
      <Notice kind="error" text={p.error} />
      <form method="post" action={`/ueoz/logowanie/${p.uid}/kod`} novalidate data-module="prevent-double-submit">
        <CsrfField token={p.csrf} />
        <TextField name="code" label="Kod autoryzacyjny" autocomplete="one-time-code" inputmode="numeric" maxlength={6} />
        <div class="button-group">
          <button class="button" type="submit">
            Potwierdź
          </button>
        </div>
      </form>
      <form method="post" action={`/ueoz/logowanie/${p.uid}/kod/nowy`}>
        <CsrfField token={p.csrf} />
        <button class="button button--link" type="submit">
          Wyślij nowy kod
        </button>
      </form>
    </Layout>
  );
}

export const PZ_REGISTER_FIELDS = ['firstName', 'lastName', 'pesel', 'email', 'phone', 'username', 'password'] as const;

export function PzRegisterPage(p: { uid: string; csrf: string; values?: Record<string, string>; errors?: FormErrors; summary?: FormError[] }): JSX.Element {
  const v = p.values ?? {};
  const e = p.errors ?? {};
  return (
    <Layout title="Profil Zaufany — załóż profil" variant="ueoz" hasErrors={!!p.summary?.length}>
      <ErrorSummary errors={p.summary ?? []} />
      <div class="notice notice--warning">
        <p>
          <strong>Symulator Profilu Zaufanego.</strong> Utworzysz konto demonstracyjne, aby przejść całą ścieżkę pierwszego logowania ze swoimi danymi.
          Prawdziwy profil zaufany zakłada się na stronie pz.gov.pl.
        </p>
      </div>
      <h1 data-qa="page-pz-register">Załącz profil</h1>
      <p>Wypełnij wszystkie pola i użyj opcji „Zarejestruj się”.</p>
      <form method="post" action={`/ueoz/logowanie/${p.uid}/pz/zaloz`} novalidate data-module="prevent-double-submit">
        <CsrfField token={p.csrf} />
        <TextField name="firstName" label="Imię" required autocomplete="given-name" value={v.firstName} errors={e} maxlength={100} />
        <TextField name="lastName" label="Nazwisko" required autocomplete="family-name" value={v.lastName} errors={e} maxlength={100} />
        <TextField name="pesel" label="Numer PESEL" required inputmode="numeric" value={v.pesel} errors={e} maxlength={11} />
        <TextField name="email" label="Adres e-mail" type="email" required autocomplete="email" value={v.email} errors={e} maxlength={254} />
        <TextField
          name="phone"
          label="Numer telefonu komórkowego"
          type="tel"
          required
          autocomplete="tel"
          value={v.phone}
          errors={e}
          hint="Na ten numer wyślemy kody autoryzacyjne, np. +48 600 100 200"
          maxlength={30}
        />
        <TextField
          name="username"
          label="Nazwa użytkownika"
          required
          autocomplete="username"
          value={v.username}
          errors={e}
          maxlength={50}
          hint="Od 3 do 50 znaków: małe litery, cyfry, kropka, podkreślenie lub myślnik"
        />
        <TextField
          name="password"
          label="Hasło"
          type="password"
          required
          autocomplete="new-password"
          errors={e}
          maxlength={200}
          hint="Co najmniej 12 znaków, w tym litery i cyfry"
        />
        <div class="button-group">
          <button class="button" type="submit">
            Zarejestruj się
          </button>
          <a class="button button--secondary" href={`/ueoz/logowanie/${p.uid}/pz`}>
            Wróć do logowania
          </a>
        </div>
      </form>
    </Layout>
  );
}
