import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { isValidNip, isValidRegon9 } from '../../src/domain/identifiers.ts';
import { describeGmina, findGmina, findPowiat, loadTeryt, parseTerc } from '../../src/lib/teryt.ts';
import { DEFAULT_COUNT, generateRegistry, inPlace, locativePl, type GeneratedUnit } from '../../src/demo/registry-generator.ts';
import { NAMED_UNITS, RESERVED_IDENTIFIERS, type NamedUnit } from '../../src/demo/named-units.ts';

// First digit(s) of postal codes used in each voivodeship (Poczta Polska districts).
const POSTAL_FIRST_DIGITS: Record<string, string> = {
  '02': '5',
  '04': '8',
  '06': '2',
  '08': '6',
  '10': '9',
  '12': '3',
  '14': '0 2',
  '16': '4',
  '18': '3',
  '20': '1',
  '22': '7 8',
  '24': '4',
  '26': '2',
  '28': '1',
  '30': '6',
  '32': '7',
};

/** Everything a unit record must satisfy, named or generated; returns the list of problems. */
function problems(u: GeneratedUnit | NamedUnit, emailOk: (e: string) => boolean): string[] {
  const out: string[] = [];
  const bad = (what: string): void => {
    out.push(`${u.key}: ${what}`);
  };
  if (!isValidNip(u.nip) || !/^\d{10}$/.test(u.nip)) bad(`NIP ${u.nip}`);
  if (!isValidRegon9(u.regon)) bad(`REGON ${u.regon}`);
  const place = describeGmina(u.teryt);
  if (!place) bad(`teryt ${u.teryt} not in TERC`);
  else {
    if (place.voivodeship.code !== u.voivodeshipCode || place.voivodeship.name !== u.voivodeship) bad(`voivodeship ${u.voivodeshipCode} ${u.voivodeship}`);
    if (place.powiat.name !== u.powiat) bad(`powiat ${u.powiat} ≠ ${place.powiat.name}`);
    if (place.gmina.name !== u.gmina) bad(`gmina ${u.gmina} ≠ ${place.gmina.name}`);
    if (place.gmina.kind === '3') bad('address points at an urban-rural gmina as a whole, not its town or rural area');
  }
  if (!/^\d{2}-\d{3}$/.test(u.postalCode) || !(POSTAL_FIRST_DIGITS[u.voivodeshipCode] ?? '').includes(u.postalCode.charAt(0)))
    bad(`postal code ${u.postalCode}`);
  if (!/^\+48 \d{2} \d{3} \d{2} \d{2}$/.test(u.phone)) bad(`phone ${u.phone}`);
  if (!emailOk(u.email)) bad(`e-mail ${u.email}`);
  if (!u.name.trim() || !u.locality.trim() || !u.street.trim() || !/^\d+[A-Z]?(\/\d+)?$/.test(u.buildingNo)) bad('empty name or address part');
  const needsBook = u.kindCode === 'PODM' || u.kindCode === 'PRAKT';
  if (needsBook ? !/^\d{12}$/.test(u.registryBookNo ?? '') : u.registryBookNo !== null) bad(`registry book no. ${u.registryBookNo}`);
  if (u.isAddictionCare && u.kindCode !== 'PODM') bad('addiction care outside PODM');
  return out;
}

const exampleEmail = (e: string): boolean => /^[a-z0-9.-]+@([a-z0-9-]+\.)+example\.pl$/.test(e);

