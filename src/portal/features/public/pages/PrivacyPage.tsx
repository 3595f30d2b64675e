import { Notice } from '../../../../views/components/Notice/Notice.tsx';
import { PortalLayout, type SignedInFrame } from '../../../../views/layouts/SignedInLayout.tsx';

const TITLE = 'Polityka prywatności';

/** Information on processing personal data (RODO art. 13 and 14) and on cookies. */
export function PrivacyPage({ frame }: { frame?: SignedInFrame | null } = {}): JSX.Element {
  return (
    <PortalLayout frame={frame} title={TITLE} breadcrumbs={[{ href: '/', label: 'Strona główna' }, { label: TITLE }]}>
      <h1 data-qa="page-polityka-prywatnosci">Polityka prywatności</h1>
      <p class="lead">
        Informacja o przetwarzaniu danych osobowych użytkowników Systemu Statystyki w Ochronie Zdrowia (SSOZ II), przekazywana zgodnie z art. 13 i 14
        rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia 2016 r. (RODO), oraz informacja o plikach cookie używanych przez portal.
      </p>

      <Notice
        tone="info"
        text="Ta strona należy do instancji otwartoźródłowej implementacji systemu SSOZ II. Administratorem danych osobowych przetwarzanych w tej instancji systemu jest podmiot, który ją prowadzi; w instancji demonstracyjnej dane są fikcyjne."
      />

      <div class="prose">
        <h2>Administrator danych</h2>
        <p>
          Administratorem danych osobowych przetwarzanych w tej instancji systemu jest podmiot, który ją prowadzi. W instancji demonstracyjnej wszystkie konta,
          jednostki i wnioski są fikcyjne, logowanie Profilem Zaufanym jest symulowane, a wiadomości e-mail i SMS nie są wysyłane poza system — trafiają do
          skrzynki demonstracyjnej. Nie wpisuj w instancji demonstracyjnej prawdziwych danych osobowych.
        </p>
        <p>W systemie działającym w resorcie zdrowia odpowiedzialność za dane jest podzielona następująco:</p>
        <ul>
          <li>
            <strong>Minister Zdrowia</strong> — jako autor badań statystycznych statystyki publicznej z zakresu ochrony zdrowia decyduje o celach i sposobach
            przetwarzania danych zbieranych w sprawozdaniach i w związku z ich przekazywaniem;
          </li>
          <li>
            <strong>Centrum e-Zdrowia</strong> (ul. Stanisława Dubois 5A, 00-184 Warszawa) — utrzymuje system, usługę logowania UEOZ i obsługę użytkowników;
            przetwarza dane jako podmiot przetwarzający na podstawie powierzenia przez Ministra Zdrowia albo jako współadministrator, jeżeli tak stanowi
            porozumienie zawarte zgodnie z art. 26 RODO.
          </li>
        </ul>

        <h2>Inspektor ochrony danych</h2>
        <p>
          W sprawach dotyczących przetwarzania danych osobowych w tej instancji systemu możesz skontaktować się z inspektorem ochrony danych podmiotu, który ją
          prowadzi: e-mail <a href="mailto:iod@ssoz.example.pl">iod@ssoz.example.pl</a> albo pisemnie na adres siedziby tego podmiotu, z dopiskiem „Inspektor
          ochrony danych”. Możesz też skorzystać z formularza na stronie <a href="/kontakt">Skontaktuj się z nami</a>, wybierając temat „Inne”.
        </p>

        <h2>Jakie dane przetwarzamy i skąd je mamy</h2>
        <ul>
          <li>
            <strong>imię, nazwisko i numer PESEL</strong> — otrzymujemy z Profilu Zaufanego przy logowaniu; służą do powiązania konta z osobą fizyczną i nie
            można ich zmienić w systemie;
          </li>
          <li>
            <strong>login i adres e-mail konta</strong> — podajesz przy aktywacji konta albo przenosimy je z konta w Elektronicznej Platformie Logowania Ochrony
            Zdrowia (ePŁOZ), jeżeli takie konto istnieje dla Twojego numeru PESEL;
          </li>
          <li>
            <strong>numer telefonu i adres e-mail w jednostce</strong> — podajesz we wniosku o profil lub o role i możesz je zmienić w zakładce „Dane kontaktowe
            użytkownika”;
          </li>
          <li>
            <strong>jednostka, profile, role i wnioski o role</strong> — wraz z numerami wniosków, ich statusami, decyzjami osób weryfikujących oraz załączonymi
            podpisanymi wnioskami (plikami PDF, skanami i zdjęciami);
          </li>
          <li>
            <strong>dane z systemu SSOZ I</strong> — login, jednostka i role, jeżeli przenosisz uprawnienia z SSOZ I;
          </li>
          <li>
            <strong>logi zdarzeń</strong> — kto, kiedy i jaką operację wykonał w systemie, wraz z adresem IP i identyfikatorem zgłoszenia; hasła ani kody SMS
            nie są zapisywane w logach.
          </li>
        </ul>
        <p>
          Dane dotyczące jednostek (nazwa, NIP, REGON, numer księgi rejestrowej, adres) pochodzą z rejestrów publicznych, w tym z Rejestru Podmiotów
          Wykonujących Działalność Leczniczą.
        </p>

        <h2>Cele i podstawy prawne przetwarzania</h2>
        <ul>
          <li>
            <strong>założenie i prowadzenie konta, uwierzytelnienie użytkownika, utworzenie profilu oraz rozpatrzenie wniosków o role</strong> — art. 6 ust. 1
            lit. e RODO (wykonanie zadania realizowanego w interesie publicznym) w związku z ustawą z dnia 28 kwietnia 2011 r. o systemie informacji w ochronie
            zdrowia;
          </li>
          <li>
            <strong>przekazywanie, weryfikacja i opracowywanie sprawozdań statystycznych</strong> — art. 6 ust. 1 lit. c RODO (obowiązek prawny) w związku z
            ustawą z dnia 29 czerwca 1995 r. o statystyce publicznej i programem badań statystycznych statystyki publicznej;
          </li>
          <li>
            <strong>zapewnienie bezpieczeństwa systemu i rozliczalności działań użytkowników</strong> — art. 6 ust. 1 lit. c i e RODO w związku z art. 5 ust. 2
            i art. 32 RODO;
          </li>
          <li>
            <strong>powiadomienia o stanie wniosków i odpowiedzi na zgłoszenia</strong> — art. 6 ust. 1 lit. e RODO.
          </li>
        </ul>
        <p>
          Podanie danych jest warunkiem korzystania z systemu: bez nich nie można założyć konta, otrzymać profilu ani przekazywać sprawozdań. Obowiązek
          przekazywania danych statystycznych wynika z ustawy o statystyce publicznej.
        </p>
        <p>
          Twoje dane nie służą do zautomatyzowanego podejmowania decyzji ani do profilowania. O przyznaniu roli decyduje zawsze osoba uprawniona do weryfikacji
          wniosku.
        </p>

        <h2>Odbiorcy danych</h2>
        <ul>
          <li>
            użytkownicy jednostek nadzorujących i Centrum e-Zdrowia, którzy weryfikują wnioski o role (na przykład administrator urzędu wojewódzkiego) —
            wyłącznie w zakresie wniosków skierowanych do ich jednostki;
          </li>
          <li>
            podmioty, które na zlecenie administratora świadczą usługi utrzymania infrastruktury informatycznej, wysyłki wiadomości e-mail i SMS — na podstawie
            umów powierzenia przetwarzania danych;
          </li>
          <li>organy publiczne uprawnione do otrzymania danych na podstawie przepisów prawa.</li>
        </ul>
        <p>Dane nie są przekazywane do państw spoza Europejskiego Obszaru Gospodarczego ani do organizacji międzynarodowych.</p>

        <h2>Jak długo przechowujemy dane</h2>
        <ul>
          <li>
            dane konta, profili i wniosków o role — przez okres korzystania z systemu, a po jego zakończeniu przez okres wynikający z przepisów o narodowym
            zasobie archiwalnym i archiwach;
          </li>
          <li>logi zdarzeń — przez okres niezbędny do zapewnienia rozliczalności i wyjaśnienia incydentów bezpieczeństwa;</li>
          <li>ciasteczka sesji — do wylogowania albo do upływu 30 minut bezczynności;</li>
          <li>w instancji demonstracyjnej — do ponownego załadowania danych demonstracyjnych.</li>
        </ul>

        <h2>Twoje prawa</h2>
        <p>Masz prawo do:</p>
        <ul>
          <li>dostępu do swoich danych i otrzymania ich kopii (art. 15 RODO);</li>
          <li>sprostowania danych (art. 16 RODO) — dane kontaktowe możesz poprawić samodzielnie w widoku „Moje konto”;</li>
          <li>ograniczenia przetwarzania (art. 18 RODO);</li>
          <li>wniesienia sprzeciwu wobec przetwarzania danych na podstawie art. 6 ust. 1 lit. e RODO (art. 21 RODO);</li>
          <li>
            wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa), jeżeli uważasz, że przetwarzanie Twoich danych narusza
            przepisy RODO.
          </li>
        </ul>
        <p>
          Prawo do usunięcia danych i prawo do ich przenoszenia nie przysługują w zakresie, w jakim dane są przetwarzane w celu wypełnienia obowiązku prawnego
          albo wykonania zadania w interesie publicznym (art. 17 ust. 3 lit. b i art. 20 RODO).
        </p>

        <h2>Pliki cookie</h2>
        <p>
          Portal używa wyłącznie ciasteczek niezbędnych do działania systemu, dlatego nie prosi o zgodę na ich zapisanie. Nie używamy ciasteczek analitycznych,
          reklamowych ani ciasteczek podmiotów trzecich. Wszystkie zasoby strony (style, skrypty, ikony) pochodzą z tego samego serwera.
        </p>
      </div>

      <table class="table">
        <caption>Ciasteczka zapisywane przez portal</caption>
        <thead>
          <tr>
            <th scope="col">Ciasteczko</th>
            <th scope="col">Cel</th>
            <th scope="col">Czas przechowywania</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Ciasteczko sesji portalu SSOZ II</th>
            <td>Utrzymuje zalogowanie i zapamiętuje wybrany profil pracy.</td>
            <td>Do wylogowania albo do upływu 30 minut bezczynności.</td>
          </tr>
          <tr>
            <th scope="row">Ciasteczko sesji usługi logowania UEOZ</th>
            <td>Potwierdza, że zalogowałeś się Profilem Zaufanym, na czas trwania logowania i aktywacji konta.</td>
            <td>Do wylogowania albo do zakończenia sesji logowania.</td>
          </tr>
          <tr>
            <th scope="row">Ciasteczko ochrony formularzy (CSRF)</th>
            <td>Chroni formularze przed wysłaniem ich w Twoim imieniu przez inną stronę internetową.</td>
            <td>Do zamknięcia przeglądarki.</td>
          </tr>
        </tbody>
      </table>

      <div class="prose">
        <h2>Bezpieczeństwo danych</h2>
        <ul>
          <li>połączenia z systemem są szyfrowane (HTTPS);</li>
          <li>użytkownicy logują się Profilem Zaufanym z kodem autoryzacyjnym wysyłanym SMS-em, co wiąże każde konto z osobą fizyczną;</li>
          <li>dziennik zdarzeń zapewnia rozliczalność: każde działanie w systemie jest przypisane do osoby fizycznej i umiejscowione w czasie;</li>
          <li>dostęp do danych zależy od profilu i ról użytkownika w jednostce;</li>
          <li>załączane pliki są skanowane pod kątem bezpieczeństwa, a pliki niebezpieczne są usuwane z wniosku;</li>
          <li>po 30 minutach bezczynności użytkownik jest automatycznie wylogowywany.</li>
        </ul>
        <p>Po zakończeniu pracy wyloguj się z systemu, aby uniemożliwić przeglądanie danych osobom nieupoważnionym.</p>
      </div>
    </PortalLayout>
  );
}
