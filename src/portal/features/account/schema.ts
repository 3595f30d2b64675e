import { z } from 'zod';
import { queryEnum, queryInt, queryText } from '../../http/input.ts';
import { UUID_RE } from '../../../lib/ids.ts';
import type { Direction, OtherSort, PendingSort } from './queries.ts';

export const PAGE_SIZES = [5, 10, 25] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** The query of /moje-konto: each list keeps its own sorting and paging. */
export interface AccountParams {
  sortOczekujace: PendingSort;
  kierunek: Direction;
  stronaOczekujace: number;
  naStronieOczekujace: PageSize;
  sortPozostale: OtherSort;
  kierunekPozostale: Direction;
  stronaPozostale: number;
  naStroniePozostale: PageSize;
}

/** Default direction of each sort: numbers and status changes newest first, names A→Z. */
export function defaultDirection(sort: PendingSort | OtherSort): Direction {
  return sort === 'jednostka' ? 'asc' : 'desc';
}

export const DEFAULT_PARAMS: AccountParams = {
  sortOczekujace: 'numer',
  kierunek: 'desc',
  stronaOczekujace: 1,
  naStronieOczekujace: 5,
  sortPozostale: 'zmiana',
  kierunekPozostale: 'desc',
  stronaPozostale: 1,
  naStroniePozostale: 5,
};

/** The notices of the actions that lead to Moje konto, by query flag; the first one present wins. */
export const NOTICE_FLAGS = ['wycofano', 'zapisano', 'zapisano-przypomnienie', 'zlozono', 'wybierz'] as const;
export type NoticeFlag = (typeof NOTICE_FLAGS)[number];

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** A direction, or undefined when missing or unknown (the sort's default then applies). */
const direction = z.preprocess((v) => (first(v) === 'asc' || first(v) === 'desc' ? first(v) : undefined), z.enum(['asc', 'desc']).optional());
const pageSize = queryEnum(['5', '10', '25'], '5').transform((s) => Number(s) as PageSize);
/** "?wycofano=1": present and not empty. */
const flag = z.preprocess((v) => typeof first(v) === 'string' && first(v) !== '', z.boolean());

/** Query of /moje-konto; anything unknown falls back to the defaults, so it never fails. */
export const AccountQuery = z
  .object({
    sortOczekujace: queryEnum(['numer', 'jednostka'], DEFAULT_PARAMS.sortOczekujace),
    kierunek: direction,
    stronaOczekujace: queryInt(1),
    naStronieOczekujace: pageSize,
    sortPozostale: queryEnum(['zmiana', 'jednostka'], DEFAULT_PARAMS.sortPozostale),
    kierunekPozostale: direction,
    stronaPozostale: queryInt(1),
    naStroniePozostale: pageSize,
    ...(Object.fromEntries(NOTICE_FLAGS.map((f) => [f, flag])) as Record<NoticeFlag, typeof flag>),
    /** the profile whose details open (after saving its contact data) */
    profil: z.preprocess((v) => (typeof first(v) === 'string' && UUID_RE.test(first(v) as string) ? first(v) : undefined), z.string().optional()),
    /** the token of an attachment notice kept in the session */
    pliki: queryText(64),
  })
  .transform((q) => ({
    params: {
      sortOczekujace: q.sortOczekujace,
      kierunek: q.kierunek ?? defaultDirection(q.sortOczekujace),
      stronaOczekujace: q.stronaOczekujace,
      naStronieOczekujace: q.naStronieOczekujace,
      sortPozostale: q.sortPozostale,
      kierunekPozostale: q.kierunekPozostale ?? defaultDirection(q.sortPozostale),
      stronaPozostale: q.stronaPozostale,
      naStroniePozostale: q.naStroniePozostale,
    } satisfies AccountParams,
    notice: NOTICE_FLAGS.find((f) => q[f]) ?? null,
    profil: q.profil,
    pliki: q.pliki,
  }));
export type AccountQuery = z.output<typeof AccountQuery>;
