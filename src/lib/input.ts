/**
 * The one input boundary (portal and UEOZ forms): every route's params, query and body pass through a zod
 * schema from the feature's `schema.ts`. Text is normalised to NFC; control characters (other than
 * newline and tab in multi-line fields) and bidirectional overrides are refused with a message; a
 * missing, `null` or wrongly typed body becomes a form with errors (400), never a 500.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { UUID_RE } from './ids.ts';
import type { FormError } from './forms.ts';

export const inputMessages = {
  forbiddenChars: 'Pole zawiera niedozwolone znaki (np. znaki sterujące). Usuń je i spróbuj ponownie.',
  /** the field is shown again without those characters, so the message says they were removed */
  forbiddenCharsIn: (label: string) =>
    `Pole „${label}” zawierało niedozwolone znaki (np. znaki sterujące), które usunęliśmy. Sprawdź jego treść i wyślij formularz ponownie.`,
  tooLong: (max: number) => `Wpisz najwyżej ${max} znaków`,
  /** a field sent twice, or as a structure, where the form has one text box */
  badShape: 'Pole ma nieprawidłową postać (np. zostało wysłane kilka razy). Wypełnij je ponownie.',
} as const;

// C0 controls except TAB and LF (CR is normalised away), DEL, C1 controls: refusing them is the point
/* eslint-disable no-control-regex */
const CONTROL_SINGLE = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_MULTI = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
// bidirectional embeddings/overrides and isolates (Trojan Source); U+FFFD, what undecodable bytes become;
// a lone surrogate (half of a UTF-16 pair, sent as `\ud800` in JSON): no text holds one, and PostgreSQL
// refuses it in a jsonb value (the audit details), so it must not get past the boundary
const BIDI = /[\u202a-\u202e\u2066-\u2069\ufffd\p{Cs}]/u;
const STRIP = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd\p{Cs}]/gu;
/* eslint-enable no-control-regex */

/**
 * A value the boundary refused as an attempt (ASVS V16.3.3): a character no form accepts, or a field
 * sent in a shape no form sends (twice, as a structure, a number in JSON). A missing or empty field is
 * no attempt. The boundary has no request: the request's list is found through async context (set per
 * request by `registerInputAttemptLog()` in src/portal/http/errors.ts, which writes the security event).
 */
export interface InputAttempt {
  field: string;
  kind: 'forbidden_chars' | 'bad_shape';
}
const attemptsOfRequest = new AsyncLocalStorage<InputAttempt[]>();

/** Run `f` (the rest of a request) with `list` as the place the boundary notes attempts in. */
export function collectInputAttempts<T>(list: InputAttempt[], f: () => T): T {
  return attemptsOfRequest.run(list, f);
}

/** Note an attempt for the current request (nothing outside one, e.g. in a job or a unit test). */
export function noteInputAttempt(field: string, kind: InputAttempt['kind']): void {
  const list = attemptsOfRequest.getStore();
  if (list && !list.some((a) => a.field === field && a.kind === kind)) list.push({ field, kind });
}

/** NFC, CRLF → LF. */
export function normaliseText(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n');
}

