import type { PropsWithChildren } from '@kitajs/html';

// typed as string, not literals, so that "<" in them is escaped like any other text
export const paginationMessages: Readonly<Record<'perPage' | 'show' | 'previous' | 'next' | 'page', string>> = {
  perPage: 'Pokaż na stronie',
  show: 'Pokaż',
  previous: '< Poprzednia',
  next: 'Następna >',
  page: 'Strona ',
};

/** One paged list on a page; both parts (summary above the list, page links below) take the same props. */
export interface PagingProps {
  /** path of the page holding the list, e.g. /moje-konto */
  path: string;
  /**
   * the page's current query, in order: other lists' paging and sorting, search criteria. Every
   * link and the page-size form keep it; values the page treats as defaults may be left out.
   */
  query: readonly (readonly [string, string])[];
  /** query parameter of the page number (page 1 is left out of links) */
  pageParam: string;
  /** query parameter of "Pokaż na stronie" */
  sizeParam: string;
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  pageSizes: readonly number[];
  /** section of the page the links return to (without '#') */
  anchor?: string | undefined;
  /** accessible name of the page links, e.g. "Oczekujące wnioski: strony" */
  label: string;
  /** id of the page-size select (unique on the page) */
  sizeId: string;
  /** data-qa of the total, which tests read */
  totalQa?: string | undefined;
}

/** The link to the list with some parameters changed (null removes one); the rest of the query stays. */
export function pagingHref(p: Pick<PagingProps, 'path' | 'query' | 'anchor'>, patch: Readonly<Record<string, string | null>>): string {
  const q = new URLSearchParams(p.query.map(([k, v]): [string, string] => [k, v]));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) q.delete(k);
    else q.set(k, v);
  }
  const search = q.toString();
  return `${p.path}${search ? `?${search}` : ''}${p.anchor ? `#${p.anchor}` : ''}`;
}

/** The numbers shown: first, last and the current one with its neighbours; gaps become "…". */
export function pageWindow(page: number, pageCount: number): number[] {
  const shown = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  return [...shown].sort((a, b) => a - b);
}

/**
 * "Wszystkich pozycji N" and the "Pokaż na stronie" form (GET: works without JavaScript). The form
 * keeps every other parameter as a hidden field and starts the list from its first page. Children
 * are further controls of the same form (e.g. the sort order); name them in `controls` so they are
 * not repeated as hidden fields.
 */
export function PaginationSummary(p: PropsWithChildren<PagingProps & { controls?: readonly string[] }>): JSX.Element {
  const skip = new Set([p.pageParam, p.sizeParam, ...(p.controls ?? [])]);
  const keep = p.query.filter(([k]) => !skip.has(k));
  const safeControls = p.children ?? '';
  return (
    <>
      <p class="list-total">
        Wszystkich pozycji{' '}
        <strong data-qa={p.totalQa} safe>
          {String(p.total)}
        </strong>
      </p>
      <form method="get" action={`${p.path}${p.anchor ? `#${p.anchor}` : ''}`} class="list-controls">
        {keep.map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <div class="field field--inline">
          {safeControls}
          <label class="field__label" for={p.sizeId} safe>
            {paginationMessages.perPage}
          </label>
          <select class="field__input" id={p.sizeId} name={p.sizeParam}>
            {p.pageSizes.map((n) => (
              <option value={String(n)} selected={p.pageSize === n} safe>
                {String(n)}
              </option>
            ))}
          </select>
          <button class="button button--secondary" type="submit" safe>
            {paginationMessages.show}
          </button>
        </div>
      </form>
    </>
  );
}

/** Page links ("< Poprzednia 1 … 4 5 6 … 20 Następna >"); nothing when everything fits on one page. */
export function Pagination(p: PagingProps): JSX.Element {
  if (p.pageCount <= 1) return '';
  const href = (n: number) => pagingHref(p, { [p.pageParam]: n === 1 ? null : String(n) });
  const numbers = pageWindow(p.page, p.pageCount);
  return (
    <nav class="pagination" aria-label={p.label}>
      <ul>
        {p.page > 1 ? (
          <li>
            <a href={href(p.page - 1)} rel="prev" safe>
              {paginationMessages.previous}
            </a>
          </li>
        ) : (
          ''
        )}
        {numbers.map((n, i) => (
          <>
            {i > 0 && n - (numbers[i - 1] ?? n) > 1 ? (
              <li>
                <span class="pagination__gap" aria-hidden="true">
                  …
                </span>
              </li>
            ) : (
              ''
            )}
            <li>
              {n === p.page ? (
                <span aria-current="page">
                  <span class="visually-hidden" safe>
                    {paginationMessages.page}
                  </span>
                  <span safe>{String(n)}</span>
                </span>
              ) : (
                <a href={href(n)}>
                  <span class="visually-hidden" safe>
                    {paginationMessages.page}
                  </span>
                  <span safe>{String(n)}</span>
                </a>
              )}
            </li>
          </>
        ))}
        {p.page < p.pageCount ? (
          <li>
            <a href={href(p.page + 1)} rel="next" safe>
              {paginationMessages.next}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}
