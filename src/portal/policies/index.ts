/**
 * Every permission of the portal as `can(actor, action, subject)`, checked in services with one
 * `authorize()`. A rule answers allow, hide (the object is not the actor's: 404, so its existence is
 * not revealed) or deny (403: a visible object, an action the actor may not take). Subjects carry
 * their owner and their units, so scoped rules ("requests routed to my unit", "units in my
 * voivodeship") are written against the actor's current profile and its permissions.
 */
import { forbidden, notFound } from '../../lib/errors.ts';
import type { ProfileStatus, RequestStatus } from '../../domain/status.ts';
import type { VerifierScope } from '../../domain/routing.ts';
import { profileInUsersScope, type ScopedProfile, type UsersScope } from '../../domain/user-scope.ts';
import type { Actor } from '../actor/actor.ts';
import type { ReportArea } from '../../domain/reference-data.ts';
import { allowedFrom, type ReportStatus } from '../../domain/reporting/lifecycle.ts';
import {
  BROWSE_UNITS,
  BROWSE_USERS,
  MANAGE_ANNOUNCEMENTS,
  MANAGE_DEADLINES,
  MANAGE_DICTIONARIES,
  MANAGE_UNITS,
  MANAGE_USERS,
  opensSubmodule,
  submodulesFor,
  type SubmoduleKey,
} from '../management/submodules.ts';

export type Decision = 'allow' | 'hide' | 'deny';

export interface ProfileSubject {
  type: 'profile';
  ownerUserId: string;
  status: ProfileStatus;
  unitId: string;
}
export interface RequestSubject {
  type: 'request';
  ownerUserId: string;
  status: RequestStatus;
  profileId: string;
  verifyingUnitId: string;
}
export interface SubmissionSubject {
  type: 'submission';
  ownerUserId: string;
  /** every request of it is still open (saved or pending): files may still change */
  open: boolean;
}
export interface AttachmentSubject {
  type: 'attachment';
  ownerUserId: string;
  submissionOpen: boolean;
  scanStatus: 'pending' | 'clean' | 'infected';
  deleted: boolean;
}
export interface ModuleSubject {
  type: 'module';
  permission: string;
}
/** The management module ("Zarządzanie") as a whole, or one of its sub-modules. */
export interface ManagementSubject {
  type: 'management';
  submodule?: SubmoduleKey;
}

/**
 * A unit of the registry ("Zarządzanie → Jednostki"), by the voivodeship it lies in. For 'unit.add' the
 * voivodeship of the unit to be added; null asks whether the actor may add a unit at all.
 */
export interface UnitSubject {
  type: 'unit';
  voivodeshipCode: string | null;
}

/** A profile as an administrator sees it in "Zarządzanie → Użytkownicy" (someone else's, usually). */
export interface ManagedProfileSubject extends ScopedProfile {
  type: 'managedProfile';
  ownerUserId: string;
  profileId: string;
}
/** A user in "Użytkownicy": found and shown when at least one of their profiles is in the actor's scope. */
export interface ManagedUserSubject {
  type: 'managedUser';
  userId: string;
  profiles: readonly ManagedProfileSubject[];
}
/** One role of a profile (its request), to be taken back ("Odbierz rolę"). */
export interface GrantedRoleSubject {
  type: 'grantedRole';
  profile: ManagedProfileSubject;
  /** the unit the role's request was routed to (who verified it) */
  verifyingUnitId: string;
}
/** A dictionary of "Słowniki" (unit kinds, roles, permissions, the role → permission map, the SSOZ I mapping). */
export interface DictionarySubject {
  type: 'dictionary';
}
/** "Komunikaty" as a whole (the list, a new announcement). */
export interface AnnouncementsSubject {
  type: 'announcements';
}
/** One announcement; a withdrawn one is kept for the record and changes no more. */
export interface AnnouncementSubject {
  type: 'announcement';
  withdrawn: boolean;
}
/** "Terminy sprawozdań": the schedule of reporting deadlines (form × reporting year × level) as a whole. */
export interface ScheduleSubject {
  type: 'schedule';
}

