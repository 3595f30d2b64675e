import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  completeNip,
  completeRegon9,
  isValidNip,
  isValidPesel,
  isValidRegon,
  isValidRegon14,
  isValidRegon9,
  isValidTerytGmina,
  maskPesel,
  normalizeNip,
  parsePesel,
} from '../../src/domain/identifiers.ts';

// PESELs of the demo accounts (demo-data.md), with the sex implied by the first names.
const DEMO_PESELS: ReadonlyArray<[string, 'K' | 'M', string]> = [
  ['85031401244', 'K', '1985-03-14'], // Anna Nowak
  ['78110507838', 'M', '1978-11-05'], // Piotr Zieliński
  ['65022802359', 'M', '1965-02-28'], // Jan Kowalski
  ['88121205667', 'K', '1988-12-12'], // Maria Wiśniewska
  ['77041506716', 'M', '1977-04-15'], // Tomasz Lewandowski
  ['92090903482', 'K', '1992-09-09'], // Ewa Kamińska
  ['83010190220', 'K', '1983-01-01'], // Katarzyna Dąbrowska
];
const DEMO_NIPS = ['5251575309', '7812345678', '9510001115', '7311002223', '8912345603', '6223456786', '5833004444', '5250008057', '5252895878'];
const DEMO_REGONS = ['001377706', '631234560', '145556660', '360001118', '931234562', '271234564', '190002224', '000288254', '385069499'];

test('demo PESELs are valid, with birth date and sex', () => {
  for (const [pesel, sex, birthDate] of DEMO_PESELS) {
    assert.deepEqual(parsePesel(pesel), { valid: true, birthDate, sex }, pesel);
    assert.equal(isValidPesel(pesel), true, pesel);
  }
});

test('PESEL century offsets', () => {
  assert.deepEqual(parsePesel('99923103574'), { valid: true, birthDate: '1899-12-31', sex: 'M' }); // +80
  assert.deepEqual(parsePesel('02270803624'), { valid: true, birthDate: '2002-07-08', sex: 'K' }); // +20
  assert.deepEqual(parsePesel('02321500115'), { valid: true, birthDate: '2002-12-15', sex: 'M' }); // +20, December
  assert.deepEqual(parsePesel('25410100126'), { valid: true, birthDate: '2125-01-01', sex: 'K' }); // +40
  assert.deepEqual(parsePesel('45610100144'), { valid: true, birthDate: '2245-01-01', sex: 'K' }); // +60
});

test('PESEL leap years: 29 Feb 2000 exists, 29 Feb 1900 does not', () => {
  assert.deepEqual(parsePesel('00222901239'), { valid: true, birthDate: '2000-02-29', sex: 'M' });
  // an ordinary leap year and an ordinary common one (checksums right)
  assert.deepEqual(parsePesel('88022901231'), { valid: true, birthDate: '1988-02-29', sex: 'M' });
  assert.deepEqual(parsePesel('24022904560'), { valid: true, birthDate: '1924-02-29', sex: 'K' });
  assert.deepEqual(parsePesel('85022901230'), { valid: false, reason: 'date' });
  assert.deepEqual(parsePesel('23022904563'), { valid: false, reason: 'date' });
  // Checksum is right, so only the calendar can reject it.
  assert.deepEqual(parsePesel('00022901233'), { valid: false, reason: 'date' });
});

test('PESEL with an impossible date', () => {
  // 30 Feb with a correct checksum: validate-polish alone would accept it.
  assert.deepEqual(parsePesel('85023001236'), { valid: false, reason: 'date' });
  assert.deepEqual(parsePesel('85130101236'), { valid: false, reason: 'date' }); // month 13
  assert.deepEqual(parsePesel('85000101236'), { valid: false, reason: 'date' }); // month 0
  assert.deepEqual(parsePesel('85200101236'), { valid: false, reason: 'date' }); // month 0 of the 2000s
  assert.deepEqual(parsePesel('85043101236'), { valid: false, reason: 'date' }); // 31 Apr
  assert.deepEqual(parsePesel('85063101236'), { valid: false, reason: 'date' }); // 31 Jun
  assert.deepEqual(parsePesel('85093101236'), { valid: false, reason: 'date' }); // 31 Sep
  assert.deepEqual(parsePesel('85113101236'), { valid: false, reason: 'date' }); // 31 Nov
  assert.deepEqual(parsePesel('85013201236'), { valid: false, reason: 'date' }); // 32 Jan
  assert.deepEqual(parsePesel('85040001236'), { valid: false, reason: 'date' }); // day 0
});

test('PESEL wrong checksum', () => {
  assert.deepEqual(parsePesel('85031401245'), { valid: false, reason: 'checksum' });
  assert.deepEqual(parsePesel('78110507830'), { valid: false, reason: 'checksum' });
  assert.equal(isValidPesel('85031401245'), false);
});