/** True when the text holds a character the portal never accepts. */
export function hasForbiddenChars(s: string, multiline = false): boolean {
  return (multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(s) || BIDI.test(s);
}

/**
 * A text field: a missing field counts as empty; one sent twice or as a structure (`a=1&a=2`,
 * `a[x]=1`) is refused, so a crafted post cannot blank an optional field; the value is normalised and
 * trimmed, forbidden characters are refused with a Polish message.
 */
export function text(opts: { max: number; multiline?: boolean; required?: string; trim?: boolean; label?: string } = { max: 200 }) {
  const base = z.preprocess(
    (v) => (typeof v === 'string' ? normaliseText(v) : v === undefined || v === null ? '' : v),
    z.string({ error: inputMessages.badShape }).refine((s) => !hasForbiddenChars(s, opts.multiline), {
      message: opts.label ? inputMessages.forbiddenCharsIn(opts.label) : inputMessages.forbiddenChars,
      params: { attempt: 'forbidden_chars' },
    }),
  );
  const trimmed = base.transform((s) => (opts.trim === false ? s : s.trim()));
  return trimmed.pipe(
    opts.required ? z.string().min(1, opts.required).max(opts.max, inputMessages.tooLong(opts.max)) : z.string().max(opts.max, inputMessages.tooLong(opts.max)),
  );
}

/** A checkbox or radio value among the allowed ones, or undefined. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((v) => (typeof v === 'string' && (values as readonly string[]).includes(v) ? v : undefined), z.enum(values).optional());
}

/**
 * A radio group that must be answered: any value outside the allowed ones, or none, is refused with
 * `required` (zod skips a refinement of an absent optional key, so `choice(…).refine(…)` would not).
 */
export function requiredChoice<const T extends readonly [string, ...string[]]>(values: T, required: string) {
  return z.preprocess((v) => (typeof v === 'string' && (values as readonly string[]).includes(v) ? v : ''), z.enum(values, { error: required }));
}

/** Repeated checkbox names arrive as a string or an array; anything else is an empty list. */
export function stringList(max = 50) {
  return z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).filter((x): x is string => typeof x === 'string').slice(0, max),
    z.array(z.string()),
  );
}

/** An object id in a path: anything else answers 404, like an id that exists but is not yours. */
export const id = z.string().regex(UUID_RE);
export const IdParams = z.object({ id });

/** A query value: a string (first of repeated ones) normalised, or the fallback. */
export function queryText(max: number, fallback = '') {
  return z.preprocess((v) => {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s !== 'string') return fallback;
    const n = normaliseText(s).trim();
    return hasForbiddenChars(n) ? fallback : n.slice(0, max);
  }, z.string());
}

/** A positive integer query value within bounds, or the fallback. */
export function queryInt(fallback: number, max = 100_000) {
  return z.preprocess((v) => {
    const n = Number(Array.isArray(v) ? v[0] : v);
    return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
  }, z.number());
}

/** One of the allowed query values, or the fallback. */
export function queryEnum<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.preprocess((v) => {
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && (values as readonly string[]).includes(s) ? s : fallback;
  }, z.enum(values));
}

/** Params and query of a route, checked by the validator compiler below. */
export type ParsedForm<T> = { ok: true; data: T } | { ok: false; values: Record<string, string>; errors: Record<string, string>; summary: FormError[] };

/**
 * A form post → typed data, or what the page needs to show the form again: the typed values, the
 * message of each field and the error summary in the form's field order. A body that is not an
 * object (missing, `null`, a JSON array) is read as an empty form.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, fieldOrder: readonly string[]): ParsedForm<z.output<S>> {
  const input = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !(field in errors)) errors[field] = issue.message;
    const sent = (input as Record<string, unknown>)[field];
    if (issue.code === 'custom' && issue.params?.attempt === 'forbidden_chars') noteInputAttempt(field, 'forbidden_chars');
    // a type the form never sends (an array, an object, a JSON number); a missing or null field is only missing
    else if (issue.code === 'invalid_type' && field && sent !== undefined && sent !== null) noteInputAttempt(field, 'bad_shape');
  }
  return { ok: false, values: formValues(input), errors, summary: summaryOf(errors, fieldOrder) };
}

/** The error summary's links, top to bottom like the form. */
export function summaryOf(errors: Readonly<Record<string, string | undefined>>, fieldOrder: readonly string[]): FormError[] {
  const rank = (f: string) => {
    const i = fieldOrder.indexOf(f);
    return i === -1 ? fieldOrder.length : i;
  };
  return Object.keys(errors)
    .filter((f) => errors[f])
    .sort((a, b) => rank(a) - rank(b))
    .map((f) => ({ href: `#f-${f}`, text: errors[f] as string }));
}

/** Typed strings of a body for re-display (normalised, forbidden characters dropped). */
export function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (typeof v === 'string') out[k] = normaliseText(v).replace(STRIP, '');
    }
  }
  return out;
}
