// "Zarządzanie → Użytkownicy": finding users and reading a user's profiles, roles and requests, within
// a scope the policy layer computes from the actor (policies/index.ts usersScope, domain/user-scope.ts).
import { and, asc, count, desc, eq, inArray, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { auditLog, profiles, roleRequests, roles, unitKinds, units, users } from '../schema/index.ts';
import { isVerifyingOfficeKind, VERIFYING_OFFICE_KINDS, type UsersScope } from '../../domain/user-scope.ts';
import type { ProfileStatus, RequestStatus } from '../../domain/status.ts';
import { foldForSearch } from '../../lib/text.ts';

export const USER_SEARCH_PAGE_SIZES = [10, 25, 50] as const;

export interface UserSearchFilters {
  /** words of a name, login or e-mail (each word must match one of them) */
  text: string;
  /** unit name (words), or a NIP (10 digits) / REGON (9 or 14 digits) */
  unit: string;
  /** the keyed hash of an exact PESEL (portal/auth/pesel-link.ts), or null */
  peselHash: string | null;
  /** status of a profile in scope, or '' for any */
  status: ProfileStatus | '';
}

export interface UserSearchRow {
  id: string;
  firstName: string;
  lastName: string;
  login: string | null;
  email: string | null;
  /** the profiles in scope: unit name and status */
  profiles: { unitName: string; status: ProfileStatus }[];
}

/** Escape LIKE's wildcards (and its escape character) so user input matches literally. */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const words = (s: string) => [...new Set(s.split(/\s+/).filter(Boolean))].slice(0, 6);

/** Requests verifiers can see (a saved, unfinished one is not theirs yet), routed to one unit, of the profile row in the query. */
const routedTo = (unitId: string) =>
  sql`exists (select 1 from ${roleRequests} where ${roleRequests.profileId} = ${profiles.id} and ${roleRequests.verifyingUnitId} = ${unitId} and ${roleRequests.status} <> 'zapisany')`;

/** The scope as a condition on a profile joined with its unit and kind (the same rule as profileInUsersScope). */
export function profileScopeWhere(scope: UsersScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'voivodeship':
      return and(eq(units.voivodeshipCode, scope.code), notInArray(units.kindCode, [...VERIFYING_OFFICE_KINDS]));
    case 'verifier':
      return routedTo(scope.unitId);
  }
}

function unitWhere(unit: string): SQL | undefined {
  const digits = unit.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(digits)) return eq(units.nip, digits);
  if (/^(\d{9}|\d{14})$/.test(digits)) return eq(units.regon, digits);
  const ws = words(foldForSearch(unit));
  if (!ws.length) return undefined;
  return and(...ws.map((w) => sql`${units.searchName} like ${`%${escapeLike(w)}%`}`));
}

/** lower-case with Polish diacritics folded in SQL, the same as foldForSearch() does to the words typed */
const folded = (col: SQL) => sql`translate(lower(${col}), 'ąćęłńóśźż', 'acelnoszz')`;

function textWhere(text: string): SQL | undefined {
  const ws = words(foldForSearch(text));
  if (!ws.length) return undefined;
  return and(
    ...ws.map((w) => {
      const like = `%${escapeLike(w)}%`;
      return or(
        sql`${folded(sql`${users.firstName}`)} like ${like}`,
        sql`${folded(sql`${users.lastName}`)} like ${like}`,
        sql`lower(coalesce(${users.login}, '')) like ${like}`,
        sql`lower(coalesce(${users.email}, '')) like ${like}`,
        sql`lower(${profiles.email}) like ${like}`,
      );
    }),
  );
}

