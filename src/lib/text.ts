/** Lower-case with Polish (and other Latin) diacritics folded: "Łódź" → "lodz". Used for search keys. */
export function foldForSearch(input: string): string {
  return input
    .toLocaleLowerCase('pl')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Polish collation for sorting names in the application (the databases use C collation). */
export const plCollator = new Intl.Collator('pl', { sensitivity: 'base', numeric: true });

export function formatDatePl(d: Date | null | undefined): string {
  if (!d) return '';
  return new Intl.DateTimeFormat('pl-PL', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Warsaw' }).format(d);
}

export function formatDateTimePl(d: Date | null | undefined): string {
  if (!d) return '';
  return new Intl.DateTimeFormat('pl-PL', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Warsaw',
  }).format(d);
}
