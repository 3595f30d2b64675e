// Whose profiles an administrator sees in "Zarządzanie → Użytkownicy". The policy layer computes the
// scope from the actor (policies/index.ts usersScope); the search applies it in SQL
// (db/repositories/user-admin.ts) and the rules apply `profileInUsersScope` to one profile, so the two
// cannot differ.

/**
 * - all: the central unit (Administrator CeZ, Pracownik CeZ) sees every profile;
 * - voivodeship: Administrator UW sees the profiles in units of its voivodeship (not the central unit's);
 * - verifier: Administrator IPIN / KCPU see the profiles holding or asking for roles routed to their unit
 *   (the roles they verify).
 */
export type UsersScope = { kind: 'all' } | { kind: 'voivodeship'; code: string } | { kind: 'verifier'; unitId: string };

/** What a profile must tell about itself to be placed in a scope. */
export interface ScopedProfile {
  unitIsCentral: boolean;
  unitVoivodeshipCode: string | null;
  /** the verifying units of its requests that verifiers can see (every status but "zapisany") */
  verifyingUnitIds: readonly string[];
}

export function profileInUsersScope(scope: UsersScope, p: ScopedProfile): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'voivodeship':
      return !p.unitIsCentral && p.unitVoivodeshipCode === scope.code;
    case 'verifier':
      return p.verifyingUnitIds.includes(scope.unitId);
  }
}
