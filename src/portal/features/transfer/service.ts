import argon2 from 'argon2';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { heldOrPendingRoles, nextRequestNumber, recomputeProfileStatus, recordStatusChange } from '../../../db/repositories/requests.ts';
import { loadVerifierCandidates } from '../../../db/repositories/verifiers.ts';
import { legacyAccounts, legacyRoleMappings, profiles, requestSubmissions, roleRequests, roles, unitKinds, units, users } from '../../../db/schema/index.ts';
import type { RoleDef } from '../../../domain/reference-data.ts';
import { routeRequest } from '../../../domain/routing.ts';

export const LEGACY_MAX_FAILURES = 5;
export const LEGACY_LOCK_MS = 15 * 60_000;

type Meta = { ip: string; requestId: string };

/** A fixed hash to verify against for unknown logins, so timing does not reveal which logins exist. */
let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= argon2.hash('nieistniejace-konto-ssoz1', { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }));

export type VerifyResult =
  | { ok: true; legacyId: string }
  | { ok: false; reason: 'invalid' | 'too_old' | 'transferred' | 'no_roles' }
  | { ok: false; reason: 'locked'; until: Date };

/** Step 1: the SSOZ I login and password. Wrong passwords lock that legacy login for a while. */
export async function verifyLegacyAccount(
  db: Db,
  input: { login: string; password: string; userId: string; cutoff: string; now: Date; meta: Meta },
): Promise<VerifyResult> {
  const login = input.login.trim();
  return db.transaction(async (tx) => {
    const [acc] = login
      ? await tx.select().from(legacyAccounts).where(sql`lower(${legacyAccounts.login}) = ${login.toLowerCase()}`).for('update')
      : [];
    const audit = (outcome: 'success' | 'failure', reason: string) =>
      recordAudit(tx, { action: 'ssoz1.verify', outcome, actorUserId: input.userId, subjectType: 'legacy_account', subjectId: acc?.id, ip: input.meta.ip, requestId: input.meta.requestId, details: { legacyLogin: acc?.login ?? null, reason } });
    if (!acc) {
      await argon2.verify(await dummy(), input.password || 'x');
      await audit('failure', 'unknown_login');
      return { ok: false, reason: 'invalid' } as const;
    }
    if (acc.lockedUntil && acc.lockedUntil > input.now) {
      await audit('failure', 'locked');
      return { ok: false, reason: 'locked', until: acc.lockedUntil } as const;
    }
    if (!(await argon2.verify(acc.passwordHash, input.password))) {
      const failures = acc.failedAttempts + 1;
      const lock = failures >= LEGACY_MAX_FAILURES;
      await tx
        .update(legacyAccounts)
        .set({ failedAttempts: lock ? 0 : failures, lockedUntil: lock ? new Date(input.now.getTime() + LEGACY_LOCK_MS) : acc.lockedUntil })
        .where(eq(legacyAccounts.id, acc.id));
      await audit('failure', lock ? 'locked_now' : 'wrong_password');
      return lock ? ({ ok: false, reason: 'locked', until: new Date(input.now.getTime() + LEGACY_LOCK_MS) } as const) : ({ ok: false, reason: 'invalid' } as const);
    }
    await tx.update(legacyAccounts).set({ failedAttempts: 0, lockedUntil: null }).where(eq(legacyAccounts.id, acc.id));
    if (acc.createdOn < input.cutoff) {
      await audit('failure', 'too_old');
      return { ok: false, reason: 'too_old' } as const;
    }
    if (acc.transferredAt) {
      await audit('failure', 'transferred');
      return { ok: false, reason: 'transferred' } as const;
    }
    const summary = await loadSummary(tx, acc.id);
    if (!summary || summary.carried.length === 0) {
      await audit('failure', 'no_roles');
      return { ok: false, reason: 'no_roles' } as const;
    }
    await audit('success', 'verified');
    return { ok: true, legacyId: acc.id } as const;
  });
}

export interface TransferSummary {
  legacyLogin: string;
  unit: { id: string; kindCode: string; kindName: string; name: string; nip: string | null; regon: string | null; registryBookNo: string | null; voivodeshipCode: string | null; isAddictionCare: boolean };
  /** legacy role → SSOZ II role */
  carried: { legacyName: string; role: RoleDef }[];
  /** legacy roles that have no SSOZ II role, with the reason */
  notCarried: { legacyName: string; note: string | null }[];
}

