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
  count?: 'waitingRequests';
}

/** "Zarządzanie" for verifiers (managing) and for those who only look (Pracownik CeZ): one tile, listed once. */
const MANAGEMENT_TILE = {
  title: 'Zarządzanie',
  // only the sub-modules that exist now: each later one (Użytkownicy, Jednostki …) adds itself here
  items: ['Wnioski o role'],
  href: '/zarzadzanie/wnioski',
  linkLabel: 'Przejdź do wniosków o role',
  count: 'waitingRequests',
} as const;

export const MODULE_TILES: readonly ModuleTile[] = [
  { permission: 'UZYTKOWNICY_ZARZADZAJ', ...MANAGEMENT_TILE },
  { permission: 'UZYTKOWNICY_PRZEGLADAJ', ...MANAGEMENT_TILE },
];

/** The tiles a profile may see, in the registry's order, each once. */
export function tilesFor(permissions: ReadonlySet<string>, tiles: readonly ModuleTile[] = MODULE_TILES): ModuleTile[] {
  const seen = new Set<string>();
  return tiles.filter((t) => permissions.has(t.permission) && !seen.has(t.href) && seen.add(t.href));
}
