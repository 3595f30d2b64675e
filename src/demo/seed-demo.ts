import { seedDemoReports } from './seed-reports.ts';
import { createHash } from 'node:crypto';
import argon2 from 'argon2';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import {
  accounts,
  announcements,
  attachments,
  eplozAccounts,
  legacyAccounts,
  profiles,
  pzCredentials,
  requestNumberCounters,
  requestStatusHistory,
  requestSubmissions,
  roleRequests,
  units,
  users,
} from '../db/schema/index.ts';
import { ROLES, UNIT_KINDS } from '../domain/reference-data.ts';
import { parseRequestNumber, requestYear } from '../domain/request-number.ts';
import { createRequest, transition } from '../db/repositories/request-lifecycle.ts';
import { nextRequestNumber, recomputeProfileStatus } from '../db/repositories/requests.ts';
import { routeRequest } from '../domain/routing.ts';
import { loadVerifierCandidates } from '../db/repositories/verifiers.ts';
import { deriveProfileStatus, type RequestStatus } from '../domain/status.ts';
import { foldForSearch } from '../lib/text.ts';
import { rawRows } from '../db/repositories/raw.ts';
import { ARGON2_OPTIONS } from '../lib/password-hash.ts';
import {
  DEMO_ANNOUNCEMENT,
  DEMO_EPLOZ,
  DEMO_QUEUE,
  DEMO_LEGACY_ACCOUNTS,
  DEMO_LEGACY_PASSWORD,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_PROFILES,
} from './demo-accounts.ts';
import { NAMED_UNITS } from './named-units.ts';
import { demoFileTitle, demoSignedPdf, demoStorageKey } from './demo-files.ts';
import { generateRegistry, type GeneratedUnit } from './registry-generator.ts';

type AnyUnit = GeneratedUnit | (typeof NAMED_UNITS)[number];

function unitRow(u: AnyUnit) {
  return {
    sourceKey: u.key,
    kindCode: u.kindCode,
    name: u.name,
    searchName: foldForSearch(u.name),
    nip: u.nip,
    regon: u.regon,
    registryBookNo: u.registryBookNo,
    teryt: u.teryt,
    voivodeshipCode: u.voivodeshipCode,
    voivodeship: u.voivodeship,
    powiat: u.powiat,
    gmina: u.gmina,
    locality: u.locality,
    postalCode: u.postalCode,
    street: u.street,
    buildingNo: u.buildingNo,
    phone: u.phone,
    email: u.email,
    isAddictionCare: u.isAddictionCare,
  };
}

/** The columns seedUnits writes: unitRow's key, the column and its SQL type for jsonb_to_recordset. */
const UNIT_SEED_COLUMNS = [
  ['sourceKey', units.sourceKey, 'text'],
  ['kindCode', units.kindCode, 'text'],
  ['name', units.name, 'text'],
  ['searchName', units.searchName, 'text'],
  ['nip', units.nip, 'text'],
  ['regon', units.regon, 'text'],
  ['registryBookNo', units.registryBookNo, 'text'],
  ['teryt', units.teryt, 'text'],
  ['voivodeshipCode', units.voivodeshipCode, 'text'],
  ['voivodeship', units.voivodeship, 'text'],
  ['powiat', units.powiat, 'text'],
  ['gmina', units.gmina, 'text'],
  ['locality', units.locality, 'text'],
  ['postalCode', units.postalCode, 'text'],
  ['street', units.street, 'text'],
  ['buildingNo', units.buildingNo, 'text'],
  ['phone', units.phone, 'text'],
  ['email', units.email, 'text'],
  ['isAddictionCare', units.isAddictionCare, 'boolean'],
] as const;

/**
 * Units: the named ones and the generated registry, in batches; existing keys are left alone. Each
 * batch is one parameter (a JSON array of rows, unpacked by jsonb_to_recordset) rather than a
 * 25,000-parameter VALUES list: building those statements was most of the seeding's own CPU time
 * (issue #11, cold start).
 */
