import { Notice } from '../components/Notice/Notice.tsx';
import { Layout } from '../layouts/Layout.tsx';

/** "Strona główna" before login: what SSOZ II is and the manual's "Zaloguj się/ Zarejestruj". */
export function LandingPage({ notice }: { notice?: string | undefined }): JSX.Element {
  return (
    <Layout title="Strona główna">
      {notice ? <Notice tone="success" qa="landing-notice" text={notice} /> : ''}
      <section class="hero" aria-labelledby="hero-title">
        <h1 id="hero-title" data-qa="page-landing">
          System Statystyki w Ochronie Zdrowia
        </h1>
        <p class="lead">
          SSOZ II służy jednostkom ochrony zdrowia do składania sprawozdań statystycznych, a urzędom wojewódzkim, instytutom i stacjom
          sanitarno-epidemiologicznym do ich weryfikacji.
        </p>
        <p>
          <a class="button" href="/logowanie" data-qa="login-button">
            Zaloguj się/ Zarejestruj
          </a>
        </p>
        <p class="muted">Logowanie odbywa się za pomocą Profilu Zaufanego.</p>
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title">Jak zacząć pracę w systemie</h2>
        <ol class="prose">
          <li>Zaloguj się Profilem Zaufanym i potwierdź logowanie kodem autoryzacyjnym z wiadomości SMS.</li>
          <li>Przy pierwszym logowaniu aktywuj konto: uzupełnij dane konta i potwierdź adres e-mail.</li>
          <li>Utwórz profil w swojej jednostce: przenieś uprawnienia z SSOZ I albo złóż wniosek o nowy profil i wybrane role.</li>
          <li>Pobierz wniosek (PDF), podpisz go i przekaż do weryfikacji. Po akceptacji możesz pracować w profilu.</li>
        </ol>
        <p>
          <a href="/pomoc">Przeczytaj jak korzystać z systemu</a>
        </p>
      </section>

      <section aria-labelledby="req-title">
        <h2 id="req-title">Czego potrzebujesz</h2>
        <ul class="prose">
          <li>Urządzenia z przeglądarką internetową (np. Chrome, Firefox, Edge) i dostępem do Internetu.</li>
          <li>Aplikacji do otwierania plików PDF.</li>
          <li>Programu antywirusowego z aktualną bazą definicji wirusów.</li>
          <li>Profilu Zaufanego.</li>
        </ul>
        <Notice
          tone="info"
          text="Nie zaleca się korzystania z otwartych sieci internetowych (np. sieci Wi-Fi w restauracjach czy na lotniskach). Po każdym wdrożeniu nowej wersji systemu wyczyść pamięć podręczną przeglądarki."
        />
      </section>
    </Layout>
  );
}
