// The units the manual names (spec/demo-data.md), as fixed data in the generated registry's shape.
// Identifiers are copied from the spec; the 16 Urzędy Wojewódzkie got NIP/REGON computed once with
// completeNip/completeRegon9 from fixed prefixes (tax-office code of the seat city + '0001' + voivodeship
// code; REGON: voivodeship code + '1000' + voivodeship code) and hard-coded, so nothing shifts at run time.
import type { GeneratedUnit } from './registry-generator.ts';

export type NamedKindCode = GeneratedUnit['kindCode'] | 'CeZ' | 'UW' | 'IPIN' | 'KCPU' | 'WSSE';
export type NamedUnit = Omit<GeneratedUnit, 'kindCode'> & { kindCode: NamedKindCode };

type Place = [teryt: string, voivodeshipCode: string, voivodeship: string, powiat: string, gmina: string];
type Address = [locality: string, postalCode: string, street: string, buildingNo: string];

function unit(
  key: string, kindCode: NamedKindCode, name: string, nip: string, regon: string, registryBookNo: string | null,
  [teryt, voivodeshipCode, voivodeship, powiat, gmina]: Place,
  [locality, postalCode, street, buildingNo]: Address,
  phone: string, email: string,
): NamedUnit {
  return {
    key, kindCode, name, nip, regon, registryBookNo, teryt, voivodeshipCode, voivodeship, powiat, gmina,
    locality, postalCode, street, buildingNo, phone, email, isAddictionCare: false,
  };
}

const WARSZAWA_SRODMIESCIE: Place = ['1465108', '14', 'mazowieckie', 'Warszawa', 'Śródmieście'];
const WARSZAWA_MOKOTOW: Place = ['1465058', '14', 'mazowieckie', 'Warszawa', 'Mokotów'];