/** A module of statistical reports ("Sprawozdania niefinansowe" …) as a whole: its list and counts. */
export interface ReportsSubject {
  type: 'reports';
  area: ReportArea;
}
/** One report: whose it is (the unit), its area, where it stands and its chain of verifying units. */
export interface ReportSubject {
  type: 'report';
  unitId: string;
  area: ReportArea;
  status: ReportStatus;
  /** the verifying units, lowest level first (the supervising office, then CeZ when the schedule says so) */
  levelUnitIds: readonly string[];
  /** which level acts now (only while "Do weryfikacji") */
  pendingLevel: number | null;
  /** who sent it last (null: not sent, or not known) */
  submittedBy?: string | null;
}
/** A unit's ankieta for a reporting year. */
export interface SurveySubject {
  type: 'survey';
  unitId: string;
  /** the units that supervise it (verify its reports): they see the answers and correct the obligations */
  supervisorUnitIds: readonly string[];
  answered: boolean;
}

export type Subject =
  | ProfileSubject
  | RequestSubject
  | SubmissionSubject
  | AttachmentSubject
  | ModuleSubject
  | ManagementSubject
  | UnitSubject
  | ManagedProfileSubject
  | ManagedUserSubject
  | GrantedRoleSubject
  | DictionarySubject
  | AnnouncementsSubject
  | AnnouncementSubject
  | ReportsSubject
  | ReportSubject
  | SurveySubject;

type Rules = {
  'profile.view': ProfileSubject;
  'profile.work': ProfileSubject;
  'profile.editContact': ProfileSubject;
  'profile.requestRoles': ProfileSubject;
  'request.view': RequestSubject;
  'request.withdraw': RequestSubject;
  'request.setReminder': RequestSubject;
  'submission.view': SubmissionSubject;
  'submission.finish': SubmissionSubject;
  'submission.attach': SubmissionSubject;
  'attachment.download': AttachmentSubject;
  'attachment.delete': AttachmentSubject;
  'module.open': ModuleSubject;
  'management.open': ManagementSubject;
  'request.review': RequestSubject;
  'request.decide': RequestSubject;
  'request.archive': RequestSubject;
  'request.bulkApprove': ManagementSubject;
  'unit.view': UnitSubject;
  'unit.edit': UnitSubject;
  'unit.add': UnitSubject;
  'user.review': ManagedUserSubject;
  'managedProfile.review': ManagedProfileSubject;
  'managedProfile.block': ManagedProfileSubject;
  'managedProfile.unblock': ManagedProfileSubject;
  'grantedRole.revoke': GrantedRoleSubject;
  'dictionary.view': DictionarySubject;
  'dictionary.edit': DictionarySubject;
  'announcement.list': AnnouncementsSubject;
  'announcement.create': AnnouncementsSubject;
  'announcement.view': AnnouncementSubject;
  'announcement.edit': AnnouncementSubject;
  'announcement.withdraw': AnnouncementSubject;
  'schedule.view': ScheduleSubject;
  'schedule.edit': ScheduleSubject;
  'reports.open': ReportsSubject;
  'report.find': ReportSubject;
  'report.view': ReportSubject;
  'report.fill': ReportSubject;
  'report.verify': ReportSubject;
  'report.reopen': ReportSubject;
  'survey.answer': SurveySubject;
  'survey.view': SurveySubject;
  'survey.correct': SurveySubject;
};
export type Action = keyof Rules;

// Managing users (verifying role requests: Administrator CeZ, UW, IPIN, KCPU) and only seeing them (also Pracownik CeZ)
export { BROWSE_USERS, MANAGE_ANNOUNCEMENTS, MANAGE_DICTIONARIES, MANAGE_USERS };
// Managing units (Administrator CeZ: all; Administrator UW: its voivodeship's) and only seeing them (also Pracownik CeZ)
export { BROWSE_UNITS, MANAGE_UNITS };

