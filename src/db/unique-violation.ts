/**
 * The unique index a failed statement ran into (a request racing another: two first logins with the
 * same PESEL, two people taking the same login), or null for any other error. Looks through `cause`
 * because drizzle wraps the driver's error.
 */
export function uniqueViolation(err: unknown): string | null {
  for (let e: unknown = err, i = 0; e && typeof e === 'object' && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const { code, constraint, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : typeof message === 'string' ? message : '';
  }
  return null;
}
