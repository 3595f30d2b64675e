import { PortalLayout, type SignedInFrame } from '../layouts/SignedInLayout.tsx';

const TEXTS: Record<number, { title: string; lead: string }> = {
  403: {
    title: 'Brak dostępu',
    lead: 'Nie masz uprawnień do tej strony albo formularz wygasł. Wróć do poprzedniej strony, odśwież ją i spróbuj ponownie.',
  },
  404: {
    title: 'Nie znaleziono strony',
    lead: 'Strona, której szukasz, nie istnieje lub została przeniesiona. Sprawdź, czy adres jest poprawny.',
  },
  413: {
    title: 'Za duży plik lub formularz',
    lead: 'Przesłane dane przekraczają dopuszczalny rozmiar. Zmniejsz plik lub skróć treść i spróbuj ponownie.',
  },
  429: {
    title: 'Zbyt wiele prób',
    lead: 'Wykonano zbyt wiele prób w krótkim czasie. Odczekaj chwilę i spróbuj ponownie.',
  },
  500: {
    title: 'Wystąpił błąd systemu',
    lead: 'Przepraszamy, nie udało się wykonać operacji. Spróbuj ponownie za kilka minut. Jeśli błąd się powtarza, skontaktuj się z nami i podaj numer zgłoszenia.',
  },
};

/** `frame`: the user menu when a signed-in user lands here (null for a visitor). */
export function ErrorPage({ status, requestId, frame }: { status: number; requestId: string; frame?: SignedInFrame | null }): JSX.Element {
  const t = TEXTS[status] ?? (status >= 500 ? TEXTS[500] : TEXTS[404]) ?? { title: 'Błąd', lead: '' };
  return (
    <PortalLayout frame={frame} title={t.title}>
      <h1 safe>{t.title}</h1>
      <p class="lead" safe>{t.lead}</p>
      <p class="muted">
        Numer zgłoszenia: <code data-qa="request-id" safe>{requestId}</code>
      </p>
      <p>
        <a class="button" href="/">Przejdź do strony głównej</a>
      </p>
      <p>
        <a href="/kontakt">Skontaktuj się z nami</a>
      </p>
    </PortalLayout>
  );
}