async function loadSummary(db: Pick<Db, 'select'>, legacyId: string): Promise<TransferSummary | null> {
  const [row] = await db
    .select({ acc: legacyAccounts, unit: units, kindName: unitKinds.name })
    .from(legacyAccounts)
    .innerJoin(units, eq(units.id, legacyAccounts.unitId))
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(eq(legacyAccounts.id, legacyId));
  if (!row) return null;
  const mappings = await db.select({ m: legacyRoleMappings, role: roles }).from(legacyRoleMappings).leftJoin(roles, eq(roles.code, legacyRoleMappings.roleCode));
  const byName = new Map(mappings.map((x) => [x.m.legacyName, x]));
  const carried: TransferSummary['carried'] = [];
  const notCarried: TransferSummary['notCarried'] = [];
  for (const name of row.acc.legacyRoles) {
    const m = byName.get(name);
    if (m?.role) carried.push({ legacyName: name, role: { ...m.role, unitClass: m.role.unitClass as RoleDef['unitClass'], reportArea: m.role.reportArea as RoleDef['reportArea'] } });
    else notCarried.push({ legacyName: name, note: m?.m.note ?? 'Rola nie ma odpowiednika w SSOZ II.' });
  }
  return {
    legacyLogin: row.acc.login,
    unit: {
      id: row.unit.id, kindCode: row.unit.kindCode, kindName: row.kindName, name: row.unit.name, nip: row.unit.nip, regon: row.unit.regon,
      registryBookNo: row.unit.registryBookNo, voivodeshipCode: row.unit.voivodeshipCode, isAddictionCare: row.unit.isAddictionCare,
    },
    carried,
    notCarried,
  };
}

export function transferSummary(db: Db, legacyId: string): Promise<TransferSummary | null> {
  return loadSummary(db, legacyId);
}

/**
 * Step 2 "Zakończ": an active profile at once, its requests recorded as approved by the transfer,
 * the legacy account marked transferred — all or nothing, and only once per legacy account.
 */
export async function completeTransfer(
  db: Db,
  input: { legacyId: string; userId: string; phone: string; email: string; now: Date; meta: Meta },
): Promise<{ ok: true; profileId: string; numbers: string[] } | { ok: false; reason: 'transferred' | 'no_roles' }> {
  return db.transaction(async (tx) => {
    // the same per-user lock as "Zapisz wniosek": a transfer and a wizard for one unit cannot interleave
    await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for('update');
    const [acc] = await tx.select().from(legacyAccounts).where(eq(legacyAccounts.id, input.legacyId)).for('update');
    if (!acc || acc.transferredAt) return { ok: false, reason: 'transferred' } as const;
    const summary = await loadSummary(tx, acc.id);
    if (!summary || summary.carried.length === 0) return { ok: false, reason: 'no_roles' } as const;

    let [profile] = await tx.select().from(profiles).where(and(eq(profiles.userId, input.userId), eq(profiles.unitId, summary.unit.id)));
    if (!profile) {
      [profile] = await tx
        .insert(profiles)
        .values({ userId: input.userId, unitId: summary.unit.id, phone: input.phone, email: input.email, status: 'nieaktywowany', createdAt: input.now, updatedAt: input.now, statusChangedAt: input.now })
        .returning();
    } else {
      await tx.update(profiles).set({ phone: input.phone, email: input.email, updatedAt: input.now }).where(eq(profiles.id, profile.id));
    }
    if (!profile) throw new Error('profile insert failed');
    const held = await heldOrPendingRoles(tx, profile.id);
    const [submission] = await tx
      .insert(requestSubmissions)
      .values({
        idempotencyKey: `ssoz1:${acc.id}`, userId: input.userId, profileId: profile.id, source: 'ssoz1_transfer', contactPhone: input.phone, contactEmail: input.email,
        deliveryChoice: null, finishedAt: input.now, createdAt: input.now,
      })
      .returning({ id: requestSubmissions.id });
    if (!submission) throw new Error('submission insert failed');
    const verifiers = await loadVerifierCandidates(tx);
    const numbers: string[] = [];
    const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Warsaw' }).format(input.now));
    for (const { role } of summary.carried) {
      if (held.has(role.code)) continue;
      held.add(role.code);
      const { number, seq } = await nextRequestNumber(tx, year);
      const verifier = routeRequest({ role, unit: { kindCode: summary.unit.kindCode, voivodeshipCode: summary.unit.voivodeshipCode ?? '', isAddictionCare: summary.unit.isAddictionCare }, verifiers });
      const [req] = await tx
        .insert(roleRequests)
        .values({
          number, year, seq, submissionId: submission.id, profileId: profile.id, roleCode: role.code, status: 'zatwierdzony', verifyingUnitId: verifier.unitId,
          submittedAt: input.now, decidedAt: input.now, assignedAt: input.now, statusChangedAt: input.now,
        })
        .returning({ id: roleRequests.id });
      if (!req) throw new Error('request insert failed');
      await recordStatusChange(tx, { requestId: req.id, from: null, to: 'zatwierdzony', reason: `Przeniesione z SSOZ I (konto ${acc.login})`, by: input.userId, at: input.now });
      numbers.push(number);
    }
    await tx.update(legacyAccounts).set({ transferredAt: input.now, transferredToProfileId: profile.id, transferredByUserId: input.userId }).where(eq(legacyAccounts.id, acc.id));
    const status = await recomputeProfileStatus(tx, profile.id, input.now);
    await recordAudit(tx, {
      action: 'ssoz1.transfer', outcome: 'success', actorUserId: input.userId, subjectType: 'profile', subjectId: profile.id, ip: input.meta.ip, requestId: input.meta.requestId,
      details: { legacyLogin: acc.login, numbers, notCarried: summary.notCarried.map((n) => n.legacyName), status },
    });
    return { ok: true, profileId: profile.id, numbers } as const;
  });
}