/**
 * Where the actor may change the registry ("Zarządzanie → Jednostki"): the central unit's
 * administrator everywhere, a Urząd Wojewódzki's in the voivodeship of the unit it works in, anyone
 * else nowhere. Lists and forms (which voivodeships a new unit may lie in) read the same answer.
 */
export function unitEditScope(a: Actor): { kind: 'all' } | { kind: 'voivodeship'; code: string } | null {
  if (!a.profile || !a.permissions.has(MANAGE_UNITS)) return null;
  if (a.profile.isCentral) return { kind: 'all' };
  return a.profile.voivodeshipCode ? { kind: 'voivodeship', code: a.profile.voivodeshipCode } : null;
}

function inUnitEditScope(a: Actor, u: UnitSubject): boolean {
  const scope = unitEditScope(a);
  if (!scope) return false;
  if (scope.kind === 'all') return true;
  return u.voivodeshipCode === null || u.voivodeshipCode === scope.code;
}

const seesUnits = (a: Actor): boolean => a.profile !== null && opensSubmodule(a.permissions, 'units');

/** Holds the permission in the profile worked in now (permissions exist only with a profile). */
const holds = (a: Actor, permission: string): boolean => a.profile !== null && a.permissions.has(permission);

/** Whether the actor's current profile opens the management module at all (any of its sub-modules). */
export function hasManagement(a: Actor): boolean {
  return a.profile !== null && submodulesFor(a.permissions).length > 0;
}

/**
 * Which role requests the actor sees as a verifier ("Wnioski o role"), from the profile worked in
 * now: the central unit (Centrum e-Zdrowia) sees every request; any other verifying office (a
 * Urząd Wojewódzki, IPIN, KCPU) the requests routed to its own unit — routing (domain/routing.ts)
 * already sent a request to CeZ when its office has no active administrator. Lists apply this
 * scope in SQL; the rules below apply the same one to a single request, so the two cannot differ.
 */
export function requestQueueScope(a: Actor): VerifierScope | null {
  if (!a.profile || !opensSubmodule(a.permissions, 'requests')) return null;
  return a.profile.isCentral ? { kind: 'all' } : { kind: 'unit', unitId: a.profile.unitId };
}

/**
 * Whose entries of "Dziennik zdarzeń" the actor sees: a central profile (Centrum e-Zdrowia) the
 * whole log; a profile of another unit holding the permission (given by the dictionary) only the
 * entries of people with a profile in its own unit. null: the sub-module is not open to it.
 */
export function auditLogScope(a: Actor): { kind: 'all' } | { kind: 'unit'; unitId: string } | null {
  if (!a.profile || !opensSubmodule(a.permissions, 'audit')) return null;
  return a.profile.isCentral ? { kind: 'all' } : { kind: 'unit', unitId: a.profile.unitId };
}

/**
 * What "Raporty" count: a central profile (Centrum e-Zdrowia) the whole system; another office (a
 * Urząd Wojewódzki, IPIN, KCPU) what it verifies — the role requests routed to it, and for users
 * the active profiles holding a role it approved. The same rule as the request queue, so a report
 * never counts what the office cannot see. null: the sub-module is not open to it.
 */
export function reportScope(a: Actor): { kind: 'all' } | { kind: 'unit'; unitId: string } | null {
  if (!a.profile || !opensSubmodule(a.permissions, 'reports')) return null;
  return a.profile.isCentral ? { kind: 'all' } : { kind: 'unit', unitId: a.profile.unitId };
}

function inQueueScope(a: Actor, r: RequestSubject): boolean {
  const scope = requestQueueScope(a);
  if (!scope) return false;
  // a saved, unfinished request is not visible to verifiers yet ("Zakończ" makes it pending)
  if (r.status === 'zapisany') return false;
  return scope.kind === 'all' || scope.unitId === r.verifyingUnitId;
}

// deciding needs the managing permission (Pracownik CeZ only looks), and nobody decides their own request:
// neither one of their own user nor one of the profile they work in now
function decideRule(a: Actor, r: RequestSubject): Decision {
  if (!inQueueScope(a, r)) return 'hide';
  return a.permissions.has(MANAGE_USERS) && r.ownerUserId !== a.userId && r.profileId !== a.profile?.id ? 'allow' : 'deny';
}

