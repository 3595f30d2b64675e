import { and, eq, exists, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { profiles, roleRequests, roles, units } from '../schema/index.ts';
import type { RouteInput, VerifierRef } from '../../domain/routing.ts';

/** Kinds that verify requests; which kind is which is data in the dictionary, this names the routing targets. */
const VERIFIER_KINDS = ['CeZ', 'IPIN', 'KCPU', 'UW'] as const;

/**
 * The candidate verifying units for routeRequest(), each with whether it has an active
 * administrator right now (an approved administrator role in an active, unblocked profile).
 */
export async function loadVerifierCandidates(db: DbOrTx): Promise<RouteInput['verifiers']> {
  const hasAdmin = exists(
    db
      .select({ one: sql`1` })
      .from(roleRequests)
      .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
      .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
      .where(and(eq(profiles.unitId, units.id), eq(roleRequests.status, 'zatwierdzony'), eq(roles.isAdmin, true), eq(profiles.status, 'aktywny'))),
  );
  const rows = await db
    .select({ id: units.id, kindCode: units.kindCode, name: units.name, email: units.email, voivodeshipCode: units.voivodeshipCode, hasActiveAdmin: hasAdmin })
    .from(units)
    .where(and(inArray(units.kindCode, [...VERIFIER_KINDS]), eq(units.isActive, true)))
    .orderBy(units.createdAt);
  const ref = (r: (typeof rows)[number]): VerifierRef => ({ unitId: r.id, name: r.name, email: r.email ?? '', hasActiveAdmin: Boolean(r.hasActiveAdmin) });
  const first = (kind: string) => rows.find((r) => r.kindCode === kind);
  const cez = first('CeZ');
  if (!cez) throw new Error('no Centrum e-Zdrowia unit in the registry');
  const ipin = first('IPIN');
  const kcpu = first('KCPU');
  const uwByVoivodeship = new Map<string, VerifierRef>();
  for (const r of rows) if (r.kindCode === 'UW' && r.voivodeshipCode && !uwByVoivodeship.has(r.voivodeshipCode)) uwByVoivodeship.set(r.voivodeshipCode, ref(r));
  return { cez: ref(cez), ipin: ipin ? ref(ipin) : null, kcpu: kcpu ? ref(kcpu) : null, uwByVoivodeship };
}