export async function seedUnits(db: DbOrTx, registry: readonly GeneratedUnit[] = generateRegistry()): Promise<number> {
  const rows = [...NAMED_UNITS, ...registry].map(unitRow);
  const BATCH = 5000;
  const names = UNIT_SEED_COLUMNS.map(([, c]) => sql.identifier(c.name));
  const types = sql.join(
    UNIT_SEED_COLUMNS.map(([, c, type]) => sql`${sql.identifier(c.name)} ${sql.raw(type)}`),
    sql`, `,
  );
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((r) => Object.fromEntries(UNIT_SEED_COLUMNS.map(([key, c]) => [c.name, r[key] ?? null])));
    const res = await rawRows<{ id: string }>(
      db,
      sql`insert into ${units} (${sql.join(names, sql`, `)})
        select ${sql.join(names, sql`, `)} from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(${types})
        on conflict (${sql.identifier(units.sourceKey.name)}) do nothing
        returning ${sql.identifier(units.id.name)}`,
    );
    inserted += res.length;
  }
  return inserted;
}

async function unitIdByKey(db: DbOrTx, key: string): Promise<string> {
  const [u] = await db.select({ id: units.id }).from(units).where(eq(units.sourceKey, key));
  if (!u) throw new Error(`demo unit ${key} missing`);
  return u.id;
}

export async function seedDemoPeople(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const p of DEMO_PEOPLE) {
      const [existing] = await tx.select({ id: pzCredentials.id }).from(pzCredentials).where(eq(pzCredentials.pesel, p.pesel));
      if (!existing) {
        await tx.insert(pzCredentials).values({
          username: p.login,
          email: `${p.login}@example.pl`,
          passwordHash: await argon2.hash(DEMO_PASSWORD, ARGON2_OPTIONS),
          firstName: p.firstName,
          lastName: p.lastName,
          pesel: p.pesel,
          phone: p.phone,
        });
      }
      if (!p.activated) continue;
      const now = new Date('2023-10-01T08:00:00Z');
      await tx
        .insert(accounts)
        .values({
          pesel: p.pesel,
          firstName: p.firstName,
          lastName: p.lastName,
          login: p.login,
          email: `${p.login}@example.pl`,
          emailVerifiedAt: now,
          termsAcceptedAt: now,
          status: 'active',
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing();
      const [acc] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.pesel, p.pesel));
      if (!acc) throw new Error('account insert failed');
      await tx
        .insert(users)
        .values({ subject: acc.id, login: p.login, firstName: p.firstName, lastName: p.lastName, email: `${p.login}@example.pl`, createdAt: now })
        .onConflictDoNothing();
    }
    for (const e of DEMO_EPLOZ)
      await tx
        .insert(eplozAccounts)
        .values({ ...e })
        .onConflictDoNothing();
  });
}