describe('TERC parser', () => {
  it('loads the reference file: 16 voivodeships, 380 powiats (66 cities), 2,477 gminas', () => {
    const t = loadTeryt();
    assert.equal(t.asOf, '2024-01-01');
    assert.equal(t.voivodeships.length, 16);
    assert.ok(t.voivodeships.every((v) => v.name === v.name.toLocaleLowerCase('pl')));
    assert.ok(t.voivodeships.some((v) => v.code === '14' && v.name === 'mazowieckie'));
    assert.equal(t.powiats.length, 380);
    assert.equal(t.powiats.filter((p) => p.isCity).length, 66);
    assert.equal(t.gminas.filter((g) => ['1', '2', '3'].includes(g.kind)).length, 2477);
    assert.ok(t.gminas.every((g) => /^\d{6}[1234589]$/.test(g.teryt) && g.teryt.startsWith(g.powiatCode)));
    assert.equal(loadTeryt(), t, 'parsed once and cached');
  });

  it('finds gminas and powiats', () => {
    assert.equal(findGmina('3064049')?.name, 'Poznań-Nowe Miasto');
    assert.equal(findGmina('3064049')?.kindName, 'delegatura');
    assert.equal(findPowiat('0401')?.name, 'aleksandrowski');
    assert.equal(findPowiat('1465')?.isCity, true);
    assert.equal(findGmina('9999999'), undefined);
  });

  it('accepts a BOM, CRLF and quoted fields; rejects malformed rows', () => {
    const csv =
      '\uFEFFWOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\r\n"04";;;;"KUJAWSKO-POMORSKIE";"województwo";"2024-01-01"\r\n' +
      '04;01;;;aleksandrowski;powiat;2024-01-01\r\n04;01;01;1;"Aleksandrów ""Kujawski""";gmina miejska;2024-01-01\r\n';
    const t = parseTerc(csv);
    assert.deepEqual(t.voivodeships, [{ code: '04', name: 'kujawsko-pomorskie' }]);
    assert.equal(t.gminas[0]?.name, 'Aleksandrów "Kujawski"');
    assert.equal(t.gminas[0]?.teryt, '0401011');
    assert.throws(() => parseTerc('WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n04;01;01;7;X;Y;2024-01-01\n'), /line 2/);
    assert.throws(() => parseTerc('A;B\n1;2\n'), /header/);
  });
});

describe('Polish locative', () => {
  it('declines town names correctly', () => {
    const cases: [string, string][] = [
      ['Kutno', 'w Kutnie'],
      ['Wrocław', 'we Wrocławiu'],
      ['Włocławek', 'we Włocławku'],
      ['Warszawa', 'w Warszawie'],
      ['Aleksandrów Kujawski', 'w Aleksandrowie Kujawskim'],
      ['Katowice', 'w Katowicach'],
      ['Gniezno', 'w Gnieźnie'],
      ['Krosno', 'w Krośnie'],
      ['Poznań', 'w Poznaniu'],
      ['Sosnowiec', 'w Sosnowcu'],
      ['Lubliniec', 'w Lublińcu'],
      ['Bolesławiec', 'w Bolesławcu'],
      ['Gdańsk', 'w Gdańsku'],
      ['Białystok', 'w Białymstoku'],
      ['Limanowa', 'w Limanowej'],
      ['Racibórz', 'w Raciborzu'],
      ['Wyszogród', 'w Wyszogrodzie'],
      ['Legnica', 'w Legnicy'],
      ['Gdynia', 'w Gdyni'],
      ['Suwałki', 'w Suwałkach'],
      ['Tychy', 'w Tychach'],
      ['Piekary Śląskie', 'w Piekarach Śląskich'],
      ['Rawa Mazowiecka', 'w Rawie Mazowieckiej'],
      ['Sępólno Krajeńskie', 'w Sępólnie Krajeńskim'],
      ['Busko-Zdrój', 'w Busku-Zdroju'],
      ['Kędzierzyn-Koźle', 'w Kędzierzynie-Koźlu'],
      ['Radom', 'w Radomiu'],
      ['Opole', 'w Opolu'],
      ['Częstochowa', 'w Częstochowie'],
      ['Brzeg Dolny', 'w Brzegu Dolnym'],
      ['Ustrzyki Dolne', 'w Ustrzykach Dolnych'],
      ['Złotoryja', 'w Złotoryi'],
    ];
    for (const [name, expected] of cases) assert.equal(inPlace(name), expected, name);
  });

  it('gives up instead of guessing where the rules are unreliable', () => {
    for (const name of ['Rudna', 'Grzmiąca', 'Uchanie', 'Kobyla Góra', 'Samborzec']) assert.equal(locativePl(name), null, name);
  });
});

