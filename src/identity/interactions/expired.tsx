import { Layout } from '../../views/layouts/Layout.tsx';

export function InteractionExpiredPage(): JSX.Element {
  return (
    <Layout title="Sesja logowania wygasła" variant="ueoz">
      <h1 data-qa="page-interaction-expired">Sesja logowania wygasła</h1>
      <p>Logowanie trwało zbyt długo albo zostało rozpoczęte w innej przeglądarce. Zacznij logowanie od nowa.</p>
      <p>
        <a class="button" href="/logowanie">
          Zaloguj się/ Zarejestruj
        </a>
      </p>
    </Layout>
  );
}