export async function seedDemoProfiles(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const kinds = new Map(UNIT_KINDS.map((k) => [k.code, k]));
    const isAdminProfile = (p: (typeof DEMO_PROFILES)[number]) => p.requests.some((r) => ROLES.find((x) => x.code === r.roleCode)?.isAdmin);
    // administrators first, so the requests of the others are routed to a unit that has one
    const ordered = [...DEMO_PROFILES].sort((a, b) => Number(isAdminProfile(b)) - Number(isAdminProfile(a)));
    for (const dp of ordered) {
      const person = DEMO_PEOPLE.find((p) => p.login === dp.login);
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.login, dp.login));
      if (!person || !user) throw new Error(`demo user ${dp.login} missing`);
      const [unit] = await tx.select().from(units).where(eq(units.sourceKey, dp.unitKey));
      if (!unit || !kinds.has(unit.kindCode)) throw new Error(`demo unit ${dp.unitKey} missing`);
      const [existing] = await tx
        .select({ id: profiles.id })
        .from(profiles)
        .where(and(eq(profiles.userId, user.id), eq(profiles.unitId, unit.id)));
      if (existing) continue;

      const statuses = dp.requests.map((r) => r.status as RequestStatus);
      const first = new Date(`${dp.requests[0]?.date ?? '2023-10-02'}T09:00:00Z`);
      const [profile] = await tx
        .insert(profiles)
        .values({
          userId: user.id,
          unitId: unit.id,
          phone: person.phone,
          email: `${dp.login}@example.pl`,
          status: deriveProfileStatus({ blocked: false, unitActive: unit.isActive, requestStatuses: statuses }),
          statusChangedAt: first,
          createdAt: first,
          updatedAt: first,
        })
        .returning({ id: profiles.id });
      if (!profile) throw new Error('profile insert failed');
      const [submission] = await tx
        .insert(requestSubmissions)
        .values({
          idempotencyKey: `demo:${dp.login}:${dp.unitKey}`,
          userId: user.id,
          profileId: profile.id,
          source: 'wizard',
          contactPhone: person.phone,
          contactEmail: `${dp.login}@example.pl`,
          createdAt: first,
          pdfDownloadedAt: first,
          deliveryChoice: 'later',
          finishedAt: first,
        })
        .returning({ id: requestSubmissions.id });
      if (!submission) throw new Error('submission insert failed');
      for (const r of dp.requests) {
        const parsed = parseRequestNumber(r.number);
        const role = ROLES.find((x) => x.code === r.roleCode);
        if (!parsed || !role) throw new Error(`bad demo request ${r.number}`);
        const verifier = routeRequest({
          verifiers: await loadVerifierCandidates(tx),
          role,
          unit: { kindCode: unit.kindCode, voivodeshipCode: unit.voivodeshipCode ?? '', isAddictionCare: unit.isAddictionCare },
        });
        const at = new Date(`${r.date}T09:00:00Z`);
        const approved = r.status === 'zatwierdzony';
        const [req] = await tx
          .insert(roleRequests)
          .values({
            number: r.number,
            year: parsed.year,
            seq: parsed.seq,
            submissionId: submission.id,
            profileId: profile.id,
            roleCode: r.roleCode,
            status: r.status,
            verifyingUnitId: verifier.unitId,
            submittedAt: at,
            statusChangedAt: at,
            decidedAt: approved ? at : null,
            assignedAt: approved ? at : null,
          })
          .returning({ id: roleRequests.id });
        if (!req) throw new Error('request insert failed');
        // the same moves as the wizard: "Zapisz wniosek" (zapisany), then "Zakończ" (oczekujący)
        await tx.insert(requestStatusHistory).values({ requestId: req.id, fromStatus: null, toStatus: 'zapisany', changedBy: user.id, changedAt: at });
        await tx.insert(requestStatusHistory).values({ requestId: req.id, fromStatus: 'zapisany', toStatus: 'oczekujacy', changedBy: user.id, changedAt: at });
        if (approved)
          await tx
            .insert(requestStatusHistory)
            .values({ requestId: req.id, fromStatus: 'oczekujacy', toStatus: 'zatwierdzony', reason: 'Dane demonstracyjne', changedAt: at });
        await tx
          .insert(requestNumberCounters)
          .values({ year: parsed.year, lastSeq: parsed.seq })
          .onConflictDoUpdate({ target: requestNumberCounters.year, set: { lastSeq: sql`greatest(${requestNumberCounters.lastSeq}, excluded.last_seq)` } });
      }
    }
  });
}