describe('named units', () => {
  it('carry the spec identifiers and are all valid', () => {
    const byKey = new Map(NAMED_UNITS.map((u) => [u.key, u]));
    assert.equal(byKey.size, NAMED_UNITS.length, 'unique keys');
    const spec: [string, string, string, string][] = [
      ['cez', 'Centrum e-Zdrowia', '5251575309', '001377706'],
      ['k-dent', '-Prywatna Specjalistyczna Przychodnia Stomatologiczna K-Dent spółka z o.o.', '7812345678', '631234560'],
      ['ani-med', '„ANI-MED”', '9510001115', '145556660'],
      ['pulsantis-max', 'PULSANTIS MAX', '7311002223', '360001118'],
      ['starostwo-aleksandrow-kujawski', 'Starostwo Powiatowe w Aleksandrowie Kujawskim', '8912345603', '931234562'],
      ['goz-piotrowice', 'Gminny Ośrodek Zdrowia w Piotrowicach filia w Kietczewicach', '6223456786', '271234564'],
      ['wsse-gdansk', 'Wojewódzka Stacja Sanitarno-Epidemiologiczna w Gdańsku', '5833004444', '190002224'],
      ['ipin', 'Instytut Psychiatrii i Neurologii', '5250008057', '000288254'],
      ['kcpu', 'Krajowe Centrum Przeciwdziałania Uzależnieniom', '5252895878', '385069499'],
    ];
    for (const [key, name, nip, regon] of spec) {
      const u = byKey.get(key);
      assert.ok(u, key);
      assert.deepEqual([u.name, u.nip, u.regon], [name, nip, regon], key);
    }
    assert.equal(byKey.get('k-dent')?.registryBookNo, '000000012345');
    assert.equal(byKey.get('k-dent')?.teryt.slice(0, 4), '3064');
    assert.equal(byKey.get('cez')?.email, 'statystyka@cez.gov.pl');
    assert.equal(byKey.get('starostwo-aleksandrow-kujawski')?.voivodeship, 'kujawsko-pomorskie');
    assert.equal(byKey.get('wsse-gdansk')?.voivodeship, 'pomorskie');

    const uws = NAMED_UNITS.filter((u) => u.kindCode === 'UW');
    assert.deepEqual(
      uws.map((u) => u.voivodeshipCode).sort(),
      loadTeryt()
        .voivodeships.map((v) => v.code)
        .sort(),
    );
    assert.ok(uws.some((u) => u.name === 'Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy' && u.key === 'uw-04'));
    assert.ok(uws.every((u) => u.name.includes('Urząd Wojewódzki')));

    const found = NAMED_UNITS.flatMap((u) => problems(u, (e) => (u.key === 'cez' ? e === 'statystyka@cez.gov.pl' : exampleEmail(e))));
    assert.deepEqual(found, []);
    assert.equal(new Set(NAMED_UNITS.map((u) => u.nip)).size, NAMED_UNITS.length, 'unique NIPs');
    assert.equal(new Set(NAMED_UNITS.map((u) => u.regon)).size, NAMED_UNITS.length, 'unique REGONs');
  });

  it('reserve their identifiers', () => {
    for (const u of NAMED_UNITS) {
      assert.ok(RESERVED_IDENTIFIERS.nip.has(u.nip) && RESERVED_IDENTIFIERS.regon.has(u.regon), u.key);
      if (u.registryBookNo) assert.ok(RESERVED_IDENTIFIERS.registryBookNo.has(u.registryBookNo), u.key);
    }
  });
});

