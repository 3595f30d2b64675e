import { z } from 'zod';
import { EXPLANATION_PREFIX } from '../../views/components/ReportForm/ids.ts';
import { id, queryEnum, queryText } from '../http/input.ts';

export { IdParams } from '../http/input.ts';

const STATUS_FILTER = ['wszystkie', 'do_wypelnienia', 'w_trakcie', 'do_weryfikacji', 'do_korekty', 'zatwierdzone'] as const;

/** The list's query: every filter in the URL; anything unknown falls back to the default. */
export const ListQuery = z.object({
  status: queryEnum(STATUS_FILTER, 'wszystkie'),
  formularz: z.preprocess((v) => {
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && /^[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*$/.test(s) && s.length <= 20 ? s : '';
  }, z.string()),
  rok: z.preprocess((v) => {
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && /^(19|20)\d\d$/.test(s) ? s : '';
  }, z.string()),
  jednostka: queryText(200),
  terminowosc: queryEnum(['', 'po_terminie', 'w_terminie', 'oczekuje'], ''),
  sortuj: queryEnum(['termin', 'jednostka', 'formularz', 'rok', 'status'], 'termin'),
  ile: queryEnum(['10', '25', '50', '100'], '25'),
  strona: z.preprocess((v) => {
    const n = Number(Array.isArray(v) ? v[0] : v);
    return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
  }, z.number()),
  wynik: queryText(20),
});
export type ListQueryT = z.output<typeof ListQuery>;

export const ReportQuery = z.object({ wynik: queryText(20) });

export const SectionParams = z.object({ id, section: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/) });
export const UnitYearParams = z.object({ unitId: id, year: z.coerce.number().int().min(2000).max(2100) });
export const VersionParams = z.object({ id, version: z.coerce.number().int().min(1).max(10_000) });
export const DiffQuery = z.object({
  od: z.preprocess((v) => Number(Array.isArray(v) ? v[0] : v), z.number().int().min(1).max(10_000).catch(1)),
  do: z.preprocess((v) => Number(Array.isArray(v) ? v[0] : v), z.number().int().min(1).max(10_000).catch(1)),
});

/** A body's field as one string ('' when missing, repeated or not a string). */
export function field(body: unknown, name: string): string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return '';
  const v = (body as Record<string, unknown>)[name];
  return typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '';
}

/** Every warning's explanation typed on the submit page (`explain-<rule code>` fields), by rule code. */
export function explanationsIn(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  return Object.fromEntries(
    Object.keys(body)
      .filter((k) => k.startsWith(EXPLANATION_PREFIX))
      .map((k) => [k.slice(EXPLANATION_PREFIX.length), field(body, k)]),
  );
}

/** The page's `rewizja` (the report's revision it was rendered from); null when missing or not a number (the change is then refused). */
export function revisionOf(body: unknown): number | null {
  const s = field(body, 'rewizja');
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}