/** The verifiers' queues (DEMO_QUEUE): each request saved and finished through the lifecycle, routed as the wizard routes it. */
export async function seedDemoQueue(db: Db, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    for (const q of DEMO_QUEUE) {
      const idempotencyKey = `demo-queue:${q.key}`;
      const [done] = await tx.select({ id: requestSubmissions.id }).from(requestSubmissions).where(eq(requestSubmissions.idempotencyKey, idempotencyKey));
      if (done) continue;
      const email = `${q.applicant.login}@example.pl`;
      const at = new Date(now.getTime() - q.daysAgo * 86_400_000);
      await tx
        .insert(users)
        .values({
          subject: `demo-applicant:${q.applicant.login}`,
          login: q.applicant.login,
          firstName: q.applicant.firstName,
          lastName: q.applicant.lastName,
          email,
          createdAt: at,
        })
        .onConflictDoNothing();
      const [user] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.subject, `demo-applicant:${q.applicant.login}`));
      const u = q.unit;
      const [unit] =
        'key' in u
          ? await tx.select().from(units).where(eq(units.sourceKey, u.key))
          : await tx
              .select()
              .from(units)
              .where(
                and(
                  eq(units.kindCode, u.kindCode),
                  eq(units.voivodeshipCode, u.voivodeshipCode),
                  eq(units.isAddictionCare, u.addiction ?? false),
                  sql`${units.sourceKey} like 'gen-%'`,
                ),
              )
              .orderBy(units.sourceKey)
              .limit(1)
              .offset(u.nth);
      const role = ROLES.find((x) => x.code === q.roleCode);
      if (!user || !unit || !role) throw new Error(`demo queue request ${q.key}: user, unit or role missing`);
      const [profile] = await tx
        .insert(profiles)
        .values({
          userId: user.id,
          unitId: unit.id,
          phone: q.applicant.phone,
          email,
          status: 'nieaktywowany',
          statusChangedAt: at,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: profiles.id });
      if (!profile) throw new Error('profile insert failed');
      const [submission] = await tx
        .insert(requestSubmissions)
        .values({
          idempotencyKey,
          userId: user.id,
          profileId: profile.id,
          source: 'wizard',
          contactPhone: q.applicant.phone,
          contactEmail: email,
          createdAt: at,
          pdfDownloadedAt: at,
          deliveryChoice: 'later',
          finishedAt: at,
        })
        .returning({ id: requestSubmissions.id });
      if (!submission) throw new Error('submission insert failed');
      const verifier = routeRequest({
        verifiers: await loadVerifierCandidates(tx),
        role,
        unit: { kindCode: unit.kindCode, voivodeshipCode: unit.voivodeshipCode ?? '', isAddictionCare: unit.isAddictionCare },
      });
      const year = requestYear(at);
      const { number, seq } = await nextRequestNumber(tx, year);
      const how = { by: user.id, at };
      const requestId = await createRequest(
        tx,
        { number, year, seq, submissionId: submission.id, profileId: profile.id, roleCode: role.code, verifyingUnitId: verifier.unitId, submittedAt: at },
        'zapisany',
        how,
      );
      const finished = await transition(tx, requestId, 'oczekujacy', how);
      if (!finished.ok) throw new Error(`demo queue request ${q.key} not finished`);
      if (q.signed === 'post') await tx.update(roleRequests).set({ reminderOptOut: true }).where(eq(roleRequests.id, requestId));
      if (q.signed === 'file') {
        // a scanned, clean upload: its bytes are written to the app's storage at start (demo-files.ts)
        const bytes = demoSignedPdf(demoFileTitle(number));
        await tx.insert(attachments).values({
          submissionId: submission.id,
          ownerUserId: user.id,
          originalName: `wniosek-${number.replace('/', '-')}-podpisany.pdf`,
          storageKey: demoStorageKey(q.key),
          contentType: 'application/pdf',
          sizeBytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          scanStatus: 'clean',
          scannedAt: at,
          createdAt: at,
        });
      }
      await recomputeProfileStatus(tx, profile.id, at);
    }
  });
}

