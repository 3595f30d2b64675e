/**
 * The authorisation matrix (issue 12, point 2): every route of the portal, keyed by `METHOD pattern`
 * as Fastify's route table names it, with how access to it is decided.
 *
 * - `public`: open to everyone; an anonymous visitor and every signed-in user get past it.
 * - `interaction`: the identity provider's pages (UEOZ, `/ueoz/…`): guarded by the OIDC interaction
 *   they belong to, not by the portal's session, so a portal session changes nothing — every actor
 *   gets the answer the anonymous visitor gets.
 * - `signed-in`: any portal session (with or without a profile); an anonymous visitor is sent to the
 *   login page.
 * - `policy`: the policy layer (src/portal/policies) decides. Each route lists the objects it is tried
 *   on (the actor's own, another user's, another unit's, an id that does not exist) and, for each, the
 *   decision the policy gives — `decide()` called with the actor and the object as loaded from the
 *   database, through the same sequence of checks the service makes (e.g. "the sub-module, then the
 *   request"). The first refusal wins: 'hide' is answered 404, 'deny' 403.
 *
 * A route missing here fails the matrix test (`matrixGaps`), and so does an entry without a route.
 * HEAD routes are Fastify's automatic twins of GET routes and follow their GET entry.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.ts';
import { formCatalogue, surveySupervisors } from '../../src/db/repositories/report-obligations.ts';
import { findAttachment, findProfile, findRequest, findSubmission } from '../../src/db/repositories/subjects.ts';
import { findProfileRequest, findUser, managedProfile, userProfiles, type ManagedProfileRow } from '../../src/db/repositories/user-admin.ts';
import { announcements, reports, units, unitSupervisors, unitSurveys } from '../../src/db/schema/index.ts';
import type { Actor } from '../../src/portal/actor/actor.ts';
import { decide, type Action, type Decision, type ManagedProfileSubject, type ScheduleSubject, type Subject } from '../../src/portal/policies/index.ts';
import { subjectOf as reportSubjectOf } from '../../src/portal/reporting/service.ts';
import type { SubmoduleKey } from '../../src/portal/management/submodules.ts';

/** Ids of the demo objects the matrix is tried on (found in the demo data by the test, see authz-matrix.test.ts). */
export interface Fx {
  userIds: Record<'maria' | 'robert' | 'katarzyna' | 'tomasz', string>;
  /** profiles: maria's in Starostwo (active), robert's in the Toruń clinic (active), maria's in K-Dent (not activated yet) */
  profiles: Record<'mariaStarostwo' | 'robertTorun' | 'mariaKdent', string>;
  /** maria's K-Dent submission (requests U000593 and U000594, pending at CeZ) and a demo applicant's (pending at the Urząd Wojewódzki) */
  submissions: Record<'maria' | 'applicant', string>;
  /** pending requests: maria's U000594 (at CeZ), a demo applicant's at UW kujawsko-pomorskie (with a safe file), at IPIN, at CeZ; robert's approved role */
  requests: Record<'mariaOwn' | 'atUw' | 'atIpin' | 'atCez' | 'robertRole', string>;
  /** files: maria's own (uploaded by the test, scanned clean) in her K-Dent submission; a demo applicant's safe file (request atUw) */
  files: { maria: string; applicant: string };
  /** MZ-11 of Starostwo in progress, approved (version 1), one waiting at CeZ's level; the Toruń clinic's approved one */
  reports: Record<'fill' | 'verify' | 'reopen' | 'torun', string>;
  units: Record<'starostwo' | 'kdent' | 'torun', string>;
  year: number;
  announcement: string;
  legacyName: string;
}

/** A form as a browser sends it (a field ticked several times: a list). */
export type Form = Record<string, string | string[]>;

export type Access = 'public' | 'interaction' | 'signed-in' | 'policy';

export interface Target {
  /** what the object is to the actors, e.g. "maria's submission" */
  label: string;
  params: Record<string, string>;
  /** POST: fields of the form that name the object (besides the route's usual body) */
  form?: Record<string, string>;
  /** the policy's decision for this actor on this object (the actor with a profile or without one) */
  expect: (a: Actor, db: DbOrTx) => Promise<Decision>;
}

export interface RouteRule {
  access: Access;
  /** `policy` routes: the objects tried (a route without parameters has one target, params {}) */
  targets?: (fx: Fx) => Target[];
  /** POST: the form the page sends (besides `_csrf`); a function for values read at the time (a report's revision) */
  body?: (fx: Fx, db: DbOrTx, params: Record<string, string>) => Promise<Form> | Form;
  /** POST: the request changes the session itself (signs out, switches the profile): sent from a session of its own */
  ownSession?: true;
  /** POST: changes what later rows stand on (blocks a profile, takes a role back, removes a file): sent after the others */
  late?: number;
}

