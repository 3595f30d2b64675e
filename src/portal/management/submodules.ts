/**
 * The sub-modules of "Zarządzanie" and the permissions that open each. A sub-module is listed (on
 * the home tile, on the /zarzadzanie page, in the policy) only for a profile holding one of its
 * permissions, and only once its routes exist — so there are no dead links. Each sub-module adds
 * itself here when it lands; its routes register in management/routes.ts.
 */
export const MANAGE_USERS = 'UZYTKOWNICY_ZARZADZAJ';
export const BROWSE_USERS = 'UZYTKOWNICY_PRZEGLADAJ';
export const MANAGE_UNITS = 'JEDNOSTKI_ZARZADZAJ';
export const BROWSE_UNITS = 'JEDNOSTKI_PRZEGLADAJ';
export const BROWSE_AUDIT = 'AUDYT_PRZEGLADAJ';
export const CREATE_REPORTS = 'RAPORTY_TWORZ';
export const MANAGE_DICTIONARIES = 'SLOWNIKI_ZARZADZAJ';
export const MANAGE_ANNOUNCEMENTS = 'KOMUNIKATY_ZARZADZAJ';
export const MANAGE_DEADLINES = 'TERMINY_ZARZADZAJ';

export type SubmoduleKey = 'requests' | 'users' | 'units' | 'dictionaries' | 'announcements' | 'deadlines' | 'audit' | 'reports';

export interface Submodule {
  key: SubmoduleKey;
  title: string;
  href: string;
  /** one sentence for the /zarzadzanie page */
  description: string;
  /** any one of these opens it */
  permissions: readonly string[];
}

export const SUBMODULES: readonly Submodule[] = [
  {
    key: 'requests',
    title: 'Wnioski o role',
    href: '/zarzadzanie/wnioski',
    description:
      'Wnioski o role skierowane do weryfikacji przez Twoją jednostkę: przeglądanie, a z uprawnieniem do zarządzania użytkownikami także zatwierdzanie i odrzucanie.',
    permissions: [MANAGE_USERS, BROWSE_USERS],
  },
  {
    key: 'users',
    title: 'Użytkownicy',
    href: '/zarzadzanie/uzytkownicy',
    description: 'Wyszukiwanie użytkowników, ich profile, role i wnioski; blokowanie i odblokowanie profili, odbieranie ról.',
    permissions: [MANAGE_USERS, BROWSE_USERS],
  },
  {
    key: 'units',
    title: 'Jednostki',
    href: '/zarzadzanie/jednostki',
    description: 'Wyszukiwanie jednostek, ich dane, jednostki nadzorujące i status; dodawanie nowych jednostek do rejestru.',
    permissions: [MANAGE_UNITS, BROWSE_UNITS],
  },
  {
    key: 'audit',
    title: 'Dziennik zdarzeń',
    href: '/zarzadzanie/dziennik',
    description: 'Kto, kiedy i jaką operację wykonał w portalu i przy logowaniu: filtrowanie i eksport do pliku CSV.',
    permissions: [BROWSE_AUDIT],
  },
  {
    key: 'reports',
    title: 'Raporty',
    href: '/zarzadzanie/raporty',
    description: 'Zestawienia wniosków o role i użytkowników: tabele, wykresy i pliki CSV.',
    permissions: [CREATE_REPORTS],
  },
  {
    key: 'dictionaries',
    title: 'Słowniki',
    href: '/zarzadzanie/slowniki',
    description: 'Rodzaje jednostek, role i ich opisy, uprawnienia, przypisanie uprawnień do ról oraz mapowanie ról z SSOZ I.',
    permissions: [MANAGE_DICTIONARIES],
  },
  {
    key: 'announcements',
    title: 'Komunikaty',
    href: '/zarzadzanie/komunikaty',
    description: 'Publikowanie, edycja i wycofywanie komunikatów wyświetlanych użytkownikom na stronie głównej.',
    permissions: [MANAGE_ANNOUNCEMENTS],
  },
  {
    key: 'deadlines',
    title: 'Terminy sprawozdań',
    href: '/zarzadzanie/terminy',
    description:
      'Harmonogram terminów sprawozdań dla każdego formularza i roku sprawozdawczego: przekazanie przez jednostkę, zatwierdzenie przez jednostkę nadzorującą i przez Centrum e-Zdrowia.',
    permissions: [MANAGE_DEADLINES],
  },
];

export const MANAGEMENT_PATH = '/zarzadzanie';

/** The sub-modules a profile's permissions open, in the registry's order. */
export function submodulesFor(permissions: ReadonlySet<string>, all: readonly Submodule[] = SUBMODULES): Submodule[] {
  return all.filter((s) => s.permissions.some((p) => permissions.has(p)));
}

export function opensSubmodule(permissions: ReadonlySet<string>, key: SubmoduleKey): boolean {
  return SUBMODULES.some((s) => s.key === key && s.permissions.some((p) => permissions.has(p)));
}
