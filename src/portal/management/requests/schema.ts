import { z } from 'zod';
import { QUEUE_SORTS, QUEUE_STATUSES, SIGNED_FILTERS } from '../../../db/repositories/request-queue.ts';
import { choice, id, queryEnum, queryInt, queryText, stringList, text } from '../../http/input.ts';
import { managementMessages as m } from './messages.ts';

export { IdParams } from '../../http/input.ts';
export const FileParams = z.object({ id, fileId: id });

export const PAGE_SIZES = [10, 25, 50] as const;

/** A date typed as RRRR-MM-DD or, as Polish users write it, DD.MM.RRRR: the ISO date, or null when it does not exist. */
export function parseFilterDate(s: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const pl = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : pl ? [pl[3], pl[2], pl[1]] : [];
  if (!y || !mo || !d) return null;
  const out = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${out}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== out ? null : out;
}

/**
 * A filter the user types: the value the list uses, what was typed (shown again in the field) and the
 * message when it cannot be read — the list then ignores that filter and the page says so beside the
 * field and in the error summary (a query never fails: the list still answers).
 */
export interface TypedFilter<T> {
  value: T;
  typed: string;
  error: string;
}

function queryDate(): z.ZodType<TypedFilter<string>> {
  return queryText(20).transform((typed) => {
    const iso = typed ? parseFilterDate(typed) : '';
    return { value: iso ?? '', typed, error: iso === null ? m.dateInvalid : '' };
  }) as unknown as z.ZodType<TypedFilter<string>>;
}

function queryDays(): z.ZodType<TypedFilter<number | null>> {
  return queryText(10).transform((typed) => {
    const ok = /^\d{1,4}$/.test(typed);
    return { value: ok ? Number(typed) : null, typed, error: typed && !ok ? m.daysInvalid : '' };
  }) as unknown as z.ZodType<TypedFilter<number | null>>;
}

/** The queue's filters, sort and paging, all in the URL (GET forms: no JavaScript needed). */
export const QueueQuery = z.object({
  status: queryEnum(QUEUE_STATUSES, 'oczekujacy'),
  rola: queryText(40).transform((s) => (/^[A-Z_]+$/.test(s) ? s : '')),
  od: queryDate(),
  do: queryDate(),
  podpis: queryEnum(SIGNED_FILTERS, ''),
  dluzej: queryDays(),
  /** "Rodzaj jednostki": a unit kind code */
  rodzaj: queryText(20).transform((s) => (/^[A-Za-z_]+$/.test(s) ? s : '')),
  /** "Województwo": the TERYT code of a voivodeship */
  woj: queryText(2).transform((s) => (/^\d{2}$/.test(s) ? s : '')),
  /** "tylko eskalowane": pending past the decision due date */
  eskalowane: queryEnum(['', 'tak'], ''),
  sort: queryEnum(QUEUE_SORTS, 'najstarsze'),
  strona: queryInt(1),
  ile: queryEnum(['10', '25', '50'], '25'),
});
export type QueueQueryT = z.output<typeof QueueQuery>;

/** "?wynik=…" after a decision: the notice on the detail page. */
export const DetailQuery = z.object({ wynik: queryEnum(['', 'zatwierdzony', 'odrzucony', 'zarchiwizowany'], '') });

/** "Zatwierdź": the confirmation that the signed copy arrived (needed when there is no safe file). */
export const ApproveForm = z.object({ potwierdzenie: choice(['tak']) });
export const APPROVE_FIELDS = ['potwierdzenie'] as const;

/** "Odrzuć": the reason, shown to the applicant. */
export const RejectForm = z.object({ powod: text({ max: 1000, multiline: true, required: m.reasonRequired }) });
export const REJECT_FIELDS = ['powod'] as const;

/** "Archiwizuj": the reason is optional (our choice: archiving moves a rejected or stale request out of the way; when given, it is kept in the status history and the audit). */
export const ArchiveForm = z.object({ powodArchiwizacji: text({ max: 1000, multiline: true }) });
export const ARCHIVE_FIELDS = ['powodArchiwizacji'] as const;

/** The most requests one "Zatwierdź zaznaczone" takes (the queue's largest page). */
export const BULK_MAX = 50;

/** "Zatwierdź zaznaczone": the ids of the ticked requests (repeated `wniosek`). */
export const BulkForm = z.object({ wniosek: stringList(BULK_MAX) });
