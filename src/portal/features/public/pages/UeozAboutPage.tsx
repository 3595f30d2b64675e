import { Layout } from '../../../../views/layouts/Layout.tsx';

const TITLE = 'Czym są Usługi Elektroniczne Ochrony Zdrowia?';

/** "Czym są UEOZ?" of the identity service, built from the manual's UEOZ and e-PŁOZ paragraphs. */
export function UeozAboutPage(): JSX.Element {
  return (
    <Layout title={TITLE} variant="ueoz" breadcrumbs={[{ href: '/', label: 'Strona główna' }, { label: TITLE }]}>
      <h1 data-qa="page-czym-sa-ueoz">Czym są Usługi Elektroniczne Ochrony Zdrowia?</h1>
      <p class="lead">
        Na Usługi Elektroniczne Ochrony Zdrowia (UEOZ) składają się systemy i rejestry, które prowadzi Centrum e-Zdrowia, oraz Elektroniczna Platforma Logowania
        Ochrony Zdrowia (e-PŁOZ). Dzięki e-PŁOZ możesz zalogować się przy pomocy tego samego loginu i hasła do systemów Centrum e-Zdrowia.
      </p>

      <div class="prose">
        <h2>Elektroniczna Platforma Logowania Ochrony Zdrowia</h2>
        <p>
          e-PŁOZ to platforma umożliwiająca logowanie do systemów i rejestrów prowadzonych przez Centrum e-Zdrowia za pomocą utworzonego loginu i hasła. Jedno
          konto służy do pracy w wielu systemach, między innymi w Systemie Statystyki w Ochronie Zdrowia (SSOZ II).
        </p>
        <p>
          Do systemów i rejestrów Centrum e-Zdrowia możesz zalogować się również z wykorzystaniem usług identyfikacji tożsamości w Internecie udostępnianych
          przez Krajowy Węzeł Identyfikacji Elektronicznej (login.gov.pl). Warunkiem zalogowania się za pośrednictwem Węzła Krajowego jest posiadanie konta na
          e-PŁOZ.
        </p>

        <h2>Dlaczego logujesz się Profilem Zaufanym</h2>
        <p>
          Systemy udostępniane przez administrację publiczną muszą zapewniać rozliczalność użytkowników, czyli możliwość przypisania każdego działania w
          systemie do osoby fizycznej i umiejscowienia go w czasie. W administracji publicznej systemem, który wiąże osobę fizyczną z kontem użytkownika i
          zapewnia właściwy poziom bezpieczeństwa uwierzytelnienia, jest Profil Zaufany. Przy każdym logowaniu potwierdzasz swoją tożsamość kodem autoryzacyjnym
          wysyłanym SMS-em.
        </p>

        <h2>Pierwsze logowanie i migracja konta</h2>
        <p>
          Przy pierwszym logowaniu Profilem Zaufanym konto w UEOZ trzeba aktywować. W związku z migracją danych między portalami ePŁOZ i UEOZ system wyszukuje
          Twoje dotychczasowe konto w ePŁOZ na podstawie numeru PESEL. Może to potrwać kilka minut.
        </p>
        <ul>
          <li>Jeżeli konto zostanie odnalezione, jego dane zostaną przeniesione do UEOZ i dalej będziesz pracować w systemach Centrum e-Zdrowia.</li>
          <li>
            Jeżeli konta nie ma, prawdopodobnie wcześniej nie korzystałeś z ePŁOZ, tylko logowałeś się bezpośrednio w Rejestrze Podmiotów Wykonujących
            Działalność Leczniczą (RPWDL). Wtedy utworzysz nowe konto w UEOZ bez migracji.
          </li>
        </ul>
        <p>
          Następnie uzupełnisz informacje konta (adres e-mail i akceptacja Warunków korzystania z serwisu) i potwierdzisz adres e-mail, klikając link
          aktywacyjny z wiadomości, którą od nas otrzymasz. Dopiero wtedy konto jest aktywne.
        </p>

        <h2>Gdzie szukać pomocy</h2>
        <p>
          Jeżeli uważasz, że miałeś konto w ePŁOZ, a system go nie odnalazł, sprawdź, czy masz do niego dostęp w systemie{' '}
          <a href="https://eploz.ezdrowie.gov.pl" rel="noopener">
            ePŁOZ
          </a>
          , a następnie skontaktuj się z infolinią Centrum e-Zdrowia pod numerem <a href="tel:19239">19239</a> lub pod adresem e-mail{' '}
          <a href="mailto:logowanie@cez.gov.pl">logowanie@cez.gov.pl</a>. W zgłoszeniu podaj imię i nazwisko, 3 ostatnie cyfry numeru PESEL oraz login w
          systemie ePŁOZ.
        </p>
        <ul>
          <li>
            <a href="/pomoc">Pomoc — jak korzystać z systemu</a>
          </li>
          <li>
            <a href="/ueoz/warunki-korzystania">Warunki korzystania z serwisu</a>
          </li>
          <li>
            <a href="/polityka-prywatnosci">Polityka prywatności</a>
          </li>
        </ul>
      </div>
    </Layout>
  );
}
