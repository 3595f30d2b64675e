import { Layout } from '../../views/layouts/Layout.tsx';
import { home, Notice } from './components.tsx';

export function UeozLoginPage({ uid, pzAvailable }: { uid: string; pzAvailable: boolean }): JSX.Element {
  return (
    <Layout title="Logowanie" variant="ueoz" breadcrumbs={[home, { label: 'Logowanie' }]}>
      <h1 data-qa="page-ueoz-login">Zaloguj się do Usług Elektronicznych Ochrony Zdrowia</h1>
      <p class="lead">
        Do systemu SSOZ II logujesz się za pomocą Profilu Zaufanego. Każde działanie w systemie jest przypisane do Ciebie i umiejscowione w czasie.
      </p>
      {pzAvailable ? (
        <p>
          <a class="button" href={`/ueoz/logowanie/${uid}/pz`} data-qa="pz-button">
            Profil Zaufany
          </a>
        </p>
      ) : (
        <Notice kind="warning" text="Logowanie Profilem Zaufanym nie jest skonfigurowane w tej instalacji. Skontaktuj się z administratorem." />
      )}
    </Layout>
  );
}