// ───────────────────────── the policy, as the services call it ─────────────────────────

type Step = () => Decision | Promise<Decision>;

/** The first refusal of a sequence of checks, as a service's `authorize()` calls throw the first. */
async function first(...steps: Step[]): Promise<Decision> {
  for (const s of steps) {
    const d = await s();
    if (d !== 'allow') return d;
  }
  return 'allow';
}

/** `authorize()` of a subject that may be missing (not found: 404, as the service answers). */
function policy(a: Actor, action: Action, subject: Subject | ScheduleSubject | null | undefined): Decision {
  if (!subject) return 'hide';
  return decide(a, action as 'profile.view', subject as never);
}

const submodule =
  (a: Actor, key?: SubmoduleKey): Step =>
  () =>
    policy(a, 'management.open', key ? { type: 'management', submodule: key } : { type: 'management' });

const one =
  (expect: Target['expect'], label = 'the page'): ((fx: Fx) => Target[]) =>
  () => [{ label, params: {}, expect }];

/** A profile as "Użytkownicy" sees it (written here from the row, not taken from the service, so a service that maps it wrongly disagrees). */
function managedSubject(p: ManagedProfileRow): ManagedProfileSubject {
  return {
    type: 'managedProfile',
    ownerUserId: p.userId,
    profileId: p.id,
    unitIsOffice: p.unitIsOffice,
    unitVoivodeshipCode: p.unitVoivodeshipCode,
    verifyingUnitIds: p.verifyingUnitIds,
  };
}

async function reportSubject(db: DbOrTx, id: string) {
  const [r] = await db.select().from(reports).where(eq(reports.id, id));
  return r ? reportSubjectOf(r) : null;
}

async function surveySubject(db: DbOrTx, unitId: string, year: number) {
  const [u] = await db.select({ id: units.id, kindCode: units.kindCode, voivodeshipCode: units.voivodeshipCode }).from(units).where(eq(units.id, unitId));
  if (!u) return null;
  const [row] = await db
    .select({ year: unitSurveys.year })
    .from(unitSurveys)
    .where(and(eq(unitSurveys.unitId, u.id), eq(unitSurveys.year, year)));
  return { type: 'survey' as const, unitId: u.id, supervisorUnitIds: await surveySupervisors(db, u, await formCatalogue(db)), answered: !!row };
}

async function unitSubject(db: DbOrTx, id: string) {
  const [u] = await db.select({ v: units.voivodeshipCode }).from(units).where(eq(units.id, id));
  return u ? { type: 'unit' as const, voivodeshipCode: u.v } : null;
}

async function announcementSubject(db: DbOrTx, id: string) {
  const [n] = await db.select({ withdrawnAt: announcements.withdrawnAt }).from(announcements).where(eq(announcements.id, id));
  return n ? { type: 'announcement' as const, withdrawn: n.withdrawnAt !== null } : null;
}

// ───────────────────────── objects of each kind, own and foreign ─────────────────────────

const NO_SUCH = randomUUID();

/** A profile: maria's (Starostwo), robert's (another user, another unit), one that does not exist. */
const profileTargets =
  (action: Action, param = 'id') =>
  (fx: Fx): Target[] =>
    (
      [
        ["maria's profile (Starostwo)", fx.profiles.mariaStarostwo],
        ["robert's profile (Toruń clinic)", fx.profiles.robertTorun],
        ['a profile that does not exist', NO_SUCH],
      ] as const
    ).map(([label, id]) => ({ label, params: { [param]: id }, expect: async (a, db) => policy(a, action, (await findProfile(db, id))?.subject) }));

/** A submission: maria's (K-Dent), a demo applicant's. */
const submissionTargets =
  (action: Action) =>
  (fx: Fx): Target[] =>
    (
      [
        ["maria's submission", fx.submissions.maria],
        ["a demo applicant's submission", fx.submissions.applicant],
      ] as const
    ).map(([label, id]) => ({ label, params: { id }, expect: async (a, db) => policy(a, action, (await findSubmission(db, id))?.subject) }));

/** A file: maria's own, a demo applicant's (the id of another user's submission and file). */
const fileTargets =
  (action: Action) =>
  (fx: Fx): Target[] =>
    (
      [
        ["maria's file", fx.submissions.maria, fx.files.maria],
        ["a demo applicant's file", fx.submissions.applicant, fx.files.applicant],
        ["a demo applicant's file under maria's submission", fx.submissions.maria, fx.files.applicant],
      ] as const
    ).map(([label, id, fileId]) => ({
      label,
      params: { id, fileId },
      expect: async (a, db) => policy(a, action, (await findAttachment(db, id, fileId))?.subject),
    }));

