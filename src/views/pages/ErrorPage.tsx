import { PortalLayout, type SignedInFrame } from '../layouts/SignedInLayout.tsx';

/** Each status says what happened in its own words; a status not listed gets its class's general text. */
export const ERROR_TEXTS: Readonly<Record<number, { title: string; lead: string }>> = {
  400: {
    title: 'Niepoprawne żądanie',
    lead: 'Przesłanych danych nie udało się odczytać. Wróć do poprzedniej strony, odśwież ją i wyślij formularz ponownie.',
  },
  401: {
    title: 'Wymagane zalogowanie',
    lead: 'Aby zobaczyć tę stronę, zaloguj się.',
  },
  403: {
    title: 'Brak dostępu',
    lead: 'Nie masz uprawnień do tej strony albo formularz wygasł. Wróć do poprzedniej strony, odśwież ją i spróbuj ponownie.',
  },
  404: {
    title: 'Nie znaleziono strony',
    lead: 'Strona, której szukasz, nie istnieje lub została przeniesiona. Sprawdź, czy adres jest poprawny.',
  },
  405: {
    title: 'Niedozwolona operacja',
    lead: 'Tej operacji nie można wykonać na tej stronie. Wróć do poprzedniej strony i skorzystaj z dostępnych przycisków.',
  },
  408: {
    title: 'Przekroczono czas oczekiwania',
    lead: 'Przesyłanie danych trwało zbyt długo. Sprawdź połączenie z internetem i spróbuj ponownie.',
  },
  409: {
    title: 'Operacja nie może być wykonana',
    lead: 'Dane zmieniły się w międzyczasie. Odśwież stronę i spróbuj ponownie.',
  },
  413: {
    title: 'Za duży plik lub formularz',
    lead: 'Przesłane dane przekraczają dopuszczalny rozmiar. Zmniejsz plik lub skróć treść i spróbuj ponownie.',
  },
  414: {
    title: 'Za długi adres strony',
    lead: 'Adres strony jest zbyt długi. Sprawdź, czy adres jest poprawny, albo przejdź do strony głównej.',
  },
  415: {
    title: 'Nieobsługiwany format danych',
    lead: 'Przesłane dane mają format, którego portal nie obsługuje. Wróć do formularza i wyślij go ponownie z przeglądarki.',
  },
  429: {
    title: 'Zbyt wiele prób',
    lead: 'Wykonano zbyt wiele prób w krótkim czasie. Odczekaj chwilę i spróbuj ponownie.',
  },
  431: {
    title: 'Za duże nagłówki żądania',
    lead: 'Przeglądarka wysłała zbyt dużo danych w nagłówkach (np. plików cookie). Usuń pliki cookie tej strony i spróbuj ponownie.',
  },
  500: {
    title: 'Wystąpił błąd systemu',
    lead: 'Przepraszamy, nie udało się wykonać operacji. Spróbuj ponownie za kilka minut. Jeśli błąd się powtarza, skontaktuj się z nami i podaj numer zgłoszenia.',
  },
  503: {
    title: 'Usługa chwilowo niedostępna',
    lead: 'Portal jest chwilowo niedostępny. Spróbuj ponownie za kilka minut.',
  },
};

const OTHER_CLIENT_ERROR = {
  title: 'Nie można wykonać żądania',
  lead: 'Żądania nie udało się wykonać. Wróć do poprzedniej strony, odśwież ją i spróbuj ponownie. Jeśli błąd się powtarza, skontaktuj się z nami i podaj numer zgłoszenia.',
};

/** The title and text of an error page for an HTTP status. */
export function errorTexts(status: number): { title: string; lead: string } {
  return ERROR_TEXTS[status] ?? (status >= 500 ? ERROR_TEXTS[500]! : OTHER_CLIENT_ERROR);
}

/** `frame`: the user menu when a signed-in user lands here (null for a visitor). */
export function ErrorPage({
  status,
  requestId,
  frame,
  detail,
}: {
  status: number;
  requestId: string;
  frame?: SignedInFrame | null;
  /** why, in the portal's own words (a refusal that says more than "Brak dostępu"); never user input */
  detail?: string | undefined;
}): JSX.Element {
  const t = errorTexts(status);
  return (
    <PortalLayout frame={frame} title={t.title}>
      <h1 safe>{t.title}</h1>
      {detail ? (
        <p class="lead" data-qa="error-detail" safe>
          {detail}
        </p>
      ) : (
        ''
      )}
      <p class="lead" safe>
        {t.lead}
      </p>
      <p class="muted">
        Numer zgłoszenia:{' '}
        <code data-qa="request-id" safe>
          {requestId}
        </code>
      </p>
      <p>
        <a class="button" href="/">
          Przejdź do strony głównej
        </a>
      </p>
      <p>
        <a href="/kontakt">Skontaktuj się z nami</a>
      </p>
    </PortalLayout>
  );
}
