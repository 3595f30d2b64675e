import type { FormError, FormErrors } from '../../lib/forms.ts';
import { ErrorSummary } from '../../views/components/ErrorSummary.tsx';
import { Checkbox, CsrfField, TextField } from '../../views/components/Field.tsx';
import { Layout } from '../../views/layouts/Layout.tsx';

const home = { href: '/', label: 'Strona główna' };

/** "2023-11-29 01:07.23.519" — the manual's timestamp on the migration screens (Polish time). */
export function migrationTimestamp(d: Date): string {
  const p = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).formatToParts(d);
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}.${get('second')}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

function Notice({ text, kind }: { text?: string | undefined; kind: 'info' | 'success' | 'warning' | 'error' }): JSX.Element {
  if (!text) return '';
  return (
    <div class={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-qa={`notice-${kind}`}>
      <p safe>{text}</p>
    </div>
  );
}

export function UeozLoginPage({ uid, pzAvailable }: { uid: string; pzAvailable: boolean }): JSX.Element {
  return (
    <Layout title="Logowanie" variant="ueoz" breadcrumbs={[home, { label: 'Logowanie' }]}>
      <h1 data-qa="page-ueoz-login">Zaloguj się do Usług Elektronicznych Ochrony Zdrowia</h1>
      <p class="lead">Do systemu SSOZ II logujesz się za pomocą Profilu Zaufanego. Każde działanie w systemie jest przypisane do Ciebie i umiejscowione w czasie.</p>
      {pzAvailable ? (
        <p>
          <a class="button" href={`/ueoz/logowanie/${uid}/pz`} data-qa="pz-button">Profil Zaufany</a>
        </p>
      ) : (
        <Notice kind="warning" text="Logowanie Profilem Zaufanym nie jest skonfigurowane w tej instalacji. Skontaktuj się z administratorem." />
      )}
    </Layout>
  );
}

export function PzLoginPage(p: { uid: string; csrf: string; login?: string; error?: string; info?: string }): JSX.Element {
  return (
    <Layout title="Profil Zaufany — logowanie" variant="ueoz" hasErrors={!!p.error}>
      <div class="notice notice--warning" data-qa="pz-simulator">
        <p>
          <strong>Symulator Profilu Zaufanego.</strong> To nie jest prawdziwy Profil Zaufany: ta strona działa tylko w instancji
          demonstracyjnej SSOZ II. Nie wpisuj tu prawdziwych danych logowania.
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
          <button class="button" type="submit">Zaloguj się</button>
        </div>
      </form>
      <h2>Nie masz profilu zaufanego?</h2>
      <p>
        <a class="button button--secondary" href={`/ueoz/logowanie/${p.uid}/pz/zaloz`}>Załącz profil</a>
      </p>
      <p class="muted">
        Pomoc: <a href="https://int.pz.gov.pl/pz/help" rel="noopener">int.pz.gov.pl/pz/help</a>, tel. 42 253 54 50,
        e-mail pz-pomoc@coi.gov.pl.
      </p>
    </Layout>
  );
}

export function PzCodePage(p: { uid: string; csrf: string; phoneMasked: string; error?: string; info?: string }): JSX.Element {
  return (
    <Layout title="Profil Zaufany — kod autoryzacyjny" variant="ueoz" hasErrors={!!p.error}>
      <div class="notice notice--warning">
        <p><strong>Symulator Profilu Zaufanego.</strong> Kod SMS trafia do skrzynki demonstracyjnej (/dev/poczta).</p>
      </div>
      <h1 data-qa="page-pz-code">Wpisz kod autoryzacyjny</h1>
      <p safe>{`Wysłaliśmy kod autoryzacyjny SMS-em na numer ${p.phoneMasked}. Kod jest ważny 5 minut.`}</p>
      <Notice kind="info" text={p.info} />
      <Notice kind="error" text={p.error} />
      <form method="post" action={`/ueoz/logowanie/${p.uid}/kod`} novalidate data-module="prevent-double-submit">
        <CsrfField token={p.csrf} />
        <TextField name="code" label="Kod autoryzacyjny" autocomplete="one-time-code" inputmode="numeric" maxlength={6} />
        <div class="button-group">
          <button class="button" type="submit">Potwierdź</button>
        </div>
      </form>
      <form method="post" action={`/ueoz/logowanie/${p.uid}/kod/nowy`}>
        <CsrfField token={p.csrf} />
        <button class="button button--link" type="submit">Wyślij nowy kod</button>
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
          <strong>Symulator Profilu Zaufanego.</strong> Utworzysz konto demonstracyjne, aby przejść całą ścieżkę pierwszego
          logowania ze swoimi danymi. Prawdziwy profil zaufany zakłada się na stronie pz.gov.pl.
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
        <TextField name="phone" label="Numer telefonu komórkowego" type="tel" required autocomplete="tel" value={v.phone} errors={e} hint="Na ten numer wyślemy kody autoryzacyjne, np. +48 600 100 200" maxlength={30} />
        <TextField name="username" label="Nazwa użytkownika" required autocomplete="username" value={v.username} errors={e} maxlength={50} hint="Od 3 do 50 znaków: małe litery, cyfry, kropka, podkreślenie lub myślnik" />
        <TextField name="password" label="Hasło" type="password" required autocomplete="new-password" errors={e} maxlength={200} hint="Co najmniej 12 znaków, w tym litery i cyfry" />
        <div class="button-group">
          <button class="button" type="submit">Zarejestruj się</button>
          <a class="button button--secondary" href={`/ueoz/logowanie/${p.uid}/pz`}>Wróć do logowania</a>
        </div>
      </form>
    </Layout>
  );
}

export function MigrationSearchPage({ startedAt, selfUrl }: { startedAt: Date; selfUrl: string }): JSX.Element {
  return (
    <Layout title="Migracja danych do UEOZ" variant="ueoz">
      <h1 data-qa="page-migration">Migracja danych do UEOZ</h1>
      <h2>Wyszukiwanie Twojego konta</h2>
      <div class="notice notice--info" role="status" aria-live="polite" data-qa="migration-progress">
        <p>
          W związku z migracją danych między portalami ePŁOZ i UEOZ, system musi odnaleźć Twoje konto. Może to potrwać kilka
          minut. Po migracji danych utworzysz nowe konto, aby dalej pracować w systemach CeZ.
        </p>
        <p>
          <span class="spinner" aria-hidden="true"></span> Trwa wyszukiwanie…
        </p>
      </div>
      <p data-module="auto-refresh" data-seconds="2">
        <a class="button button--secondary" href={selfUrl}>Sprawdź, czy wyszukiwanie się zakończyło</a>
      </p>
      <p class="muted"><time datetime={startedAt.toISOString()} safe>{migrationTimestamp(startedAt)}</time></p>
    </Layout>
  );
}

export function Z02Page(p: { uid: string; csrf: string; eventNumber: string; startedAt: Date; finishedAt: Date; firstName: string; lastName: string; maskedPesel: string }): JSX.Element {
  return (
    <Layout title="Nie odnaleziono konta w ePŁOZ" variant="ueoz">
      <h1 data-qa="page-z02">Migracja danych do UEOZ</h1>
      <p class="muted"><time datetime={p.startedAt.toISOString()} safe>{migrationTimestamp(p.startedAt)}</time></p>
      <div class="notice notice--warning">
        <h2>Nie odnaleziono w ePŁOZ konta o podanym numerze PESEL</h2>
        <p>Prawdopodobnie wcześniej nie korzystałeś z ePŁOZ, tylko logowałeś się bezpośrednio w RPWDL.</p>
        <p>Potrzebujesz nowego konta w UEOZ. Kliknij w przycisk <strong>Utwórz nowe konto bez migracji</strong> poniżej aby założyć takie konto.</p>
      </div>
      <p>
        W przypadku gdy nie zgadzasz się i uważasz, że posiadałeś/aś wcześniej konto w ePŁOZ zweryfikuj czy posiadasz nadal
        dostęp do tego konta w systemie <a href="https://eploz.ezdrowie.gov.pl" rel="noopener">https://eploz.ezdrowie.gov.pl</a>,
        następnie skontaktuj się z infolinią CeZ pod numerem 19239 lub na adres mailowy: logowanie@cez.gov.pl.
      </p>
      <p>W zgłoszeniu podaj imię i nazwisko, 3 ostatnie cyfry PESEL oraz koniecznie login w systemie ePŁOZ.</p>
      <p>
        W zgłoszeniu powołaj się na numer zdarzenia (<strong data-qa="event-number" safe>{p.eventNumber}</strong>) i kod zdarzenia
        (<strong data-qa="event-code">Z02</strong>). Jeśli to możliwe dołącz również zrzut ekranu z komunikatem Z02 oraz widokiem konta w ePŁOZ.
      </p>
      <p>Po przesłaniu zgłoszenia przerwij proces migracji klikając w przycisk <strong>Przerwij proces migracji</strong>.</p>
      <p>Możesz teraz utworzyć konto w UEOZ, aby pracować w systemach CeZ.</p>
      <p class="muted"><time datetime={p.finishedAt.toISOString()} safe>{migrationTimestamp(p.finishedAt)}</time></p>
      <dl class="kv" data-qa="z02-person">
        <div><dt>Imię</dt><dd safe>{p.firstName}</dd></div>
        <div><dt>Nazwisko</dt><dd safe>{p.lastName}</dd></div>
        <div><dt>PESEL</dt><dd safe>{p.maskedPesel}</dd></div>
      </dl>
      <div class="button-group">
        <form method="post" action={`/ueoz/logowanie/${p.uid}/migracja/przerwij`}>
          <CsrfField token={p.csrf} />
          <button class="button button--secondary" type="submit">Przerwij proces migracji</button>
        </form>
        <form method="post" action={`/ueoz/logowanie/${p.uid}/migracja/nowe-konto`}>
          <CsrfField token={p.csrf} />
          <button class="button" type="submit">Utwórz nowe konto bez migracji</button>
        </form>
      </div>
    </Layout>
  );
}

export const UPDATE_FIELDS = ['login', 'email', 'email2', 'terms'] as const;

export function UpdateAccountPage(p: {
  uid: string; csrf: string; firstName: string; lastName: string; pesel: string; migrated: boolean;
  values?: Record<string, string>; errors?: FormErrors; summary?: FormError[];
}): JSX.Element {
  const v = p.values ?? {};
  const e = p.errors ?? {};
  return (
    <Layout title="Zaktualizuj informacje konta" variant="ueoz" hasErrors={!!p.summary?.length}
      breadcrumbs={[{ label: 'Strona główna', href: '/' }, { label: 'Zaktualizuj informacje konta' }]}>
      <ErrorSummary errors={p.summary ?? []} />
      <h1 data-qa="page-update-account">Zaktualizuj informacje konta</h1>
      {p.migrated ? <Notice kind="success" text="Odnaleźliśmy Twoje konto w ePŁOZ. Login i adres e-mail zostały przeniesione — sprawdź je." /> : ''}
      <h2>Wypełnij formularz</h2>
      <form method="post" action={`/ueoz/logowanie/${p.uid}/konto`} novalidate data-module="prevent-double-submit">
        <CsrfField token={p.csrf} />
        <TextField name="firstName" label="Imię" value={p.firstName} readonly hint="Dane z Profilu Zaufanego" />
        <TextField name="lastName" label="Nazwisko" value={p.lastName} readonly />
        <TextField name="pesel" label="PESEL" value={p.pesel} readonly />
        <TextField name="login" label="Login" value={v.login} errors={e} autocomplete="username" maxlength={50} hint="Od 3 do 50 znaków: litery, cyfry, kropka, podkreślenie lub myślnik" />
        <TextField name="email" label="E-mail" type="email" required value={v.email} errors={e} autocomplete="email" maxlength={254} />
        <TextField name="email2" label="Powtórz e-mail" type="email" required value={v.email2} errors={e} autocomplete="email" maxlength={254} />
        <Checkbox name="terms" label="Znam Warunki korzystania z serwisu" required checked={v.terms === 'tak'} errors={e}
          labelHtml={<span>Znam <a href="/ueoz/warunki-korzystania" target="_blank" rel="noopener">Warunki korzystania z serwisu</a></span>} />
        <p class="muted">* Pola obowiązkowe</p>
        <div class="notice notice--warning">
          <p><strong>Uwaga!</strong> Musisz zaktualizować profil użytkownika aby aktywować swoje konto.</p>
        </div>
        <div class="button-group">
          <button class="button" type="submit">Zapisz</button>
        </div>
      </form>
    </Layout>
  );
}

export function ActivatePage(p: { uid: string; csrf: string; email: string; info?: string; error?: string }): JSX.Element {
  return (
    <Layout title="Aktywuj konto" variant="ueoz" breadcrumbs={[{ label: 'Strona główna', href: '/' }, { label: 'Aktywuj konto' }]}>
      <h1 data-qa="page-activate">Aktywuj konto</h1>
      <div class="notice notice--warning">
        <p><strong>Uwaga!</strong> Musisz zweryfikować swój adres e-mail aby aktywować swoje konto.</p>
      </div>
      <Notice kind="success" text={p.info} />
      <Notice kind="error" text={p.error} />
      <h2>Odbierz e-mail</h2>
      <p>
        Wysłaliśmy do Ciebie wiadomość na adres <strong safe>{p.email}</strong>. Sprawdź skrzynkę odbiorczą. Kliknij link
        aktywacyjny – i korzystaj ze swojego konta w UEOZ.
      </p>
      <h2>Nie otrzymałeś e-maila?</h2>
      <p>Upewnij się, że nie ma go w folderze ze spamem. Jeśli nie otrzymałeś od nas wiadomości, możemy wysłać ją ponownie.</p>
      <form method="post" action={`/ueoz/logowanie/${p.uid}/aktywacja/nowy-email`}>
        <CsrfField token={p.csrf} />
        <button class="button button--secondary" type="submit">Chcę dostać nowy e-mail</button>
      </form>
      <p>
        Jeżeli nadal nie masz od nas wiadomości, <a href="/kontakt">skontaktuj się z działem obsługi</a>.
      </p>
    </Layout>
  );
}

export function ActivationResultPage(p: { status: 'ok' | 'expired' | 'used' | 'invalid' }): JSX.Element {
  const texts = {
    ok: { title: 'Konto zostało aktywowane', body: 'Adres e-mail został zweryfikowany, a Twoje konto w UEOZ jest aktywne. Zaloguj się, aby przejść do systemu SSOZ II.' },
    expired: { title: 'Link aktywacyjny wygasł', body: 'Link aktywacyjny jest ważny 24 godziny. Zaloguj się ponownie i wybierz „Chcę dostać nowy e-mail”, aby otrzymać nowy link.' },
    used: { title: 'Link aktywacyjny został już użyty', body: 'Tego linku użyto wcześniej. Jeżeli Twoje konto nie jest jeszcze aktywne, zaloguj się ponownie i wybierz „Chcę dostać nowy e-mail”.' },
    invalid: { title: 'Nieprawidłowy link aktywacyjny', body: 'Link jest niepełny lub nieprawidłowy. Skopiuj cały link z wiadomości e-mail albo zaloguj się i poproś o nowy e-mail.' },
  }[p.status];
  return (
    <Layout title={texts.title} variant="ueoz">
      <h1 data-qa={`activation-${p.status}`} safe>{texts.title}</h1>
      <p safe>{texts.body}</p>
      <p><a class="button" href="/logowanie">Zaloguj się/ Zarejestruj</a></p>
    </Layout>
  );
}
