import { ROLES, type UnitClass } from '../../../../domain/reference-data.ts';
import { Notice } from '../../../../views/components/Notice/Notice.tsx';
import { PortalLayout, type SignedInFrame } from '../../../../views/layouts/SignedInLayout.tsx';

const TITLE = 'Pomoc — jak korzystać z systemu';

// Group headings of the manual's "Charakterystyka ról"; names and descriptions of the roles come
// from the role dictionary, which holds them exactly as the manual words them.
const ROLE_GROUPS: readonly { unitClass: UnitClass; label: string }[] = [
  { unitClass: 'central', label: 'Jednostka centralna' },
  { unitClass: 'supervising', label: 'Jednostka nadzorująca' },
  { unitClass: 'reporting', label: 'Jednostka sprawozdająca' },
];

const PROFILE_STATUSES: readonly { name: string; description: string }[] = [
  {
    name: 'nieaktywowany',
    description:
      'status nadawany na podstawie statusu wniosku/-ów o aktywację profilu. Nadawany, jeśli istnieje co najmniej jeden wniosek w statusie „oczekujący” oraz nie ma żadnego wniosku w statusie „zatwierdzony”',
  },
  {
    name: 'aktywny',
    description:
      'status nadawany na podstawie statusu wniosku/-ów o aktywację profilu. Nadawany, jeśli istnieje co najmniej jeden wniosek w statusie „zatwierdzony”',
  },
  {
    name: 'odrzucony',
    description: 'status nadawany na podstawie statusu wniosku/-ów o aktywację profilu. Nadawany, jeśli wszystkie wnioski są w statusie „zarchiwizowany”',
  },
  {
    name: 'zablokowany',
    description: 'status nadawany na podstawie akcji uprawnionego użytkownika (administratora)',
  },
];

const CACHE_HELP: readonly { browser: string; href: string }[] = [
  { browser: 'Chrome', href: 'https://support.google.com/accounts/answer/32050?hl=pl&co=GENIE.Platform%3DDesktop' },
  { browser: 'Firefox', href: 'https://support.mozilla.org/pl/kb/jak-wyczyscic-pamiec-podreczna' },
  {
    browser: 'Microsoft Edge',
    href: 'https://support.microsoft.com/pl-pl/microsoft-edge/usuwanie-plik%C3%B3w-cookie-w-przegl%C4%85darce-microsoft-edge-63947406-40ac-c3b8-57b9-2a946a29ae09',
  },
];

const SECTIONS: readonly { id: string; label: string }[] = [
  { id: 'wymagania', label: 'Dostęp do systemu SSOZ II' },
  { id: 'logowanie', label: 'Logowanie Profilem Zaufanym' },
  { id: 'aktywacja', label: 'Aktywacja konta przy pierwszym logowaniu' },
  { id: 'profil', label: 'Utworzenie profilu' },
  { id: 'moje-konto', label: 'Moje konto' },
  { id: 'wylogowanie', label: 'Wylogowanie' },
  { id: 'pojecia', label: 'Profil, rola i uprawnienie' },
  { id: 'role', label: 'Charakterystyka ról' },
];