test('PESEL wrong format', () => {
  for (const bad of ['', '8503140124', '850314012440', '8503140124a', ' 85031401244', '85031-01244', '８５０３１４０１２４４']) {
    assert.deepEqual(parsePesel(bad), { valid: false, reason: 'format' }, JSON.stringify(bad));
    assert.equal(isValidPesel(bad), false);
  }
});

test('maskPesel shows only the first two digits', () => {
  assert.equal(maskPesel('60010112345'), '60*********');
  assert.equal(maskPesel('85031401244').length, 11);
  assert.ok(!maskPesel('85031401244').includes('0314'));
});

test('demo NIPs are valid', () => {
  for (const nip of DEMO_NIPS) assert.equal(isValidNip(nip), true, nip);
});

test('NIP with separators is accepted and normalised', () => {
  assert.equal(normalizeNip('525-157-53-09'), '5251575309');
  assert.equal(normalizeNip(' 525 157 53 09 '), '5251575309');
  assert.equal(isValidNip('525-157-53-09'), true);
  assert.equal(isValidNip('525 15 75 309'), true);
});

test('invalid NIPs', () => {
  assert.equal(isValidNip('5251575308'), false); // wrong check digit
  assert.equal(isValidNip('525157530'), false); // too short
  assert.equal(isValidNip('52515753090'), false); // too long
  assert.equal(isValidNip('525157530a'), false);
  assert.equal(isValidNip('PL5251575309'), false);
  assert.equal(isValidNip(''), false);
});

test('demo REGONs are valid', () => {
  for (const regon of DEMO_REGONS) {
    assert.equal(isValidRegon(regon), true, regon);
    assert.equal(isValidRegon9(regon), true, regon);
  }
});

test('REGON-14 needs a valid REGON-9 prefix and its own check digit', () => {
  assert.equal(isValidRegon14('00137770600013'), true);
  assert.equal(isValidRegon('00137770600013'), true);
  assert.equal(isValidRegon14('00137770600014'), false); // wrong 14th digit
  // Broken REGON-9 prefix: no 14th digit makes it valid.
  for (const d of '0123456789') assert.equal(isValidRegon14(`0013777070001${d}`), false, d);
});

test('invalid REGONs', () => {
  assert.equal(isValidRegon('001377707'), false); // wrong check digit
  assert.equal(isValidRegon('00137770'), false); // 8 digits
  assert.equal(isValidRegon('0013777060'), false); // 10 digits
  assert.equal(isValidRegon('00137770a'), false);
  assert.equal(isValidRegon9('00137770600015'), false); // a REGON-14 is not a REGON-9
  assert.equal(isValidRegon9('00137770600013'), false); // not even a valid one
  assert.equal(isValidRegon14('001377706'), false);
  assert.equal(isValidRegon(''), false);
});

test('completeNip appends the check digit, or null when impossible', () => {
  assert.equal(completeNip('525157530'), '5251575309');
  assert.equal(completeNip('781234567'), '7812345678');
  // Weighted sum 7·3 = 21, remainder 10: no check digit exists.
  assert.equal(completeNip('000000003'), null);
  for (const d of '0123456789') assert.equal(isValidNip(`000000003${d}`), false);
  let completed = 0;
  for (let i = 0; i < 200; i++) {
    const nip = completeNip(String(100000000 + i * 4999));
    if (nip === null) continue;
    assert.equal(isValidNip(nip), true, nip);
    completed++;
  }
  assert.ok(completed > 150, `completed ${completed}`); // about 10/11 of prefixes are possible
  assert.throws(() => completeNip('12345678'), RangeError);
  assert.throws(() => completeNip('12345678a'), /expected 9 digits, got "12345678a"/);
  // exactly nine digits: not ten, nor nine after something else
  assert.throws(() => completeNip('5251575301'), RangeError);
  assert.throws(() => completeNip('x525157530'), RangeError);
});

test('completeRegon9 appends the check digit', () => {
  assert.equal(completeRegon9('00137770'), '001377706');
  assert.equal(completeRegon9('38506949'), '385069499');
  for (let i = 0; i < 200; i++) {
    const regon = completeRegon9(String(10000000 + i * 37_123).slice(0, 8));
    assert.ok(regon !== null && isValidRegon9(regon), String(regon));
  }
  assert.throws(() => completeRegon9('1234567'), /expected 8 digits, got "1234567"/);
  assert.throws(() => completeRegon9('001377706'), RangeError, 'nine digits');
  assert.throws(() => completeRegon9('x00137770'), RangeError);
});

test('TERYT gmina code format', () => {
  for (const ok of ['1465011', '0201011', '3064011', '0401022', '1261013', '1261014', '1261015', '1465108', '1261049']) {
    assert.equal(isValidTerytGmina(ok), true, ok);
  }
  for (const bad of ['1465016', '1465017', '1465010', '146501', '14650111', '146501a', '', '14 6501 1']) {
    assert.equal(isValidTerytGmina(bad), false, bad);
  }
});