/** A request as its applicant sees it: maria's U000594, a demo applicant's. */
const ownRequestTargets =
  (action: Action) =>
  (fx: Fx): Target[] =>
    (
      [
        ["maria's request U000594", fx.requests.mariaOwn],
        ["a demo applicant's request", fx.requests.atUw],
      ] as const
    ).map(([label, id]) => ({ label, params: { id }, expect: async (a, db) => policy(a, action, (await findRequest(db, id))?.subject) }));

/** A request as verifiers see it: routed to the Urząd Wojewódzki, to IPIN, to CeZ, and maria's own (at CeZ). */
const queueTargets =
  (action: Action, pick: readonly ('atUw' | 'atIpin' | 'atCez' | 'mariaOwn')[] = ['atUw', 'atIpin', 'atCez', 'mariaOwn']) =>
  (fx: Fx): Target[] =>
    pick.map((k) => ({
      label: `a request ${k === 'mariaOwn' ? "of maria's (at CeZ)" : k === 'atUw' ? 'at UW kujawsko-pomorskie' : k === 'atIpin' ? 'at IPIN' : 'at CeZ'}`,
      params: { id: fx.requests[k] },
      expect: async (a, db) => policy(a, action, (await findRequest(db, fx.requests[k]))?.subject),
    }));

/** A report: Starostwo's in progress / approved, one waiting at CeZ, the Toruń clinic's. */
const reportTargets =
  (actions: Action[], pick: readonly (keyof Fx['reports'])[], extra: Record<string, string> = {}) =>
  (fx: Fx): Target[] =>
    pick.map((k) => ({
      label: `report ${k}`,
      params: { id: fx.reports[k], ...extra },
      expect: async (a, db) => {
        const s = await reportSubject(db, fx.reports[k]);
        return first(...actions.map((act) => () => policy(a, act, s)));
      },
    }));

/** A unit's ankieta and obligations for the reporting year: Starostwo's, the Toruń clinic's, K-Dent's (wielkopolskie). */
const unitYearTargets =
  (actions: Action[]) =>
  (fx: Fx): Target[] =>
    (['starostwo', 'torun', 'kdent'] as const).map((k) => ({
      label: `the ankieta of ${k}`,
      params: { unitId: fx.units[k], year: String(fx.year) },
      expect: async (a, db) => {
        const s = await surveySubject(db, fx.units[k], fx.year);
        return first(...actions.map((act) => () => policy(a, act, s)));
      },
    }));

/** "Jednostki": K-Dent (wielkopolskie) and Starostwo (kujawsko-pomorskie). */
const unitTargets =
  (action: Action) =>
  (fx: Fx): Target[] =>
    (['kdent', 'starostwo'] as const).map((k) => ({
      label: `unit ${k}`,
      params: { id: fx.units[k] },
      expect: async (a, db) => policy(a, action, await unitSubject(db, fx.units[k])),
    }));

/** "Użytkownicy": a user by the profiles in the actor's scope. */
const userTargets = (fx: Fx): Target[] =>
  (['maria', 'robert', 'katarzyna'] as const).map((k) => ({
    label: `user ${k}`,
    params: { id: fx.userIds[k] },
    expect: async (a, db) =>
      first(submodule(a, 'users'), async () => {
        const user = await findUser(db, fx.userIds[k]);
        if (!user) return 'hide';
        return policy(a, 'user.review', { type: 'managedUser', userId: user.id, profiles: (await userProfiles(db, user.id)).map(managedSubject) });
      }),
  }));

/** Blocking or unblocking robert's profile, and (a mismatched pair) robert's profile under maria's user id. */
const profileActionTargets =
  (action: 'managedProfile.block' | 'managedProfile.unblock') =>
  (fx: Fx): Target[] =>
    (
      [
        ["robert's profile", fx.userIds.robert, fx.profiles.robertTorun],
        ["robert's profile under maria's user id", fx.userIds.maria, fx.profiles.robertTorun],
      ] as const
    ).map(([label, id, profileId]) => ({
      label,
      params: { id, profileId },
      expect: async (a, db) =>
        first(submodule(a, 'users'), async () => {
          const p = await managedProfile(db, profileId);
          if (!p || p.userId !== id) return 'hide';
          return policy(a, action, managedSubject(p));
        }),
    }));

const revokeTargets = (fx: Fx): Target[] =>
  (
    [
      ["robert's role", fx.userIds.robert, fx.requests.robertRole],
      ["robert's role under maria's user id", fx.userIds.maria, fx.requests.robertRole],
    ] as const
  ).map(([label, id, requestId]) => ({
    label,
    params: { id, requestId },
    expect: async (a, db) =>
      first(submodule(a, 'users'), async () => {
        const r = await findProfileRequest(db, requestId);
        const p = r ? await managedProfile(db, r.profileId) : null;
        if (!r || !p || p.userId !== id) return 'hide';
        return first(
          () => policy(a, 'managedProfile.review', managedSubject(p)),
          () => policy(a, 'grantedRole.revoke', { type: 'grantedRole', profile: managedSubject(p), verifyingUnitId: r.verifyingUnitId }),
        );
      }),
  }));

