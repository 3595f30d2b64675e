import type { Submodule } from '../submodules.ts';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';

/** "Zarządzanie": the sub-modules the profile worked in opens, each with what it is for. */
export function ManagementHubPage(p: { frame: SignedInFrame; submodules: readonly Submodule[]; unitName: string }): JSX.Element {
  return (
    <SignedInLayout title="Zarządzanie" frame={p.frame} breadcrumbs={[{ href: '/start', label: 'Strona główna' }, { label: 'Zarządzanie' }]}>
      <h1 data-qa="page-management">Zarządzanie</h1>
      <p class="lead" safe>{`Pracujesz w profilu jednostki ${p.unitName}. Wybierz obszar, którym chcesz zarządzać.`}</p>
      <div class="card-grid" data-qa="management-submodules">
        {p.submodules.map((s) => (
          <section class="card" aria-labelledby={`sub-${s.key}`}>
            <h2 id={`sub-${s.key}`}>
              <a href={s.href} safe>
                {s.title}
              </a>
            </h2>
            <p safe>{s.description}</p>
          </section>
        ))}
      </div>
    </SignedInLayout>
  );
}