const URZEDY_WOJEWODZKIE: NamedUnit[] = ([
  // [code, voivodeship, name, place, address, nip, regon, phone, e-mail subdomain]
  ['02', 'dolnośląskie', 'Dolnośląski Urząd Wojewódzki we Wrocławiu', ['0264059', 'Wrocław', 'Wrocław-Stare Miasto'], ['Wrocław', '50-153', 'pl. Powstańców Warszawy', '1'], '8960001008', '021000021', '+48 71 340 60 00', 'dolnoslaski'],
  ['04', 'kujawsko-pomorskie', 'Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy', ['0461011', 'Bydgoszcz', 'Bydgoszcz'], ['Bydgoszcz', '85-950', 'ul. Jagiellońska', '3'], '5540001000', '041000040', '+48 52 349 70 00', 'kujawsko-pomorski'],
  ['06', 'lubelskie', 'Lubelski Urząd Wojewódzki w Lublinie', ['0663011', 'Lublin', 'Lublin'], ['Lublin', '20-914', 'ul. Spokojna', '4'], '7120001000', '061000060', '+48 81 742 40 00', 'lubelski'],
  ['08', 'lubuskie', 'Lubuski Urząd Wojewódzki w Gorzowie Wielkopolskim', ['0861011', 'Gorzów Wielkopolski', 'Gorzów Wielkopolski'], ['Gorzów Wielkopolski', '66-400', 'ul. Jagiellończyka', '8'], '5990001000', '081000089', '+48 95 785 10 00', 'lubuski'],
  ['10', 'łódzkie', 'Łódzki Urząd Wojewódzki w Łodzi', ['1061059', 'Łódź', 'Łódź-Śródmieście'], ['Łódź', '90-926', 'ul. Piotrkowska', '104'], '7250001116', '101000105', '+48 42 664 10 00', 'lodzki'],
  ['12', 'małopolskie', 'Małopolski Urząd Wojewódzki w Krakowie', ['1261059', 'Kraków', 'Kraków-Śródmieście'], ['Kraków', '31-156', 'ul. Basztowa', '22'], '6760001103', '121000124', '+48 12 392 10 00', 'malopolski'],
  ['14', 'mazowieckie', 'Mazowiecki Urząd Wojewódzki w Warszawie', ['1465108', 'Warszawa', 'Śródmieście'], ['Warszawa', '00-950', 'pl. Bankowy', '3/5'], '5260001105', '141000143', '+48 22 695 60 00', 'mazowiecki'],
  ['16', 'opolskie', 'Opolski Urząd Wojewódzki w Opolu', ['1661011', 'Opole', 'Opole'], ['Opole', '45-082', 'ul. Piastowska', '14'], '7540001107', '161000162', '+48 77 452 41 00', 'opolski'],
  ['18', 'podkarpackie', 'Podkarpacki Urząd Wojewódzki w Rzeszowie', ['1863011', 'Rzeszów', 'Rzeszów'], ['Rzeszów', '35-959', 'ul. Grunwaldzka', '15'], '8130001108', '181000181', '+48 17 867 10 00', 'podkarpacki'],
  ['20', 'podlaskie', 'Podlaski Urząd Wojewódzki w Białymstoku', ['2061011', 'Białystok', 'Białystok'], ['Białystok', '15-213', 'ul. Mickiewicza', '3/4'], '5420001204', '201000208', '+48 85 743 90 00', 'podlaski'],
  ['22', 'pomorskie', 'Pomorski Urząd Wojewódzki w Gdańsku', ['2261011', 'Gdańsk', 'Gdańsk'], ['Gdańsk', '80-810', 'ul. Okopowa', '21/27'], '5830001209', '221000227', '+48 58 307 70 00', 'pomorski'],
  ['24', 'śląskie', 'Śląski Urząd Wojewódzki w Katowicach', ['2469011', 'Katowice', 'Katowice'], ['Katowice', '40-032', 'ul. Jagiellońska', '25'], '6340001208', '241000246', '+48 32 207 70 00', 'slaski'],
  ['26', 'świętokrzyskie', 'Świętokrzyski Urząd Wojewódzki w Kielcach', ['2661011', 'Kielce', 'Kielce'], ['Kielce', '25-516', 'al. IX Wieków Kielc', '3'], '6570001206', '261000265', '+48 41 342 10 00', 'swietokrzyski'],
  ['28', 'warmińsko-mazurskie', 'Warmińsko-Mazurski Urząd Wojewódzki w Olsztynie', ['2862011', 'Olsztyn', 'Olsztyn'], ['Olsztyn', '10-575', 'al. Marszałka Józefa Piłsudskiego', '7/9'], '7390001205', '281000284', '+48 89 523 20 00', 'warminsko-mazurski'],
  ['30', 'wielkopolskie', 'Wielkopolski Urząd Wojewódzki w Poznaniu', ['3064059', 'Poznań', 'Poznań-Stare Miasto'], ['Poznań', '61-713', 'al. Niepodległości', '16/18'], '7780001302', '301000300', '+48 61 854 10 00', 'wielkopolski'],
  ['32', 'zachodniopomorskie', 'Zachodniopomorski Urząd Wojewódzki w Szczecinie', ['3262011', 'Szczecin', 'Szczecin'], ['Szczecin', '70-502', 'Wały Chrobrego', '4'], '8510001304', '321000320', '+48 91 430 30 00', 'zachodniopomorski'],
] as const).map(([code, voivodeship, name, [teryt, powiat, gmina], address, nip, regon, phone, sub]) =>
  unit(`uw-${code}`, 'UW', name, nip, regon, null, [teryt, code, voivodeship, powiat, gmina], [...address], phone, `statystyka@${sub}.uw.example.pl`));

