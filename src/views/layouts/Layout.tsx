import type { PropsWithChildren } from '@kitajs/html';

export interface LayoutProps {
  /** page title without the site name */
  title: string;
  /** prefixes "Błąd: " to <title> when the form on the page has errors */
  hasErrors?: boolean;
  /** breadcrumbs like the manual's "Strona główna » …" */
  breadcrumbs?: readonly { href?: string; label: string }[];
  /** extra content for the header's right side (user menu once logged in) */
  headerRight?: JSX.Element;
  /** "Czym są UEOZ?" look for the identity-provider pages */
  variant?: 'portal' | 'ueoz';
  /** a logged-in user's session: warns 2 minutes before the idle timeout (app.js "session-timeout") */
  session?: { idleExpiresAt: string; csrf: string };
}

export const SITE_NAME = 'SSOZ System Statystyki w Ochronie Zdrowia';

function Footer({ variant }: { variant: 'portal' | 'ueoz' }): JSX.Element {
  if (variant === 'ueoz') {
    return (
      <footer class="site-footer" data-qa="footer">
        <div class="container">
          <nav aria-label="Stopka UEOZ">
            <ul class="footer-links">
              <li>
                <a href="/ueoz/czym-sa-ueoz">Czym są UEOZ?</a>
              </li>
              <li>
                <a href="/pomoc">Pomoc</a>
              </li>
              <li>
                <a href="/ueoz/warunki-korzystania">Warunki korzystania z serwisu</a>
              </li>
              <li>
                <a href="/polityka-prywatnosci">Polityka prywatności</a>
              </li>
              <li>
                <a href="/deklaracja-dostepnosci">Deklaracja dostępności</a>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    );
  }
  return (
    <footer class="site-footer" data-qa="footer">
      <div class="container footer-grid">
        <div>
          <p class="footer-brand">
            <span class="brand-mark">SSOZ</span> System Statystyki w Ochronie Zdrowia
          </p>
          <nav aria-label="Stopka">
            <ul class="footer-links">
              <li>
                <a href="https://www.gov.pl/web/zdrowie" rel="noopener">
                  Ministerstwo Zdrowia
                </a>
              </li>
              <li>
                <a href="https://cez.gov.pl" rel="noopener">
                  Centrum e-Zdrowia
                </a>
              </li>
              <li>
                <a href="/deklaracja-dostepnosci">Deklaracja dostępności</a>
              </li>
              <li>
                <a href="/polityka-prywatnosci">Polityka prywatności</a>
              </li>
              <li>
                <a href="/mapa-strony">Mapa strony</a>
              </li>
            </ul>
          </nav>
        </div>
        <div class="footer-help">
          <p>Masz pytania związane z działaniem systemu?</p>
          <p>
            <a href="/pomoc">Przeczytaj jak z niego korzystać</a> lub
          </p>
          <p>
            <a class="button button--secondary" href="/kontakt">
              Skontaktuj się z nami
            </a>
          </p>
        </div>
      </div>
    </footer>
  );
}

export function Layout(props: PropsWithChildren<LayoutProps>): JSX.Element {
  const variant = props.variant ?? 'portal';
  // rendered markup from a component (already escaped), hence the safe* name the XSS scan trusts
  const safeHeaderRight = props.headerRight ?? '';
  const fullTitle = `${props.hasErrors ? 'Błąd: ' : ''}${props.title} – ${variant === 'ueoz' ? 'UEOZ' : 'SSOZ II'}`;
  return (
    <>
      {'<!doctype html>'}
      <html lang="pl">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{fullTitle}</title>
          <link rel="stylesheet" href="/assets/app.css" />
          <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
          <script src="/assets/app.js" defer></script>
        </head>
        <body class={`page page--${variant}`}>
          <a class="skip-link" href="#main">
            Przejdź do treści
          </a>
          <header class="site-header">
            <div class="container site-header__inner">
              {variant === 'ueoz' ? (
                <a class="brand" href="/ueoz/czym-sa-ueoz">
                  <span class="brand-mark">UEOZ</span>
                  <span class="brand-name">Usługi Elektroniczne Ochrony Zdrowia</span>
                </a>
              ) : (
                <a class="brand" href="/">
                  <span class="brand-mark">SSOZ</span>
                  <span class="brand-name">System Statystyki w Ochronie Zdrowia</span>
                </a>
              )}
              {safeHeaderRight}
            </div>
          </header>
          {props.breadcrumbs && props.breadcrumbs.length ? (
            <nav class="container breadcrumbs" aria-label="Ścieżka">
              <ol>
                {props.breadcrumbs.map((b) => (
                  <li>
                    {b.href ? (
                      <a href={b.href} safe>
                        {b.label}
                      </a>
                    ) : (
                      <span aria-current="page" safe>
                        {b.label}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            </nav>
          ) : (
            ''
          )}
          <main id="main" class="container main" tabindex="-1">
            {props.children}
          </main>
          {props.session ? (
            <div class="session-timeout" data-module="session-timeout" data-idle-expires-at={props.session.idleExpiresAt} hidden>
              <div
                class="notice notice--warning session-timeout__dialog"
                role="alertdialog"
                aria-labelledby="session-timeout-title"
                aria-describedby="session-timeout-text"
                tabindex="-1"
                data-qa="session-timeout"
                hidden
              >
                <h2 id="session-timeout-title">Twoja sesja wkrótce wygaśnie</h2>
                <p id="session-timeout-text">Za 2 minuty zostaniesz automatycznie wylogowany z powodu bezczynności.</p>
                <form method="post" action="/sesja/przedluz">
                  <input type="hidden" name="_csrf" value={props.session.csrf} />
                  <button type="submit" class="button">
                    Przedłuż sesję
                  </button>
                </form>
              </div>
            </div>
          ) : (
            ''
          )}
          <Footer variant={variant} />
        </body>
      </html>
    </>
  );
}
