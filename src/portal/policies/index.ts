/**
 * Every permission of the portal as `can(actor, action, subject)`, checked in services with one
 * `authorize()`. A rule answers allow, hide (the object is not the actor's: 404, so its existence is
 * not revealed) or deny (403: a visible object, an action the actor may not take). Subjects carry
 * their owner and their units, so scoped rules ("requests routed to my unit", "units in my
 * voivodeship") are written against the actor's current profile and its permissions.
 */
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import type { ProfileStatus, RequestStatus } from '../../domain/status.ts';
import type { VerifierScope } from '../../domain/routing.ts';
import type { Actor } from '../actor/actor.ts';
import {
  BROWSE_USERS,
  MANAGE_ANNOUNCEMENTS,
  MANAGE_DICTIONARIES,
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

export type Subject =
  | ProfileSubject
  | RequestSubject
  | SubmissionSubject
  | AttachmentSubject
  | ModuleSubject
  | ManagementSubject
  | DictionarySubject
  | AnnouncementsSubject
  | AnnouncementSubject;

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
  'dictionary.view': DictionarySubject;
  'dictionary.edit': DictionarySubject;
  'announcement.list': AnnouncementsSubject;
  'announcement.create': AnnouncementsSubject;
  'announcement.view': AnnouncementSubject;
  'announcement.edit': AnnouncementSubject;
  'announcement.withdraw': AnnouncementSubject;
};
export type Action = keyof Rules;

// Managing users (verifying role requests: Administrator CeZ, UW, IPIN, KCPU) and only seeing them (also Pracownik CeZ)
export { BROWSE_USERS, MANAGE_ANNOUNCEMENTS, MANAGE_DICTIONARIES, MANAGE_USERS };

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

function inQueueScope(a: Actor, r: RequestSubject): boolean {
  const scope = requestQueueScope(a);
  if (!scope) return false;
  // a saved, unfinished request is not visible to verifiers yet ("Zakończ" makes it pending)
  if (r.status === 'zapisany') return false;
  return scope.kind === 'all' || scope.unitId === r.verifyingUnitId;
}

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
  // deciding needs the managing permission (Pracownik CeZ only looks), and nobody decides their own request:
  // neither one of their own user nor one of the profile they work in now
  'request.decide': (a, r) =>
    !inQueueScope(a, r) ? 'hide' : a.permissions.has(MANAGE_USERS) && r.ownerUserId !== a.userId && r.profileId !== a.profile?.id ? 'allow' : 'deny',
  // "Słowniki": Administrator CeZ (SLOWNIKI_ZARZADZAJ) sees and edits every dictionary; nobody else sees them here
  'dictionary.view': (a) => (holds(a, MANAGE_DICTIONARIES) ? 'allow' : 'deny'),
  'dictionary.edit': (a) => (holds(a, MANAGE_DICTIONARIES) ? 'allow' : 'deny'),
  // "Komunikaty": KOMUNIKATY_ZARZADZAJ lists, publishes, edits and withdraws; a withdrawn one is read-only
  'announcement.list': (a) => (holds(a, MANAGE_ANNOUNCEMENTS) ? 'allow' : 'deny'),
  'announcement.create': (a) => (holds(a, MANAGE_ANNOUNCEMENTS) ? 'allow' : 'deny'),
  'announcement.view': (a) => (holds(a, MANAGE_ANNOUNCEMENTS) ? 'allow' : 'deny'),
  'announcement.edit': (a, n) => (holds(a, MANAGE_ANNOUNCEMENTS) && !n.withdrawn ? 'allow' : 'deny'),
  'announcement.withdraw': (a, n) => (holds(a, MANAGE_ANNOUNCEMENTS) && !n.withdrawn ? 'allow' : 'deny'),
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

export function isAuthorizationError(err: unknown): err is AppError {
  return err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN');
}