const dictionary = (edit: boolean, params: (fx: Fx) => Record<string, string>) => (fx: Fx) => [
  {
    label: 'a dictionary entry',
    params: params(fx),
    expect: async (a: Actor) =>
      first(
        () => policy(a, 'dictionary.view', { type: 'dictionary' }),
        () => (edit ? policy(a, 'dictionary.edit', { type: 'dictionary' }) : 'allow'),
      ),
  },
];

const announcement = (actions: Action[]) => (fx: Fx) => [
  {
    label: 'a published announcement',
    params: { id: fx.announcement },
    expect: async (a: Actor, db: DbOrTx) => {
      const s = await announcementSubject(db, fx.announcement);
      return first(() => policy(a, 'announcement.list', { type: 'announcements' }), ...actions.map((act) => () => policy(a, act, s)));
    },
  },
];

const schedule = (fx: Fx) => [
  {
    label: 'MZ-11 of the reporting year',
    params: { form: 'MZ-11', year: String(fx.year) },
    expect: async (a: Actor) =>
      first(
        () => policy(a, 'schedule.view', { type: 'schedule' }),
        () => policy(a, 'schedule.edit', { type: 'schedule' }),
      ),
  },
];

const REASON = { powod: 'Sprawdzenie macierzy uprawnień' };

// ───────────────────────── the matrix ─────────────────────────

