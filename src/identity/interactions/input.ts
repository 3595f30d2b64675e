import { hasForbiddenChars, normaliseText, noteInputAttempt } from '../../lib/input.ts';
import { identityFormMessages as M } from './messages.ts';

export type FormRead<F extends string> =
  { ok: true; values: Record<F, string> } | { ok: false; values: Partial<Record<F, string>>; errors: Partial<Record<F | '_form', string>> };

/**
 * The boundary of every UEOZ form post: a body that is not an object (null, missing, JSON array),
 * a field that is not a single string, or a value with control or bidirectional-override characters
 * is refused (the page answers 400 with the form and the message); text comes back in NFC.
 * `fields` maps each field to its label, for the message next to it.
 */
export function readForm<F extends string>(body: unknown, fields: Readonly<Record<F, string>>): FormRead<F> {
  const names = Object.keys(fields) as F[];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, values: {}, errors: { _form: M.formUnreadable } as Partial<Record<F | '_form', string>> };
  }
  const raw = body as Record<string, unknown>;
  const values: Partial<Record<F, string>> = {};
  const errors: Partial<Record<F | '_form', string>> = {};
  for (const name of names) {
    const v = raw[name];
    if (v === undefined) {
      values[name] = '';
    } else if (typeof v !== 'string') {
      errors[name] = M.notText(fields[name]);
      if (v !== null) noteInputAttempt(name, 'bad_shape');
    } else if (hasForbiddenChars(v)) {
      errors[name] = M.forbiddenCharacters(fields[name]);
      noteInputAttempt(name, 'forbidden_chars');
    } else {
      values[name] = normaliseText(v);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, values: values as Record<F, string> };
}

/** The first message of a refused form, for pages that show one notice instead of field errors. */
export function firstError<F extends string>(r: { errors: Partial<Record<F | '_form', string>> }): string {
  return Object.values(r.errors).find((m): m is string => typeof m === 'string') ?? M.formUnreadable;
}
