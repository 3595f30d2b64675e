const PL_PLURAL = new Intl.PluralRules('pl');

/** The Polish form for a count: 1 wniosek, 2 wnioski, 5 wniosków. */
function plural(n: number, one: string, few: string, many: string): string {
  const form = PL_PLURAL.select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
}

/** Polish texts of "Zarządzanie → Raporty". */
export const reportMessages = {
  module: 'Zarządzanie',
  title: 'Raporty',
  scopeAll: 'Raporty obejmują cały system: wszystkie wnioski o role i wszystkich użytkowników.',
  scopeUnit: (unit: string) =>
    `Raporty obejmują wnioski o role skierowane do weryfikacji do jednostki ${unit} oraz użytkowników, którym ta jednostka zatwierdziła role.`,
  contents: 'Spis raportów',
  csv: 'Pobierz CSV',
  csvOf: (title: string) => `Pobierz CSV: ${title}`,
  chartDesc: (title: string) => `Wykres słupkowy: ${title}. Te same dane zawiera tabela pod wykresem.`,
  none: 'Brak danych.',
  total: 'Razem',
  count: 'Liczba',
  byStatus: 'Wnioski o role według statusu',
  byRole: 'Wnioski o role według wnioskowanej roli',
  byVoivodeship: 'Wnioski o role według województwa jednostki',
  byMonth: 'Wnioski o role według miesiąca złożenia',
  decisionTime: 'Czas do decyzji według jednostki weryfikującej',
  activeUsers: 'Aktywni użytkownicy według rodzaju jednostki',
  status: 'Status',
  role: 'Rola',
  voivodeship: 'Województwo',
  noVoivodeship: 'Bez województwa (jednostki centralne)',
  month: 'Miesiąc',
  unit: 'Jednostka weryfikująca',
  decided: 'Decyzje',
  median: 'Mediana (dni)',
  p90: '90. percentyl (dni)',
  decisionNote:
    'Czas od złożenia wniosku (Zakończ) do zatwierdzenia lub odrzucenia przez weryfikującego, w dniach. Nie liczą się wnioski wycofane przez wnioskującego ani role przeniesione z SSOZ I. Wykres pokazuje medianę.',
  monthNote: (max: number) => `Miesiąc złożenia według czasu polskiego. Tabela pokazuje tylko miesiące, w których złożono wnioski, najwyżej ${max} ostatnich.`,
  monthOlder: (months: number, requests: number) =>
    `Nie pokazano starszych miesięcy z wnioskami: ${months} ${plural(months, 'miesiąc', 'miesiące', 'miesięcy')}, łącznie ${requests} ${plural(requests, 'wniosek', 'wnioski', 'wniosków')}.`,
  unitKind: 'Rodzaj jednostki',
  users: 'Użytkownicy',
  usersNote: 'Osoby z co najmniej jednym aktywnym profilem w jednostce danego rodzaju (osoba aktywna w dwóch rodzajach liczy się w obu).',
} as const;
