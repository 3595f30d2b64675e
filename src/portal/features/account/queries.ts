import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { attachments, profiles, requestSubmissions, roleRequests, roles, units } from '../../../db/schema/index.ts';
import { plCollator } from '../../../lib/text.ts';

/** A unit as "Moje konto" shows it ("Dane jednostki"). */
export interface AccountUnit {
  name: string;
  kindCode: string;
  nip: string | null;
  regon: string | null;
  registryBookNo: string | null;
  voivodeship: string | null;
  powiat: string | null;
  gmina: string | null;
  locality: string | null;
  postalCode: string | null;
  street: string | null;
  buildingNo: string | null;
}

export interface AccountRequest {
  id: string;
  number: string;
  year: number;
  seq: number;
  submissionId: string;
  profileId: string;
  roleName: string;
  status: string;
  submittedAt: Date;
  /** when the request got its current status (for a saved one: "Data zapisania") */
  statusChangedAt: Date;
  /** "Przypisana od" (falls back to the decision time) */
  assignedAt: Date | null;
  reminderOptOut: boolean;
  /** "Powód odrzucenia" given by the verifier (or the withdrawal's own reason) */
  rejectReason: string | null;
}

export interface AccountAttachment {
  id: string;
  submissionId: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  scanStatus: string;
  deleted: boolean;
  deletedReason: string | null;
}

export interface AccountProfile {
  id: string;
  status: string;
  phone: string;
  email: string;
  createdAt: Date;
  statusChangedAt: Date;
  unit: AccountUnit;
  /** every request of the profile, newest number first */
  requests: AccountRequest[];
}

/** A pending request with what its expander needs. */
export interface PendingItem {
  request: AccountRequest;
  profile: AccountProfile;
  /** attachments of the request's submission with scanStatus 'clean', not deleted */
  cleanFiles: AccountAttachment[];
  /** attachments still waiting for the scanner */
  scanningFiles: AccountAttachment[];
  /** some file of the submission was found unsafe and removed */
  unsafeRemoved: boolean;
  /** "Brak załączników": no safe file and the user did not opt out of the reminder */
  missingAttachment: boolean;
}

/** A submission saved with "Zapisz wniosek" but not finished with "Zakończ" ("Niezakończone wnioski"). */
export interface UnfinishedItem {
  submissionId: string;
  profile: AccountProfile;
  roleNames: string[];
  numbers: string[];
  /** "Data zapisania" */
  savedAt: Date;
}

export interface AccountData {
  active: AccountProfile[];
  /** saved, not finished submissions, newest first */
  unfinished: UnfinishedItem[];
  pending: PendingItem[];
  other: AccountProfile[];
}

const byNumberDesc = (a: AccountRequest, b: AccountRequest) => b.year - a.year || b.seq - a.seq;

/**
 * Everything "Moje konto" shows, for one user. Every query is limited to the session user's own
 * profiles and submissions. The lists per user are small, so grouping and Polish sorting happen here.
 */
