import type { z } from 'zod';

export interface FormError {
  /** '#field-id' in the page, for the error summary link */
  href: string;
  text: string;
}
/** field name → message shown next to the field */
export type FormErrors = Readonly<Record<string, string>>;

export interface FormResult<T> {
  ok: boolean;
  data?: T;
  /** ordered as the fields appear in the form */
  summary: FormError[];
  fieldErrors: FormErrors;
}

/**
 * Validate a form body with a zod schema whose messages are Polish. Errors keep the order of
 * `fieldOrder` so the summary reads top to bottom like the form.
 */
export function validateForm<S extends z.ZodType>(schema: S, body: unknown, fieldOrder: readonly string[]): FormResult<z.output<S>> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data, summary: [], fieldErrors: {} };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !(field in fieldErrors)) fieldErrors[field] = issue.message;
  }
  const rank = (f: string) => {
    const i = fieldOrder.indexOf(f);
    return i === -1 ? fieldOrder.length : i;
  };
  const summary = Object.keys(fieldErrors)
    .sort((a, b) => rank(a) - rank(b))
    .map((f) => ({ href: `#f-${f}`, text: fieldErrors[f] as string }));
  return { ok: false, summary, fieldErrors };
}

/** Form bodies arrive as strings (or arrays for repeated names); this keeps typed values for re-display. */
export function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (typeof v === 'string') out[k] = v;
    }
  }
  return out;
}
