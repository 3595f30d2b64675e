import { eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { roleRequests } from '../schema/index.ts';
import { findTransition } from '../../domain/request-lifecycle.ts';
import type { RequestStatus } from '../../domain/status.ts';
import { recordAudit } from './audit.ts';
import { nextRequestNumber, recomputeProfileStatus, recordStatusChange } from './requests.ts';
import { loadVerifierCandidates } from './verifiers.ts';
import type { RoleDef } from '../../domain/reference-data.ts';
import { requestYear } from '../../domain/request-number.ts';
import { routeRequest } from '../../domain/routing.ts';

export interface TransitionBy {
  /** the user who made the move (null only for the system, e.g. retention) */
  by: string | null;
  reason?: string | null;
  at: Date;
  ip?: string | null;
  requestId?: string | null;
  /** which of the table's moves this is, when several lead to the same status (withdrawn / rejected) */
  event?: string;
  /** extra audit details (e.g. the SSOZ I login of a transfer) */
  details?: Record<string, unknown>;
}

export type TransitionResult =
  | { ok: true; from: RequestStatus; to: RequestStatus; profileId: string; profileStatus: string; number: string }
  | { ok: false; reason: 'not_found' | 'not_allowed'; from: RequestStatus | null };

type NewRequest = Omit<typeof roleRequests.$inferInsert, 'status' | 'statusChangedAt'>;

/**
 * The one way a request changes status: lock the row, check the move against the transition table,
 * write the status and its history, recompute the profile's status and audit — in the caller's
 * transaction. Two concurrent moves of one request serialise on the row lock; the second sees the
 * new status and is refused (`not_allowed`).
 */
export async function transition(tx: Tx, requestId: string, to: RequestStatus, how: TransitionBy): Promise<TransitionResult> {
  const [row] = await tx
    .select({ status: roleRequests.status, profileId: roleRequests.profileId, number: roleRequests.number })
    .from(roleRequests)
    .where(eq(roleRequests.id, requestId))
    .for('update');
  if (!row) return { ok: false, reason: 'not_found', from: null };
  const from = row.status as RequestStatus;
  const rule = findTransition(from, to, how.event);
  if (!rule) return { ok: false, reason: 'not_allowed', from };
  const decided = to === 'zatwierdzony' || to === 'odrzucony';
  await tx
    .update(roleRequests)
    .set({
      status: to,
      statusChangedAt: how.at,
      ...(decided ? { decidedAt: how.at, decidedBy: how.by } : {}),
      ...(to === 'odrzucony' ? { rejectReason: how.reason ?? null } : {}),
      ...(to === 'zatwierdzony' ? { assignedAt: how.at } : {}),
      // "Data złożenia" of a request is when it became pending
      ...(to === 'oczekujacy' ? { submittedAt: how.at } : {}),
    })
    .where(eq(roleRequests.id, requestId));
  await recordStatusChange(tx, { requestId, from, to, reason: how.reason ?? null, by: how.by, at: how.at });
  const profileStatus = await recomputeProfileStatus(tx, row.profileId, how.at);
  await recordAudit(tx, {
    action: `request.${rule.event}`,
    actorUserId: how.by,
    subjectType: 'role_request',
    subjectId: requestId,
    ip: how.ip ?? null,
    requestId: how.requestId ?? null,
    details: { number: row.number, from, to, ...(how.reason ? { reason: how.reason } : {}), profileStatus, ...how.details },
  });
  return { ok: true, from, to, profileId: row.profileId, profileStatus, number: row.number };
}

/**
 * A new request enters the table through the same rules (null → zapisany for the wizard, null →
 * zatwierdzony for the SSOZ I transfer). The caller recomputes the profile status once all of a
 * submission's requests are written.
 */
export async function createRequest(tx: Tx, values: NewRequest, to: RequestStatus, how: TransitionBy): Promise<string> {
  const rule = findTransition(null, to, how.event);
  if (!rule) throw new Error(`a request cannot start as ${to}`);
  const [row] = await tx
    .insert(roleRequests)
    .values({
      ...values,
      status: to,
      statusChangedAt: how.at,
      ...(to === 'zatwierdzony' ? { decidedAt: how.at, decidedBy: how.by, assignedAt: how.at } : {}),
    })
    .returning({ id: roleRequests.id });
  if (!row) throw new Error('request insert failed');
  await recordStatusChange(tx, { requestId: row.id, from: null, to, reason: how.reason ?? null, by: how.by, at: how.at });
  await recordAudit(tx, {
    action: `request.${rule.event}`,
    actorUserId: how.by,
    subjectType: 'role_request',
    subjectId: row.id,
    ip: how.ip ?? null,
    requestId: how.requestId ?? null,
    details: { number: values.number, to, ...(how.reason ? { reason: how.reason } : {}), ...how.details },
  });
  return row.id;
}

/**
 * The requests of one submission: each role gets the next number of the year (Polish time) and is
 * routed to its verifying unit (domain/routing.ts), then enters the lifecycle as `to`. The caller
 * recomputes the profile status once, after all of them.
 */
export async function createNumberedRequests(
  tx: Tx,
  input: {
    submissionId: string;
    profileId: string;
    unit: { kindCode: string; voivodeshipCode: string | null; isAddictionCare: boolean };
    roles: readonly RoleDef[];
  },
  to: RequestStatus,
  how: TransitionBy,
): Promise<string[]> {
  const verifiers = await loadVerifierCandidates(tx);
  const year = requestYear(how.at);
  const numbers: string[] = [];
  for (const role of input.roles) {
    const { number, seq } = await nextRequestNumber(tx, year);
    const unit = { kindCode: input.unit.kindCode, voivodeshipCode: input.unit.voivodeshipCode ?? '', isAddictionCare: input.unit.isAddictionCare };
    const verifier = routeRequest({ role, unit, verifiers });
    const values = {
      number,
      year,
      seq,
      submissionId: input.submissionId,
      profileId: input.profileId,
      roleCode: role.code,
      verifyingUnitId: verifier.unitId,
      submittedAt: how.at,
    };
    await createRequest(tx, values, to, how);
    numbers.push(number);
  }
  return numbers;
}
