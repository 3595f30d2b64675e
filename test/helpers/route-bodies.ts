/**
 * Bodies the real form of each state-changing route sends (by route pattern), for tests over the
 * route table: a route that lost a check would act on them. A route missing here gets an empty form.
 */
export function formBodies(ids: { unitId: string; profileId: string }): Record<string, Record<string, string>> {
  return {
    '/kontakt': { name: 'Jan Kowalski', email: 'jan@example.pl', topic: 'inne', message: 'Dzień dobry', formId: '6f1c1a52-4f0e-4a58-9a43-5b0d8a0d6c11' },
    '/ueoz/logowanie/:uid/pz': { login: 'ewa.kaminska', password: 'Demo-2026!' },
    '/ueoz/logowanie/:uid/kod': { code: '123456' },
    '/ueoz/logowanie/:uid/pz/zaloz': {
      firstName: 'Jan',
      lastName: 'Nowy',
      pesel: '85031401244',
      phone: '600100300',
      login: 'jan.nowy',
      password: 'Demo-2026!Demo',
      terms: 'tak',
    },
    '/ueoz/logowanie/:uid/konto': { username: 'nowy.login', email: 'nowy@example.pl' },
    '/profil/przeniesienie': { login: 'goz.piotrowice', password: 'Ssoz1-Demo!' },
    '/profil/przeniesienie/podsumowanie': { phone: '+48 600 100 203', email: 'maria.wisniewska@example.pl' },
    '/profil/wniosek/jednostka': { unitId: ids.unitId },
    '/profil/wniosek/role': { roles: 'WYP_NIEFIN', phone: '600 100 203', email: 'maria.wisniewska@example.pl' },
    '/profil/wniosek/podsumowanie': { akcja: 'zapisz', statement: 'tak' },
    '/profil/:profileId/wniosek/role': { roles: 'WYP_KARTY_PSY', phone: '600 100 203', email: 'maria.wisniewska@example.pl' },
    '/profil/:profileId/wniosek/podsumowanie': { akcja: 'zapisz', statement: 'tak' },
    '/wnioski/:id/zakoncz': { delivery: 'later' },
    '/profil/pracuj': { profileId: ids.profileId },
    '/profil/:id/dane-kontaktowe': { phone: '600 999 999', email: 'inny@example.pl' },
    '/wnioski/:id/zalaczniki/:fileId/usun': { powrot: 'zalaczniki' },
    '/przypomnienie': { next: '/moje-konto' },
    '/zarzadzanie/wnioski/:id/zatwierdz': { potwierdzenie: 'tak' },
    '/zarzadzanie/wnioski/:id/odrzuc': { powod: 'Brak podpisu kierownika jednostki' },
    '/zarzadzanie/komunikaty/nowy': {
      klucz: '0b5d3f4e-8a41-4c7e-9a55-2f6f0c1d9e01',
      tytul: 'Komunikat',
      tresc: 'Treść',
      od: '2026-12-01',
      odbiorcy: 'wszyscy',
    },
    '/zarzadzanie/komunikaty/:id': { tytul: 'Komunikat', tresc: 'Treść', od: '2026-12-01', odbiorcy: 'wszyscy' },
    '/zarzadzanie/slowniki/rodzaje-jednostek/:code': { nazwa: 'Podmiot leczniczy', sprawozdajaca: 'tak' },
    '/zarzadzanie/slowniki/role/:code': { nazwa: 'Rola', opis: 'Opis roli' },
    '/zarzadzanie/slowniki/uprawnienia/:code': { nazwa: 'Uprawnienie', opis: 'Opis uprawnienia' },
    '/zarzadzanie/slowniki/uprawnienia-rol': { p: 'WYP_FIN:SPR_FIN_WYPELNIJ' },
    '/zarzadzanie/slowniki/role-ssoz1/:name': { rola: 'WYP_FIN', uwaga: '' },
  };
}
