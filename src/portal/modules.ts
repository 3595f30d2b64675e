import { MANAGEMENT_PATH, SUBMODULES, submodulesFor } from './management/submodules.ts';

/**
 * The modules a profile's roles open, shown as tiles on the home page ("Sprawozdania niefinansowe",
 * "Zarządzanie" …). Each later module (management, reporting) adds its tile here with the
 * permission that opens it; a tile appears only for profiles holding that permission, and only
 * modules that exist are listed — so there are no dead links.
 */
export interface ModuleTile {
  /** permission code from the dictionary, e.g. UZYTKOWNICY_ZARZADZAJ */
  permission: string;
  title: string;
  /** the module's sub-areas listed on the tile (e.g. "Do wypełnienia", "Do weryfikacji") */
  items: readonly string[];
  href: string;
  linkLabel: string;
  /** a number shown on the tile, computed for the profile by the home page (e.g. requests waiting for this verifier) */
  count?: 'waitingRequests' | 'reports';
  /** a reports tile: which area its counts are of */
  area?: 'niefinansowe';
}

/**
 * "Zarządzanie": one tile for any permission that opens one of its sub-modules; the home page lists
 * on it the sub-modules this profile opens (management/submodules.ts).
 */
const MANAGEMENT_TILE = {
  title: 'Zarządzanie',
  items: [],
  href: MANAGEMENT_PATH,
  linkLabel: 'Przejdź do modułu Zarządzanie',
  count: 'waitingRequests',
} as const;

/**
 * "Sprawozdania niefinansowe": for its fillers and verifiers and for whoever searches reports without
 * their content (Pracownik CeZ). The items are the manual's statuses; the home page shows the count of
 * each for the profile and links it to the filtered list. (Financial reports and psychiatric cards come
 * with part 2 of reporting.)
 */
const NON_FINANCIAL_TILE = {
  title: 'Sprawozdania niefinansowe',
  items: ['Do wypełnienia', 'Do weryfikacji', 'Do korekty', 'Zatwierdzone', 'Wszystkie'],
  href: '/sprawozdania/niefinansowe',
  linkLabel: 'Przejdź do sprawozdań niefinansowych',
  count: 'reports',
  area: 'niefinansowe',
} as const;

export const MODULE_TILES: readonly ModuleTile[] = [
  ...['SPR_NIEFIN_WYPELNIJ', 'SPR_NIEFIN_WERYFIKUJ', 'SPR_SZUKAJ_BEZ_TRESCI'].map((permission) => ({ permission, ...NON_FINANCIAL_TILE })),
  ...[...new Set(SUBMODULES.flatMap((s) => s.permissions))].map((permission) => ({
    permission,
    ...MANAGEMENT_TILE,
  })),
];

/** The tiles a profile may see, in the registry's order, each once. */
export function tilesFor(permissions: ReadonlySet<string>, tiles: readonly ModuleTile[] = MODULE_TILES): ModuleTile[] {
  const seen = new Set<string>();
  return tiles
    .filter((t) => permissions.has(t.permission) && !seen.has(t.href) && seen.add(t.href))
    .map((t) => (t.href === MANAGEMENT_PATH ? { ...t, items: submodulesFor(permissions).map((s) => s.title) } : t));
}
