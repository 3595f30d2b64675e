// Reference dictionaries (Słowniki): unit kinds, permissions, roles and their mapping.
// Pure data, loaded into the database in every mode; code decides by these fields, never by
// branching on a kind or role code, so a new kind or role is a data change.

export interface UnitKindDef {
  code: string;
  name: string;
  isCentral: boolean;
  isSupervising: boolean;
  isReporting: boolean;
}

export interface PermissionDef {
  code: string;
  name: string;
  description: string;
}

export type UnitClass = 'central' | 'supervising' | 'reporting';
export type ReportArea = 'niefinansowe' | 'finansowe' | 'karty_psychiatryczne';

export interface RoleDef {
  code: string;
  /** Exactly as in the manual ("Charakterystyka ról"). */
  name: string;
  /** Exactly as in the manual ("Opis roli"). */
  description: string;
  /** The unit class in which the role can be requested. */
  unitClass: UnitClass;
  /** Unit kind the role is limited to (Administrator IPIN/UW/KCPU), or null. */
  onlyUnitKind: string | null;
  /** Report area of a filling/supervising role; null for administrator and central roles. */
  reportArea: ReportArea | null;
  /** Administrator of its unit: verifies the requests routed there. */
  isAdmin: boolean;
  sortOrder: number;
}

export const UNIT_KINDS: readonly UnitKindDef[] = [
  { code: 'CeZ', name: 'Centrum e-Zdrowia', isCentral: true, isSupervising: false, isReporting: false },
  { code: 'UW', name: 'Urząd Wojewódzki', isCentral: false, isSupervising: true, isReporting: false },
  { code: 'IPIN', name: 'Instytut Psychiatrii i Neurologii', isCentral: false, isSupervising: true, isReporting: false },
  { code: 'KCPU', name: 'Krajowe Centrum Przeciwdziałania Uzależnieniom', isCentral: false, isSupervising: true, isReporting: false },
  { code: 'WSSE', name: 'Wojewódzka Stacja Sanitarno-Epidemiologiczna', isCentral: false, isSupervising: true, isReporting: true },
  { code: 'PSSE', name: 'Powiatowa Stacja Sanitarno-Epidemiologiczna', isCentral: false, isSupervising: false, isReporting: true },
  { code: 'PODM', name: 'Podmiot leczniczy', isCentral: false, isSupervising: false, isReporting: true },
  { code: 'PRAKT', name: 'Praktyka zawodowa', isCentral: false, isSupervising: false, isReporting: true },
  { code: 'GM', name: 'Gmina / starostwo / jednostka samorządu', isCentral: false, isSupervising: false, isReporting: true },
  { code: 'JEDN_ORG', name: 'Jednostka organizacyjna', isCentral: false, isSupervising: false, isReporting: true },
];