/** The manual's guidance in short: requirements, login, activation, profiles, roles and statuses. */
export function HelpPage({ frame }: { frame?: SignedInFrame | null } = {}): JSX.Element {
  return (
    <PortalLayout frame={frame} title={TITLE} breadcrumbs={[{ href: '/', label: 'Strona główna' }, { label: TITLE }]}>
      <h1 data-qa="page-pomoc">Pomoc — jak korzystać z systemu</h1>
      <p class="lead">
        Przeczytaj, jak zalogować się do Systemu Statystyki w Ochronie Zdrowia (SSOZ II), utworzyć profil w swojej jednostce i złożyć wniosek o role.
      </p>

      <nav aria-labelledby="help-toc-title">
        <h2 id="help-toc-title">Spis treści</h2>
        <ol>
          {SECTIONS.map((s) => (
            <li>
              <a href={`#${s.id}`} safe>
                {s.label}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <div class="prose">
        <h2 id="wymagania">Dostęp do systemu SSOZ II</h2>
        <p>Do korzystania z systemu potrzebujesz:</p>
        <ul>
          <li>urządzenia z zainstalowaną przeglądarką internetową (np. Chrome, Firefox, Edge);</li>
          <li>
            dostępu do Internetu — nie zaleca się korzystania z otwartych sieci internetowych (np. sieci Wi-Fi oferowanych w restauracjach, na lotniskach itp.);
          </li>
          <li>aplikacji obsługującej pliki PDF;</li>
          <li>programu antywirusowego z aktualną bazą definicji wirusów.</li>
        </ul>

        <h3>Pamięć podręczna przeglądarki</h3>
        <p>
          Dla poprawnego działania systemu po każdorazowym wdrożeniu nowej wersji zaleca się wyczyszczenie pamięci podręcznej przeglądarki. Szczegóły
          postępowania znajdziesz na stronach pomocy dedykowanych danemu typowi przeglądarki:
        </p>
        <ul>
          {CACHE_HELP.map((c) => (
            <li>
              <a href={c.href} rel="noopener">
                Wyczyść pamięć podręczną w przeglądarce <span safe>{c.browser}</span>
              </a>
            </li>
          ))}
        </ul>

        <h2 id="logowanie">Logowanie Profilem Zaufanym</h2>
        <ol>
          <li>
            Na stronie głównej systemu wybierz przycisk {/* a signed-in reader is not offered a second login */}
            {frame ? <strong>Zaloguj się/ Zarejestruj</strong> : <a href="/logowanie">Zaloguj się/ Zarejestruj</a>}.
          </li>
          <li>
            Wybierz opcję <strong>Profil Zaufany</strong>.
          </li>
          <li>
            Wpisz nazwę użytkownika lub adres e-mail oraz hasło do konta Profilu Zaufanego i wybierz <strong>Zaloguj się</strong>.
          </li>
          <li>
            Wpisz kod autoryzacyjny, który otrzymasz SMS-em na swój telefon, i wybierz <strong>Potwierdź</strong>. Kod jest generowany i wysyłany przy każdej
            próbie logowania.
          </li>
        </ol>
        <p>
          Logowanie Profilem Zaufanym zapewnia rozliczalność: każde działanie użytkownika w systemie można przypisać do osoby fizycznej i umiejscowić w czasie.
        </p>
        <p>
          Jeżeli nie masz Profilu Zaufanego, wybierz opcję <strong>Załącz profil</strong>, postępuj zgodnie z instrukcjami na kolejnych ekranach, uzupełnij
          wymagane pola i wybierz <strong>Zarejestruj się</strong>.
        </p>

        <h3>Pomoc w sprawie Profilu Zaufanego</h3>
        <p>Szczegółowe informacje o uzyskaniu Profilu Zaufanego znajdziesz:</p>
        <ul>
          <li>
            na stronie{' '}
            <a href="https://int.pz.gov.pl/pz/help" rel="noopener">
              pomocy Profilu Zaufanego
            </a>
            ;
          </li>
          <li>
            pod numerem telefonu <a href="tel:+48422535450">42 253 54 50</a>;
          </li>
          <li>
            pod adresem e-mail <a href="mailto:pz-pomoc@coi.gov.pl">pz-pomoc@coi.gov.pl</a>.
          </li>
        </ul>

        <h2 id="aktywacja">Aktywacja konta przy pierwszym logowaniu</h2>
        <ol>
          <li>
            Przy pierwszym logowaniu system sprawdza Twój numer PESEL z Profilu Zaufanego i szuka Twojego konta w Elektronicznej Platformie Logowania Ochrony
            Zdrowia (ePŁOZ). Może to potrwać kilka minut. Jeżeli konto zostanie odnalezione, jego dane zostaną przeniesione.
          </li>
          <li>
            Jeżeli system nie odnajdzie konta o Twoim numerze PESEL, wybierz <strong>Utwórz nowe konto bez migracji</strong>. Jeśli uważasz, że miałeś konto w
            ePŁOZ, sprawdź, czy masz do niego dostęp w{' '}
            <a href="https://eploz.ezdrowie.gov.pl" rel="noopener">
              systemie ePŁOZ
            </a>
            , i skontaktuj się z infolinią Centrum e-Zdrowia pod numerem <a href="tel:19239">19239</a> lub pod adresem{' '}
            <a href="mailto:logowanie@cez.gov.pl">logowanie@cez.gov.pl</a>. W zgłoszeniu podaj imię i nazwisko, 3 ostatnie cyfry numeru PESEL, login w systemie
            ePŁOZ oraz numer i kod zdarzenia wyświetlone na ekranie.
          </li>
          <li>
            Uzupełnij formularz <strong>Zaktualizuj informacje konta</strong>: wpisz dwukrotnie adres e-mail, potwierdź, że znasz Warunki korzystania z serwisu,
            i wybierz <strong>Zapisz</strong>.
          </li>
          <li>
            Odbierz wiadomość e-mail i kliknij link aktywacyjny. Jeżeli wiadomość nie dotarła, sprawdź folder ze spamem albo wybierz{' '}
            <strong>Chcę dostać nowy e-mail</strong>.
          </li>
        </ol>

        <h2 id="profil">Utworzenie profilu</h2>
        <p>
          Do pracy w systemie SSOZ II niezbędny jest co najmniej jeden aktywny profil. Jeden profil zawiera wszystkie role, które pełnisz w wybranej jednostce;
          w jednej jednostce możesz mieć tylko jeden profil. Po pierwszym zalogowaniu wybierz sposób utworzenia profilu.
        </p>

        <h3>Przeniesienie uprawnień z SSOZ I</h3>
        <p>
          Jeżeli masz konto w systemie SSOZ I, wybierz <strong>Przenoszę uprawnienia z SSOZ I</strong>, wpisz login i hasło konta SSOZ I i wybierz{' '}
          <strong>Dalej</strong>. Jeżeli system odnajdzie konto, utworzy aktywny profil z przypisanymi rolami i pokaże podsumowanie — w takim profilu możesz od
          razu pracować. Jeżeli dane nie zostaną odnalezione, możesz spróbować ponownie albo złożyć wniosek o nowy profil.
        </p>

        <h3>Wniosek o nowy profil</h3>
        <p>
          Jeżeli jesteś nowym użytkownikiem, wybierz <strong>Składam wniosek</strong> i przejdź 4 kroki:
        </p>
        <ol>
          <li>
            <strong>Wybór jednostki</strong> — wyszukaj jednostkę, w ramach której chcesz pracować (możesz wypełnić tylko wybrane pola wyszukiwarki), i wybierz
            ją z listy.
          </li>
          <li>
            <strong>Wybór ról i dane kontaktowe</strong> — wskaż role, które będziesz pełnić w jednostce, oraz podaj telefon i adres e-mail.
          </li>
          <li>
            <strong>Podsumowanie i zapisanie wniosku</strong> — zweryfikuj dane, w razie potrzeby je popraw, potwierdź zgodność danych ze stanem faktycznym i
            wybierz <strong>Zapisz wniosek</strong>.
          </li>
          <li>
            <strong>Pobranie wniosku</strong> — pobierz wniosek w formacie PDF. Każda wnioskowana rola otrzymuje osobny numer wniosku, a wszystkie numery
            znajdują się w jednym pliku.
          </li>
        </ol>

        <h3>Przekazanie podpisanego wniosku</h3>
        <p>
          Pobrany wniosek wymaga pieczęci jednostki, Twojego podpisu i podpisu kierownika jednostki. Podpisany wniosek przekaż do weryfikacji w jeden z
          następujących sposobów:
        </p>
        <ol>
          <li>załącz do systemu wniosek z pieczęcią podpisany elektronicznie;</li>
          <li>załącz do systemu skan lub zdjęcie wydrukowanego wniosku z pieczęcią jednostki i podpisami ręcznymi;</li>
          <li>wyślij wniosek mailem na adres wskazany w sekcji „Miejsce przekazania wniosku”;</li>
          <li>
            jeśli nie możesz przekazać wniosku drogą elektroniczną, wyślij wydrukowany dokument pocztą na adres wskazany w sekcji „Miejsce przekazania wniosku”.
          </li>
        </ol>
        <p>
          Dopuszczalne formaty załączanych plików to PDF i JPG. Każdy załączony plik jest skanowany pod kątem bezpieczeństwa; pliki uznane za niebezpieczne są
          usuwane z wniosku, a Ty otrzymasz o tym wiadomość e-mail. Podpisany wniosek możesz załączyć od razu albo później.
        </p>

        <h3>Oczekiwanie na akceptację</h3>
        <p>
          Po wybraniu <strong>Zakończ</strong> wniosek otrzymuje status oczekującego i trafia do osób uprawnionych do jego weryfikacji. O akceptacji lub
          odrzuceniu wniosku zostaniesz poinformowany wiadomością e-mail. Do czasu załączenia podpisanego pliku system będzie przypominał przy każdym logowaniu,
          które wnioski nie mają załącznika.
        </p>

        <h2 id="moje-konto">Moje konto</h2>
        <p>
          Widok <strong>Moje konto</strong> zawiera trzy obszary:
        </p>
        <ul>
          <li>
            <strong>Aktywne profile</strong> — profile, w których możesz pracować (opcja „Pracuj w profilu”);
          </li>
          <li>
            <strong>Oczekujące wnioski</strong> — złożone wnioski, do których możesz załączyć podpisany plik, pobrać wniosek albo go wycofać;
          </li>
          <li>
            <strong>Pozostałe profile</strong> — profile nieaktywne, odrzucone i zablokowane.
          </li>
        </ul>
        <p>
          Jeżeli masz kilka aktywnych profili, przed rozpoczęciem pracy wybierz ten, w którym chcesz pracować. Profil możesz też zmienić w menu użytkownika w
          prawym górnym rogu ekranu.
        </p>
        <p>
          Aby wnioskować o kolejne role w jednostce, w której masz już profil, rozwiń profil w obszarze <strong>Aktywne profile</strong> i wybierz{' '}
          <strong>Wnioskuj o inne role</strong>. Telefon i adres e-mail zmienisz w zakładce <strong>Dane kontaktowe użytkownika</strong> przyciskiem{' '}
          <strong>Edytuj dane kontaktowe</strong>; zmiana nie dotyczy danych konta Profilu Zaufanego.
        </p>
        <p>
          Wycofanie wniosku nadaje mu status „Odrzucony” z powodem „Wycofany przez wnioskującego”. Tej czynności nie można cofnąć — jedyną możliwością jest
          złożenie nowego wniosku.
        </p>

        <h2 id="wylogowanie">Wylogowanie</h2>
        <p>
          Po zakończeniu pracy wyloguj się z systemu, aby uniemożliwić przeglądanie danych osobom nieupoważnionym. Opcja <strong>Wyloguj się</strong> jest
          dostępna w menu użytkownika w prawym górnym rogu ekranu.
        </p>
        <Notice
          tone="warning"
          text="Ze względów bezpieczeństwa po 30 minutach bezczynności zostaniesz automatycznie wylogowany z systemu. Dalsze korzystanie z systemu będzie wymagało ponownego zalogowania."
        />

        <h2 id="pojecia">Profil, rola i uprawnienie</h2>
        <dl>
          <dt>Profil</dt>
          <dd>
            stanowi przypisanie Użytkownika do jednej określonej jednostki, Użytkownik staje się przedstawicielem jej w systemie, w ramach profilu Użytkownik
            otrzymuje co najmniej jedną rolę; w zależności od posiadanych ról system udostępnia mu widok z wybranymi modułami przeznaczonymi dla poszczególnych
            grup użytkowników w zależności od zakresu realizowanych zadań i potrzeb informacyjnych
          </dd>
          <dt>Rola</dt>
          <dd>funkcja sprawowana przez użytkownika w systemie, nazwa zbioru pojedynczych uprawnień</dd>
          <dt>Uprawnienie</dt>
          <dd>
            stanowi dostęp do lub możliwość wykonania operacji, uruchomienia funkcji, zezwolenie na dostęp do obiektu w systemie. Uprawnienie ma kod, nazwę oraz
            opis biznesowy
          </dd>
        </dl>

        <h3>Statusy profilu</h3>
        <dl data-qa="profile-statuses">
          {PROFILE_STATUSES.map((s) => (
            <>
              <dt safe>{s.name}</dt>
              <dd safe>{s.description}</dd>
            </>
          ))}
        </dl>
        <p>
          Status profilu wynika ze statusu wniosków dla tego profilu, statusu jednostki oraz działania uprawnionego użytkownika (administratora). Informacje o
          złożonych wnioskach, ich statusach oraz posiadanych profilach znajdziesz w widoku <strong>Moje konto</strong>.
        </p>

        <h2 id="role">Charakterystyka ról</h2>
        <p>
          Poniższe zestawienie zawiera listę ról, o które możesz wnioskować w SSOZ II w zależności od tego, czy jednostka, w ramach której posiadasz profil,
          jest w systemie zdefiniowana jako nadzorująca, sprawozdająca czy jednocześnie sprawozdająca i nadzorująca.
        </p>
      </div>

      {ROLE_GROUPS.map((g) => (
        <table class="table" data-qa={`roles-table-${g.unitClass}`}>
          <caption safe>{g.label}</caption>
          <thead>
            <tr>
              <th scope="col">Nazwa roli</th>
              <th scope="col">Opis roli</th>
            </tr>
          </thead>
          <tbody>
            {ROLES.filter((r) => r.unitClass === g.unitClass)
              .sort((a, b) => a.sortOrder - b.sortOrder)
              .map((r) => (
                <tr>
                  <th scope="row" safe>
                    {r.name}
                  </th>
                  <td safe>{r.description}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}

      <h2>Potrzebujesz dalszej pomocy?</h2>
      <p>
        Jeżeli nie znalazłeś odpowiedzi na swoje pytanie, <a href="/kontakt">skontaktuj się z nami</a>.
      </p>
    </PortalLayout>
  );
}
