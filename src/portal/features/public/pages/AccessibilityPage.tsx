import { PortalLayout, type SignedInFrame } from '../../../../views/layouts/SignedInLayout.tsx';

const TITLE = 'Deklaracja dostępności';

/**
 * Accessibility statement in the structure required by the act of 4 April 2019 on digital
 * accessibility, with the element ids (a11y-*) that gov.pl statements use, so that the
 * statement can be read by the monitoring tools that look for them.
 */
export function AccessibilityPage({ frame }: { frame?: SignedInFrame | null } = {}): JSX.Element {
  return (
    <PortalLayout frame={frame} title={TITLE} breadcrumbs={[{ href: '/', label: 'Strona główna' }, { label: TITLE }]}>
      <h1 data-qa="page-deklaracja-dostepnosci">Deklaracja dostępności</h1>

      <div class="prose">
        <p id="a11y-wstep">
          <span id="a11y-podmiot">Centrum e-Zdrowia</span> zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z przepisami ustawy z dnia 4
          kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy strony
          internetowej{' '}
          <a id="a11y-url" href="/">
            System Statystyki w Ochronie Zdrowia (SSOZ II)
          </a>
          .
        </p>
        <p class="muted">
          Deklaracja dotyczy tej instancji otwartoźródłowej implementacji systemu SSOZ II. Instytucja, która uruchamia własną instancję, publikuje deklarację
          dostępności we własnym imieniu.
        </p>
        <ul>
          <li>
            Data publikacji strony internetowej:{' '}
            <time id="a11y-data-publikacja" datetime="2026-11-25">
              2026-11-25
            </time>
          </li>
          <li>
            Data ostatniej istotnej aktualizacji:{' '}
            <time id="a11y-data-aktualizacja" datetime="2026-11-25">
              2026-11-25
            </time>
          </li>
        </ul>

        <h2>Stan dostępności cyfrowej</h2>
        <p id="a11y-status">
          Strona internetowa jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów
          publicznych z powodu niezgodności lub wyłączeń wymienionych poniżej.
        </p>

        <h3>Co jest dostępne</h3>
        <ul>
          <li>strony są generowane po stronie serwera i działają bez włączonej obsługi JavaScript;</li>
          <li>całą stronę można obsłużyć za pomocą klawiatury, a element, na którym jest fokus, jest wyraźnie wyróżniony;</li>
          <li>na początku każdej strony jest odnośnik „Przejdź do treści”, który pomija nagłówek;</li>
          <li>
            formularze mają widoczne etykiety, a po wysłaniu formularza z błędami na początku strony pojawia się podsumowanie błędów z odnośnikami do pól, przy
            polach — opisy błędów, a tytuł strony zaczyna się od słowa „Błąd”;
          </li>
          <li>treść jest zorganizowana za pomocą nagłówków, list i tabel z opisanymi nagłówkami kolumn;</li>
          <li>kolory tekstu i tła mają kontrast co najmniej 4,5:1, a strona działa po powiększeniu do 200% i na telefonie;</li>
          <li>
            każda strona jest sprawdzana automatycznie narzędziem axe-core w ramach testów systemu; testy przechodzą tylko wtedy, gdy narzędzie nie wykryje
            żadnych naruszeń.
          </li>
        </ul>

        <h3>Treści niedostępne</h3>
        <ul>
          <li>
            Wnioski o dostęp w formacie PDF generowane przez system mogą nie być w pełni dostępne: nie mają kompletnej struktury znaczników (tagów), więc
            czytniki ekranu mogą odczytywać je w niewłaściwej kolejności. Te same dane, które zawiera wniosek, są dostępne w systemie w widoku „Moje konto”.
          </li>
          <li>
            Ostrzeżenie o zbliżającym się automatycznym wylogowaniu po 30 minutach bezczynności, z możliwością przedłużenia sesji, wymaga włączonej obsługi
            JavaScript. Bez niej sesja wygasa bez ostrzeżenia.
          </li>
        </ul>

        <h3>Wyłączenia</h3>
        <ul>
          <li>
            Pliki załączane przez użytkowników (skany i zdjęcia podpisanych wniosków) są treściami pochodzącymi od stron trzecich i nie podlegają wymaganiom
            ustawy.
          </li>
          <li>
            Strony logowania Profilu Zaufanego i Krajowego Węzła Identyfikacji Elektronicznej (login.gov.pl) są prowadzone przez inne podmioty i mają własne
            deklaracje dostępności.
          </li>
        </ul>

        <h2>Przygotowanie deklaracji dostępności</h2>
        <p>
          Deklarację sporządzono dnia{' '}
          <time id="a11y-data-sporzadzenie" datetime="2026-11-25">
            2026-11-25
          </time>
          .
        </p>
        <p>
          Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny, wspartej automatycznymi testami wszystkich stron narzędziem
          axe-core. Testy automatyczne nie wykrywają wszystkich problemów, dlatego zgłoszenia użytkowników są dla nas szczególnie ważne.
        </p>

        <h2>Skróty klawiaturowe</h2>
        <p>
          Strona nie ma własnych skrótów klawiaturowych, więc nie zakłóca skrótów przeglądarki ani technologii wspomagających. Możesz korzystać ze standardowych
          skrótów przeglądarki. Po naciśnięciu klawisza Tab na początku strony pojawia się odnośnik „Przejdź do treści”.
        </p>

        <h2 id="a11y-kontakt">Informacje zwrotne i dane kontaktowe</h2>
        <p>
          Jeżeli zauważysz problem z dostępnością cyfrową strony, napisz do nas. Za rozpatrywanie uwag i wniosków odpowiada{' '}
          <span id="a11y-osoba">koordynator do spraw dostępności</span>. Możesz się z nim skontaktować, pisząc na adres e-mail{' '}
          <a id="a11y-email" href="mailto:dostepnosc@ssoz.example.pl">
            dostepnosc@ssoz.example.pl
          </a>
          , dzwoniąc na infolinię Centrum e-Zdrowia pod numer{' '}
          <a id="a11y-telefon" href="tel:19239">
            19239
          </a>{' '}
          albo korzystając z formularza na stronie <a href="/kontakt">Skontaktuj się z nami</a> (temat „Dostępność serwisu”). Tą samą drogą można składać
          wnioski o udostępnienie informacji niedostępnej oraz składać skargi na brak zapewnienia dostępności.
        </p>

        <h2 id="a11y-procedura">Procedura wnioskowa</h2>
        <p>
          Każdy ma prawo do wystąpienia z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jakiegoś jej elementu. Można także zażądać
          udostępnienia informacji za pomocą alternatywnego sposobu dostępu, na przykład przez odczytanie niedostępnego cyfrowo dokumentu, opisanie zawartości
          filmu bez audiodeskrypcji itp.
        </p>
        <p>Żądanie powinno zawierać:</p>
        <ul>
          <li>dane osoby zgłaszającej żądanie,</li>
          <li>wskazanie, o którą stronę internetową lub element strony chodzi,</li>
          <li>sposób kontaktu,</li>
          <li>
            jeżeli osoba żądająca zgłasza potrzebę otrzymania informacji za pomocą alternatywnego sposobu dostępu — także określenie dogodnego dla niej sposobu
            przedstawienia tej informacji.
          </li>
        </ul>
        <p>
          Podmiot publiczny zrealizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia wystąpienia z żądaniem. Jeżeli dotrzymanie tego terminu nie
          jest możliwe, podmiot publiczny niezwłocznie informuje o tym wnoszącego żądanie, kiedy realizacja żądania będzie możliwa, przy czym termin ten nie
          może być dłuższy niż 2 miesiące od dnia wystąpienia z żądaniem. Jeżeli zapewnienie dostępności cyfrowej nie jest możliwe, podmiot publiczny może
          zaproponować alternatywny sposób dostępu do informacji.
        </p>
        <p>
          W przypadku, gdy podmiot publiczny odmówi realizacji żądania zapewnienia dostępności lub alternatywnego sposobu dostępu do informacji, wnoszący
          żądanie może złożyć skargę w sprawie zapewniania dostępności cyfrowej strony internetowej lub jej elementu. Po wyczerpaniu wskazanej procedury można
          także złożyć wniosek do{' '}
          <a href="https://bip.brpo.gov.pl/" rel="noopener">
            Rzecznika Praw Obywatelskich
          </a>
          .
        </p>

        <h2>Dostępność architektoniczna</h2>
        <div id="a11y-architektura">
          <p>
            Informacje w tej części dotyczą siedziby operatora systemu — Centrum e-Zdrowia, ul. Stanisława Dubois 5A, 00-184 Warszawa. Sprawy związane z
            systemem SSOZ II można załatwić w całości elektronicznie, bez wizyty w siedzibie.
          </p>
          <ul>
            <li>Przed wizytą w siedzibie skontaktuj się z nami telefonicznie lub mailowo — ustalimy termin i sposób obsługi dostosowany do Twoich potrzeb.</li>
            <li>Do budynku i wszystkich jego pomieszczeń można wejść z psem asystującym.</li>
            <li>
              Jeżeli potrzebujesz tłumacza polskiego języka migowego, zgłoś to co najmniej 3 dni robocze przed wizytą, zgodnie z ustawą z dnia 19 sierpnia 2011
              r. o języku migowym i innych środkach komunikowania się.
            </li>
          </ul>
        </div>

        <h2>Aplikacje mobilne</h2>
        <p id="a11y-aplikacje">System SSOZ II nie ma aplikacji mobilnych.</p>
      </div>
    </PortalLayout>
  );
}