export const PERMISSIONS: readonly PermissionDef[] = [
  {
    code: 'SPR_NIEFIN_WYPELNIJ',
    name: 'Wypełnianie sprawozdań niefinansowych',
    description: 'Wypełnianie i wysyłanie sprawozdań o pracujących i z działalności podmiotu/zakładu leczniczego (sprawozdań niefinansowych).',
  },
  {
    code: 'SPR_NIEFIN_WERYFIKUJ',
    name: 'Weryfikacja sprawozdań niefinansowych',
    description: 'Weryfikacja i akceptacja sprawozdań niefinansowych jednostek nadzorowanych oraz ich wypełnianie w imieniu sprawozdawcy.',
  },
  {
    code: 'SPR_FIN_WYPELNIJ',
    name: 'Wypełnianie sprawozdań finansowych',
    description: 'Wypełnianie i wysyłanie sprawozdań finansowych.',
  },
  {
    code: 'SPR_FIN_WERYFIKUJ',
    name: 'Weryfikacja sprawozdań finansowych',
    description: 'Weryfikacja i akceptacja sprawozdań finansowych jednostek nadzorowanych oraz ich wypełnianie w imieniu sprawozdawcy.',
  },
  {
    code: 'KARTY_PSY_WYPELNIJ',
    name: 'Wypełnianie kart psychiatrycznych',
    description: 'Wypełnianie i wysyłanie kart psychiatrycznych (sprawozdań MZ/Szp-11B).',
  },
  {
    code: 'KARTY_PSY_WERYFIKUJ',
    name: 'Weryfikacja kart psychiatrycznych',
    description: 'Weryfikacja i akceptacja kart psychiatrycznych (sprawozdań MZ/Szp-11B) oraz ich wypełnianie w imieniu sprawozdawcy.',
  },
  {
    code: 'SPR_SZUKAJ_BEZ_TRESCI',
    name: 'Wyszukiwanie sprawozdań bez podglądu treści',
    description: 'Wyszukiwanie sprawozdań wszystkich rodzajów i przeglądanie ich metryk (jednostka, okres, status) bez możliwości podglądu treści.',
  },
  {
    code: 'UZYTKOWNICY_ZARZADZAJ',
    name: 'Zarządzanie użytkownikami',
    description: 'Weryfikacja wniosków o role, zatwierdzanie i odrzucanie wniosków, blokowanie i odblokowywanie profili użytkowników.',
  },
  {
    code: 'UZYTKOWNICY_PRZEGLADAJ',
    name: 'Przeglądanie użytkowników',
    description: 'Wyszukiwanie użytkowników, ich profili i wniosków bez możliwości edycji ich danych.',
  },
  {
    code: 'JEDNOSTKI_ZARZADZAJ',
    name: 'Zarządzanie jednostkami',
    description: 'Dodawanie jednostek, edycja ich danych oraz zmiana ich statusu (aktywna / nieaktywna).',
  },
  {
    code: 'JEDNOSTKI_PRZEGLADAJ',
    name: 'Przeglądanie jednostek',
    description: 'Wyszukiwanie jednostek i przeglądanie ich danych bez możliwości edycji.',
  },
  {
    code: 'RAPORTY_TWORZ',
    name: 'Tworzenie raportów',
    description: 'Tworzenie i pobieranie raportów zbiorczych z danych systemu.',
  },
  {
    code: 'SLOWNIKI_ZARZADZAJ',
    name: 'Zarządzanie słownikami',
    description: 'Edycja słowników systemu: rodzajów jednostek, ról, uprawnień i ich powiązań.',
  },
  {
    code: 'KOMUNIKATY_ZARZADZAJ',
    name: 'Zarządzanie komunikatami',
    description: 'Publikowanie, edycja i wycofywanie komunikatów wyświetlanych użytkownikom systemu.',
  },
  {
    code: 'TERMINY_ZARZADZAJ',
    name: 'Zarządzanie terminami sprawozdań',
    description:
      'Edycja harmonogramu terminów sprawozdań: terminów przekazania, zatwierdzenia przez jednostkę nadzorującą i przez Centrum e-Zdrowia dla każdego formularza i roku sprawozdawczego.',
  },
  {
    code: 'AUDYT_PRZEGLADAJ',
    name: 'Przeglądanie dziennika zdarzeń',
    description: 'Przeglądanie dziennika zdarzeń (audytu): kto, kiedy i jaką operację wykonał w systemie.',
  },
];

