import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { profiles, roleRequests, rolePermissions, type sessions, unitKinds, units, users } from '../schema/index.ts';

/** A profile's approved roles with their permissions, as [role, permission or null] pairs. */
const grantsOf = (profileId: string) => sql<Array<[string, string | null]>>`(
  select coalesce(jsonb_agg(distinct jsonb_build_array(${roleRequests.roleCode}, ${rolePermissions.permissionCode})), '[]'::jsonb)
  from ${roleRequests} left join ${rolePermissions} on ${rolePermissions.roleCode} = ${roleRequests.roleCode}
  where ${roleRequests.profileId} = ${profileId} and ${roleRequests.status} = 'zatwierdzony'
)`;

function byRole(pairs: ReadonlyArray<readonly [string, string | null]>): { roles: string[]; permissionsByRole: Record<string, string[]> } {
  const roles = new Set<string>();
  const permissionsByRole: Record<string, string[]> = {};
  for (const [role, permission] of pairs) {
    roles.add(role);
    if (permission !== null) (permissionsByRole[role] ??= []).push(permission);
  }
  return { roles: [...roles], permissionsByRole };
}

/**
 * What the actor of a request is made of: the user and their profiles with units, in one statement
 * (the user left-joined to the profiles: a user without profiles is one row of nulls on the right).
 * With the profile worked in, the same statement also answers that profile's approved roles and their
 * permissions (an uncorrelated subquery, computed once): one round trip per signed-in request, not two.
 * The caller uses them only if that profile is one of the user's active profiles.
 */
export async function loadActorRows(db: DbOrTx, userId: string, grantsFor: string | null = null) {
  const rows = await db
    .select({
      grants: grantsFor ? grantsOf(grantsFor) : sql<null>`null`,
      user: { id: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email, login: users.login },
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
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(units, eq(units.id, profiles.unitId))
    .leftJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(eq(users.id, userId));
  const first = rows[0];
  if (!first) return null;
  const grants = first.grants ? byRole(first.grants) : null;
  const own = [];
  for (const { user: _user, id, status, unitId, unitName, kindCode, kindName, isCentral, isSupervising, isReporting, voivodeshipCode } of rows) {
    // profiles.unit_id and units.kind_code are NOT NULL foreign keys: a profile row has its unit and kind
    if (id === null || status === null || unitId === null || unitName === null || kindCode === null || kindName === null) continue;
    own.push({
      id,
      status,
      unitId,
      unitName,
      kindCode,
      kindName,
      voivodeshipCode,
      isCentral: isCentral === true,
      isSupervising: isSupervising === true,
      isReporting: isReporting === true,
    });
  }
  return { user: first.user, profiles: own, grants };
}

/**
 * A profile's approved roles with their permissions (the role → permission dictionary), in one
 * statement; read on each request, so edits of the dictionary apply at once.
 */
export async function approvedRolesWithPermissions(db: DbOrTx, profileId: string): Promise<{ roles: string[]; permissionsByRole: Record<string, string[]> }> {
  const rows = await db
    .selectDistinct({ role: roleRequests.roleCode, permission: rolePermissions.permissionCode })
    .from(roleRequests)
    .leftJoin(rolePermissions, eq(rolePermissions.roleCode, roleRequests.roleCode))
    .where(and(eq(roleRequests.profileId, profileId), eq(roleRequests.status, 'zatwierdzony')));
  return byRole(rows.map((r) => [r.role, r.permission] as const));
}

/** What loadActorRows answers: the user, their profiles with units, and the grants of the profile worked in. */
export type ActorRows = NonNullable<Awaited<ReturnType<typeof loadActorRows>>>;

type ActorJson = {
  user: ActorRows['user'];
  profiles: (Omit<ActorRows['profiles'][number], 'isCentral' | 'isSupervising' | 'isReporting'> & {
    isCentral: boolean | null;
    isSupervising: boolean | null;
    isReporting: boolean | null;
  })[];
  grants: Array<[string, string | null]> | null;
};

/**
 * loadActorRows as one JSON value of a statement that reads something else (the request's session):
 * `userId` and `profileId` are SQL expressions of that statement's row. The profile's grants are read
 * only for a UUID-shaped id (anything else would make the cast, and so the statement, fail). Written
 * with table aliases, not drizzle's columns: in a one-table select drizzle leaves columns unqualified,
 * which inside these subqueries would name the wrong table.
 */
export function actorRowsJson(userId: SQL, profileId: SQL): SQL<ActorJson | null> {
  return sql<ActorJson | null>`(
    select json_build_object(
      'user', json_build_object('id', au.id, 'firstName', au.first_name, 'lastName', au.last_name, 'email', au.email, 'login', au.login),
      'profiles', coalesce((
        select json_agg(json_build_object('id', ap.id, 'status', ap.status, 'unitId', an.id, 'unitName', an.name, 'kindCode', an.kind_code,
          'kindName', ak.name, 'voivodeshipCode', an.voivodeship_code, 'isCentral', ak.is_central, 'isSupervising', ak.is_supervising,
          'isReporting', ak.is_reporting))
        from ${profiles} ap join ${units} an on an.id = ap.unit_id join ${unitKinds} ak on ak.code = an.kind_code
        where ap.user_id = au.id
      ), '[]'::json),
      'grants', case when ${profileId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then (
        select coalesce(jsonb_agg(distinct jsonb_build_array(ar.role_code, arp.permission_code)), '[]'::jsonb)
        from ${roleRequests} ar left join ${rolePermissions} arp on arp.role_code = ar.role_code
        where ar.profile_id = (${profileId})::uuid and ar.status = 'zatwierdzony'
      ) end
    )
    from ${users} au where au.id = ${userId}
  )`;
}

/**
 * actorRowsJson for the user of a session row and the profile its data names ("Pracuj w profilu"), for
 * the statement that reads the session (drizzle leaves a one-table select's columns unqualified: they
 * are named here whole).
 */
export const actorRowsOfSession = (t: typeof sessions) => actorRowsJson(sql`${t}."user_id"`, sql`(${t}."data" ->> 'profileId')`);

/** The JSON of actorRowsJson as loadActorRows answers it (null: the user is gone). */
export function actorRowsFromJson(j: ActorJson | null): ActorRows | null {
  if (!j) return null;
  return {
    user: j.user,
    profiles: j.profiles.map((p) => ({ ...p, isCentral: p.isCentral === true, isSupervising: p.isSupervising === true, isReporting: p.isReporting === true })),
    grants: j.grants ? byRole(j.grants) : null,
  };
}
