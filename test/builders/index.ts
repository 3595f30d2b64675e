/**
 * Test data builders that create their parents (unit → user → profile → request), so a test states
 * only what it is about and does not lean on the demo seed. Requests go through the lifecycle's
 * own functions, so a built request has the history and audit a real one has.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '../../src/db/client.ts';
import { createRequest, transition } from '../../src/db/repositories/request-lifecycle.ts';
import { nextRequestNumber, recomputeProfileStatus } from '../../src/db/repositories/requests.ts';
import { and, eq } from 'drizzle-orm';
import { attachments, formDeadlines, profiles, requestSubmissions, units, unitSurveys, users } from '../../src/db/schema/index.ts';
import { currentReportingYear, DEADLINE_SOURCE, publishedDeadlines } from '../../src/domain/reporting/catalogue.ts';
import { formRegistry } from '../../src/reporting/definitions.ts';
import { warsawDay } from '../../src/lib/warsaw-time.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import type { RequestStatus } from '../../src/domain/status.ts';
import { foldForSearch } from '../../src/lib/text.ts';

type UnitRow = typeof units.$inferSelect;
type UserRow = typeof users.$inferSelect;
type ProfileRow = typeof profiles.$inferSelect;

let n = 0;
const next = () => `${Date.now().toString(36)}${(++n).toString(36)}`;

export async function buildUnit(db: Db, o: Partial<typeof units.$inferInsert> = {}): Promise<UnitRow> {
  const name = o.name ?? `Przychodnia Testowa ${next()}`;
  const [row] = await db
    .insert(units)
    .values({
      sourceKey: `test:${next()}`,
      kindCode: 'PODM',
      name,
      searchName: foldForSearch(name),
      voivodeshipCode: '04',
      voivodeship: 'kujawsko-pomorskie',
      email: `jednostka-${next()}@example.pl`,
      ...o,
    })
    .returning();
  return row!;
}

export async function buildUser(db: Db, o: Partial<typeof users.$inferInsert> = {}): Promise<UserRow> {
  const id = next();
  const [row] = await db
    .insert(users)
    .values({ subject: `test-${id}`, login: `test.${id}`, firstName: 'Testowy', lastName: `Użytkownik ${id}`, email: `test.${id}@example.pl`, ...o })
    .returning();
  return row!;
}

/**
 * This reporting year's ankieta of a unit, answered (by default "Nie" to every question): its fillers
 * then land on the home page instead of the ankieta — for tests about something else.
 */
export async function answerSurvey(db: Db, unit: Pick<UnitRow, 'id'>, answers: Record<string, string> = { AMB: 'N' }, now = new Date()): Promise<void> {
  await db
    .insert(unitSurveys)
    .values({ unitId: unit.id, year: currentReportingYear(warsawDay(now)), answers, answeredAt: now })
    .onConflictDoNothing();
}

export async function buildProfile(
  db: Db,
  o: { user?: UserRow; unit?: UnitRow; blocked?: boolean } = {},
): Promise<{ profile: ProfileRow; user: UserRow; unit: UnitRow }> {
  const user = o.user ?? (await buildUser(db));
  const unit = o.unit ?? (await buildUnit(db));
  const now = new Date();
  const [profile] = await db
    .insert(profiles)
    .values({
      userId: user.id,
      unitId: unit.id,
      phone: '+48 600 100 299',
      email: user.email ?? 'test@example.pl',
      status: 'nieaktywowany',
      ...(o.blocked ? { blockedAt: now, blockedReason: 'test' } : {}),
    })
    .returning();
  return { profile: profile!, user, unit };
}

/**
 * A request in the given status, reached through the transition table from how a real one starts:
 * zapisany (saved) → oczekujący (finished) → zatwierdzony / odrzucony → zarchiwizowany.
 */
export async function buildRequest(
  db: Db,
  o: { status?: RequestStatus; roleCode?: string; profile?: ProfileRow; verifyingUnit?: UnitRow; at?: Date } = {},
): Promise<{ requestId: string; number: string; submissionId: string; profile: ProfileRow }> {
  const profile = o.profile ?? (await buildProfile(db)).profile;
  const verifyingUnit = o.verifyingUnit ?? (await buildUnit(db, { kindCode: 'UW' }));
  const at = o.at ?? new Date();
  const status = o.status ?? 'oczekujacy';
  return db.transaction(async (tx) => {
    const [submission] = await tx
      .insert(requestSubmissions)
      .values({
        idempotencyKey: `test:${randomUUID()}`,
        userId: profile.userId,
        profileId: profile.id,
        source: 'wizard',
        contactPhone: profile.phone,
        contactEmail: profile.email,
        createdAt: at,
        ...(status === 'zapisany' ? {} : { pdfDownloadedAt: at, finishedAt: at, deliveryChoice: 'later' }),
      })
      .returning({ id: requestSubmissions.id });
    const year = at.getUTCFullYear();
    const { number, seq } = await nextRequestNumber(tx, year);
    const how = { by: profile.userId, at };
    const requestId = await createRequest(
      tx,
      {
        number,
        year,
        seq,
        submissionId: submission!.id,
        profileId: profile.id,
        roleCode: o.roleCode ?? 'WYP_NIEFIN',
        verifyingUnitId: verifyingUnit.id,
        submittedAt: at,
      },
      'zapisany',
      how,
    );
    const path: Partial<Record<RequestStatus, RequestStatus[]>> = {
      oczekujacy: ['oczekujacy'],
      zatwierdzony: ['oczekujacy', 'zatwierdzony'],
      odrzucony: ['oczekujacy', 'odrzucony'],
      zarchiwizowany: ['oczekujacy', 'odrzucony', 'zarchiwizowany'],
    };
    for (const to of path[status] ?? []) {
      const r = await transition(tx, requestId, to, { ...how, ...(to === 'odrzucony' ? { reason: 'Test', event: 'rejected' } : {}) });
      if (!r.ok) throw new Error(`builder: cannot move to ${to}`);
    }
    await recomputeProfileStatus(tx, profile.id, at);
    return { requestId, number, submissionId: submission!.id, profile };
  });
}

/** A scanned, clean file of a submission ("bezpieczny plik"), its bytes written to storage when one is given. */
export async function buildSafeFile(
  db: Db,
  o: { submissionId: string; ownerUserId: string; storage?: FileStorage; name?: string; bytes?: Buffer },
): Promise<typeof attachments.$inferSelect> {
  const bytes = o.bytes ?? Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const storageKey = randomUUID();
  if (o.storage) await o.storage.put(storageKey, Readable.from(bytes));
  const [row] = await db
    .insert(attachments)
    .values({
      submissionId: o.submissionId,
      ownerUserId: o.ownerUserId,
      originalName: o.name ?? 'wniosek-podpisany.pdf',
      storageKey,
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      scanStatus: 'clean',
      scannedAt: new Date(),
    })
    .returning();
  return row!;
}

/**
 * Every deadline back to the shipped model dates (the demo seed moves the current year's to the seed
 * day): for tests about the schedule itself, which expect the published dates.
 */
export async function restorePublishedDeadlines(db: Db): Promise<void> {
  const years = new Map<string, number[]>();
  for (const d of formRegistry().all) years.set(d.form, [...(years.get(d.form) ?? []), ...d.years]);
  for (const r of publishedDeadlines(years)) {
    await db
      .update(formDeadlines)
      .set({ dueOn: r.dueOn, source: DEADLINE_SOURCE, editedAt: null, editedBy: null })
      .where(and(eq(formDeadlines.form, r.form), eq(formDeadlines.year, r.year), eq(formDeadlines.level, r.level)));
  }
}
