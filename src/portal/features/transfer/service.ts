import argon2 from 'argon2';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { createNumberedRequests } from '../../../db/repositories/request-lifecycle.ts';
import { heldOrPendingRoles, recomputeProfileStatus } from '../../../db/repositories/requests.ts';
import { legacyAccounts, legacyRoleMappings, profiles, requestSubmissions, roles, unitKinds, units, users } from '../../../db/schema/index.ts';
import type { RoleDef } from '../../../domain/reference-data.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { drafts } from '../../wizard/step-map.ts';
import { transferWizard, VERIFIED_TTL_MS, type TransferDraft } from './schema.ts';

export const LEGACY_MAX_FAILURES = 5;
export const LEGACY_LOCK_MS = 15 * 60_000;

/** A fixed hash to verify against for unknown logins, so timing does not reveal which logins exist. */
let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= argon2.hash('nieistniejace-konto-ssoz1', { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }));

export type VerifyResult =
  { ok: true; legacyId: string } | { ok: false; reason: 'invalid' | 'too_old' | 'transferred' | 'no_roles' } | { ok: false; reason: 'locked'; until: Date };

export type CompleteResult = { ok: true; profileId: string; numbers: string[] } | { ok: false; reason: 'transferred' | 'no_roles' };

export interface TransferSummary {
  legacyLogin: string;
  unit: {
    id: string;
    kindCode: string;
    kindName: string;
    name: string;
    nip: string | null;
    regon: string | null;
    registryBookNo: string | null;
    voivodeshipCode: string | null;
    isAddictionCare: boolean;
  };
  /** legacy role → SSOZ II role */
  carried: { legacyName: string; role: RoleDef }[];
  /** legacy roles that have no SSOZ II role, with the reason */
  notCarried: { legacyName: string; note: string | null }[];
}

async function loadSummary(db: DbOrTx, legacyId: string): Promise<TransferSummary | null> {
  const [row] = await db
    .select({ acc: legacyAccounts, unit: units, kindName: unitKinds.name })
    .from(legacyAccounts)
    .innerJoin(units, eq(units.id, legacyAccounts.unitId))
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .where(eq(legacyAccounts.id, legacyId));
  if (!row) return null;
  const mappings = await db
    .select({ m: legacyRoleMappings, role: roles })
    .from(legacyRoleMappings)
    .leftJoin(roles, eq(roles.code, legacyRoleMappings.roleCode));
  const byName = new Map(mappings.map((x) => [x.m.legacyName, x]));
  const carried: TransferSummary['carried'] = [];
  const notCarried: TransferSummary['notCarried'] = [];
  for (const name of row.acc.legacyRoles) {
    const m = byName.get(name);
    if (m?.role)
      carried.push({
        legacyName: name,
        role: { ...m.role, unitClass: m.role.unitClass as RoleDef['unitClass'], reportArea: m.role.reportArea as RoleDef['reportArea'] },
      });
    else notCarried.push({ legacyName: name, note: m?.m.note ?? 'Rola nie ma odpowiednika w SSOZ II.' });
  }
  return {
    legacyLogin: row.acc.login,
    unit: {
      id: row.unit.id,
      kindCode: row.unit.kindCode,
      kindName: row.kindName,
      name: row.unit.name,
      nip: row.unit.nip,
      regon: row.unit.regon,
      registryBookNo: row.unit.registryBookNo,
      voivodeshipCode: row.unit.voivodeshipCode,
      isAddictionCare: row.unit.isAddictionCare,
    },
    carried,
    notCarried,
  };
}

/** A draft verified within the last 15 minutes; an older one counts as none (step 1 again). */
function fresh(draft: { data: TransferDraft } | null, now: Date): TransferDraft | null {
  if (!draft) return null;
  const age = now.getTime() - Date.parse(draft.data.verifiedAt);
  return age >= 0 && age <= VERIFIED_TTL_MS ? draft.data : null;
}

/**
 * "Przenoszę uprawnienia z SSOZ I": step 1 checks the SSOZ I login and password and keeps the
 * verified account in the wizard's draft; step 2 "Zakończ" creates an active profile at once.
 */
