import { PortalLayout, type SignedInFrame } from '../../../../views/layouts/SignedInLayout.tsx';

const TITLE = 'Mapa strony';

/** Public pages as links; what opens after logging in as plain text for visitors (those pages need a session). */
export function SitemapPage({ frame }: { frame?: SignedInFrame | null } = {}): JSX.Element {
  return (
    <PortalLayout frame={frame} title={TITLE} breadcrumbs={[{ href: '/', label: 'Strona główna' }, { label: TITLE }]}>
      <h1 data-qa="page-mapa-strony">Mapa strony</h1>
      <p class="lead">Spis stron Systemu Statystyki w Ochronie Zdrowia (SSOZ II).</p>

      <h2>Strony dostępne bez logowania</h2>
      <ul data-qa="sitemap-public">
        <li>
          <a href="/">Strona główna</a>
          <ul>
            {frame ? (
              ''
            ) : (
              <li>
                <a href="/logowanie">Zaloguj się/ Zarejestruj</a>
              </li>
            )}
            <li>
              <a href="/pomoc">Pomoc — jak korzystać z systemu</a>
            </li>
            <li>
              <a href="/kontakt">Skontaktuj się z nami</a>
            </li>
            <li>
              <a href="/polityka-prywatnosci">Polityka prywatności</a>
            </li>
            <li>
              <a href="/deklaracja-dostepnosci">Deklaracja dostępności</a>
            </li>
            <li>
              <a href="/mapa-strony" aria-current="page">
                Mapa strony
              </a>
            </li>
          </ul>
        </li>
      </ul>

      <h2>Strony dostępne po zalogowaniu</h2>
      {frame ? '' : <p>Poniższe strony otworzysz po zalogowaniu się do systemu Profilem Zaufanym.</p>}
      <ul data-qa="sitemap-private">
        <li>
          {frame ? <a href="/moje-konto">Moje konto</a> : 'Moje konto'} — wybór aktywnego profilu, w którym chcesz pracować
          <ul>
            <li>Aktywne profile</li>
            <li>Oczekujące wnioski</li>
            <li>Pozostałe profile</li>
            <li>Wniosek o nowe role do profilu</li>
            <li>Dane kontaktowe użytkownika</li>
          </ul>
        </li>
        <li>
          Wniosek o nowy profil
          <ol>
            <li>Wybór jednostki</li>
            <li>Wybór ról i dane kontaktowe</li>
            <li>Podsumowanie i zapisanie wniosku</li>
            <li>Pobranie wniosku</li>
          </ol>
        </li>
        <li>
          Przeniesienie uprawnień z SSOZ I
          <ol>
            <li>Login i hasło konta SSOZ I</li>
            <li>Podsumowanie i aktywacja profilu</li>
          </ol>
        </li>
      </ul>
    </PortalLayout>
  );
}
