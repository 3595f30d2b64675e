// Whose profiles an administrator sees in "Zarządzanie → Użytkownicy". The policy layer computes the
// scope from the actor (policies/index.ts usersScope); the search applies it in SQL
// (db/repositories/user-admin.ts) and the rules apply `profileInUsersScope` to one profile, so the two
// cannot differ.

/**
 * The verifying offices (domain.md "Who verifies a request"): their people hold administrator roles,
 * which Centrum e-Zdrowia grants — so their profiles are managed by CeZ, not by a Urząd Wojewódzki of
 * the same voivodeship (IPIN, KCPU and CeZ itself are in mazowieckie; a UW's own colleagues are in its).
 */
export const VERIFYING_OFFICE_KINDS = ['CeZ', 'UW', 'IPIN', 'KCPU'] as const;

export function isVerifyingOfficeKind(kindCode: string): boolean {
  return (VERIFYING_OFFICE_KINDS as readonly string[]).includes(kindCode);
}

/**
 * - all: the central unit (Administrator CeZ, Pracownik CeZ) sees every profile;
 * - voivodeship: Administrator UW sees the profiles in units of its voivodeship, except those in the
 *   verifying offices (CeZ, UW, IPIN, KCPU);
 * - verifier: Administrator IPIN / KCPU see the profiles holding or asking for roles routed to their unit
 *   (the roles they verify).
 */
export type UsersScope = { kind: 'all' } | { kind: 'voivodeship'; code: string } | { kind: 'verifier'; unitId: string };

/** What a profile must tell about itself to be placed in a scope. */
export interface ScopedProfile {
  /** the profile's unit is a verifying office (VERIFYING_OFFICE_KINDS) */
  unitIsOffice: boolean;
  unitVoivodeshipCode: string | null;
  /** the verifying units of its requests that verifiers can see (every status but "zapisany") */
  verifyingUnitIds: readonly string[];
}

export function profileInUsersScope(scope: UsersScope, p: ScopedProfile): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'voivodeship':
      return !p.unitIsOffice && p.unitVoivodeshipCode === scope.code;
    case 'verifier':
      return p.verifyingUnitIds.includes(scope.unitId);
  }
}