export const ROLES: readonly RoleDef[] = [
  {
    code: 'ADMIN_CEZ',
    name: 'Administrator CeZ',
    description: 'Administrator w Centrum e-Zdrowia, mający uprawnienia do wszystkich funkcjonalności systemu',
    unitClass: 'central',
    onlyUnitKind: null,
    reportArea: null,
    isAdmin: true,
    sortOrder: 10,
  },
  {
    code: 'PRACOWNIK_CEZ',
    name: 'Pracownik CeZ',
    description:
      'Pracownik w Centrum e-Zdrowia, mający uprawnienia do: wyszukiwania sprawozdań wszystkich rodzajów bez możliwości podglądu ich treści, wyszukania jednostek i użytkowników bez możliwości edycji ich danych, tworzenia raportów',
    unitClass: 'central',
    onlyUnitKind: null,
    reportArea: null,
    isAdmin: false,
    sortOrder: 20,
  },
  {
    code: 'ADMIN_IPIN',
    name: 'Administrator IPIN',
    description:
      'Administrator w Instytucie Psychiatrii i Neurologii, mający uprawnienia do: wypełniania kart psychiatrycznych (sprawozdań MZ/Szp-11B) i sprawozdań niefinansowych, zarządzania użytkownikami, tworzenia raportów',
    unitClass: 'supervising',
    onlyUnitKind: 'IPIN',
    reportArea: null,
    isAdmin: true,
    sortOrder: 30,
  },
  {
    code: 'ADMIN_UW',
    name: 'Administrator UW',
    description:
      'Administrator w Urzędzie Wojewódzkim, mający uprawnienia do: wypełniania sprawozdań o pracujących i z działalności podmiotu/zakładu leczniczego (sprawozdań finansowych i niefinansowych), zarządzania użytkownikami oraz jednostkami, tworzenia raportów',
    unitClass: 'supervising',
    onlyUnitKind: 'UW',
    reportArea: null,
    isAdmin: true,
    sortOrder: 40,
  },
  {
    code: 'ADMIN_KCPU',
    name: 'Administrator KCPU',
    description:
      'Administrator w Krajowym Centrum Przeciwdziałania Uzależnieniom, mający uprawnienia do: wypełniania sprawozdań niefinansowych, zarządzania użytkownikami, tworzenia raportów',
    unitClass: 'supervising',
    onlyUnitKind: 'KCPU',
    reportArea: null,
    isAdmin: true,
    sortOrder: 50,
  },
  {
    code: 'NADZ_NIEFIN',
    name: 'Nadzorujący sprawozdania niefinansowe',
    description:
      'Użytkownik z jednostki nadzorującej, mający uprawnienia do: weryfikacji/akceptacji/wypełniania w imieniu sprawozdawcy sprawozdań o pracujących i z działalności podmiotu/zakładu leczniczego (sprawozdań niefinansowych)',
    unitClass: 'supervising',
    onlyUnitKind: null,
    reportArea: 'niefinansowe',
    isAdmin: false,
    sortOrder: 60,
  },
  {
    code: 'NADZ_FIN',
    name: 'Nadzorujący sprawozdania finansowe',
    description: 'Użytkownik z jednostki nadzorującej, mający uprawnienia do: weryfikacji/akceptacji/wypełniania w imieniu sprawozdawcy sprawozdań finansowych',
    unitClass: 'supervising',
    onlyUnitKind: null,
    reportArea: 'finansowe',
    isAdmin: false,
    sortOrder: 70,
  },
  {
    code: 'NADZ_KARTY_PSY',
    name: 'Nadzorujący karty psychiatryczne',
    description:
      'Użytkownik z jednostki nadzorującej, mający uprawnienia do: weryfikacji/akceptacji/wypełniania w imieniu sprawozdawcy kart psychiatrycznych (sprawozdań MZ/Szp-11B)',
    unitClass: 'supervising',
    onlyUnitKind: null,
    reportArea: 'karty_psychiatryczne',
    isAdmin: false,
    sortOrder: 80,
  },
  {
    code: 'WYP_NIEFIN',
    name: 'Wypełniający sprawozdania niefinansowe',
    description:
      'Użytkownik mający uprawnienia do: wypełniania sprawozdań o pracujących i z działalności podmiotu/zakładu leczniczego (sprawozdań niefinansowych) w imieniu swojej jednostki',
    unitClass: 'reporting',
    onlyUnitKind: null,
    reportArea: 'niefinansowe',
    isAdmin: false,
    sortOrder: 90,
  },
  {
    code: 'WYP_FIN',
    name: 'Wypełniający sprawozdania finansowe',
    description: 'Użytkownik mający uprawnienia do: wypełniania sprawozdań finansowych w imieniu swojej jednostki',
    unitClass: 'reporting',
    onlyUnitKind: null,
    reportArea: 'finansowe',
    isAdmin: false,
    sortOrder: 100,
  },
  {
    code: 'WYP_KARTY_PSY',
    name: 'Wypełniający karty psychiatryczne',
    description: 'Użytkownik mający uprawnienia do: wypełniania kart psychiatrycznych (sprawozdań MZ/Szp-11B) w imieniu swojej jednostki',
    unitClass: 'reporting',
    onlyUnitKind: null,
    reportArea: 'karty_psychiatryczne',
    isAdmin: false,
    sortOrder: 110,
  },
];