export const MATRIX: Record<string, RouteRule> = {
  // public pages, health, assets, the demo mailbox
  'GET /': { access: 'public' },
  'GET /assets/*': { access: 'public' },
  'GET /deklaracja-dostepnosci': { access: 'public' },
  'GET /dev/poczta': { access: 'public' },
  'GET /dev/poczta.json': { access: 'public' },
  'GET /dev/poczta/:id': { access: 'interaction' },
  'GET /healthz': { access: 'public' },
  'GET /readyz': { access: 'public' },
  'GET /robots.txt': { access: 'public' },
  'GET /kontakt': { access: 'public' },
  'POST /kontakt': { access: 'public' },
  'GET /kontakt/wyslano': { access: 'public' },
  'GET /mapa-strony': { access: 'public' },
  'GET /polityka-prywatnosci': { access: 'public' },
  'GET /pomoc': { access: 'public' },
  'GET /ueoz/czym-sa-ueoz': { access: 'public' },
  'GET /ueoz/warunki-korzystania': { access: 'public' },
  'GET /wylogowano': { access: 'public' },
  'GET /sesja-wygasla': { access: 'public' },
  'GET /sesja/status': { access: 'public' },
  'POST /sesja/przedluz': { access: 'public' },
  'POST /wyloguj': { access: 'public', ownSession: true },
  // login: the portal's OIDC client and the identity provider (UEOZ)
  'GET /logowanie': { access: 'public' },
  'GET /logowanie/callback': { access: 'interaction' },
  'GET /ueoz/aktywuj': { access: 'interaction' },
  'POST /ueoz/aktywuj': { access: 'interaction' },
  'GET /ueoz/oidc': { access: 'interaction' },
  'POST /ueoz/oidc': { access: 'interaction' },
  'OPTIONS /ueoz/oidc': { access: 'interaction' },
  'GET /ueoz/oidc/*': { access: 'interaction' },
  'POST /ueoz/oidc/*': { access: 'interaction' },
  'OPTIONS /ueoz/oidc/*': { access: 'interaction' },
  'GET /ueoz/logowanie/:uid': { access: 'interaction' },
  'GET /ueoz/logowanie/:uid/aktywacja': { access: 'interaction' },
  'POST /ueoz/logowanie/:uid/aktywacja/nowy-email': { access: 'interaction' },
  'GET /ueoz/logowanie/:uid/dokoncz': { access: 'interaction' },
  'GET /ueoz/logowanie/:uid/kod': { access: 'interaction' },
  'POST /ueoz/logowanie/:uid/kod': { access: 'interaction' },
  'POST /ueoz/logowanie/:uid/kod/nowy': { access: 'interaction' },
  'GET /ueoz/logowanie/:uid/konto': { access: 'interaction' },
  'POST /ueoz/logowanie/:uid/konto': { access: 'interaction' },
  'GET /ueoz/logowanie/:uid/migracja': { access: 'interaction' },
  'POST /ueoz/logowanie/:uid/migracja/nowe-konto': { access: 'interaction' },
  'POST /ueoz/logowanie/:uid/migracja/przerwij': { access: 'interaction' },
  'GET /ueoz/logowanie/:uid/pz': { access: 'interaction' },
  'POST /ueoz/logowanie/:uid/pz': { access: 'interaction' },
  'GET /ueoz/logowanie/:uid/pz/zaloz': { access: 'interaction' },
  'POST /ueoz/logowanie/:uid/pz/zaloz': { access: 'interaction' },

  // every signed-in user, whatever the profile: the home pages, Moje konto, the reminder, the wizard for a new profile, the transfer from SSOZ I
  'GET /start': { access: 'signed-in' },
  'GET /witaj': { access: 'signed-in' },
  'GET /moje-konto': { access: 'signed-in' },
  'GET /przypomnienie': { access: 'signed-in' },
  'POST /przypomnienie': { access: 'signed-in' },
  'GET /profil/wniosek': { access: 'signed-in' },
  'POST /profil/wniosek/jednostka': { access: 'signed-in' },
  'GET /profil/wniosek/role': { access: 'signed-in' },
  'POST /profil/wniosek/role': { access: 'signed-in' },
  'GET /profil/wniosek/podsumowanie': { access: 'signed-in' },
  'POST /profil/wniosek/podsumowanie': { access: 'signed-in' },
  'GET /profil/przeniesienie': { access: 'signed-in' },
  'POST /profil/przeniesienie': { access: 'signed-in' },
  'GET /profil/przeniesienie/podsumowanie': { access: 'signed-in' },
  'POST /profil/przeniesienie/podsumowanie': { access: 'signed-in' },
  // the ankieta of the unit worked in: whoever has none due is sent to the reports list (survey.answer applies to a due one)
  'GET /sprawozdania/ankieta': { access: 'signed-in' },
  'POST /sprawozdania/ankieta': { access: 'signed-in' },

  // one's own profiles and requests
  'POST /profil/:id/pracuj': { access: 'policy', targets: profileTargets('profile.work'), ownSession: true },
  'POST /profil/pracuj': {
    access: 'policy',
    ownSession: true,
    // the profile comes in the form ("Pracuj w profilu" of the menu)
    targets: (fx) => profileTargets('profile.work')(fx).map((t) => ({ ...t, label: `${t.label}, in the form`, params: {}, form: { profileId: t.params.id! } })),
  },
  'GET /profil/:id/dane-kontaktowe': { access: 'policy', targets: profileTargets('profile.editContact') },
  'POST /profil/:id/dane-kontaktowe': { access: 'policy', targets: profileTargets('profile.editContact') },
  'GET /profil/:profileId/wniosek/role': { access: 'policy', targets: profileTargets('profile.requestRoles', 'profileId') },
  'POST /profil/:profileId/wniosek/role': { access: 'policy', targets: profileTargets('profile.requestRoles', 'profileId') },
  'GET /profil/:profileId/wniosek/podsumowanie': { access: 'policy', targets: profileTargets('profile.requestRoles', 'profileId') },
  'POST /profil/:profileId/wniosek/podsumowanie': { access: 'policy', targets: profileTargets('profile.requestRoles', 'profileId') },
  'GET /wnioski/:id': { access: 'policy', targets: submissionTargets('submission.view') },
  'GET /wnioski/:id/pdf': { access: 'policy', targets: submissionTargets('submission.view') },
  'POST /wnioski/:id/zakoncz': { access: 'policy', targets: submissionTargets('submission.finish') },
  'GET /wnioski/:id/zalaczniki': { access: 'policy', targets: submissionTargets('submission.view') },
  'POST /wnioski/:id/zalaczniki': { access: 'policy', targets: submissionTargets('submission.attach') },
  'GET /wnioski/:id/zalaczniki/:fileId': { access: 'policy', targets: fileTargets('attachment.download') },
  'GET /wnioski/:id/zalaczniki/:fileId/usun': { access: 'policy', targets: fileTargets('attachment.delete') },
  'POST /wnioski/:id/zalaczniki/:fileId/usun': {
    access: 'policy',
    targets: fileTargets('attachment.delete'),
    body: () => ({ potwierdz: 'tak', powrot: 'zalaczniki' }),
    late: 1,
  },
  'GET /wnioski/:id/wycofaj': { access: 'policy', targets: ownRequestTargets('request.view') },
  // withdrawing: the applicant's own request (request.view); whether it can still be withdrawn is the lifecycle's answer
  // (a decided one is left as it is and the user sent back to Moje konto, as a second click is)
  'POST /wnioski/:id/wycofaj': { access: 'policy', targets: ownRequestTargets('request.view'), late: 1 },
  'POST /wnioski/:id/bez-przypomnien': { access: 'policy', targets: ownRequestTargets('request.setReminder'), body: () => ({ optOut: 'tak' }) },

  // "Zarządzanie"
  'GET /zarzadzanie': { access: 'policy', targets: one(async (a) => first(submodule(a))) },
  'GET /zarzadzanie/wnioski': { access: 'policy', targets: one(async (a) => first(submodule(a, 'requests'))) },
  'GET /zarzadzanie/wnioski/:id': { access: 'policy', targets: queueTargets('request.review') },
  'GET /zarzadzanie/wnioski/:id/pdf': { access: 'policy', targets: queueTargets('request.review', ['atUw', 'atIpin']) },
  'GET /zarzadzanie/wnioski/:id/pliki/:fileId': {
    access: 'policy',
    targets: (fx) => [
      ...queueTargets('request.review', ['atUw'])(fx).map((t) => ({
        ...t,
        label: `${t.label}, its file`,
        params: { ...t.params, fileId: fx.files.applicant },
      })),
      // the file of another request under this one's id: whoever may review this one finds no such file
      ...queueTargets('request.review', ['atCez'])(fx).map((t) => ({
        ...t,
        label: `${t.label}, another request's file`,
        params: { ...t.params, fileId: fx.files.applicant },
        expect: async (a: Actor, db: DbOrTx) =>
          first(
            () => t.expect(a, db),
            () => 'hide',
          ),
      })),
    ],
  },
  'POST /zarzadzanie/wnioski/:id/zatwierdz': {
    access: 'policy',
    targets: queueTargets('request.decide', ['atUw', 'atIpin', 'mariaOwn']),
    body: () => ({ potwierdzenie: 'tak' }),
  },
  'POST /zarzadzanie/wnioski/:id/odrzuc': {
    access: 'policy',
    targets: queueTargets('request.decide', ['atCez', 'atIpin']),
    body: () => ({ powod: 'Brak podpisu kierownika jednostki' }),
  },
  'POST /zarzadzanie/wnioski/:id/archiwizuj': {
    access: 'policy',
    targets: queueTargets('request.archive', ['atCez', 'atUw']),
    body: () => ({ powodArchiwizacji: 'Wniosek bez odpowiedzi' }),
  },
  'POST /zarzadzanie/wnioski/zatwierdz-zaznaczone': {
    access: 'policy',
    targets: one(async (a) => policy(a, 'request.bulkApprove', { type: 'management', submodule: 'requests' })),
    // a real selection: the UW's request with its safe file (each ticked request is then decided on its own)
    body: (fx) => ({ wniosek: [fx.requests.atUw] }),
  },
  'GET /zarzadzanie/uzytkownicy': { access: 'policy', targets: one(async (a) => first(submodule(a, 'users'))) },
  'GET /zarzadzanie/uzytkownicy/:id': { access: 'policy', targets: userTargets },
  'GET /zarzadzanie/uzytkownicy/:id/profile/:profileId/zablokuj': { access: 'policy', targets: profileActionTargets('managedProfile.block') },
  'POST /zarzadzanie/uzytkownicy/:id/profile/:profileId/zablokuj': {
    access: 'policy',
    targets: profileActionTargets('managedProfile.block'),
    body: () => REASON,
    late: 2,
  },
  'GET /zarzadzanie/uzytkownicy/:id/profile/:profileId/odblokuj': { access: 'policy', targets: profileActionTargets('managedProfile.unblock') },
  'POST /zarzadzanie/uzytkownicy/:id/profile/:profileId/odblokuj': {
    access: 'policy',
    targets: profileActionTargets('managedProfile.unblock'),
    body: () => REASON,
    late: 3,
  },
  'GET /zarzadzanie/uzytkownicy/:id/role/:requestId/odbierz': { access: 'policy', targets: revokeTargets },
  'POST /zarzadzanie/uzytkownicy/:id/role/:requestId/odbierz': { access: 'policy', targets: revokeTargets, body: () => REASON, late: 4 },
  'GET /zarzadzanie/jednostki': { access: 'policy', targets: one(async (a) => first(submodule(a, 'units'))) },
  'GET /zarzadzanie/jednostki/nowa': { access: 'policy', targets: one(async (a) => policy(a, 'unit.add', { type: 'unit', voivodeshipCode: null })) },
  'POST /zarzadzanie/jednostki/nowa': {
    access: 'policy',
    // the form's TERYT lies in kujawsko-pomorskie (04)
    targets: one(async (a) =>
      first(
        () => policy(a, 'unit.add', { type: 'unit', voivodeshipCode: null }),
        () => policy(a, 'unit.add', { type: 'unit', voivodeshipCode: '04' }),
      ),
    ),
  },
  'GET /zarzadzanie/jednostki/:id': { access: 'policy', targets: unitTargets('unit.view') },
  'GET /zarzadzanie/jednostki/:id/edycja': { access: 'policy', targets: unitTargets('unit.edit') },
  'POST /zarzadzanie/jednostki/:id/edycja': {
    access: 'policy',
    targets: unitTargets('unit.edit'),
    // the unit's own data with a new name and the version of the page it came from: an edit that would be saved
    // (the unit stays active and where it is: an inactive one would block its users' profiles for the rows after)
    body: async (_fx, db, params): Promise<Form> => {
      const [u] = await db.select().from(units).where(eq(units.id, params.id!));
      if (!u) return {};
      const supervisors = await db.select({ id: unitSupervisors.supervisorUnitId }).from(unitSupervisors).where(eq(unitSupervisors.unitId, u.id));
      return {
        nazwa: `${u.name.slice(0, 400)} (sprawdzona)`,
        rodzaj: u.kindCode,
        teryt: u.teryt ?? '',
        miejscowosc: u.locality ?? '',
        kod: u.postalCode ?? '',
        ulica: u.street ?? '',
        nr: u.buildingNo ?? '',
        phone: u.phone ?? '',
        email: u.email ?? '',
        nadrzedne: supervisors.map((x) => x.id),
        status: 'aktywna',
        wersja: u.updatedAt.toISOString(),
      };
    },
  },
  'GET /zarzadzanie/dziennik': { access: 'policy', targets: one(async (a) => first(submodule(a, 'audit'))) },
  'GET /zarzadzanie/dziennik.csv': { access: 'policy', targets: one(async (a) => first(submodule(a, 'audit'))) },
  'GET /zarzadzanie/raporty': { access: 'policy', targets: one(async (a) => first(submodule(a, 'reports'))) },
  'GET /zarzadzanie/raporty/:raport.csv': {
    access: 'policy',
    targets: () => [{ label: 'statusy', params: { raport: 'statusy' }, expect: async (a) => first(submodule(a, 'reports')) }],
  },
  'GET /zarzadzanie/slowniki': { access: 'policy', targets: dictionary(false, () => ({})) },
  'GET /zarzadzanie/slowniki/rodzaje-jednostek/:code': { access: 'policy', targets: dictionary(false, () => ({ code: 'PODM' })) },
  'POST /zarzadzanie/slowniki/rodzaje-jednostek/:code': { access: 'policy', targets: dictionary(true, () => ({ code: 'PODM' })) },
  'POST /zarzadzanie/slowniki/rodzaje-jednostek/:code/przywroc': { access: 'policy', targets: dictionary(true, () => ({ code: 'PODM' })) },
  'GET /zarzadzanie/slowniki/role/:code': { access: 'policy', targets: dictionary(false, () => ({ code: 'WYP_FIN' })) },
  'POST /zarzadzanie/slowniki/role/:code': { access: 'policy', targets: dictionary(true, () => ({ code: 'WYP_FIN' })) },
  'POST /zarzadzanie/slowniki/role/:code/przywroc': { access: 'policy', targets: dictionary(true, () => ({ code: 'WYP_FIN' })) },
  'POST /zarzadzanie/slowniki/role/:code/przywroc-uprawnienia': { access: 'policy', targets: dictionary(true, () => ({ code: 'WYP_FIN' })) },
  'GET /zarzadzanie/slowniki/uprawnienia/:code': { access: 'policy', targets: dictionary(false, () => ({ code: 'SPR_FIN_WYPELNIJ' })) },
  'POST /zarzadzanie/slowniki/uprawnienia/:code': { access: 'policy', targets: dictionary(true, () => ({ code: 'SPR_FIN_WYPELNIJ' })) },
  'POST /zarzadzanie/slowniki/uprawnienia/:code/przywroc': { access: 'policy', targets: dictionary(true, () => ({ code: 'SPR_FIN_WYPELNIJ' })) },
  'GET /zarzadzanie/slowniki/uprawnienia-rol': { access: 'policy', targets: dictionary(false, () => ({})) },
  // the role → permission map as a whole: sent last, as an accepted one would change every profile's permissions
  'POST /zarzadzanie/slowniki/uprawnienia-rol': { access: 'policy', targets: dictionary(true, () => ({})), late: 9 },
  'GET /zarzadzanie/slowniki/role-ssoz1/:name': { access: 'policy', targets: dictionary(false, (fx) => ({ name: fx.legacyName })) },
  'POST /zarzadzanie/slowniki/role-ssoz1/:name': { access: 'policy', targets: dictionary(true, (fx) => ({ name: fx.legacyName })) },
  'POST /zarzadzanie/slowniki/role-ssoz1/:name/przywroc': { access: 'policy', targets: dictionary(true, (fx) => ({ name: fx.legacyName })) },
  'GET /zarzadzanie/komunikaty': { access: 'policy', targets: one(async (a) => policy(a, 'announcement.list', { type: 'announcements' })) },
  'GET /zarzadzanie/komunikaty/nowy': { access: 'policy', targets: one(async (a) => policy(a, 'announcement.create', { type: 'announcements' })) },
  'POST /zarzadzanie/komunikaty/nowy': { access: 'policy', targets: one(async (a) => policy(a, 'announcement.create', { type: 'announcements' })) },
  'GET /zarzadzanie/komunikaty/:id': { access: 'policy', targets: announcement(['announcement.view']) },
  'POST /zarzadzanie/komunikaty/:id': { access: 'policy', targets: announcement(['announcement.view', 'announcement.edit']) },
  'POST /zarzadzanie/komunikaty/:id/wycofaj': { access: 'policy', targets: announcement(['announcement.view', 'announcement.withdraw']), late: 1 },
  'GET /zarzadzanie/terminy': { access: 'policy', targets: one(async (a) => policy(a, 'schedule.view', { type: 'schedule' })) },
  'GET /zarzadzanie/terminy/:form/:year': { access: 'policy', targets: schedule },
  'POST /zarzadzanie/terminy/:form/:year': { access: 'policy', targets: schedule },

  // statistical reports
  'GET /sprawozdania/niefinansowe': { access: 'policy', targets: one(async (a) => policy(a, 'reports.open', { type: 'reports', area: 'niefinansowe' })) },
  'GET /sprawozdania/:id': { access: 'policy', targets: reportTargets(['report.view'], ['fill', 'verify', 'torun']) },
  'GET /sprawozdania/:id/dzial/:section': { access: 'policy', targets: reportTargets(['report.view'], ['fill', 'torun'], { section: 'D1' }) },
  'POST /sprawozdania/:id/dzial/:section': { access: 'policy', targets: reportTargets(['report.view', 'report.fill'], ['fill', 'torun'], { section: 'D1' }) },
  'GET /sprawozdania/:id/wyslij': { access: 'policy', targets: reportTargets(['report.view'], ['fill', 'torun']) },
  'POST /sprawozdania/:id/wyslij': { access: 'policy', targets: reportTargets(['report.view', 'report.fill'], ['fill', 'torun']) },
  'GET /sprawozdania/:id/weryfikacja': { access: 'policy', targets: reportTargets(['report.view'], ['verify', 'torun']) },
  'POST /sprawozdania/:id/weryfikacja': { access: 'policy', targets: reportTargets(['report.view', 'report.verify'], ['verify', 'torun']), late: 1 },
  'GET /sprawozdania/:id/korekta': { access: 'policy', targets: reportTargets(['report.view'], ['reopen', 'torun']) },
  'POST /sprawozdania/:id/korekta': { access: 'policy', targets: reportTargets(['report.view', 'report.reopen'], ['reopen', 'torun']), late: 1 },
  'GET /sprawozdania/:id/wersje/:version': { access: 'policy', targets: reportTargets(['report.view'], ['reopen', 'torun'], { version: '1' }) },
  'GET /sprawozdania/:id/roznice': { access: 'policy', targets: reportTargets(['report.view'], ['reopen', 'torun']) },
  'GET /sprawozdania/jednostka/:unitId/:year': { access: 'policy', targets: unitYearTargets(['survey.view']) },
  'POST /sprawozdania/jednostka/:unitId/:year': { access: 'policy', targets: unitYearTargets(['survey.view', 'survey.correct']) },
};