/**
 * Whose profiles the actor sees in "Użytkownicy" (see domain/user-scope.ts): the central unit every
 * profile; a Urząd Wojewódzki the profiles in units of its voivodeship, except the verifying offices'
 * (CeZ, UW, IPIN, KCPU: their administrators' roles are granted by CeZ, so CeZ manages them — a UW
 * does not block a colleague, nor IPIN's administrator in mazowieckie); any other office (IPIN, KCPU)
 * the profiles with roles it verifies, i.e. with a request routed to its unit. The search applies it
 * in SQL, the rules below to one profile.
 */
export function usersScope(a: Actor): UsersScope | null {
  if (!a.profile || !opensSubmodule(a.permissions, 'users')) return null;
  if (a.profile.isCentral) return { kind: 'all' };
  if (a.profile.kindCode === 'UW' && a.profile.voivodeshipCode) return { kind: 'voivodeship', code: a.profile.voivodeshipCode };
  return { kind: 'verifier', unitId: a.profile.unitId };
}

function inUsersScope(a: Actor, p: ScopedProfile): boolean {
  const scope = usersScope(a);
  return scope !== null && profileInUsersScope(scope, p);
}

/**
 * Blocking, unblocking and taking a role back: out of scope the profile does not exist for the actor
 * (404); the managing permission is needed (Pracownik CeZ only looks: 403); nobody acts on a profile
 * of their own (403); an office that verifies only some roles (IPIN, KCPU: scope 'verifier') does not
 * block whole profiles — it takes back the roles it verified.
 */
function manageProfile(a: Actor, p: ManagedProfileSubject, o: { wholeProfile: boolean; verifyingUnitId?: string }): Decision {
  if (!inUsersScope(a, p)) return 'hide';
  if (!a.permissions.has(MANAGE_USERS) || p.ownerUserId === a.userId || p.profileId === a.profile?.id) return 'deny';
  const scope = usersScope(a);
  if (scope?.kind === 'verifier') return !o.wholeProfile && o.verifyingUnitId === scope.unitId ? 'allow' : 'deny';
  return 'allow';
}

/** Whether the actor works as Administrator CeZ now (a profile in the central unit holding ADMIN_CEZ): sees PESEL numbers unmasked. */
export function isCezAdministrator(a: Actor): boolean {
  return a.profile !== null && a.profile.isCentral && a.roles.includes('ADMIN_CEZ');
}

// ───────────────────────── statistical reports ─────────────────────────

/** The permissions of each report area: filling (Wypełniający) and verifying (Nadzorujący). */
export const REPORT_AREA_PERMISSIONS: Readonly<Record<ReportArea, { fill: string; verify: string }>> = {
  niefinansowe: { fill: 'SPR_NIEFIN_WYPELNIJ', verify: 'SPR_NIEFIN_WERYFIKUJ' },
  finansowe: { fill: 'SPR_FIN_WYPELNIJ', verify: 'SPR_FIN_WERYFIKUJ' },
  karty_psychiatryczne: { fill: 'KARTY_PSY_WYPELNIJ', verify: 'KARTY_PSY_WERYFIKUJ' },
};
/** Pracownik CeZ: finds reports of every kind and sees their metadata, never their content. */
export const SEARCH_REPORTS = 'SPR_SZUKAJ_BEZ_TRESCI';

/**
 * Which reports of an area the actor's lists hold: Administrator CeZ and whoever searches without
 * content (Pracownik CeZ) all of them; otherwise the reports of the actor's own unit (a filler) and
 * those whose verifying chain holds the actor's unit (a verifier). The list applies this in SQL; the
 * rules below apply the same to one report.
 */
export type ReportListScope = { kind: 'all' } | { kind: 'units'; ownUnitId: string | null; verifyingUnitId: string | null };

