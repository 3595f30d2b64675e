import { plCollator } from '../../lib/text.ts';
// The verifiers' queue of role requests ("Zarządzanie → Wnioski o role"): lists and counts within a
// scope that the policy layer computes from the actor (policies/index.ts requestQueueScope).
import { and, asc, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { attachments, profiles, requestStatusHistory, roleRequests, roles, unitKinds, units, users } from '../schema/index.ts';
import type { VerifierScope as QueueScope } from '../../domain/routing.ts';
import type { RequestStatus } from '../../domain/status.ts';

export const QUEUE_STATUSES = ['oczekujacy', 'zatwierdzony', 'odrzucony', 'zarchiwizowany', 'wszystkie'] as const;
export const SIGNED_FILTERS = ['', 'plik', 'poczta', 'brak'] as const;
export const QUEUE_SORTS = ['najstarsze', 'najnowsze', 'numer', 'jednostka'] as const;

export interface QueueFilters {
  status: (typeof QUEUE_STATUSES)[number];
  /** role code, or '' for every role */
  role: string;
  /** submission date range (YYYY-MM-DD, Polish time), '' when open */
  from: string;
  to: string;
  /** signed application: a safe file / sent by post or e-mail / missing */
  signed: (typeof SIGNED_FILTERS)[number];
  /** only requests waiting longer than this many days (null: any) */
  olderThan: number | null;
  /** the applicant's unit kind ("Rodzaj jednostki"), '' for every kind */
  kind: string;
  /** the applicant's unit's voivodeship (TERYT code, "Województwo"), '' for all */
  voivodeship: string;
  /** only escalated requests: pending past the decision due date ("tylko eskalowane") */
  escalated: boolean;
  sort: (typeof QUEUE_SORTS)[number];
}

/**
 * A safe (clean, not removed) file of the request's submission. Written with qualified names: drizzle
 * leaves columns unqualified in a single-table select, and an unqualified "submission_id" inside the
 * subquery would compare the attachment with itself (any clean file anywhere would count).
 */
export const hasSafeFile = sql<boolean>`exists (select 1 from "portal"."attachments" "sf" where "sf"."submission_id" = "portal"."role_requests"."submission_id" and "sf"."scan_status" = 'clean' and "sf"."deleted_at" is null)`;

function scopeWhere(scope: QueueScope): SQL | undefined {
  return scope.kind === 'all' ? undefined : eq(roleRequests.verifyingUnitId, scope.unitId);
}

/** Pending requests waiting for this verifier (the count on the "Zarządzanie" tile). */
export async function countWaiting(db: DbOrTx, scope: QueueScope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(roleRequests)
    .where(and(eq(roleRequests.status, 'oczekujacy'), scopeWhere(scope)));
  return row?.n ?? 0;
}

const POLISH_DAY = (d: string, plusDays = 0) => sql`((${d}::date + ${plusDays}::int)::timestamp at time zone 'Europe/Warsaw')`;

function filterWhere(f: QueueFilters, now: Date, decisionDays: number): (SQL | undefined)[] {
  const postal = sql`(${roleRequests.reminderOptOut} or ${roleRequests.signedCopyConfirmedAt} is not null)`;
  return [
    // a saved, unfinished request is not the verifiers' business yet
    ne(roleRequests.status, 'zapisany'),
    f.status === 'wszystkie' ? undefined : eq(roleRequests.status, f.status as RequestStatus),
    f.role ? eq(roleRequests.roleCode, f.role) : undefined,
    f.from ? sql`${roleRequests.submittedAt} >= ${POLISH_DAY(f.from)}` : undefined,
    f.to ? sql`${roleRequests.submittedAt} < ${POLISH_DAY(f.to, 1)}` : undefined,
    f.signed === 'plik' ? hasSafeFile : undefined,
    f.signed === 'poczta' ? sql`(not ${hasSafeFile} and ${postal})` : undefined,
    f.signed === 'brak' ? sql`(not ${hasSafeFile} and not ${postal})` : undefined,
    f.olderThan !== null
      ? and(eq(roleRequests.status, 'oczekujacy'), sql`${roleRequests.submittedAt} < ${new Date(now.getTime() - f.olderThan * 86_400_000)}`)
      : undefined,
    f.kind ? eq(units.kindCode, f.kind) : undefined,
    f.voivodeship ? eq(units.voivodeshipCode, f.voivodeship) : undefined,
    f.escalated
      ? and(eq(roleRequests.status, 'oczekujacy'), sql`${roleRequests.submittedAt} < ${new Date(now.getTime() - decisionDays * 86_400_000)}`)
      : undefined,
  ];
}

export interface QueueRow {
  id: string;
  number: string;
  status: RequestStatus;
  submittedAt: Date;
  roleName: string;
  applicant: string;
  login: string | null;
  unitName: string;
  kindCode: string;
  voivodeship: string | null;
  safeFile: boolean;
  postal: boolean;
  /** the applicant's user and the request's profile (nobody decides their own request) */
  ownerUserId: string;
  profileId: string;
  /** a verifier already confirmed that the paper or e-mailed signed copy arrived */
  copyConfirmed: boolean;
}

/** One page of the queue and the number of all matching requests. */
export async function listQueue(
  db: DbOrTx,
  scope: QueueScope,
  f: QueueFilters,
  page: { page: number; size: number },
  now: Date,
  decisionDays: number,
): Promise<{ rows: QueueRow[]; total: number }> {
  const where = and(scopeWhere(scope), ...filterWhere(f, now, decisionDays));
  const [t] = await db
    .select({ n: count() })
    .from(roleRequests)
    .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
    .innerJoin(units, eq(units.id, profiles.unitId))
    .where(where);
  // a page past the end (a list that shrank since the link was made) shows the last one
  const current = Math.min(page.page, Math.max(1, Math.ceil((t?.n ?? 0) / page.size)));
  const order =
    f.sort === 'najnowsze'
      ? [desc(roleRequests.submittedAt), desc(roleRequests.number)]
      : f.sort === 'numer'
        ? [asc(roleRequests.year), asc(roleRequests.seq)]
        : f.sort === 'jednostka'
          ? [asc(units.name), asc(roleRequests.submittedAt)]
          : [asc(roleRequests.submittedAt), asc(roleRequests.number)];
  const rows = await db
    .select({
      id: roleRequests.id,
      number: roleRequests.number,
      status: roleRequests.status,
      submittedAt: roleRequests.submittedAt,
      roleName: roles.name,
      ownerUserId: users.id,
      profileId: roleRequests.profileId,
      firstName: users.firstName,
      lastName: users.lastName,
      login: users.login,
      unitName: units.name,
      kindCode: units.kindCode,
      voivodeship: units.voivodeship,
      safeFile: hasSafeFile,
      reminderOptOut: roleRequests.reminderOptOut,
      confirmedAt: roleRequests.signedCopyConfirmedAt,
    })
    .from(roleRequests)
    .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
    .innerJoin(users, eq(users.id, profiles.userId))
    .innerJoin(units, eq(units.id, profiles.unitId))
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(where)
    .orderBy(...order)
    .limit(page.size)
    .offset((current - 1) * page.size);
  return {
    total: t?.n ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status as RequestStatus,
      submittedAt: r.submittedAt,
      roleName: r.roleName,
      applicant: `${r.firstName} ${r.lastName}`,
      login: r.login,
      unitName: r.unitName,
      kindCode: r.kindCode,
      voivodeship: r.voivodeship,
      safeFile: Boolean(r.safeFile),
      postal: r.reminderOptOut || r.confirmedAt !== null,
      copyConfirmed: r.confirmedAt !== null,
      ownerUserId: r.ownerUserId,
      profileId: r.profileId,
    })),
  };
}