/**
 * The reports module's own hook (src/portal/reporting/routes.tsx), before any policy: a user signed in
 * with active profiles but none chosen yet is sent to the home page to choose one (not a refusal).
 */
for (const [key, rule] of Object.entries(MATRIX)) {
  if (!key.split(' ')[1]!.startsWith('/sprawozdania/') || rule.access !== 'policy') continue;
  const targets = rule.targets!;
  rule.targets = (fx) => targets(fx).map((t) => ({ ...t, expect: async (a, db) => (!a.profile && a.activeProfiles.length > 0 ? 'allow' : t.expect(a, db)) }));
}

/** A body with the report's current revision (the form carries the revision of the page it came from). */
export async function reportRevision(db: DbOrTx, params: Record<string, string>): Promise<Record<string, string>> {
  const [r] = params.id ? await db.select({ revision: reports.revision }).from(reports).where(eq(reports.id, params.id)) : [];
  return r ? { rewizja: String(r.revision) } : {};
}

// ───────────────────────── the route table against the matrix ─────────────────────────

export interface RouteRow {
  method: string;
  url: string;
}

/**
 * Routes without an entry (`missing`) and entries without a route (`stale`). HEAD routes follow their
 * GET entry (Fastify adds one to every GET); a HEAD without a GET is missing like any other route.
 */
export function matrixGaps(routes: readonly RouteRow[], matrix: Readonly<Record<string, unknown>>): { missing: string[]; stale: string[] } {
  const keys = new Set(routes.map((r) => `${r.method} ${r.url}`));
  const missing = new Set<string>();
  for (const r of routes) {
    const key = r.method === 'HEAD' ? `GET ${r.url}` : `${r.method} ${r.url}`;
    if (!(key in matrix) || (r.method === 'HEAD' && !keys.has(key))) missing.add(`${r.method} ${r.url}`);
  }
  const stale = Object.keys(matrix).filter((k) => !keys.has(k));
  return { missing: [...missing].sort(), stale: stale.sort() };
}