export function reportListScope(a: Actor, area: ReportArea): ReportListScope | null {
  if (!a.profile) return null;
  if (isCezAdministrator(a) || a.permissions.has(SEARCH_REPORTS)) return { kind: 'all' };
  const p = REPORT_AREA_PERMISSIONS[area];
  const ownUnitId = a.permissions.has(p.fill) ? a.profile.unitId : null;
  const verifyingUnitId = a.permissions.has(p.verify) ? a.profile.unitId : null;
  return ownUnitId || verifyingUnitId ? { kind: 'units', ownUnitId, verifyingUnitId } : null;
}

const fillsOwn = (a: Actor, r: ReportSubject): boolean => holds(a, REPORT_AREA_PERMISSIONS[r.area].fill) && a.profile!.unitId === r.unitId;

/** The level of the report's chain the actor verifies at (-1: none). */
function verifierLevel(a: Actor, r: ReportSubject): number {
  if (!holds(a, REPORT_AREA_PERMISSIONS[r.area].verify)) return -1;
  return r.levelUnitIds.indexOf(a.profile!.unitId);
}

/**
 * The level the actor acts at on this report: a verifier at its unit's place in the chain;
 * Administrator CeZ at CeZ's place when CeZ is in the chain, otherwise at whichever level is pending
 * (the central administrator stands in for an office that cannot act). -1: none.
 */
export function actingLevelOf(a: Actor, r: ReportSubject): number {
  const own = verifierLevel(a, r);
  if (own >= 0) return own;
  if (!isCezAdministrator(a)) return -1;
  const cez = r.levelUnitIds.indexOf(a.profile!.unitId);
  return cez >= 0 ? cez : (r.pendingLevel ?? 0);
}

/** The actor fills this report for its unit without being the unit's own filler (recorded on the report). */
export function fillsOnBehalf(a: Actor, r: ReportSubject): boolean {
  return !fillsOwn(a, r);
}

function seesReport(a: Actor, r: ReportSubject): boolean {
  return a.profile !== null && (fillsOwn(a, r) || verifierLevel(a, r) >= 0 || isCezAdministrator(a));
}

const findsReport = (a: Actor, r: ReportSubject): boolean => seesReport(a, r) || holds(a, SEARCH_REPORTS);

function reportRule(a: Actor, r: ReportSubject, ok: boolean): Decision {
  if (!seesReport(a, r)) return findsReport(a, r) ? 'deny' : 'hide';
  return ok ? 'allow' : 'deny';
}

const supervisesSurvey = (a: Actor, s: SurveySubject): boolean =>
  holds(a, REPORT_AREA_PERMISSIONS.niefinansowe.verify) && s.supervisorUnitIds.includes(a.profile!.unitId);

const own = (a: Actor, s: { ownerUserId: string }): Decision => (s.ownerUserId === a.userId ? 'allow' : 'hide');
const ownAnd = (a: Actor, s: { ownerUserId: string }, ok: boolean): Decision => (own(a, s) === 'hide' ? 'hide' : ok ? 'allow' : 'deny');