export const NAMED_UNITS: readonly NamedUnit[] = [
  unit('cez', 'CeZ', 'Centrum e-Zdrowia', '5251575309', '001377706', null, WARSZAWA_SRODMIESCIE,
    ['Warszawa', '00-184', 'ul. Stanisława Dubois', '5A'], '+48 22 597 09 00', 'statystyka@cez.gov.pl'),
  unit('k-dent', 'PODM', '-Prywatna Specjalistyczna Przychodnia Stomatologiczna K-Dent spółka z o.o.', '7812345678', '631234560', '000000012345',
    ['3064049', '30', 'wielkopolskie', 'Poznań', 'Poznań-Nowe Miasto'], ['Poznań', '61-381', 'ul. Jana Pawła II', '20'],
    '+48 61 870 12 34', 'rejestracja@k-dent.example.pl'),
  unit('ani-med', 'PODM', '„ANI-MED”', '9510001115', '145556660', '000000023456', WARSZAWA_MOKOTOW,
    ['Warszawa', '02-677', 'ul. Wołoska', '18'], '+48 22 843 55 66', 'rejestracja@ani-med.example.pl'),
  unit('pulsantis-max', 'PODM', 'PULSANTIS MAX', '7311002223', '360001118', '000000034567',
    ['1061059', '10', 'łódzkie', 'Łódź', 'Łódź-Śródmieście'], ['Łódź', '90-113', 'ul. Sienkiewicza', '40'],
    '+48 42 636 22 23', 'rejestracja@pulsantis-max.example.pl'),
  unit('starostwo-aleksandrow-kujawski', 'GM', 'Starostwo Powiatowe w Aleksandrowie Kujawskim', '8912345603', '931234562', null,
    ['0401011', '04', 'kujawsko-pomorskie', 'aleksandrowski', 'Aleksandrów Kujawski'], ['Aleksandrów Kujawski', '87-700', 'ul. Słowackiego', '12'],
    '+48 54 282 11 00', 'sekretariat@starostwo-aleksandrow-kujawski.example.pl'),
  // Kietczewice is not in TERC (villages are not gminas); the filia is placed in the rural area of gmina Prochowice.
  unit('goz-piotrowice', 'JEDN_ORG', 'Gminny Ośrodek Zdrowia w Piotrowicach filia w Kietczewicach', '6223456786', '271234564', null,
    ['0209075', '02', 'dolnośląskie', 'legnicki', 'Prochowice'], ['Kietczewice', '59-230', 'ul. Wiejska', '3'],
    '+48 76 858 40 12', 'goz@piotrowice.example.pl'),
  unit('wsse-gdansk', 'WSSE', 'Wojewódzka Stacja Sanitarno-Epidemiologiczna w Gdańsku', '5833004444', '190002224', null,
    ['2261011', '22', 'pomorskie', 'Gdańsk', 'Gdańsk'], ['Gdańsk', '80-204', 'ul. Dębowa', '4'],
    '+48 58 341 10 00', 'sekretariat@wsse-gdansk.example.pl'),
  unit('ipin', 'IPIN', 'Instytut Psychiatrii i Neurologii', '5250008057', '000288254', null, WARSZAWA_MOKOTOW,
    ['Warszawa', '02-957', 'ul. Sobieskiego', '9'], '+48 22 458 28 00', 'statystyka@ipin.example.pl'),
  unit('kcpu', 'KCPU', 'Krajowe Centrum Przeciwdziałania Uzależnieniom', '5252895878', '385069499', null,
    ['1465138', '14', 'mazowieckie', 'Warszawa', 'Ursynów'], ['Warszawa', '02-776', 'ul. Dereniowa', '52/54'],
    '+48 22 641 15 01', 'statystyka@kcpu.example.pl'),
  ...URZEDY_WOJEWODZKIE,
];

/** Identifiers the generated registry must not reuse, so every NIP/REGON/book number stays unique. */
export const RESERVED_IDENTIFIERS: {
  readonly nip: ReadonlySet<string>;
  readonly regon: ReadonlySet<string>;
  readonly registryBookNo: ReadonlySet<string>;
} = {
  nip: new Set(NAMED_UNITS.map((u) => u.nip)),
  regon: new Set(NAMED_UNITS.map((u) => u.regon)),
  registryBookNo: new Set(NAMED_UNITS.flatMap((u) => (u.registryBookNo ? [u.registryBookNo] : []))),
};
