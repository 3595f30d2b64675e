// Place of submission ("Miejsce przekazania wniosku"): which unit verifies a role request,
// and who may verify it.
import type { RoleDef } from './reference-data.ts';

export interface VerifierRef {
  unitId: string;
  name: string;
  email: string;
  hasActiveAdmin: boolean;
}

export interface RouteInput {
  role: RoleDef;
  unit: { kindCode: string; voivodeshipCode: string; isAddictionCare: boolean };
  verifiers: {
    cez: VerifierRef;
    ipin: VerifierRef | null;
    kcpu: VerifierRef | null;
    uwByVoivodeship: ReadonlyMap<string, VerifierRef>;
  };
}

/** The unit that would verify the request if it can (see routeRequest for the CeZ fallback). */
function preferredVerifier({ role, unit, verifiers }: RouteInput): VerifierRef | null | undefined {
  // Supervising, administrator and central roles are granted by CeZ.
  if (role.unitClass !== 'reporting') return verifiers.cez;
  switch (role.reportArea) {
    case 'karty_psychiatryczne':
      return verifiers.ipin;
    case 'niefinansowe':
      return unit.isAddictionCare ? verifiers.kcpu : verifiers.uwByVoivodeship.get(unit.voivodeshipCode);
    case 'finansowe':
      return verifiers.uwByVoivodeship.get(unit.voivodeshipCode);
    case null:
      // A reporting role without a report area is not in the catalogue; CeZ decides.
      return verifiers.cez;
  }
}

/**
 * Routes one request (domain.md, "Who verifies a request"). A verifier that does not exist
 * or has no active administrator could never act, so such requests go to CeZ instead.
 */
export function routeRequest(input: RouteInput): VerifierRef {
  const chosen = preferredVerifier(input);
  return chosen?.hasActiveAdmin ? chosen : input.verifiers.cez;
}

/**
 * Administrator CeZ may verify every request; any other administrator only requests routed to
 * a unit they administer. Nobody verifies their own request, not even Administrator CeZ.
 */
export function canVerify(
  verifier: { userId: string; isCezAdmin: boolean; adminOfUnitIds: ReadonlySet<string> },
  request: { applicantUserId: string; verifyingUnitId: string },
): boolean {
  if (verifier.userId === request.applicantUserId) return false;
  return verifier.isCezAdmin || verifier.adminOfUnitIds.has(request.verifyingUnitId);
}

/**
 * Which routed requests a verifying office sees: the central unit (Centrum e-Zdrowia) every request,
 * any other office (a Urząd Wojewódzki, IPIN, KCPU) those routed to its own unit.
 */
export type VerifierScope = { kind: 'all' } | { kind: 'unit'; unitId: string };

/** The unit that would verify the request if every office had an active administrator (to explain a fallback to CeZ). */
export function naturalVerifier(input: RouteInput): VerifierRef {
  const all = (v: VerifierRef | null): VerifierRef | null => (v ? { ...v, hasActiveAdmin: true } : null);
  const uw = new Map([...input.verifiers.uwByVoivodeship].map(([k, v]) => [k, { ...v, hasActiveAdmin: true }]));
  return routeRequest({
    ...input,
    verifiers: { cez: input.verifiers.cez, ipin: all(input.verifiers.ipin), kcpu: all(input.verifiers.kcpu), uwByVoivodeship: uw },
  });
}
