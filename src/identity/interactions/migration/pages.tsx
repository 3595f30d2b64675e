import { CsrfField } from '../../../views/components/Field.tsx';
import { Layout } from '../../../views/layouts/Layout.tsx';

/** "2023-11-29 01:07.23.519" — the manual's timestamp on the migration screens (Polish time). */
const MIGRATION_PARTS = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export function migrationTimestamp(d: Date): string {
  const p = MIGRATION_PARTS.formatToParts(d);
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}.${get('second')}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

export function MigrationSearchPage({ startedAt, selfUrl }: { startedAt: Date; selfUrl: string }): JSX.Element {
  return (
    <Layout title="Migracja danych do UEOZ" variant="ueoz">
      <h1 data-qa="page-migration">Migracja danych do UEOZ</h1>
      <h2>Wyszukiwanie Twojego konta</h2>
      <div class="notice notice--info" role="status" aria-live="polite" data-qa="migration-progress">
        <p>
          W związku z migracją danych między portalami ePŁOZ i UEOZ, system musi odnaleźć Twoje konto. Może to potrwać kilka minut. Po migracji danych utworzysz
          nowe konto, aby dalej pracować w systemach CeZ.
        </p>
        <p>
          <span class="spinner" aria-hidden="true"></span> Trwa wyszukiwanie…
        </p>
      </div>
      <p data-module="auto-refresh" data-seconds="2">
        <a class="button button--secondary" href={selfUrl}>
          Sprawdź, czy wyszukiwanie się zakończyło
        </a>
      </p>
      <p class="muted">
        <time datetime={startedAt.toISOString()} safe>
          {migrationTimestamp(startedAt)}
        </time>
      </p>
    </Layout>
  );
}

export function Z02Page(p: {
  uid: string;
  csrf: string;
  eventNumber: string;
  startedAt: Date;
  finishedAt: Date;
  firstName: string;
  lastName: string;
  maskedPesel: string;
}): JSX.Element {
  return (
    <Layout title="Nie odnaleziono konta w ePŁOZ" variant="ueoz">
      <h1 data-qa="page-z02">Migracja danych do UEOZ</h1>
      <p class="muted">
        <time datetime={p.startedAt.toISOString()} safe>
          {migrationTimestamp(p.startedAt)}
        </time>
      </p>
      <div class="notice notice--warning">
        <h2>Nie odnaleziono w ePŁOZ konta o podanym numerze PESEL</h2>
        <p>Prawdopodobnie wcześniej nie korzystałeś z ePŁOZ, tylko logowałeś się bezpośrednio w RPWDL.</p>
        <p>
          Potrzebujesz nowego konta w UEOZ. Kliknij w przycisk <strong>Utwórz nowe konto bez migracji</strong> poniżej aby założyć takie konto.
        </p>
      </div>
      <p>
        W przypadku gdy nie zgadzasz się i uważasz, że posiadałeś/aś wcześniej konto w ePŁOZ zweryfikuj czy posiadasz nadal dostęp do tego konta w systemie{' '}
        <a href="https://eploz.ezdrowie.gov.pl" rel="noopener">
          https://eploz.ezdrowie.gov.pl
        </a>
        , następnie skontaktuj się z infolinią CeZ pod numerem 19239 lub na adres mailowy: logowanie@cez.gov.pl.
      </p>
      <p>W zgłoszeniu podaj imię i nazwisko, 3 ostatnie cyfry PESEL oraz koniecznie login w systemie ePŁOZ.</p>
      <p>
        W zgłoszeniu powołaj się na numer zdarzenia (
        <strong data-qa="event-number" safe>
          {p.eventNumber}
        </strong>
        ) i kod zdarzenia (<strong data-qa="event-code">Z02</strong>). Jeśli to możliwe dołącz również zrzut ekranu z komunikatem Z02 oraz widokiem konta w
        ePŁOZ.
      </p>
      <p>
        Po przesłaniu zgłoszenia przerwij proces migracji klikając w przycisk <strong>Przerwij proces migracji</strong>.
      </p>
      <p>Możesz teraz utworzyć konto w UEOZ, aby pracować w systemach CeZ.</p>
      <p class="muted">
        <time datetime={p.finishedAt.toISOString()} safe>
          {migrationTimestamp(p.finishedAt)}
        </time>
      </p>
      <dl class="kv" data-qa="z02-person">
        <div>
          <dt>Imię</dt>
          <dd safe>{p.firstName}</dd>
        </div>
        <div>
          <dt>Nazwisko</dt>
          <dd safe>{p.lastName}</dd>
        </div>
        <div>
          <dt>PESEL</dt>
          <dd safe>{p.maskedPesel}</dd>
        </div>
      </dl>
      <div class="button-group">
        <form method="post" action={`/ueoz/logowanie/${p.uid}/migracja/przerwij`}>
          <CsrfField token={p.csrf} />
          <button class="button button--secondary" type="submit">
            Przerwij proces migracji
          </button>
        </form>
        <form method="post" action={`/ueoz/logowanie/${p.uid}/migracja/nowe-konto`}>
          <CsrfField token={p.csrf} />
          <button class="button" type="submit">
            Utwórz nowe konto bez migracji
          </button>
        </form>
      </div>
    </Layout>
  );
}
