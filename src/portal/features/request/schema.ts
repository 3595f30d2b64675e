import { z } from 'zod';
import { UUID_RE } from '../../../lib/ids.ts';
import { EMAIL_MAX_LENGTH } from '../../../domain/contact.ts';
import { choice, id, IdParams, queryEnum, queryInt, queryText, stringList, text } from '../../http/input.ts';

export { IdParams };
export const ProfileParams = z.object({ profileId: id });

/** Step 1 "Wybór jednostki": the search form (GET), every value with a fallback. */
export const SearchQuery = z.object({
  rodzaj: queryText(20),
  nip: queryText(20),
  regon: queryText(20),
  ksiega: queryText(30),
  nazwa: queryText(200),
  sortuj: queryEnum(['name', 'kind', 'nip'], 'name'),
  kierunek: queryEnum(['asc', 'desc'], 'asc'),
  strona: queryInt(1),
  naStronie: z.preprocess(
    (v) => {
      const n = Number(Array.isArray(v) ? v[0] : v);
      return n === 25 || n === 50 || n === 100 ? n : 10;
    },
    z.union([z.literal(10), z.literal(25), z.literal(50), z.literal(100)]),
  ),
});
export type SearchQueryT = z.output<typeof SearchQuery>;

export const ChooseUnitForm = z.object({ unitId: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()) });

/** Step "Wybór ról i dane kontaktowe"; the roles are checked against the offer, the contact by checkContact. */
export const RolesForm = z.object({
  akcja: choice(['dalej', 'anuluj']),
  roles: stringList(20),
  phone: text({ max: 40, label: 'Telefon' }),
  email: text({ max: EMAIL_MAX_LENGTH + 1, label: 'E-mail' }),
});
export const ROLES_FIELDS = ['roles', 'phone', 'email'] as const;

/** The roles ticked in a form refused at the boundary, to tick them again. */
export function typedRoles(body: unknown): string[] {
  const raw = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).roles : undefined;
  return stringList(20).parse(raw);
}

/** "Zapisz wniosek": the statement, and the draft the page was made from (a resubmit finds its submission). */
export const SummaryForm = z.object({
  akcja: choice(['zapisz', 'anuluj']),
  statement: choice(['tak']),
  draftId: z.preprocess((v) => (typeof v === 'string' && UUID_RE.test(v) ? v : ''), z.string()),
});

/** "Zakończ": "Kiedy chcesz przekazać podpisany wniosek *". */
export const FinishForm = z.object({ delivery: choice(['now', 'later']) });

/** `zalaczono`: how many files an upload added; `pliki`: the token of refused files' messages (kept in the session). */
export const DownloadQuery = z.object({ zalaczono: queryInt(0, 20), pliki: queryText(64) });