const RULES: { [K in Action]: (a: Actor, s: Rules[K]) => Decision } = {
  'profile.view': own,
  // only an active profile of one's own can be worked in ("Pracuj w profilu"); any other is not found
  'profile.work': (a, p) => (own(a, p) === 'allow' && p.status === 'aktywny' ? 'allow' : 'hide'),
  'profile.editContact': own,
  // a blocked profile (by an administrator, or its unit inactive) takes no new requests
  'profile.requestRoles': (a, p) => ownAnd(a, p, p.status !== 'zablokowany'),
  'request.view': own,
  'request.withdraw': (a, r) => ownAnd(a, r, r.status === 'oczekujacy' || r.status === 'zapisany'),
  // the opt-out exists only on a pending request: on any other there is nothing to find (404, as before)
  'request.setReminder': (a, r) => (own(a, r) === 'allow' && r.status === 'oczekujacy' ? 'allow' : 'hide'),
  'submission.view': own,
  'submission.finish': own,
  // files change only while a request of the submission is saved or pending; after that there is no upload form to find
  'submission.attach': (a, s) => (own(a, s) === 'allow' && s.open ? 'allow' : 'hide'),
  // pending and removed files cannot be downloaded by anyone
  'attachment.download': (a, f) => (own(a, f) === 'allow' && !f.deleted && f.scanStatus === 'clean' ? 'allow' : 'hide'),
  'attachment.delete': (a, f) => (own(a, f) === 'allow' && !f.deleted && f.scanStatus !== 'infected' && f.submissionOpen ? 'allow' : 'hide'),
  'module.open': (a, m) => (a.permissions.has(m.permission) ? 'allow' : 'deny'),
  // a sub-module the profile's permissions do not open is refused (403), as the module as a whole
  'management.open': (a, m) => (a.profile && (m.submodule ? opensSubmodule(a.permissions, m.submodule) : hasManagement(a)) ? 'allow' : 'deny'),
  // outside the actor's scope a request does not exist for them (404: no leak of its number or applicant)
  'request.review': (a, r) => (inQueueScope(a, r) ? 'allow' : 'hide'),
  'request.decide': decideRule,
  // "Archiwizuj" is a decision like the others: same scope, same managing permission, never one's own request
  // (whether the request is archivable now — rejected, or pending past the stale days — the service checks)
  'request.archive': decideRule,
  // "Zatwierdź zaznaczone": the managing permission in the requests sub-module; each selected request is then
  // checked on its own with 'request.decide'
  'request.bulkApprove': (a) => (a.profile && opensSubmodule(a.permissions, 'requests') && a.permissions.has(MANAGE_USERS) ? 'allow' : 'deny'),
  // the registry is one for all: whoever opens "Jednostki" sees every unit (the wizard's search shows them to anyone)
  'unit.view': (a) => (seesUnits(a) ? 'allow' : 'deny'),
  // changing a unit: Administrator CeZ any, Administrator UW those of its voivodeship (a unit without one: CeZ only);
  // Pracownik CeZ only looks. Seen but not the actor's to change: 403
  'unit.edit': (a, u) => (seesUnits(a) && inUnitEditScope(a, { ...u, voivodeshipCode: u.voivodeshipCode ?? '' }) ? 'allow' : 'deny'),
  // adding a unit: in a voivodeship the actor may edit (null: may the actor add a unit anywhere at all)
  'unit.add': (a, u) => (seesUnits(a) && inUnitEditScope(a, u) ? 'allow' : 'deny'),
  // "Użytkownicy": a user is found (and their page shown) when one of their profiles is in scope; only those profiles are shown
  'user.review': (a, u) => (u.profiles.some((p) => inUsersScope(a, p)) ? 'allow' : 'hide'),
  'managedProfile.review': (a, p) => (inUsersScope(a, p) ? 'allow' : 'hide'),
  'managedProfile.block': (a, p) => manageProfile(a, p, { wholeProfile: true }),
  'managedProfile.unblock': (a, p) => manageProfile(a, p, { wholeProfile: true }),
  'grantedRole.revoke': (a, r) => manageProfile(a, r.profile, { wholeProfile: false, verifyingUnitId: r.verifyingUnitId }),
  // "Słowniki": Administrator CeZ (SLOWNIKI_ZARZADZAJ) sees and edits every dictionary; nobody else sees them here
  'dictionary.view': (a) => (holds(a, MANAGE_DICTIONARIES) ? 'allow' : 'deny'),
  'dictionary.edit': (a) => (holds(a, MANAGE_DICTIONARIES) ? 'allow' : 'deny'),
  // "Komunikaty": KOMUNIKATY_ZARZADZAJ lists, publishes, edits and withdraws; a withdrawn one is read-only
  'announcement.list': (a) => (holds(a, MANAGE_ANNOUNCEMENTS) ? 'allow' : 'deny'),
  'announcement.create': (a) => (holds(a, MANAGE_ANNOUNCEMENTS) ? 'allow' : 'deny'),
  'announcement.view': (a) => (holds(a, MANAGE_ANNOUNCEMENTS) ? 'allow' : 'deny'),
  'announcement.edit': (a, n) => (holds(a, MANAGE_ANNOUNCEMENTS) && !n.withdrawn ? 'allow' : 'deny'),
  'announcement.withdraw': (a, n) => (holds(a, MANAGE_ANNOUNCEMENTS) && !n.withdrawn ? 'allow' : 'deny'),
  // "Terminy sprawozdań": TERMINY_ZARZADZAJ (Administrator CeZ) sees and edits the schedule; nobody else sees it here
  'schedule.view': (a) => (holds(a, MANAGE_DEADLINES) ? 'allow' : 'deny'),
  'schedule.edit': (a) => (holds(a, MANAGE_DEADLINES) ? 'allow' : 'deny'),
  // a reports module opens for its area's fillers and verifiers, for Pracownik CeZ (metadata) and Administrator CeZ
  'reports.open': (a, m) => (reportListScope(a, m.area) ? 'allow' : 'deny'),
  // found in a list: anyone who sees it, and Pracownik CeZ (metadata only); anyone else: it does not exist (404)
  'report.find': (a, r) => (findsReport(a, r) ? 'allow' : 'hide'),
  // its content: the unit's filler, the verifiers of its chain, Administrator CeZ; Pracownik CeZ is refused (403)
  'report.view': (a, r) => reportRule(a, r, true),
  // filling (saving, checking, sending): while owed, in progress or returned; by the unit's filler, by the
  // first verifying level on the unit's behalf, or by Administrator CeZ
  'report.fill': (a, r) => reportRule(a, r, allowedFrom('submit').includes(r.status) && (fillsOwn(a, r) || verifierLevel(a, r) === 0 || isCezAdministrator(a))),
  // approving and returning: only the level that is pending now (a higher level waits for the lower one)
  // four eyes: nobody approves or returns a report they sent themselves (a supervisor who filled it on the unit's behalf)
  'report.verify': (a, r) =>
    reportRule(a, r, r.status === 'do_weryfikacji' && r.pendingLevel !== null && actingLevelOf(a, r) === r.pendingLevel && r.submittedBy !== a.userId),
  // a correction of an approved report is opened by a verifier of its chain (or Administrator CeZ), never by the filler
  'report.reopen': (a, r) => reportRule(a, r, r.status === 'zatwierdzone' && actingLevelOf(a, r) >= 0),
  // the ankieta is answered once a year by a filler of the unit itself
  'survey.answer': (a, s) => (holds(a, REPORT_AREA_PERMISSIONS.niefinansowe.fill) && a.profile!.unitId === s.unitId && !s.answered ? 'allow' : 'deny'),
  'survey.view': (a, s) =>
    (holds(a, REPORT_AREA_PERMISSIONS.niefinansowe.fill) && a.profile!.unitId === s.unitId) || supervisesSurvey(a, s) || isCezAdministrator(a)
      ? 'allow'
      : 'hide',
  // the supervisors correct the obligations the ankieta produced
  'survey.correct': (a, s) =>
    supervisesSurvey(a, s) || isCezAdministrator(a)
      ? 'allow'
      : holds(a, REPORT_AREA_PERMISSIONS.niefinansowe.fill) && a.profile!.unitId === s.unitId
        ? 'deny'
        : 'hide',
};

export function decide<K extends Action>(actor: Actor, action: K, subject: Rules[K]): Decision {
  return RULES[action](actor, subject);
}

export function can<K extends Action>(actor: Actor, action: K, subject: Rules[K]): boolean {
  return decide(actor, action, subject) === 'allow';
}

/** Throws the 404 (hide) or 403 (deny) the portal answers; returns when allowed. */
export function authorize<K extends Action>(actor: Actor, action: K, subject: Rules[K] | null | undefined): asserts subject is Rules[K] {
  if (!subject) throw notFound();
  const d = decide(actor, action, subject);
  if (d === 'hide') throw notFound();
  if (d === 'deny') throw forbidden();
}
