import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// The Polish primary sort key of a name (see the comment above the filters in
// db/repositories/unit-search.ts): an IMMUTABLE expression, so the schema indexes it and the search
// orders by exactly the same expression.

const POLISH_LETTERS: ReadonlyArray<readonly [letter: string, key: string]> = [
  ['ą', 'a~'],
  ['ć', 'c~'],
  ['ę', 'e~'],
  ['ł', 'l~'],
  ['ń', 'n~'],
  ['ó', 'o~'],
  ['ś', 's~'],
  ['ź', 'z~'],
  ['ż', 'z~~'],
];
const QUOTES = ['„', '”', '“'];

const SORT_KEY_REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  ...POLISH_LETTERS.flatMap(
    ([l, k]) =>
      [
        [l, k],
        [l.toLocaleUpperCase('pl'), k],
      ] as const,
  ),
  ...QUOTES.map((q) => [q, '/'] as const),
];

/** The Polish primary sort key of a name column (an SQL expression, to be compared byte-wise). */
export function polishSortKey(column: SQL | AnyPgColumn): SQL {
  let expr = 'lower(%s collate "C")';
  for (const [from, to] of SORT_KEY_REPLACEMENTS) expr = `replace(${expr}, '${from}', '${to}')`;
  const [head, tail] = expr.split('%s') as [string, string];
  return sql`${sql.raw(head)}${column}${sql.raw(tail)} collate "C"`;
}