/** The filters' choices: unit kinds and the voivodeships (code and name, from the Urzędy Wojewódzkie of the registry). */
export async function queueFilterOptions(db: DbOrTx) {
  const kinds = await db.select({ code: unitKinds.code, name: unitKinds.name }).from(unitKinds).orderBy(asc(unitKinds.name));
  const voivodeships = await db
    .selectDistinct({ code: units.voivodeshipCode, name: units.voivodeship })
    .from(units)
    .where(and(eq(units.kindCode, 'UW'), sql`${units.voivodeshipCode} is not null`, sql`${units.voivodeship} is not null`))
    .orderBy(asc(units.voivodeship));
  // the database sorts in C collation ("łódzkie" last): Polish order here, as in "Jednostki"
  return {
    kinds: [...kinds].sort((a, b) => plCollator.compare(a.name, b.name)),
    voivodeships: voivodeships.map((v) => ({ code: v.code ?? '', name: v.name ?? '' })).sort((a, b) => plCollator.compare(a.name, b.name)),
  };
}

/** What the detail page shows besides the request row itself. */
export async function requestDetail(db: DbOrTx, requestId: string) {
  const [row] = await db
    .select({
      request: roleRequests,
      user: {
        id: users.id,
        firstName: users.firstName,
        lastName: users.lastName,
        login: users.login,
        email: users.email,
        peselMasked: users.peselMasked,
        peselEnc: users.peselEnc,
      },
      profile: { id: profiles.id, phone: profiles.phone, email: profiles.email },
      unit: units,
      kindName: unitKinds.name,
      role: { code: roles.code, name: roles.name, description: roles.description, unitClass: roles.unitClass, reportArea: roles.reportArea },
    })
    .from(roleRequests)
    .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
    .innerJoin(users, eq(users.id, profiles.userId))
    .innerJoin(units, eq(units.id, profiles.unitId))
    .innerJoin(unitKinds, eq(unitKinds.code, units.kindCode))
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(eq(roleRequests.id, requestId));
  if (!row) return null;
  const [verifier] = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, row.request.verifyingUnitId));
  const files = await db
    .select({ id: attachments.id, originalName: attachments.originalName, contentType: attachments.contentType, sizeBytes: attachments.sizeBytes })
    .from(attachments)
    .where(and(eq(attachments.submissionId, row.request.submissionId), eq(attachments.scanStatus, 'clean'), sql`${attachments.deletedAt} is null`))
    .orderBy(asc(attachments.createdAt));
  const history = await db
    .select({
      from: requestStatusHistory.fromStatus,
      to: requestStatusHistory.toStatus,
      reason: requestStatusHistory.reason,
      at: requestStatusHistory.changedAt,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(requestStatusHistory)
    .leftJoin(users, eq(users.id, requestStatusHistory.changedBy))
    .where(eq(requestStatusHistory.requestId, requestId))
    .orderBy(asc(requestStatusHistory.changedAt), asc(requestStatusHistory.id));
  return { ...row, verifier: verifier ?? null, files, history };
}
