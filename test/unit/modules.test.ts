import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tilesFor, type ModuleTile } from '../../src/portal/modules.ts';

const tiles: ModuleTile[] = [
  {
    permission: 'SPR_NIEFIN_WYPELNIJ',
    title: 'Sprawozdania niefinansowe',
    items: ['Do wypełnienia'],
    href: '/sprawozdania/niefinansowe',
    linkLabel: 'Przejdź do sprawozdań niefinansowych',
  },
  {
    permission: 'SPR_NIEFIN_WERYFIKUJ',
    title: 'Sprawozdania niefinansowe',
    items: ['Do weryfikacji'],
    href: '/sprawozdania/niefinansowe',
    linkLabel: 'Przejdź do sprawozdań niefinansowych',
  },
  { permission: 'SLOWNIKI_ZARZADZAJ', title: 'Zarządzanie', items: ['Słowniki'], href: '/zarzadzanie', linkLabel: 'Przejdź do zarządzania' },
];

describe('module tiles by permission', () => {
  it('shows only the modules the profile may open, each once', () => {
    assert.deepEqual(
      tilesFor(new Set(['SPR_NIEFIN_WYPELNIJ', 'SPR_NIEFIN_WERYFIKUJ']), tiles).map((t) => t.href),
      ['/sprawozdania/niefinansowe'],
    );
    assert.deepEqual(
      tilesFor(new Set(['SLOWNIKI_ZARZADZAJ']), tiles).map((t) => t.title),
      ['Zarządzanie'],
    );
    assert.deepEqual(tilesFor(new Set(), tiles), []);
  });

  it('"Zarządzanie" opens for managing or only browsing users, once, listing only sub-modules that exist', () => {
    for (const perms of [['UZYTKOWNICY_ZARZADZAJ'], ['UZYTKOWNICY_PRZEGLADAJ'], ['UZYTKOWNICY_ZARZADZAJ', 'UZYTKOWNICY_PRZEGLADAJ']]) {
      const shown = tilesFor(new Set(perms));
      assert.deepEqual(
        shown.map((t) => [t.title, t.href, t.items]),
        [['Zarządzanie', '/zarzadzanie', ['Wnioski o role', 'Użytkownicy']]],
      );
    }
    // the manual's home page: "Zarządzanie – Słowniki" for a profile that manages the dictionaries
    assert.deepEqual(tilesFor(new Set(['SLOWNIKI_ZARZADZAJ']))[0]?.items, ['Słowniki']);
    assert.deepEqual(tilesFor(new Set(['KOMUNIKATY_ZARZADZAJ', 'SLOWNIKI_ZARZADZAJ']))[0]?.items, ['Słowniki', 'Komunikaty']);
    assert.deepEqual(tilesFor(new Set(['TERMINY_ZARZADZAJ']))[0]?.items, ['Terminy sprawozdań']);
    // a permission that opens no sub-module that exists shows no tile
    assert.deepEqual(tilesFor(new Set(['NIEZNANE_UPRAWNIENIE'])), []);
    // financial reports have no module yet (part 2): their permission shows no tile
    assert.deepEqual(tilesFor(new Set(['SPR_FIN_WYPELNIJ', 'SPR_FIN_WERYFIKUJ'])), []);
  });

  it('"Sprawozdania niefinansowe" opens for its fillers, its verifiers and Pracownik CeZ, once, with the manual\'s statuses', () => {
    for (const perms of [
      ['SPR_NIEFIN_WYPELNIJ'],
      ['SPR_NIEFIN_WERYFIKUJ'],
      ['SPR_SZUKAJ_BEZ_TRESCI'],
      ['SPR_NIEFIN_WYPELNIJ', 'SPR_NIEFIN_WERYFIKUJ', 'SPR_FIN_WYPELNIJ'],
    ]) {
      assert.deepEqual(
        tilesFor(new Set(perms)).map((t) => [t.title, t.href, t.items, t.count]),
        [
          [
            'Sprawozdania niefinansowe',
            '/sprawozdania/niefinansowe',
            ['Do wypełnienia', 'Do weryfikacji', 'Do korekty', 'Zatwierdzone', 'Wszystkie'],
            'reports',
          ],
        ],
      );
    }
  });
});
