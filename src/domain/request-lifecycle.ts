// The life of a role request as a transition table: every status change goes through
// `transition()` (db/repositories/request-lifecycle.ts), which checks the move here.
import type { RequestStatus } from './status.ts';

export interface TransitionRule {
  from: RequestStatus | null;
  to: RequestStatus;
  /** what the move means, for the audit log */
  event: string;
}

/**
 * - null → zapisany: "Zapisz wniosek" (numbered, not yet visible to verifiers);
 * - zapisany → oczekujący: "Zakończ" ("aby wniosek uzyskał status oczekującego");
 * - null → zatwierdzony: the SSOZ I transfer (the profile is active at once);
 * - zapisany / oczekujący → odrzucony: withdrawal by the applicant, or a verifier's rejection;
 * - oczekujący → zatwierdzony: a verifier's approval;
 * - odrzucony / oczekujący → zarchiwizowany: a rejected or stale request moved out of the way;
 * - zatwierdzony → odebrany: an administrator takes an approved role back (Zarządzanie → Użytkownicy).
 */
export const REQUEST_TRANSITIONS: readonly TransitionRule[] = [
  { from: null, to: 'zapisany', event: 'saved' },
  { from: null, to: 'zatwierdzony', event: 'transferred' },
  { from: 'zapisany', to: 'oczekujacy', event: 'finished' },
  { from: 'zapisany', to: 'odrzucony', event: 'withdrawn' },
  { from: 'oczekujacy', to: 'odrzucony', event: 'withdrawn' },
  { from: 'oczekujacy', to: 'odrzucony', event: 'rejected' },
  { from: 'oczekujacy', to: 'zatwierdzony', event: 'approved' },
  { from: 'oczekujacy', to: 'zarchiwizowany', event: 'archived' },
  { from: 'odrzucony', to: 'zarchiwizowany', event: 'archived' },
  { from: 'zatwierdzony', to: 'odebrany', event: 'revoked' },
];

/** The rule that allows this move (with this event, when one is named), or null when the table has none. */
export function findTransition(from: RequestStatus | null, to: RequestStatus, event?: string): TransitionRule | null {
  return REQUEST_TRANSITIONS.find((t) => t.from === from && t.to === to && (event === undefined || t.event === event)) ?? null;
}

export function canTransition(from: RequestStatus | null, to: RequestStatus): boolean {
  return findTransition(from, to) !== null;
}