/** One page of users with a profile in scope matching the filters, and how many match in all. */
export async function searchUsers(
  db: DbOrTx,
  scope: UsersScope,
  f: UserSearchFilters,
  page: { page: number; size: number },
): Promise<{ rows: UserSearchRow[]; total: number; page: number }> {
  // the profiles that put a user in the answer: in scope, of the unit and status asked for
  const profileWhere = and(
    profileScopeWhere(scope),
    f.unit ? unitWhere(f.unit) : undefined,
    f.status ? eq(profiles.status, f.status) : undefined,
    textWhere(f.text),
    f.peselHash ? eq(users.peselHash, f.peselHash) : undefined,
  );
  const matching = db
    .selectDistinct({ userId: profiles.userId })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .innerJoin(units, eq(units.id, profiles.unitId))
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(profileWhere);
  const [t] = await db.select({ n: count() }).from(matching.as('m'));
  const total = t?.n ?? 0;
  const current = Math.min(Math.max(1, page.page), Math.max(1, Math.ceil(total / page.size)));
  const found = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, login: users.login, email: users.email })
    .from(users)
    .where(inArray(users.id, matching))
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.id))
    .limit(page.size)
    .offset((current - 1) * page.size);
  const ids = found.map((u) => u.id);
  const profileRows = ids.length
    ? await db
        .select({ userId: profiles.userId, unitName: units.name, status: profiles.status })
        .from(profiles)
        .innerJoin(units, eq(units.id, profiles.unitId))
        .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
        .where(and(inArray(profiles.userId, ids), profileScopeWhere(scope)))
        .orderBy(asc(units.name))
    : [];
  return {
    total,
    page: current,
    rows: found.map((u) => ({
      ...u,
      profiles: profileRows.filter((p) => p.userId === u.id).map((p) => ({ unitName: p.unitName, status: p.status as ProfileStatus })),
    })),
  };
}

export interface ManagedProfileRow {
  id: string;
  userId: string;
  status: ProfileStatus;
  statusChangedAt: Date;
  phone: string;
  email: string;
  blockedAt: Date | null;
  blockedReason: string | null;
  unitId: string;
  unitName: string;
  unitKindCode: string;
  unitKindName: string;
  unitIsOffice: boolean;
  unitVoivodeshipCode: string | null;
  unitVoivodeship: string | null;
  unitNip: string | null;
  unitRegon: string | null;
  unitActive: boolean;
  /** verifying units of its requests that verifiers can see (not "zapisany") */
  verifyingUnitIds: string[];
}

const profileColumns = {
  id: profiles.id,
  userId: profiles.userId,
  status: profiles.status,
  statusChangedAt: profiles.statusChangedAt,
  phone: profiles.phone,
  email: profiles.email,
  blockedAt: profiles.blockedAt,
  blockedReason: profiles.blockedReason,
  unitId: units.id,
  unitName: units.name,
  unitKindCode: units.kindCode,
  unitKindName: unitKinds.name,
  unitVoivodeshipCode: units.voivodeshipCode,
  unitVoivodeship: units.voivodeship,
  unitNip: units.nip,
  unitRegon: units.regon,
  unitActive: units.isActive,
};

async function withVerifyingUnits<T extends Omit<ManagedProfileRow, 'verifyingUnitIds' | 'status' | 'unitIsOffice'> & { status: string }>(
  db: DbOrTx,
  rows: T[],
): Promise<ManagedProfileRow[]> {
  const ids = rows.map((r) => r.id);
  const routed = ids.length
    ? await db
        .selectDistinct({ profileId: roleRequests.profileId, unitId: roleRequests.verifyingUnitId })
        .from(roleRequests)
        .where(and(inArray(roleRequests.profileId, ids), ne(roleRequests.status, 'zapisany')))
    : [];
  return rows.map((r): ManagedProfileRow => ({
    ...r,
    status: r.status as ProfileStatus,
    unitIsOffice: isVerifyingOfficeKind(r.unitKindCode),
    verifyingUnitIds: routed.filter((x) => x.profileId === r.id).map((x) => x.unitId),
  }));
}

/** Every profile of a user, with what the rules need to place it in a scope. */
export async function userProfiles(db: DbOrTx, userId: string): Promise<ManagedProfileRow[]> {
  const rows = await db
    .select(profileColumns)
    .from(profiles)
    .innerJoin(units, eq(units.id, profiles.unitId))
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(eq(profiles.userId, userId))
    .orderBy(asc(units.name));
  return withVerifyingUnits(db, rows);
}

/** One profile (locked for update when `lock`: a block or an unblock serialises on it). */
export async function managedProfile(db: DbOrTx, profileId: string, o: { lock?: boolean } = {}): Promise<ManagedProfileRow | null> {
  // the lock on the profile row alone ("FOR UPDATE OF" cannot name a schema-qualified table), then the joined read
  if (o.lock) await db.select({ id: profiles.id }).from(profiles).where(eq(profiles.id, profileId)).for('update');
  const rows = await db
    .select(profileColumns)
    .from(profiles)
    .innerJoin(units, eq(units.id, profiles.unitId))
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(eq(profiles.id, profileId));
  return (await withVerifyingUnits(db, rows))[0] ?? null;
}

