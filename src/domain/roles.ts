// Which roles a user may request in a unit, and what permissions a set of roles grants.
import type { RoleDef, UnitClass } from './reference-data.ts';

export type { RoleDef } from './reference-data.ts';

export interface UnitForRoles {
  kindCode: string;
  isCentral: boolean;
  isSupervising: boolean;
  isReporting: boolean;
}

/**
 * Roles offered by the role step of the wizard: those of any class the unit belongs to
 * (a supervising-and-reporting unit offers both sets), limited by `onlyUnitKind`, minus roles
 * already held or pending in this unit, in catalogue order. The class flags come from the
 * unit-kind dictionary, so a new kind needs no code change.
 */
export function availableRoles(unit: UnitForRoles, roles: readonly RoleDef[], heldOrPending: ReadonlySet<string>): RoleDef[] {
  const classes: Record<UnitClass, boolean> = {
    central: unit.isCentral,
    supervising: unit.isSupervising,
    reporting: unit.isReporting,
  };
  return roles
    .filter((role) => classes[role.unitClass])
    .filter((role) => role.onlyUnitKind === null || role.onlyUnitKind === unit.kindCode)
    .filter((role) => !heldOrPending.has(role.code))
    .sort((a, b) => a.sortOrder - b.sortOrder);
}

/** Union of the permissions granted by the given roles; unknown role codes grant nothing. */
export function permissionsOf(roleCodes: Iterable<string>, rolePermissions: Readonly<Record<string, readonly string[]>>): Set<string> {
  const result = new Set<string>();
  for (const code of roleCodes) {
    for (const permission of rolePermissions[code] ?? []) result.add(permission);
  }
  return result;
}
