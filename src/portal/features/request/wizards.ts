import { z } from 'zod';
import { defineWizard } from '../../wizard/step-map.ts';

/** What the request wizards keep between steps. */
export const RequestDraft = z.object({
  unitId: z.string().optional(),
  profileId: z.string().optional(),
  roleCodes: z.array(z.string()).optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});
export type RequestDraftT = z.output<typeof RequestDraft>;

const hasUnit = (d: RequestDraftT | null) => Boolean(d?.unitId);
const complete = (d: RequestDraftT | null) => Boolean(d?.unitId && d.roleCodes?.length && d.phone && d.email);

/** "Wniosek o nowy profil w SSOZ II": Wybór jednostki → Wybór ról i dane kontaktowe → Podsumowanie → (Pobranie wniosku). */
export const NEW_PROFILE_WIZARD = defineWizard<RequestDraftT>({
  kind: 'new_profile',
  draft: RequestDraft,
  steps: [
    { id: 'unit', path: '/profil/wniosek', reachable: () => true, next: 'roles' },
    { id: 'roles', path: '/profil/wniosek/role', reachable: hasUnit, next: 'summary' },
    { id: 'summary', path: '/profil/wniosek/podsumowanie', reachable: complete },
  ],
});

/**
 * "Wniosek o nowe role do profilu": the unit is the profile's, so the draft belongs to one profile;
 * a draft of another profile counts as none. Paths are per profile.
 */
export function newRolesWizard(profileId: string) {
  const mine = (d: RequestDraftT | null) => (d?.profileId === profileId ? d : null);
  return defineWizard<RequestDraftT>({
    kind: 'new_roles',
    draft: RequestDraft,
    steps: [
      { id: 'roles', path: `/profil/${profileId}/wniosek/role`, reachable: () => true, next: 'summary' },
      { id: 'summary', path: `/profil/${profileId}/wniosek/podsumowanie`, reachable: (d) => complete(mine(d)) },
    ],
  });
}
