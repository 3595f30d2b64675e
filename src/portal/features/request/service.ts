import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { heldOrPendingRoles, nextRequestNumber, recomputeProfileStatus, recordStatusChange } from '../../../db/repositories/requests.ts';
import { getUnitForRequest, type UnitForRequest } from '../../../db/repositories/unit-search.ts';
import { loadVerifierCandidates } from '../../../db/repositories/verifiers.ts';
import { listSubmissionAttachments } from '../../../db/repositories/attachments.ts';
import { profiles, requestDrafts, requestSubmissions, roleRequests, roles, units, users } from '../../../db/schema/index.ts';
import type { RoleDef } from '../../../domain/reference-data.ts';
import { availableRoles } from '../../../domain/roles.ts';
import { routeRequest } from '../../../domain/routing.ts';
import type { Outbox } from '../../../mail/outbox.ts';
import { submissionConfirmation } from '../../../mail/templates.ts';

type Meta = { ip: string; requestId: string };

export async function allRoles(db: DbOrTx): Promise<RoleDef[]> {
  const rows = await db.select().from(roles).orderBy(asc(roles.sortOrder));
  return rows.map((r) => ({ ...r, unitClass: r.unitClass as RoleDef['unitClass'], reportArea: r.reportArea as RoleDef['reportArea'] }));
}

/** The user's profile in a unit (one per unit), if any. */
export async function ownProfileInUnit(db: DbOrTx, userId: string, unitId: string) {
  const [p] = await db.select().from(profiles).where(and(eq(profiles.userId, userId), eq(profiles.unitId, unitId)));
  return p ?? null;
}

/** Roles offered in the unit and the ones already held or pending there (for "Role, które już pełnisz…"). */
export async function roleChoice(db: Db, userId: string, unit: UnitForRequest) {
  const catalogue = await allRoles(db);
  const profile = await ownProfileInUnit(db, userId, unit.id);
  const held = profile ? await db.transaction((tx) => heldOrPendingRoles(tx, profile.id)) : new Set<string>();
  return {
    offered: availableRoles(unit, catalogue, held),
    held: catalogue.filter((r) => held.has(r.code)),
    catalogue,
  };
}

export { getUnitForRequest };

/**
 * "Zapisz wniosek": one request per role, numbered, routed to its verifying unit, in one
 * transaction. The draft id is the idempotency key: a double submit or a reload returns the
 * submission made the first time and creates nothing more.
 */
export async function saveRequests(
  db: Db,
  mail: { outbox: Outbox; portalUrl: string },
  input: { draftId: string; userId: string; unitId: string; roleCodes: string[]; phone: string; email: string; now: Date; meta: Meta },
): Promise<{ ok: true; submissionId: string } | { ok: false; reason: 'roles_unavailable' | 'unit_missing' }> {
  return db.transaction(async (tx) => {
    const key = `wizard:${input.draftId}`;
    // serialise this user's submissions, then look for this draft's submission: a double submit
    // that waited here for the first one finds it and returns it instead of failing the checks below
    await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for('update');
    const [done] = await tx.select({ id: requestSubmissions.id }).from(requestSubmissions).where(eq(requestSubmissions.idempotencyKey, key));
    if (done) return { ok: true, submissionId: done.id } as const;
    const unit = await getUnitForRequest(tx, input.unitId);
    if (!unit) return { ok: false, reason: 'unit_missing' } as const;
    let profile = await ownProfileInUnit(tx, input.userId, unit.id);
    const held = profile ? await heldOrPendingRoles(tx, profile.id) : new Set<string>();
    const offered = new Map(availableRoles(unit, await allRoles(tx), held).map((r) => [r.code, r]));
    const chosen = input.roleCodes.map((c) => offered.get(c));
    if (chosen.length === 0 || chosen.some((r) => !r)) return { ok: false, reason: 'roles_unavailable' } as const;
    if (!profile) {
      const [created] = await tx
        .insert(profiles)
        .values({ userId: input.userId, unitId: unit.id, phone: input.phone, email: input.email, status: 'nieaktywowany', createdAt: input.now, updatedAt: input.now, statusChangedAt: input.now })
        .returning();
      profile = created ?? null;
    } else {
      await tx.update(profiles).set({ phone: input.phone, email: input.email, updatedAt: input.now }).where(eq(profiles.id, profile.id));
    }
    if (!profile) throw new Error('profile insert failed');
    const [submission] = await tx
      .insert(requestSubmissions)
      .values({ idempotencyKey: key, userId: input.userId, profileId: profile.id, source: 'wizard', contactPhone: input.phone, contactEmail: input.email, createdAt: input.now })
      .returning({ id: requestSubmissions.id });
    if (!submission) throw new Error('submission insert failed');
    const verifiers = await loadVerifierCandidates(tx);
    const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Warsaw' }).format(input.now));
    const numbers: string[] = [];
    const lines: { roleName: string; number: string }[] = [];
    let firstVerifier: { name: string; email: string } | null = null;
    for (const role of chosen as RoleDef[]) {
      const { number, seq } = await nextRequestNumber(tx, year);
      const verifier = routeRequest({ role, unit: { kindCode: unit.kindCode, voivodeshipCode: unit.voivodeshipCode ?? '', isAddictionCare: unit.isAddictionCare }, verifiers });
      const [req] = await tx
        .insert(roleRequests)
        .values({ number, year, seq, submissionId: submission.id, profileId: profile.id, roleCode: role.code, status: 'oczekujacy', verifyingUnitId: verifier.unitId, submittedAt: input.now, statusChangedAt: input.now })
        .returning({ id: roleRequests.id });
      await recordStatusChange(tx, { requestId: req!.id, from: null, to: 'oczekujacy', by: input.userId, at: input.now });
      numbers.push(number);
      lines.push({ roleName: role.name, number });
      firstVerifier ??= { name: verifier.name, email: verifier.email };
    }
    await recomputeProfileStatus(tx, profile.id, input.now);
    // the confirmation goes out with the commit (outbox): numbers and what to do with the PDF
    await mail.outbox.enqueue(tx, {
      channel: 'email',
      to: input.email,
      ...submissionConfirmation({ unitName: unit.name, requests: lines, verifier: firstVerifier ?? { name: '', email: '' }, portalUrl: mail.portalUrl }),
    });
    await tx.delete(requestDrafts).where(eq(requestDrafts.id, input.draftId));
    await recordAudit(tx, {
      action: 'request.submitted', actorUserId: input.userId, subjectType: 'submission', subjectId: submission.id, ip: input.meta.ip, requestId: input.meta.requestId,
      details: { numbers, unitId: unit.id, roles: input.roleCodes },
    });
    return { ok: true, submissionId: submission.id } as const;
  });
}

