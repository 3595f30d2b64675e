import { parse } from 'node:querystring';

/**
 * Form bodies: repeated names become arrays (checkbox groups), single ones strings. No nested
 * objects, so no prototype pollution through field names.
 */
export function qsParse(body: string): Record<string, string | string[]> {
  const parsed = parse(body);
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of Object.entries(parsed)) {
    if (v !== undefined) out[k] = v;
  }
  return out;
}