export async function findUser(db: DbOrTx, userId: string) {
  const [u] = await db
    .select({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      login: users.login,
      email: users.email,
      peselMasked: users.peselMasked,
      peselEnc: users.peselEnc,
      createdAt: users.createdAt,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return u ?? null;
}

export interface ProfileRequestRow {
  id: string;
  profileId: string;
  number: string;
  roleCode: string;
  roleName: string;
  status: RequestStatus;
  submittedAt: Date;
  statusChangedAt: Date;
  assignedAt: Date | null;
  verifyingUnitId: string;
  rejectReason: string | null;
}

/** The requests of the given profiles (every status but the unfinished "zapisany"), newest first. */
export async function profileRequests(db: DbOrTx, profileIds: readonly string[]): Promise<ProfileRequestRow[]> {
  if (!profileIds.length) return [];
  const rows = await db
    .select({
      id: roleRequests.id,
      profileId: roleRequests.profileId,
      number: roleRequests.number,
      roleCode: roleRequests.roleCode,
      roleName: roles.name,
      status: roleRequests.status,
      submittedAt: roleRequests.submittedAt,
      statusChangedAt: roleRequests.statusChangedAt,
      assignedAt: roleRequests.assignedAt,
      verifyingUnitId: roleRequests.verifyingUnitId,
      rejectReason: roleRequests.rejectReason,
    })
    .from(roleRequests)
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(and(inArray(roleRequests.profileId, [...profileIds]), ne(roleRequests.status, 'zapisany')))
    .orderBy(desc(roleRequests.year), desc(roleRequests.seq));
  return rows.map((r) => ({ ...r, status: r.status as RequestStatus }));
}

/** One request with its profile (for "Odbierz rolę"). */
export async function findProfileRequest(db: DbOrTx, requestId: string) {
  const [r] = await db
    .select({
      id: roleRequests.id,
      profileId: roleRequests.profileId,
      number: roleRequests.number,
      status: roleRequests.status,
      roleName: roles.name,
      verifyingUnitId: roleRequests.verifyingUnitId,
    })
    .from(roleRequests)
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(eq(roleRequests.id, requestId));
  return r ? { ...r, status: r.status as RequestStatus } : null;
}

/** Administrators' actions on these profiles (blocks, unblocks, roles taken back), newest first, from the audit log. */
export const PROFILE_ADMIN_ACTIONS = ['management.profile_blocked', 'management.profile_unblocked', 'management.role_revoked'] as const;

export async function profileAdminHistory(db: DbOrTx, profileIds: readonly string[]) {
  if (!profileIds.length) return [];
  const rows = await db
    .select({
      profileId: auditLog.subjectId,
      action: auditLog.action,
      at: auditLog.occurredAt,
      details: auditLog.details,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.subjectType, 'profile'), inArray(auditLog.subjectId, [...profileIds]), inArray(auditLog.action, [...PROFILE_ADMIN_ACTIONS])))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id));
  return rows.map((r) => ({
    profileId: r.profileId ?? '',
    action: r.action as (typeof PROFILE_ADMIN_ACTIONS)[number],
    at: r.at,
    reason: typeof r.details.reason === 'string' ? r.details.reason : null,
    roleName: typeof r.details.roleName === 'string' ? r.details.roleName : null,
    who: r.firstName ? `${r.firstName} ${r.lastName ?? ''}`.trim() : null,
  }));
}

/** Set or clear the administrator's block (the status is then recomputed by the caller). */
export async function setProfileBlock(db: DbOrTx, profileId: string, block: { at: Date; by: string; reason: string } | null, now: Date): Promise<void> {
  await db
    .update(profiles)
    .set(
      block
        ? { blockedAt: block.at, blockedBy: block.by, blockedReason: block.reason, updatedAt: now }
        : { blockedAt: null, blockedBy: null, blockedReason: null, updatedAt: now },
    )
    .where(eq(profiles.id, profileId));
}
