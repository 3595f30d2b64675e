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

// Formatters are built once: each `new Intl.DateTimeFormat` holds ICU memory outside the JS heap that
// the garbage collector does not see, so one per call made the process grow by gigabytes under load
// (bench/results.md, "memory"). Never build an Intl formatter inside a function that runs per request.
const DATE_PL = new Intl.DateTimeFormat('pl-PL', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Warsaw' });
const DATE_TIME_PL = new Intl.DateTimeFormat('pl-PL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Warsaw',
});
const NUMBER_PL = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 1 });

export function formatDatePl(d: Date | null | undefined): string {
  if (!d) return '';
  return DATE_PL.format(d);
}

export function formatDateTimePl(d: Date | null | undefined): string {
  if (!d) return '';
  return DATE_TIME_PL.format(d);
}

/** A number in Polish notation (decimal comma, grouped thousands), at most one decimal place. */
export function formatNumberPl(n: number): string {
  return NUMBER_PL.format(n);
}