export function transferService({ db, config }: ServiceDeps) {
  return {
    /** Step 1: the SSOZ I login and password. Wrong passwords lock that legacy login for a while. */
    async verify(ctx: Ctx, input: { login: string; password: string }): Promise<VerifyResult> {
      const login = input.login.trim();
      return db.transaction(async (tx) => {
        const [acc] = login
          ? await tx
              .select()
              .from(legacyAccounts)
              .where(sql`lower(${legacyAccounts.login}) = ${login.toLowerCase()}`)
              .for('update')
          : [];
        const audit = (outcome: 'success' | 'failure', reason: string) =>
          recordAudit(tx, {
            action: 'ssoz1.verify',
            outcome,
            ...auditOf(ctx),
            subjectType: 'legacy_account',
            subjectId: acc?.id,
            details: { legacyLogin: acc?.login ?? null, reason },
          });
        if (!acc) {
          await argon2.verify(await dummy(), input.password || 'x');
          await audit('failure', 'unknown_login');
          return { ok: false, reason: 'invalid' } as const;
        }
        if (acc.lockedUntil && acc.lockedUntil > ctx.now) {
          await audit('failure', 'locked');
          return { ok: false, reason: 'locked', until: acc.lockedUntil } as const;
        }
        if (!(await argon2.verify(acc.passwordHash, input.password))) {
          const failures = acc.failedAttempts + 1;
          const lock = failures >= LEGACY_MAX_FAILURES;
          const until = new Date(ctx.now.getTime() + LEGACY_LOCK_MS);
          await tx
            .update(legacyAccounts)
            .set({ failedAttempts: lock ? 0 : failures, lockedUntil: lock ? until : acc.lockedUntil })
            .where(eq(legacyAccounts.id, acc.id));
          await audit('failure', lock ? 'locked_now' : 'wrong_password');
          return lock ? ({ ok: false, reason: 'locked', until } as const) : ({ ok: false, reason: 'invalid' } as const);
        }
        await tx.update(legacyAccounts).set({ failedAttempts: 0, lockedUntil: null }).where(eq(legacyAccounts.id, acc.id));
        if (acc.createdOn < config.legacyCutoffDate) {
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
        // step 2 is reachable from now on, for 15 minutes
        await drafts.save(tx, transferWizard, ctx.actor.userId, 'summary', { legacyId: acc.id, verifiedAt: ctx.now.toISOString() }, ctx.now);
        return { ok: true, legacyId: acc.id } as const;
      });
    },

    /** The verified account of step 1 while it is still valid, or null (read only). */
    async verified(ctx: Ctx): Promise<TransferDraft | null> {
      return fresh(await drafts.get(db, transferWizard, ctx.actor.userId), ctx.now);
    },

    /** Step 2's page: the unit and the roles that will and will not be carried over. */
    async summary(_ctx: Ctx, input: { legacyId: string }): Promise<TransferSummary | null> {
      return loadSummary(db, input.legacyId);
    },

    /**
     * Step 2 "Zakończ": an active profile at once, its requests created as approved through the
     * request lifecycle, the legacy account marked transferred, the draft removed — all or nothing,
     * and only once per legacy account. Null when step 1 was not done or is no longer valid.
     */
    async complete(ctx: Ctx, input: { phone: string; email: string }): Promise<CompleteResult | null> {
      const userId = ctx.actor.userId;
      return db.transaction(async (tx) => {
        // the same per-user lock as "Zapisz wniosek": a transfer and a wizard for one unit cannot interleave
        await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
        const draft = await drafts.get(tx, transferWizard, userId);
        const verified = fresh(draft, ctx.now);
        if (!draft || !verified) {
          // a second "Zakończ" (double submit) finds the draft gone with the transfer done: the result, not step 1
          const [done] = await tx
            .select({ id: legacyAccounts.id })
            .from(legacyAccounts)
            .where(and(eq(legacyAccounts.transferredByUserId, userId), gte(legacyAccounts.transferredAt, new Date(ctx.now.getTime() - VERIFIED_TTL_MS))))
            .limit(1);
          return done ? ({ ok: false, reason: 'transferred' } as const) : null;
        }
        await drafts.remove(tx, draft.id);
        const [acc] = await tx.select().from(legacyAccounts).where(eq(legacyAccounts.id, verified.legacyId)).for('update');
        if (!acc || acc.transferredAt) return { ok: false, reason: 'transferred' } as const;
        const summary = await loadSummary(tx, acc.id);
        if (!summary || summary.carried.length === 0) return { ok: false, reason: 'no_roles' } as const;

        let [profile] = await tx
          .select()
          .from(profiles)
          .where(and(eq(profiles.userId, userId), eq(profiles.unitId, summary.unit.id)));
        if (!profile) {
          [profile] = await tx
            .insert(profiles)
            .values({
              userId,
              unitId: summary.unit.id,
              phone: input.phone,
              email: input.email,
              status: 'nieaktywowany',
              createdAt: ctx.now,
              updatedAt: ctx.now,
              statusChangedAt: ctx.now,
            })
            .returning();
        } else {
          await tx.update(profiles).set({ phone: input.phone, email: input.email, updatedAt: ctx.now }).where(eq(profiles.id, profile.id));
        }
        if (!profile) throw new Error('profile insert failed');
        const held = await heldOrPendingRoles(tx, profile.id);
        const [submission] = await tx
          .insert(requestSubmissions)
          .values({
            idempotencyKey: `ssoz1:${acc.id}`,
            userId,
            profileId: profile.id,
            source: 'ssoz1_transfer',
            contactPhone: input.phone,
            contactEmail: input.email,
            deliveryChoice: null,
            finishedAt: ctx.now,
            createdAt: ctx.now,
          })
          .returning({ id: requestSubmissions.id });
        if (!submission) throw new Error('submission insert failed');
        // roles already held or asked for there are not carried twice
        const carried = summary.carried.map((c) => c.role).filter((role, i, all) => !held.has(role.code) && all.findIndex((r) => r.code === role.code) === i);
        const numbers = await createNumberedRequests(
          tx,
          { submissionId: submission.id, profileId: profile.id, unit: summary.unit, roles: carried },
          'zatwierdzony',
          {
            by: userId,
            at: ctx.now,
            ip: ctx.ip,
            requestId: ctx.requestId,
            event: 'transferred',
            reason: `Przeniesione z SSOZ I (konto ${acc.login})`,
            details: { legacyLogin: acc.login },
          },
        );
        await tx
          .update(legacyAccounts)
          .set({ transferredAt: ctx.now, transferredToProfileId: profile.id, transferredByUserId: userId })
          .where(eq(legacyAccounts.id, acc.id));
        // once, after all of the submission's requests are written
        const status = await recomputeProfileStatus(tx, profile.id, ctx.now);
        await recordAudit(tx, {
          action: 'ssoz1.transfer',
          outcome: 'success',
          ...auditOf(ctx),
          subjectType: 'profile',
          subjectId: profile.id,
          details: { legacyLogin: acc.login, numbers, notCarried: summary.notCarried.map((n) => n.legacyName), status },
        });
        return { ok: true, profileId: profile.id, numbers } as const;
      });
    },
  };
}