// Mapping follows the role descriptions. Where a role may manage users or units, it also gets
// the matching "przeglądaj" permission: managing a list requires seeing it.
export const ROLE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  // "uprawnienia do wszystkich funkcjonalności systemu"
  ADMIN_CEZ: PERMISSIONS.map((p) => p.code),
  PRACOWNIK_CEZ: ['SPR_SZUKAJ_BEZ_TRESCI', 'JEDNOSTKI_PRZEGLADAJ', 'UZYTKOWNICY_PRZEGLADAJ', 'RAPORTY_TWORZ'],
  ADMIN_IPIN: ['KARTY_PSY_WYPELNIJ', 'SPR_NIEFIN_WYPELNIJ', 'UZYTKOWNICY_ZARZADZAJ', 'UZYTKOWNICY_PRZEGLADAJ', 'RAPORTY_TWORZ'],
  ADMIN_UW: [
    'SPR_NIEFIN_WYPELNIJ',
    'SPR_FIN_WYPELNIJ',
    'UZYTKOWNICY_ZARZADZAJ',
    'UZYTKOWNICY_PRZEGLADAJ',
    'JEDNOSTKI_ZARZADZAJ',
    'JEDNOSTKI_PRZEGLADAJ',
    'RAPORTY_TWORZ',
  ],
  ADMIN_KCPU: ['SPR_NIEFIN_WYPELNIJ', 'UZYTKOWNICY_ZARZADZAJ', 'UZYTKOWNICY_PRZEGLADAJ', 'RAPORTY_TWORZ'],
  // "weryfikacji/akceptacji/wypełniania w imieniu sprawozdawcy"
  NADZ_NIEFIN: ['SPR_NIEFIN_WERYFIKUJ', 'SPR_NIEFIN_WYPELNIJ'],
  NADZ_FIN: ['SPR_FIN_WERYFIKUJ', 'SPR_FIN_WYPELNIJ'],
  NADZ_KARTY_PSY: ['KARTY_PSY_WERYFIKUJ', 'KARTY_PSY_WYPELNIJ'],
  WYP_NIEFIN: ['SPR_NIEFIN_WYPELNIJ'],
  WYP_FIN: ['SPR_FIN_WYPELNIJ'],
  WYP_KARTY_PSY: ['KARTY_PSY_WYPELNIJ'],
};

export interface LegacyRoleMapping {
  /** Role name as stored in SSOZ I. */
  legacyName: string;
  /** SSOZ II role code, or null when the role is not carried over. */
  roleCode: string | null;
  /** Why the role is not carried over (shown in the transfer summary); null when it is. */
  note: string | null;
}

export const LEGACY_ROLE_MAPPINGS: readonly LegacyRoleMapping[] = [
  { legacyName: 'Autor sprawozdań finansowych jednostki sprawozdawczej', roleCode: 'WYP_FIN', note: null },
  { legacyName: 'Autor sprawozdań standardowych jednostki sprawozdawczej', roleCode: 'WYP_NIEFIN', note: null },
  { legacyName: 'Autor kart psychiatrycznych jednostki sprawozdawczej', roleCode: 'WYP_KARTY_PSY', note: null },
  {
    legacyName: 'Administrator jednostki sprawozdawczej',
    roleCode: null,
    note: 'Nie przeniesiono: w SSOZ II jednostka sprawozdająca nie ma administratora — użytkowników zatwierdza jednostka nadzorująca.',
  },
  {
    legacyName: 'Obserwator sprawozdań standardowych jednostki sprawozdawczej',
    roleCode: null,
    note: 'Nie przeniesiono: w SSOZ II nie ma roli tylko do podglądu sprawozdań niefinansowych.',
  },
  {
    legacyName: 'Obserwator sprawozdań finansowych jednostki sprawozdawczej',
    roleCode: null,
    note: 'Nie przeniesiono: w SSOZ II nie ma roli tylko do podglądu sprawozdań finansowych.',
  },
];
