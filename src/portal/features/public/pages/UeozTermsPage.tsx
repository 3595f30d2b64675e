import { Layout } from '../../../../views/layouts/Layout.tsx';

const TITLE = 'Warunki korzystania z serwisu';

/** Terms of use of the identity service (UEOZ), accepted in "Zaktualizuj informacje konta". */
export function UeozTermsPage(): JSX.Element {
  return (
    <Layout title={TITLE} variant="ueoz" breadcrumbs={[{ href: '/', label: 'Strona główna' }, { label: TITLE }]}>
      <h1 data-qa="page-warunki-korzystania">Warunki korzystania z serwisu</h1>
      <p class="lead">
        Warunki korzystania z usługi logowania Usług Elektronicznych Ochrony Zdrowia (UEOZ), przez którą logujesz się do Systemu Statystyki w Ochronie Zdrowia
        (SSOZ II). Akceptujesz je przy aktywacji konta, zaznaczając pole „Znam Warunki korzystania z serwisu”.
      </p>
      <p class="muted">
        Warunki obowiązują od <time datetime="2026-11-25">25 listopada 2026 r.</time>
      </p>

      <div class="prose">
        <h2>Kto może korzystać z serwisu</h2>
        <ul>
          <li>
            Z serwisu może korzystać osoba fizyczna, która ma Profil Zaufany i wykonuje zadania w systemie SSOZ II w imieniu jednostki: sprawozdającej,
            nadzorującej albo centralnej.
          </li>
          <li>
            Konto jest osobiste: jedna osoba ma jedno konto, powiązane z jej numerem PESEL. Konta nie można udostępniać innym osobom ani zakładać w imieniu
            innej osoby.
          </li>
          <li>Samo konto nie daje dostępu do danych jednostek. Dostęp wynika z profilu w jednostce i ról przyznanych po weryfikacji podpisanego wniosku.</li>
        </ul>

        <h2>Logowanie i uwierzytelnienie</h2>
        <ul>
          <li>Logujesz się Profilem Zaufanym i przy każdym logowaniu potwierdzasz je kodem autoryzacyjnym wysłanym SMS-em na Twój telefon.</li>
          <li>Imię, nazwisko i numer PESEL pochodzą z Profilu Zaufanego i nie można ich zmienić w serwisie.</li>
          <li>
            Nie przekazuj nikomu hasła do Profilu Zaufanego ani kodów autoryzacyjnych. Pracownicy Centrum e-Zdrowia i administratorzy systemu nigdy o nie nie
            proszą.
          </li>
        </ul>

        <h2>Twoje obowiązki</h2>
        <ul>
          <li>
            Podawaj prawdziwe dane i aktualizuj je, gdy się zmienią — w szczególności adres e-mail i numer telefonu, na które wysyłamy powiadomienia o
            wnioskach.
          </li>
          <li>Składając wniosek o profil lub o role, potwierdzasz zgodność danych ze stanem faktycznym.</li>
          <li>Korzystaj z urządzenia z aktualną przeglądarką i programem antywirusowym; nie korzystaj z otwartych sieci Wi-Fi.</li>
          <li>Po zakończeniu pracy wyloguj się, aby osoby nieupoważnione nie mogły przeglądać danych.</li>
          <li>
            Jeżeli podejrzewasz, że ktoś inny skorzystał z Twojego konta, niezwłocznie zgłoś to przez stronę <a href="/kontakt">Skontaktuj się z nami</a>.
          </li>
        </ul>

        <h2>Rozliczalność</h2>
        <p>
          Serwis zapewnia rozliczalność: każde działanie w systemie jest przypisane do osoby fizycznej i umiejscowione w czasie. Logowania, zmiany danych,
          wnioski i decyzje są zapisywane w dzienniku zdarzeń wraz z datą i godziną. Za działania wykonane z użyciem Twojego konta odpowiadasz Ty.
        </p>

        <h2>Działania zabronione</h2>
        <p>Zabronione jest w szczególności:</p>
        <ul>
          <li>udostępnianie konta innym osobom i korzystanie z cudzego konta;</li>
          <li>podawanie nieprawdziwych danych, w tym we wnioskach o profil i o role;</li>
          <li>próby obejścia zabezpieczeń, uzyskania dostępu do danych bez uprawnień lub zakłócenia działania serwisu;</li>
          <li>załączanie plików zawierających złośliwe oprogramowanie;</li>
          <li>automatyczne pobieranie danych i wysyłanie zapytań w sposób nadmiernie obciążający serwis;</li>
          <li>wykorzystywanie danych dostępnych w systemie w celu innym niż wykonywanie zadań jednostki.</li>
        </ul>
        <p>W razie naruszenia warunków administrator może zablokować konto lub profil użytkownika. Zablokowanie jest odnotowywane w dzienniku zdarzeń.</p>

        <h2>Sesja i wylogowanie</h2>
        <p>
          Ze względów bezpieczeństwa po 30 minutach bezczynności zostaniesz automatycznie wylogowany. Dalsza praca wymaga ponownego zalogowania. Wybranie opcji
          „Wyloguj się” kończy sesję od razu — w systemie SSOZ II i w usłudze logowania UEOZ.
        </p>

        <h2>Dane osobowe</h2>
        <p>
          Zasady przetwarzania danych osobowych i informacje o plikach cookie opisuje <a href="/polityka-prywatnosci">Polityka prywatności</a>.
        </p>

        <h2>Kontakt</h2>
        <p>
          Pytania i zgłoszenia dotyczące serwisu przesyłaj przez stronę <a href="/kontakt">Skontaktuj się z nami</a>. W sprawach logowania i kont ePŁOZ w
          systemach Centrum e-Zdrowia możesz też skontaktować się z infolinią Centrum e-Zdrowia pod numerem <a href="tel:19239">19239</a> lub pod adresem e-mail{' '}
          <a href="mailto:logowanie@cez.gov.pl">logowanie@cez.gov.pl</a>. Informacje o korzystaniu z systemu znajdziesz na stronie <a href="/pomoc">Pomoc</a>.
        </p>
      </div>
    </Layout>
  );
}
