import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.ts';
import { reports, units } from '../../src/db/schema/index.ts';
import type { ReportStatus } from '../../src/domain/reporting/lifecycle.ts';

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
    '/zarzadzanie/jednostki/nowa': {
      rodzaj: 'GM',
      nazwa: 'Gmina Trasowa',
      nip: '5252895878',
      regon: '385069499',
      teryt: '0401011',
      miejscowosc: 'Aleksandrów Kujawski',
      kod: '87-700',
      nr: '1',
      phone: '54 282 11 11',
      email: 'gmina@example.pl',
      token: '6f1c1a52-4f0e-4a58-9a43-5b0d8a0d6c12',
    },
    '/zarzadzanie/jednostki/:id/edycja': {
      nazwa: 'Zmieniona nazwa',
      rodzaj: 'PODM',
      teryt: '0401011',
      miejscowosc: 'Aleksandrów Kujawski',
      kod: '87-700',
      nr: '1',
      phone: '54 282 11 11',
      email: 'jednostka@example.pl',
      status: 'nieaktywna',
      wersja: '',
    },
    '/zarzadzanie/komunikaty/nowy': {
      klucz: '0b5d3f4e-8a41-4c7e-9a55-2f6f0c1d9e01',
      tytul: 'Komunikat',
      tresc: 'Treść',
      od: '2026-12-01',
      odbiorcy: 'wszyscy',
    },
    '/zarzadzanie/komunikaty/:id': { tytul: 'Komunikat', tresc: 'Treść', od: '2026-12-01', odbiorcy: 'wszyscy' },
    '/zarzadzanie/terminy/:form/:year': { jednostka: '15.04.2026', nadzor: '30.06.2026', cez: '31.07.2026', zrodlo: 'Rozporządzenie w sprawie PBSSP' },
    '/zarzadzanie/slowniki/rodzaje-jednostek/:code': { nazwa: 'Podmiot leczniczy', sprawozdajaca: 'tak' },
    '/zarzadzanie/slowniki/role/:code': { nazwa: 'Rola', opis: 'Opis roli' },
    '/zarzadzanie/slowniki/uprawnienia/:code': { nazwa: 'Uprawnienie', opis: 'Opis uprawnienia' },
    '/zarzadzanie/slowniki/uprawnienia-rol': { p: 'WYP_FIN:SPR_FIN_WYPELNIJ' },
    '/zarzadzanie/slowniki/role-ssoz1/:name': { rola: 'WYP_FIN', uwaga: '' },
    // reporting (issue 10): the ankieta, a section of MZ-11, sending, a verifier's return with a cell comment, a correction
    '/sprawozdania/ankieta': { AMB: 'T' },
    '/sprawozdania/:id/dzial/:section': { 'D1.01.1': '120', 'D1.01.2': '30', po: 'zostan' },
    '/sprawozdania/:id/wyslij': { 'explain-R15': 'Rozszerzenie umowy z NFZ o nową poradnię.' },
    '/sprawozdania/:id/weryfikacja': { decyzja: 'zwroc', uwaga: 'Proszę sprawdzić dział 1.', komorka1: 'D1.01.1', tresc1: 'Sprawdź wartość' },
    '/sprawozdania/:id/korekta': { powod: 'Błąd w liczbie porad po kontroli.' },
    '/sprawozdania/jednostka/:unitId/:year': { AMB: 'T', uzasadnienie: 'Jednostka potwierdziła udzielanie porad.' },
  };
}

/**
 * Demo reports (MZ-11) that Administrator CeZ (jan.kowalski) may act on with the bodies above: `fill`
 * is still being filled (Starostwo, current year, "W trakcie wypełniania"), `verify` waits at CeZ's
 * level (Gminny Ośrodek Zdrowia w Piotrowicach, "Do weryfikacji" at level 1), `reopen` is approved
 * (Starostwo, the year before) and has version 1.
 */
export interface DemoReportIds {
  fill: string;
  verify: string;
  reopen: string;
  /** `/sprawozdania/jednostka/<unit>/<year>` of the unit whose report `fill` is */
  unitYear: string;
}

export async function demoReportIds(db: DbOrTx): Promise<DemoReportIds> {
  const one = async (unitKey: string | null, status: ReportStatus, pendingLevel: number | null) => {
    const [r] = await db
      .select({ id: reports.id })
      .from(reports)
      .innerJoin(units, eq(units.id, reports.unitId))
      .where(
        and(
          unitKey ? eq(units.sourceKey, unitKey) : undefined,
          eq(reports.form, 'MZ-11'),
          eq(reports.status, status),
          pendingLevel === null ? sql`${reports.pendingLevel} is null` : eq(reports.pendingLevel, pendingLevel),
        ),
      )
      .orderBy(reports.year, units.sourceKey)
      .limit(1);
    if (!r) throw new Error(`no demo MZ-11 report of ${unitKey ?? 'any unit'} in ${status}`);
    return r.id;
  };
  const fill = await one('starostwo-aleksandrow-kujawski', 'w_trakcie', null);
  const [f] = await db.select({ unitId: reports.unitId, year: reports.year }).from(reports).where(eq(reports.id, fill));
  return {
    fill,
    // a report waiting at CeZ's level (Administrator CeZ acts there)
    verify: await one(null, 'do_weryfikacji', 1),
    reopen: await one('starostwo-aleksandrow-kujawski', 'zatwierdzone', null),
    unitYear: `/sprawozdania/jednostka/${f!.unitId}/${f!.year}`,
  };
}

/** A concrete path of a reporting route (`/sprawozdania/:id…`) on the demo reports above; other routes unchanged. */
export function fillReportRoute(url: string, ids: DemoReportIds): string {
  return url
    .replace(/^\/sprawozdania\/jednostka\/:unitId\/:year$/, ids.unitYear)
    .replace(/^\/sprawozdania\/:id\/dzial\/:section$/, `/sprawozdania/${ids.fill}/dzial/D1`)
    .replace(/^\/sprawozdania\/:id\/weryfikacja$/, `/sprawozdania/${ids.verify}/weryfikacja`)
    .replace(/^\/sprawozdania\/:id\/korekta$/, `/sprawozdania/${ids.reopen}/korekta`)
    .replace(/^\/sprawozdania\/:id\/wersje\/:version$/, `/sprawozdania/${ids.reopen}/wersje/1`)
    .replace(/^\/sprawozdania\/:id\/roznice$/, `/sprawozdania/${ids.reopen}/roznice`)
    .replace(/^\/sprawozdania\/:id(\/wyslij)?$/, `/sprawozdania/${ids.fill}$1`);
}