describe('generated registry', () => {
  let units: GeneratedUnit[];
  let ms = 0;
  before(() => {
    const t0 = performance.now();
    units = generateRegistry();
    ms = performance.now() - t0;
  });

  it('is deterministic and quick', () => {
    assert.ok(ms < 5000, `took ${Math.round(ms)} ms`);
    assert.deepEqual(generateRegistry(), units);
    const other = generateRegistry({ seed: 7, count: 300 });
    assert.notDeepEqual(
      other.map((u) => u.nip),
      units.slice(0, 300).map((u) => u.nip),
    );
  });

  it('has the real registry size and every reporting kind', () => {
    assert.equal(units.length, DEFAULT_COUNT);
    assert.ok(units.length >= 26_520);
    const kinds = new Map<string, number>();
    for (const u of units) kinds.set(u.kindCode, (kinds.get(u.kindCode) ?? 0) + 1);
    for (const k of ['PODM', 'PRAKT', 'GM', 'JEDN_ORG', 'PSSE']) assert.ok((kinds.get(k) ?? 0) > 250, `${k}: ${kinds.get(k) ?? 0}`);
    const addiction = units.filter((u) => u.isAddictionCare).length;
    const podm = kinds.get('PODM') ?? 0;
    assert.ok(addiction > podm * 0.01 && addiction < podm * 0.1, `addiction care ${addiction} of ${podm}`);
  });

  it('covers all 16 voivodeships roughly by population', () => {
    const per = new Map<string, number>();
    for (const u of units) per.set(u.voivodeshipCode, (per.get(u.voivodeshipCode) ?? 0) + 1);
    assert.equal(per.size, 16);
    const share = (code: string): number => (per.get(code) ?? 0) / units.length;
    assert.ok(share('14') > 0.11 && share('14') < 0.19, `mazowieckie ${share('14')}`);
    assert.ok(share('16') > 0.015 && share('16') < 0.04, `opolskie ${share('16')}`);
    for (const code of per.keys()) assert.ok(share(code) > 0.015, `${code} ${share(code)}`);
  });

  it('gives every unit unique keys, valid unique identifiers and a real TERYT address', () => {
    assert.deepEqual(units.flatMap((u) => problems(u, exampleEmail)).slice(0, 10), []);
    assert.ok(units.every((u, i) => u.key === `gen-${String(i + 1).padStart(6, '0')}`));
    const unique = (values: (string | null)[], reserved: ReadonlySet<string>, what: string): void => {
      const present = values.filter((v): v is string => v !== null);
      assert.equal(new Set(present).size, present.length, `${what} unique`);
      assert.ok(
        present.every((v) => !reserved.has(v)),
        `${what} avoid the named units`,
      );
    };
    unique(
      units.map((u) => u.nip),
      RESERVED_IDENTIFIERS.nip,
      'NIP',
    );
    unique(
      units.map((u) => u.regon),
      RESERVED_IDENTIFIERS.regon,
      'REGON',
    );
    unique(
      units.map((u) => u.registryBookNo),
      RESERVED_IDENTIFIERS.registryBookNo,
      'registry book no.',
    );
    unique(
      units.map((u) => u.email),
      new Set(NAMED_UNITS.map((u) => u.email)),
      'e-mail',
    );
  });

  it('does not duplicate the named units or place PSSE twice in one town', () => {
    const named = new Set(NAMED_UNITS.map((u) => u.name));
    assert.deepEqual(
      units.filter((u) => named.has(u.name)).map((u) => u.name),
      [],
    );
    const psse = units.filter((u) => u.kindCode === 'PSSE').map((u) => u.name);
    assert.equal(new Set(psse).size, psse.length);
    assert.ok(psse.length >= 300, `${psse.length} PSSE`);
    assert.ok(psse.includes('Powiatowa Stacja Sanitarno-Epidemiologiczna w Kutnie'));
    assert.ok(units.some((u) => u.kindCode === 'GM' && u.name === 'Starostwo Powiatowe w Kutnie' && u.teryt === '1002011'));
    // One starostwo per land powiat (314), the named one in Aleksandrów Kujawski included.
    const starostwa = units.filter((u) => u.kindCode === 'GM' && u.name.startsWith('Starostwo'));
    assert.equal(starostwa.length + 1, loadTeryt().powiats.filter((p) => !p.isCity).length);
    assert.equal(new Set(starostwa.map((u) => u.name)).size, starostwa.length);
  });

  it('respects a smaller count and still spans the country', () => {
    const small = generateRegistry({ count: 400 });
    assert.equal(small.length, 400);
    assert.ok(new Set(small.map((u) => u.voivodeshipCode)).size >= 14);
    assert.deepEqual(
      small.flatMap((u) => problems(u, exampleEmail)),
      [],
    );
  });
});
