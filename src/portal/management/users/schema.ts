import { z } from 'zod';
import { USER_SEARCH_PAGE_SIZES } from '../../../db/repositories/user-admin.ts';
import { PROFILE_STATUSES } from '../../../domain/status.ts';
import { id, queryEnum, queryInt, queryText, text } from '../../http/input.ts';
import { usersMessages as m } from './messages.ts';

export { IdParams } from '../../http/input.ts';
export const ProfileParams = z.object({ id, profileId: id });
export const RoleParams = z.object({ id, requestId: id });

export const PAGE_SIZES = USER_SEARCH_PAGE_SIZES;

/** The search's filters and paging, all in the URL (a GET form: no JavaScript needed). */
export const SearchQuery = z.object({
  /** imię, nazwisko, login lub e-mail */
  q: queryText(100),
  /** nazwa jednostki, NIP lub REGON */
  jednostka: queryText(200),
  /** exact PESEL; checked in the route (a wrong one is a message, not an empty list) */
  pesel: queryText(20).transform((s) => s.replace(/\s/g, '')),
  status: queryEnum(['', ...PROFILE_STATUSES], ''),
  strona: queryInt(1),
  ile: queryEnum(['10', '25', '50'], '25'),
});
export type SearchQueryT = z.output<typeof SearchQuery>;

/** "?wynik=…" after an action: the notice on the user's page. */
export const DetailQuery = z.object({ wynik: queryEnum(['', 'zablokowany', 'odblokowany', 'odebrana', 'bez-zmian'], '') });

/** Blocking, unblocking and taking a role back: the reason, shown to the owner in the e-mail. */
export const BlockForm = z.object({ powod: text({ max: 1000, multiline: true, required: m.blockReasonRequired }) });
export const UnblockForm = z.object({ powod: text({ max: 1000, multiline: true, required: m.unblockReasonRequired }) });
export const RevokeForm = z.object({ powod: text({ max: 1000, multiline: true, required: m.revokeReasonRequired }) });
export const REASON_FIELDS = ['powod'] as const;
