import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { profiles, roleRequests, rolePermissions, unitKinds, units, users } from '../schema/index.ts';

/** What the actor of a request is made of: the user, their profiles with units, and (for one profile) its roles. */
export async function loadActorRows(db: DbOrTx, userId: string) {
  const [user] = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email, login: users.login })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const own = await db
    .select({
      id: profiles.id,
      status: profiles.status,
      unitId: units.id,
      unitName: units.name,
      kindCode: units.kindCode,
      kindName: unitKinds.name,
      voivodeshipCode: units.voivodeshipCode,
      isCentral: unitKinds.isCentral,
      isSupervising: unitKinds.isSupervising,
      isReporting: unitKinds.isReporting,
    })
    .from(profiles)
    .innerJoin(units, eq(units.id, profiles.unitId))
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(eq(profiles.userId, userId));
  return { user, profiles: own };
}

/** Approved role codes of a profile ("Aktywne role"). */
export async function approvedRoleCodes(db: DbOrTx, profileId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ role: roleRequests.roleCode })
    .from(roleRequests)
    .where(and(eq(roleRequests.profileId, profileId), eq(roleRequests.status, 'zatwierdzony')));
  return rows.map((r) => r.role);
}

/** The role → permission dictionary for the given roles (read on each request: edits apply at once). */
export async function rolePermissionMap(db: DbOrTx, roleCodes: readonly string[]): Promise<Record<string, string[]>> {
  if (roleCodes.length === 0) return {};
  const rows = await db
    .select()
    .from(rolePermissions)
    .where(inArray(rolePermissions.roleCode, [...roleCodes]));
  const map: Record<string, string[]> = {};
  for (const r of rows) (map[r.roleCode] ??= []).push(r.permissionCode);
  return map;
}