export async function loadAccount(db: DbOrTx, userId: string): Promise<AccountData> {
  const profileRows = await db
    .select({
      id: profiles.id,
      status: profiles.status,
      phone: profiles.phone,
      email: profiles.email,
      createdAt: profiles.createdAt,
      statusChangedAt: profiles.statusChangedAt,
      name: units.name,
      kindCode: units.kindCode,
      nip: units.nip,
      regon: units.regon,
      registryBookNo: units.registryBookNo,
      voivodeship: units.voivodeship,
      powiat: units.powiat,
      gmina: units.gmina,
      locality: units.locality,
      postalCode: units.postalCode,
      street: units.street,
      buildingNo: units.buildingNo,
    })
    .from(profiles)
    .innerJoin(units, eq(units.id, profiles.unitId))
    .where(eq(profiles.userId, userId));

  const requestRows = await db
    .select({
      id: roleRequests.id,
      number: roleRequests.number,
      year: roleRequests.year,
      seq: roleRequests.seq,
      submissionId: roleRequests.submissionId,
      profileId: roleRequests.profileId,
      roleName: roles.name,
      status: roleRequests.status,
      submittedAt: roleRequests.submittedAt,
      statusChangedAt: roleRequests.statusChangedAt,
      assignedAt: roleRequests.assignedAt,
      decidedAt: roleRequests.decidedAt,
      reminderOptOut: roleRequests.reminderOptOut,
      rejectReason: roleRequests.rejectReason,
    })
    .from(roleRequests)
    .innerJoin(profiles, eq(profiles.id, roleRequests.profileId))
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(eq(profiles.userId, userId));

  const requests: AccountRequest[] = requestRows.map(({ decidedAt, ...r }) => ({ ...r, assignedAt: r.assignedAt ?? decidedAt })).sort(byNumberDesc);

  const all: AccountProfile[] = profileRows.map((p) => ({
    id: p.id,
    status: p.status,
    phone: p.phone,
    email: p.email,
    createdAt: p.createdAt,
    statusChangedAt: p.statusChangedAt,
    unit: {
      name: p.name,
      kindCode: p.kindCode,
      nip: p.nip,
      regon: p.regon,
      registryBookNo: p.registryBookNo,
      voivodeship: p.voivodeship,
      powiat: p.powiat,
      gmina: p.gmina,
      locality: p.locality,
      postalCode: p.postalCode,
      street: p.street,
      buildingNo: p.buildingNo,
    },
    requests: requests.filter((r) => r.profileId === p.id),
  }));

  const pendingRequests = requests.filter((r) => r.status === 'oczekujacy');
  const submissionIds = [...new Set(pendingRequests.map((r) => r.submissionId))];
  const files: AccountAttachment[] =
    submissionIds.length === 0
      ? []
      : (
          await db
            .select({
              id: attachments.id,
              submissionId: attachments.submissionId,
              originalName: attachments.originalName,
              contentType: attachments.contentType,
              sizeBytes: attachments.sizeBytes,
              scanStatus: attachments.scanStatus,
              deletedAt: attachments.deletedAt,
              deletedReason: attachments.deletedReason,
            })
            .from(attachments)
            .innerJoin(requestSubmissions, eq(requestSubmissions.id, attachments.submissionId))
            .where(and(eq(requestSubmissions.userId, userId), inArray(attachments.submissionId, submissionIds)))
            .orderBy(asc(attachments.createdAt), asc(attachments.id))
        ).map(({ deletedAt, ...f }) => ({ ...f, deleted: deletedAt !== null }));

  const profileById = new Map(all.map((p) => [p.id, p]));
  const pending: PendingItem[] = [];
  for (const r of pendingRequests) {
    const profile = profileById.get(r.profileId);
    if (!profile) continue;
    const own = files.filter((f) => f.submissionId === r.submissionId);
    const cleanFiles = own.filter((f) => f.scanStatus === 'clean' && !f.deleted);
    pending.push({
      request: r,
      profile,
      cleanFiles,
      scanningFiles: own.filter((f) => f.scanStatus === 'pending' && !f.deleted),
      unsafeRemoved: own.some((f) => f.scanStatus === 'infected' || f.deletedReason === 'malware'),
      missingAttachment: cleanFiles.length === 0 && !r.reminderOptOut,
    });
  }

  // a submission is unfinished while its requests are saved ("Zakończ" moves them all to pending at once)
  const unfinishedById = new Map<string, UnfinishedItem>();
  for (const r of [...requests].reverse()) {
    if (r.status !== 'zapisany') continue;
    const profile = profileById.get(r.profileId);
    if (!profile) continue;
    const u = unfinishedById.get(r.submissionId) ?? { submissionId: r.submissionId, profile, roleNames: [], numbers: [], savedAt: r.statusChangedAt };
    u.roleNames.push(r.roleName);
    u.numbers.push(r.number);
    if (r.statusChangedAt > u.savedAt) u.savedAt = r.statusChangedAt;
    unfinishedById.set(r.submissionId, u);
  }
  const unfinished = [...unfinishedById.values()].sort((a, b) => b.savedAt.getTime() - a.savedAt.getTime());

  return {
    active: all.filter((p) => p.status === 'aktywny').sort((a, b) => plCollator.compare(a.unit.name, b.unit.name)),
    unfinished,
    pending,
    other: all.filter((p) => p.status !== 'aktywny'),
  };
}

export type Direction = 'asc' | 'desc';
export type PendingSort = 'numer' | 'jednostka';
export type OtherSort = 'zmiana' | 'jednostka';

export function sortPending(items: readonly PendingItem[], sort: PendingSort, dir: Direction): PendingItem[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byNumber = (a: PendingItem, b: PendingItem) => byNumberDesc(b.request, a.request);
  return [...items].sort((a, b) =>
    sort === 'jednostka' ? sign * plCollator.compare(a.profile.unit.name, b.profile.unit.name) || byNumber(a, b) : sign * byNumber(a, b),
  );
}

export function sortOther(items: readonly AccountProfile[], sort: OtherSort, dir: Direction): AccountProfile[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...items].sort((a, b) =>
    sort === 'jednostka'
      ? sign * plCollator.compare(a.unit.name, b.unit.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
      : sign * (a.statusChangedAt.getTime() - b.statusChangedAt.getTime()) || plCollator.compare(a.unit.name, b.unit.name),
  );
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}

/** One page of a list; a page beyond the end shows the last one. */
export function paginate<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pageCount);
  return { rows: items.slice((p - 1) * size, p * size), total: items.length, page: p, pageCount };
}