/** A submission with its requests, only when it belongs to the user (otherwise null → 404). */
export async function ownSubmission(db: DbOrTx, userId: string, submissionId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(submissionId)) return null;
  const [s] = await db.select().from(requestSubmissions).where(and(eq(requestSubmissions.id, submissionId), eq(requestSubmissions.userId, userId)));
  if (!s) return null;
  const reqs = await db
    .select({ id: roleRequests.id, number: roleRequests.number, seq: roleRequests.seq, status: roleRequests.status, roleName: roles.name, roleDescription: roles.description, verifyingUnitId: roleRequests.verifyingUnitId })
    .from(roleRequests)
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(eq(roleRequests.submissionId, s.id))
    .orderBy(asc(roleRequests.year), asc(roleRequests.seq));
  const [profile] = await db.select({ unitId: profiles.unitId }).from(profiles).where(eq(profiles.id, s.profileId));
  return { submission: s, requests: reqs, unitId: profile!.unitId };
}

/** Everything the PDF needs; the verifying unit printed is that of the first request. */
export async function pdfData(db: DbOrTx, userId: string, submissionId: string, now: Date, systemUrl: string) {
  const own = await ownSubmission(db, userId, submissionId);
  if (!own) return null;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  const unit = await getUnitForRequest(db, own.unitId);
  const verifierIds = [...new Set(own.requests.map((r) => r.verifyingUnitId))];
  const verifierRows = verifierIds.length ? await db.select({ id: units.id, name: units.name, email: units.email }).from(units).where(inArray(units.id, verifierIds)) : [];
  const verifier = verifierRows.find((v) => v.id === own.requests[0]?.verifyingUnitId) ?? verifierRows[0];
  if (!user || !unit || !verifier) return null;
  return {
    own,
    data: {
      verifier: { name: verifier.name, email: verifier.email ?? '' },
      user: { login: user.login ?? '', lastName: user.lastName, firstName: user.firstName, phone: own.submission.contactPhone, email: own.submission.contactEmail },
      unit: {
        kindName: unit.kindName, name: unit.name, nip: unit.nip, regon: unit.regon, registryBookNo: unit.registryBookNo, teryt: unit.teryt, voivodeship: unit.voivodeship,
        powiat: unit.powiat, gmina: unit.gmina, locality: unit.locality, postalCode: unit.postalCode, street: unit.street, buildingNo: unit.buildingNo, phone: unit.phone, email: unit.email,
      },
      requests: own.requests.map((r) => ({ roleName: r.roleName, roleDescription: r.roleDescription, number: r.number })),
      printedAt: now,
      systemUrl,
    },
  };
}

/** The first download of the PDF is what allows "Zakończ"; it is recorded once, audited. */
export async function markPdfDownloaded(db: Db, input: { userId: string; submissionId: string; now: Date; meta: Meta }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(requestSubmissions)
      .set({ pdfDownloadedAt: input.now })
      .where(and(eq(requestSubmissions.id, input.submissionId), isNull(requestSubmissions.pdfDownloadedAt)))
      .returning({ id: requestSubmissions.id });
    if (row) await recordAudit(tx, { action: 'request.pdf_downloaded', actorUserId: input.userId, subjectType: 'submission', subjectId: row.id, ip: input.meta.ip, requestId: input.meta.requestId });
  });
}

export async function finishSubmission(db: Db, input: { userId: string; submissionId: string; delivery: 'now' | 'later'; now: Date; meta: Meta }): Promise<'ok' | 'pdf_missing' | 'file_missing' | 'not_found'> {
  return db.transaction(async (tx) => {
    const own = await ownSubmission(tx, input.userId, input.submissionId);
    if (!own) return 'not_found';
    if (!own.submission.pdfDownloadedAt) return 'pdf_missing';
    if (input.delivery === 'now' && (await listSubmissionAttachments(tx, own.submission.id)).length === 0) return 'file_missing';
    // only the first "Zakończ" records anything (a double submit finds it finished)
    const [first] = await tx
      .update(requestSubmissions)
      .set({ finishedAt: input.now, deliveryChoice: input.delivery })
      .where(and(eq(requestSubmissions.id, own.submission.id), isNull(requestSubmissions.finishedAt)))
      .returning({ id: requestSubmissions.id });
    if (!first) return 'ok';
    await recordAudit(tx, { action: 'request.finished', actorUserId: input.userId, subjectType: 'submission', subjectId: own.submission.id, ip: input.meta.ip, requestId: input.meta.requestId, details: { delivery: input.delivery } });
    return 'ok';
  });
}
