import { and, asc, count, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { UUID_RE } from '../../lib/ids.ts';
import type { DbOrTx, Tx } from '../client.ts';
import { profiles, unitKinds, units, unitSupervisors, users } from '../schema/index.ts';
import { recomputeProfileStatus } from './requests.ts';

/**
 * The unit registry as "Zarządzanie → Jednostki" reads and changes it (the search itself is
 * unit-search.ts, shared with the request wizard).
 */

export type UnitRow = typeof units.$inferSelect;

export interface UnitKindRow {
  code: string;
  name: string;
  isCentral: boolean;
  isSupervising: boolean;
  isReporting: boolean;
}

export interface UnitRecord {
  unit: UnitRow;
  kind: UnitKindRow;
  supervisors: { id: string; name: string; kindCode: string; isActive: boolean }[];
  /** profiles in the unit by status */
  profileCounts: Record<string, number>;
}

export async function unitKindList(db: DbOrTx): Promise<UnitKindRow[]> {
  return db
    .select({
      code: unitKinds.code,
      name: unitKinds.name,
      isCentral: unitKinds.isCentral,
      isSupervising: unitKinds.isSupervising,
      isReporting: unitKinds.isReporting,
    })
    .from(unitKinds)
    .orderBy(asc(unitKinds.sortOrder), asc(unitKinds.code));
}

/** One unit, any status, with its kind, supervising units and profile counts; null for an unknown id. */
export async function unitRecord(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<UnitRecord | null> {
  if (typeof id !== 'string' || !UUID_RE.test(id)) return null;
  const q = db.select().from(units).where(eq(units.id, id));
  const [unit] = opts.lock ? await q.for('update') : await q;
  if (!unit) return null;
  const [kind] = await db
    .select({
      code: unitKinds.code,
      name: unitKinds.name,
      isCentral: unitKinds.isCentral,
      isSupervising: unitKinds.isSupervising,
      isReporting: unitKinds.isReporting,
    })
    .from(unitKinds)
    .where(eq(unitKinds.code, unit.kindCode));
  if (!kind) throw new Error('unit kind missing');
  const supervisors = await db
    .select({ id: units.id, name: units.name, kindCode: units.kindCode, isActive: units.isActive })
    .from(unitSupervisors)
    .innerJoin(units, eq(units.id, unitSupervisors.supervisorUnitId))
    .where(eq(unitSupervisors.unitId, id))
    .orderBy(asc(units.sortKey), asc(units.id));
  const counts = await db.select({ status: profiles.status, n: count() }).from(profiles).where(eq(profiles.unitId, id)).groupBy(profiles.status);
  const profileCounts: Record<string, number> = {};
  for (const c of counts) profileCounts[c.status] = Number(c.n);
  return { unit, kind, supervisors, profileCounts };
}

/** Active units of a supervising kind, by name: the choices of "Jednostki nadzorujące". */
export async function supervisorCandidates(db: DbOrTx): Promise<{ id: string; name: string; kindCode: string }[]> {
  return db
    .select({ id: units.id, name: units.name, kindCode: units.kindCode })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(and(eq(units.isActive, true), eq(unitKinds.isSupervising, true)))
    .orderBy(asc(units.sortKey), asc(units.id));
}

export type DuplicateField = 'nip' | 'regon' | 'registryBookNo';

/** Units (any status, other than `exceptId`) that already carry this NIP, REGON or registry book number. */
export async function findDuplicateUnits(
  db: DbOrTx,
  keys: { nip?: string | null; regon?: string | null; registryBookNo?: string | null },
  exceptId?: string,
): Promise<{ field: DuplicateField; id: string; name: string }[]> {
  const conds: SQL[] = [];
  if (keys.nip) conds.push(eq(units.nip, keys.nip));
  if (keys.regon) conds.push(eq(units.regon, keys.regon));
  if (keys.registryBookNo) conds.push(eq(units.registryBookNo, keys.registryBookNo));
  if (!conds.length) return [];
  const rows = await db
    .select({ id: units.id, name: units.name, nip: units.nip, regon: units.regon, book: units.registryBookNo })
    .from(units)
    .where(and(or(...conds), exceptId ? ne(units.id, exceptId) : undefined))
    .orderBy(asc(units.id))
    .limit(10);
  const out: { field: DuplicateField; id: string; name: string }[] = [];
  for (const field of ['nip', 'regon', 'registryBookNo'] as const) {
    const want = keys[field];
    const col = field === 'registryBookNo' ? 'book' : field;
    const hit = want ? rows.find((r) => r[col] === want) : undefined;
    if (hit) out.push({ field, id: hit.id, name: hit.name });
  }
  return out;
}

/** Replace the unit's supervising units (ids checked by the caller). */
export async function setUnitSupervisors(tx: Tx, unitId: string, supervisorIds: readonly string[]): Promise<void> {
  await tx.delete(unitSupervisors).where(eq(unitSupervisors.unitId, unitId));
  if (supervisorIds.length) await tx.insert(unitSupervisors).values(supervisorIds.map((s) => ({ unitId, supervisorUnitId: s })));
}

/** Which of these ids are active units of a supervising kind. */
export async function existingSupervisorIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  const valid = ids.filter((i) => UUID_RE.test(i));
  if (!valid.length) return new Set();
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(and(inArray(units.id, valid), eq(units.isActive, true), eq(unitKinds.isSupervising, true)));
  return new Set(rows.map((r) => r.id));
}

export interface ProfileStatusChange {
  profileId: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  from: string;
  to: string;
}

/**
 * After the unit's active flag changed: every profile of the unit has its status derived again (an
 * inactive unit blocks them; a reactivated one gives back what their requests and blocks say), in
 * the caller's transaction, the rows locked. Returns the profiles whose status changed.
 */
export async function recomputeUnitProfiles(tx: Tx, unitId: string, now: Date): Promise<ProfileStatusChange[]> {
  const rows = await tx
    .select({ id: profiles.id, userId: profiles.userId, email: profiles.email, status: profiles.status })
    .from(profiles)
    .where(eq(profiles.unitId, unitId))
    .orderBy(asc(profiles.id))
    .for('update');
  if (!rows.length) return [];
  const names = new Map(
    (
      await tx
        .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
        .from(users)
        .where(
          inArray(
            users.id,
            rows.map((r) => r.userId),
          ),
        )
    ).map((u) => [u.id, u]),
  );
  const changed: ProfileStatusChange[] = [];
  for (const p of rows) {
    const to = await recomputeProfileStatus(tx, p.id, now);
    const u = names.get(p.userId);
    if (to !== p.status)
      changed.push({ profileId: p.id, userId: p.userId, email: p.email, firstName: u?.firstName ?? '', lastName: u?.lastName ?? '', from: p.status, to });
  }
  return changed;
}

/**
 * Serialises additions to the registry (transaction-scoped advisory lock): two people adding the same
 * unit at once cannot both pass the duplicate check.
 */
export async function lockUnitRegistry(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('portal.units.add'))`);
}

/** The unit a form token already created (double submit of "Dodaj jednostkę"), if any. */
export async function unitBySourceKey(db: DbOrTx, sourceKey: string): Promise<string | null> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.sourceKey, sourceKey));
  return row?.id ?? null;
}