export async function seedDemoLegacyAndNews(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const l of DEMO_LEGACY_ACCOUNTS) {
      const [existing] = await tx.select({ id: legacyAccounts.id }).from(legacyAccounts).where(eq(legacyAccounts.login, l.login));
      if (existing) continue;
      await tx.insert(legacyAccounts).values({
        login: l.login,
        passwordHash: await argon2.hash(DEMO_LEGACY_PASSWORD, ARGON2_OPTIONS),
        unitId: await unitIdByKey(tx, l.unitKey),
        legacyRoles: [...l.legacyRoles],
        createdOn: l.createdOn,
      });
    }
    const [news] = await tx.select({ id: announcements.id }).from(announcements).where(eq(announcements.title, DEMO_ANNOUNCEMENT.title));
    if (!news) {
      await tx
        .insert(announcements)
        .values({ title: DEMO_ANNOUNCEMENT.title, body: DEMO_ANNOUNCEMENT.body, publishedAt: new Date(DEMO_ANNOUNCEMENT.publishedAt) });
    }
  });
}

/** All demo data of shared/spec/demo-data.md. Idempotent: a second run inserts nothing. */
/**
 * `peselHash`: the portal's keyed PESEL hash (bootstrap passes it with the running config), so a demo
 * person can be linked on a first sign-in from another identity provider before ever using the
 * built-in one. Without it (the test template) the hash is stored at the first built-in sign-in.
 * `peselSeal`: the masked and encrypted PESEL (portal/auth/pesel-vault.ts, under the running
 * PESEL_KEY), so the verifiers see the demo people's and the queue applicants' PESEL from the start.
 */
export async function seedDemoData(
  db: Db,
  opts: { peselHash?: (pesel: string) => string | null; peselSeal?: (pesel: string) => { masked: string; enc: string } | null } = {},
): Promise<{ unitsInserted: number }> {
  // the registry is written in one transaction, so one generated unit means all of them are there
  const [generated] = await db
    .select({ id: units.id })
    .from(units)
    .where(sql`${units.sourceKey} like 'gen-%'`)
    .limit(1);
  const unitsInserted = generated ? 0 : await db.transaction((tx) => seedUnits(tx));
  // a named unit added by a later release reaches a registry loaded before it
  if (generated) await seedUnits(db, []);
  // fresh statistics, so the planner uses the trigram index for name search (PGlite has no autovacuum)
  if (unitsInserted > 0) await db.execute(sql`analyze portal.units`);
  await seedDemoPeople(db);
  await seedDemoProfiles(db);
  await seedDemoQueue(db);
  await linkDemoPeople(db, opts);
  await seedDemoLegacyAndNews(db);
  await seedDemoReports(db);
  return { unitsInserted };
}

/**
 * Stores the keyed PESEL hash, and the masked and encrypted PESEL, of the demo users (the people with a
 * UEOZ account and the queue's applicants) that have none yet (idempotent: a value already stored stays).
 */
async function linkDemoPeople(
  db: Db,
  opts: { peselHash?: (pesel: string) => string | null; peselSeal?: (pesel: string) => { masked: string; enc: string } | null },
): Promise<void> {
  const people: { pesel: string; subject: () => Promise<string | null> }[] = [
    ...DEMO_PEOPLE.map((p) => ({
      pesel: p.pesel,
      subject: async () => (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.pesel, p.pesel)))[0]?.id ?? null,
    })),
    ...DEMO_QUEUE.map((q) => ({ pesel: q.applicant.pesel, subject: async () => `demo-applicant:${q.applicant.login}` })),
  ];
  for (const p of people) {
    const hash = opts.peselHash?.(p.pesel) ?? null;
    const sealed = opts.peselSeal?.(p.pesel) ?? null;
    if (!hash && !sealed) continue;
    const subject = await p.subject();
    if (!subject) continue;
    if (hash) {
      await db
        .update(users)
        .set({ peselHash: hash })
        .where(and(eq(users.subject, subject), isNull(users.peselHash)));
    }
    if (sealed) {
      await db
        .update(users)
        .set({ peselMasked: sealed.masked, peselEnc: sealed.enc })
        .where(and(eq(users.subject, subject), isNull(users.peselEnc)));
    }
  }
}
