import { z } from 'zod';
import { QUEUE_SORTS, QUEUE_STATUSES, SIGNED_FILTERS } from '../../../db/repositories/request-queue.ts';
import { choice, id, queryEnum, queryInt, queryText, stringList, text } from '../../http/input.ts';
import { managementMessages as m } from './messages.ts';

export { IdParams } from '../../http/input.ts';
export const FileParams = z.object({ id, fileId: id });

export const PAGE_SIZES = [10, 25, 50] as const;

/** A YYYY-MM-DD date that exists, or '' (an unreadable date is no filter, as every query value falls back). */
function queryDate() {
  return queryText(10).transform((s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return '';
    const d = new Date(`${s}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? '' : s;
  });
}

/** The queue's filters, sort and paging, all in the URL (GET forms: no JavaScript needed). */
export const QueueQuery = z.object({
  status: queryEnum(QUEUE_STATUSES, 'oczekujacy'),
  rola: queryText(40).transform((s) => (/^[A-Z_]+$/.test(s) ? s : '')),
  od: queryDate(),
  do: queryDate(),
  podpis: queryEnum(SIGNED_FILTERS, ''),
  dluzej: queryText(5).transform((s) => (/^\d{1,4}$/.test(s) ? Number(s) : null)),
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
