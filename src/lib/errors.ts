/** Errors with stable codes; the one error handler maps them to Polish pages. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Nie znaleziono strony') => new AppError('NOT_FOUND', 404, what);
export const forbidden = (what = 'Brak dostępu') => new AppError('FORBIDDEN', 403, what);
export const conflict = (what: string) => new AppError('CONFLICT', 409, what);
/** A request no page of ours sends (e.g. a form without its hidden fields): the generic 400 page. */
export const badRequest = (what = 'Niepoprawne żądanie') => new AppError('BAD_INPUT', 400, what);
