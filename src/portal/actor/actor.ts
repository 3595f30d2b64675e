import type { DbOrTx } from '../../db/client.ts';
import { approvedRolesWithPermissions, loadActorRows, type ActorRows } from '../../db/repositories/actors.ts';
import { permissionsOf } from '../../domain/roles.ts';
import type { ProfileStatus } from '../../domain/status.ts';
import { plCollator } from '../../lib/text.ts';

export interface ActorProfile {
  id: string;
  status: ProfileStatus;
  unitId: string;
  unitName: string;
  kindCode: string;
  kindName: string;
  voivodeshipCode: string | null;
  isCentral: boolean;
  isSupervising: boolean;
  isReporting: boolean;
}

/**
 * Who is acting: the signed-in user, the profile they work in now ("Pracuj w profilu") with its
 * roles and permissions. Loaded once per request by the signed-in scope; policies decide from it.
 */
export interface Actor {
  userId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  login: string | null;
  /** every profile of the user, any status */
  profiles: readonly ActorProfile[];
  /** active profiles, by unit name (the menu "Twoje aktywne profile") */
  activeProfiles: readonly ActorProfile[];
  /** the active profile worked in now, or null (none chosen yet, or it stopped being active) */
  profile: ActorProfile | null;
  /** approved roles of the current profile */
  roles: readonly string[];
  /** permissions of the current profile (the role → permission dictionary) */
  permissions: ReadonlySet<string>;
}

/** The one place a profile's permissions are computed: its approved roles through the dictionary. */
export async function profilePermissions(db: DbOrTx, profileId: string): Promise<{ roles: string[]; permissions: Set<string> }> {
  const { roles, permissionsByRole } = await approvedRolesWithPermissions(db, profileId);
  return { roles, permissions: permissionsOf(roles, permissionsByRole) };
}

/** a profile id as the database stores it (anything else would make the statement fail, not just match nothing) */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadActor(db: DbOrTx, userId: string, currentProfileId: string | null): Promise<Actor | null> {
  const rows = await loadActorRows(db, userId, currentProfileId !== null && UUID.test(currentProfileId) ? currentProfileId : null);
  return rows ? actorOfRows(rows, currentProfileId) : null;
}

/**
 * The actor from its rows (loadActorRows, or read with the session: actorRowsJson), with `grants`
 * those of `currentProfileId` or null.
 */
export function actorOfRows(rows: ActorRows, currentProfileId: string | null): Actor {
  const all = rows.profiles.map((p) => ({ ...p, status: p.status as ProfileStatus }));
  const activeProfiles = all.filter((p) => p.status === 'aktywny').sort((a, b) => plCollator.compare(a.unitName, b.unitName));
  const profile = activeProfiles.find((p) => p.id === currentProfileId) ?? null;
  // the profile's grants came with the same statement; they count only for an active profile of this user
  const granted =
    profile && rows.grants
      ? { roles: rows.grants.roles, permissions: permissionsOf(rows.grants.roles, rows.grants.permissionsByRole) }
      : { roles: [], permissions: new Set<string>() };
  return {
    userId: rows.user.id,
    firstName: rows.user.firstName,
    lastName: rows.user.lastName,
    email: rows.user.email,
    login: rows.user.login,
    profiles: all,
    activeProfiles,
    profile,
    roles: granted.roles,
    permissions: granted.permissions,
  };
}
