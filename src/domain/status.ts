// Request and profile statuses. Codes are ASCII (safe in URLs and the database); labels are
// the manual's Polish words.

/**
 * `zapisany`: saved with "Zapisz wniosek" and numbered, waiting for "Zakończ" — the manual: "Skorzystaj
 * z opcji Zakończ, aby wniosek uzyskał status oczekującego". Not visible to verifiers yet.
 */
/**
 * `odebrany`: an approved role taken back by an administrator ("Odbierz rolę", Zarządzanie → Użytkownicy),
 * with a reason; the role's permissions are gone on the owner's next request.
 */
export const REQUEST_STATUSES = ['zapisany', 'oczekujacy', 'zatwierdzony', 'odrzucony', 'zarchiwizowany', 'odebrany'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Lower-case form, as used inside sentences and table cells of the manual. */
export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, string>> = {
  zapisany: 'zapisany (niezakończony)',
  oczekujacy: 'oczekujący',
  zatwierdzony: 'zatwierdzony',
  odrzucony: 'odrzucony',
  zarchiwizowany: 'zarchiwizowany',
  odebrany: 'rola odebrana',
};

/** Capitalised form for badges and filters. */
export const REQUEST_STATUS_DISPLAY: Readonly<Record<RequestStatus, string>> = {
  zapisany: 'Zapisany (niezakończony)',
  oczekujacy: 'Oczekujący',
  zatwierdzony: 'Zatwierdzony',
  odrzucony: 'Odrzucony',
  zarchiwizowany: 'Zarchiwizowany',
  odebrany: 'Rola odebrana',
};

export const PROFILE_STATUSES = ['aktywny', 'nieaktywowany', 'odrzucony', 'zablokowany'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

export const PROFILE_STATUS_LABELS: Readonly<Record<ProfileStatus, string>> = {
  aktywny: 'Aktywny',
  nieaktywowany: 'Nieaktywowany',
  odrzucony: 'Odrzucony',
  zablokowany: 'Zablokowany',
};

/** Rejection reason recorded when the applicant withdraws their own request. */
export const WITHDRAWN_REASON = 'Wycofany przez wnioskującego';

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

export function isProfileStatus(value: string): value is ProfileStatus {
  return (PROFILE_STATUSES as readonly string[]).includes(value);
}

/**
 * Profile status is derived, never stored by hand (domain.md), in this order:
 * blocked profile or inactive unit → zablokowany; any approved request → aktywny;
 * any pending (or saved, not yet finished) request, or a rejected one not yet archived → nieaktywowany;
 * all requests archived (or roles taken back) → odrzucony.
 * A profile with no requests at all (only possible transiently, before its first request is
 * saved) is `nieaktywowany`: it is not usable, yet nothing has been refused.
 */
export function deriveProfileStatus(input: { blocked: boolean; unitActive: boolean; requestStatuses: readonly RequestStatus[] }): ProfileStatus {
  const { blocked, unitActive, requestStatuses } = input;
  if (blocked || !unitActive) return 'zablokowany';
  if (requestStatuses.includes('zatwierdzony')) return 'aktywny';
  if (requestStatuses.some((s) => s === 'oczekujacy' || s === 'zapisany' || s === 'odrzucony')) return 'nieaktywowany';
  if (requestStatuses.length > 0) return 'odrzucony'; // every request is zarchiwizowany (or its role was taken back: odebrany)
  return 'nieaktywowany';
}
