import { formatDatePl } from '../../../lib/text.ts';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import type { ModuleTile } from '../../modules.ts';
import { homeMessages } from './messages.ts';

/** The statuses a reports tile counts, as the manual lists them on the home page. */
const REPORT_TILE_ITEMS: readonly (readonly [string, string])[] = [
  ['do_wypelnienia', 'Do wypełnienia'],
  ['do_weryfikacji', 'Do weryfikacji'],
  ['do_korekty', 'Do korekty'],
  ['zatwierdzone', 'Zatwierdzone'],
  ['wszystkie', 'Wszystkie'],
];

/** "Witaj w Systemie Statystyki w Ochronie Zdrowia": the first screen of a user without a profile. */
export function WelcomePage({ frame }: { frame: SignedInFrame }): JSX.Element {
  return (
    <SignedInLayout title="Witaj w Systemie Statystyki w Ochronie Zdrowia" frame={frame}>
      <h1 data-qa="page-welcome">Witaj w Systemie Statystyki w Ochronie Zdrowia</h1>
      <p class="lead">
        Zalogowałeś się do systemu SSOZ II przez swoje konto w e-PLOZ. Od dziś ono będzie służyć Ci do logowania do systemu. Do pracy w systemie SSOZ II
        niezbędne jest posiadanie przynajmniej jednego profilu. Jeden profil zawiera wszystkie role, które będziesz pełnił w wybranej jednostce (dla jednostki
        nie można mieć więcej niż jeden profil).
      </p>
      <h2>Wybierz sposób utworzenia profilu</h2>
      <div class="card-grid">
        <section class="card" aria-labelledby="choice-ssoz1">
          <h3 id="choice-ssoz1">Jeśli masz konto w systemie SSOZ I, przenieś uprawnienia do nowego profilu</h3>
          <p>Potrzebne będą login i hasło do konta w SSOZ I. W profilu od razu będziesz mógł pracować. Nie dotyczy to kont starszych niż 1 stycznia 2010 r.</p>
          <p>
            <a class="button button--secondary" href="/profil/przeniesienie" data-qa="choice-transfer">
              Przenoszę uprawnienia z SSOZ I
            </a>
          </p>
        </section>
        <section class="card" aria-labelledby="choice-new">
          <h3 id="choice-new">Jeśli jesteś nowym użytkownikiem, złóż wniosek o nowy profil w SSOZ II</h3>
          <p>Profil wymaga weryfikacji i będzie aktywny po przesłaniu i zaakceptowaniu podpisanego wniosku.</p>
          <p>
            <a class="button" href="/profil/wniosek" data-qa="choice-request">
              Składam wniosek
            </a>
          </p>
        </section>
      </div>
    </SignedInLayout>
  );
}

/** The portal home: the profile worked in, the modules its roles open (tiles come with those modules), news. */
export function HomePage(p: {
  frame: SignedInFrame;
  current: { unitName: string } | null;
  tiles: ModuleTile[];
  counts: { waitingRequests: number | null; reports: Record<string, number> | null };
  announcement: { title: string; body: string; publishedAt: Date | null } | null;
  notice?: string | undefined;
}): JSX.Element {
  return (
    <SignedInLayout title="Strona główna" frame={p.frame}>
      {p.notice ? <Notice tone="success" qa="home-notice" text={p.notice} /> : ''}
      <h1 data-qa="page-home">Witaj w Systemie Statystyki w Ochronie Zdrowia</h1>
      {p.current ? (
        <p class="lead" data-qa="current-profile">
          Jesteś obecnie zalogowany w profilu dla jednostki <strong safe>{p.current.unitName}</strong>
        </p>
      ) : (
        <Notice tone="info" qa="no-active-profile">
          <p>
            Nie masz jeszcze aktywnego profilu. Twoje wnioski czekają na weryfikację — ich stan sprawdzisz w widoku <a href="/moje-konto">Moje konto</a>.
          </p>
        </Notice>
      )}
      {p.tiles.length ? (
        <div class="card-grid" data-qa="module-tiles">
          {p.tiles.map((t, i) => (
            <section class="card" aria-labelledby={`tile-${i}`}>
              <h2 id={`tile-${i}`} safe>
                {t.title}
              </h2>
              {t.count === 'reports' && p.counts.reports ? (
                <ul data-qa="tile-report-counts">
                  {REPORT_TILE_ITEMS.map(([status, label]) => (
                    <li>
                      <a href={`${t.href}${status === 'wszystkie' ? '' : `?status=${status}`}`} data-qa={`tile-count-${status}`}>
                        <span safe>{label}</span>: <strong safe>{String(p.counts.reports?.[status] ?? 0)}</strong>
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                <ul>
                  {t.items.map((x) => (
                    <li safe>{x}</li>
                  ))}
                </ul>
              )}
              {t.count === 'waitingRequests' && p.counts.waitingRequests !== null ? (
                <p data-qa="tile-waiting">
                  {homeMessages.waitingRequests} <strong safe>{String(p.counts.waitingRequests)}</strong>
                </p>
              ) : (
                ''
              )}
              <p>
                <a href={t.href} safe>{`${t.linkLabel} >`}</a>
              </p>
            </section>
          ))}
        </div>
      ) : p.current ? (
        <Notice tone="info" qa="no-modules">
          <p>
            Role tego profilu nie otwierają jeszcze żadnego modułu w tej wersji systemu. Moduły sprawozdań i zarządzania pojawią się tutaj, gdy zostaną
            udostępnione dla Twoich ról. Stan swoich wniosków sprawdzisz w widoku <a href="/moje-konto">Moje konto</a>.
          </p>
        </Notice>
      ) : (
        ''
      )}
      {p.announcement ? (
        <section class="card" aria-labelledby="news-title" data-qa="latest-announcement">
          <h2 id="news-title">Najnowszy komunikat</h2>
          <h3 safe>{p.announcement.title}</h3>
          <p class="muted" safe>
            {formatDatePl(p.announcement.publishedAt)}
          </p>
          {p.announcement.body.split(/\n\s*\n/).map((paragraph) => (
            <p safe>{paragraph}</p>
          ))}
        </section>
      ) : (
        ''
      )}
    </SignedInLayout>
  );
}
