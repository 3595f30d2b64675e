import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { type ApplicationPdfData, fontkitSharedWithPdfkit, formatPrintDate, renderApplicationPdf } from '../../src/pdf/application.ts';

const NIEFIN = {
  roleName: 'Wypełniający sprawozdania niefinansowe',
  roleDescription:
    'Użytkownik mający uprawnienia do: wypełniania sprawozdań o pracujących i z działalności podmiotu/zakładu ' +
    'leczniczego (sprawozdań niefinansowych) w imieniu swojej jednostki',
};
const FIN = {
  roleName: 'Wypełniający sprawozdania finansowe',
  roleDescription: 'Użytkownik mający uprawnienia do: wypełniania sprawozdań finansowych w imieniu swojej jednostki',
};

function demoData(): ApplicationPdfData {
  return {
    verifier: { name: 'Centrum e-Zdrowia', email: 'statystyka@cez.gov.pl' },
    user: { login: 'anowak', lastName: 'Nowak', firstName: 'Anna', phone: '+48 601 234 567', email: 'anna.nowak@k-dent.pl' },
    unit: {
      kindName: 'Podmiot leczniczy',
      name: '-Prywatna Specjalistyczna Przychodnia Stomatologiczna K-Dent spółka z o.o.',
      nip: '7812345678',
      regon: '631234560',
      registryBookNo: '000000012345',
      teryt: '3064049',
      voivodeship: 'wielkopolskie',
      powiat: 'Poznań',
      gmina: 'Poznań-Nowe Miasto',
      locality: 'Poznań',
      postalCode: '61-381',
      street: 'ul. Jana Pawła II',
      buildingNo: '20',
      phone: null,
      email: '  ',
    },
    requests: [
      { ...NIEFIN, number: 'U004036/2023' },
      { ...FIN, number: 'U004037/2023' },
    ],
    printedAt: new Date('2023-05-02T12:05:00Z'), // 14:05 in Warsaw (CEST)
    systemUrl: 'https://ssoz.cez.gov.pl/portal/',
  };
}

/** Text of the PDF per page (pdftotext -layout), or null when poppler-utils is not installed. */
function pdfPages(pdf: Buffer): string[] | null {
  const r = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\f').filter((page) => page.trim() !== '');
}
function pdfInfo(pdf: Buffer): string {
  const r = spawnSync('pdfinfo', ['-isodates', '-'], { input: pdf, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}
const NO_PDFTOTEXT = 'pdftotext (poppler-utils) is not installed: text assertions skipped';

async function timed(data: ApplicationPdfData): Promise<{ pdf: Buffer; ms: number }> {
  const t0 = performance.now();
  const pdf = await renderApplicationPdf(data);
  return { pdf, ms: performance.now() - t0 };
}

test('print date is dd.mm.yyyy HH:MM in Europe/Warsaw', () => {
  assert.equal(formatPrintDate(new Date('2023-05-02T12:05:00Z')), '02.05.2023 14:05');
  assert.equal(formatPrintDate(new Date('2024-01-15T23:30:00Z')), '16.01.2024 00:30');
  assert.equal(formatPrintDate(new Date('2024-12-31T22:59:00Z')), '31.12.2024 23:59');
});

test('renders the demo application (two requests) as in the manual', async (t) => {
  const first = await timed(demoData());
  const second = await timed(demoData());
  t.diagnostic(`render time: first ${first.ms.toFixed(1)} ms, warm ${second.ms.toFixed(1)} ms, ${first.pdf.length} bytes`);
  const { pdf } = first;
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.equals(second.pdf), 'same input gives the same bytes');

  const pages = pdfPages(pdf);
  if (!pages) return t.skip(NO_PDFTOTEXT);
  const text = pages.join('\n');
  assert.equal(pages.length, 2);
  const info = pdfInfo(pdf);
  assert.match(info, /^Title:\s+Wniosek o dostęp użytkownika do Systemu Statystyki w Ochronie Zdrowia$/m);
  assert.match(info, /^Author:\s+SSOZ II$/m);
  assert.match(info, /^Subject:\s+Numery wniosków: U004036\/2023, U004037\/2023$/m);
  assert.match(info, /^CreationDate:.*2023/m);
  assert.match(info, /^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);

  const order = [
    'Wniosek o dostęp użytkownika do Systemu Statystyki w Ochronie Zdrowia',
    'Miejsce przekazania wniosku',
    'Podpisany wniosek należy wczytać do systemu SSOZ lub przekazać do jednostki:',
    'Centrum e-Zdrowia',
    'statystyka@cez.gov.pl',
    'Dane użytkownika',
    'anowak',
    'Nowak',
    'Anna',
    '+48 601 234 567',
    'anna.nowak@k-dent.pl',
    'Dane jednostki',
    'Podmiot leczniczy',
    '-Prywatna Specjalistyczna Przychodnia Stomatologiczna K-Dent spółka z o.o.',
    '7812345678',
    '631234560',
    'Numer Księgi Rejestrowej',
    '000000012345',
    '3064049',
    'wielkopolskie',
    'Poznań-Nowe Miasto',
    '61-381',
    'ul. Jana Pawła II',
    'Pieczęć jednostki',
    'Uprawnienie/a, o które wnioskuje użytkownik w SSOZ',
    '1. Wypełniający sprawozdania niefinansowe',
    'w imieniu swojej jednostki',
    'Numer wniosku: U004036/2023',
    '2. Wypełniający sprawozdania finansowe',
    'Numer wniosku: U004037/2023',
    'Podpis kierownika jednostki',
    'Podpis użytkownika',
    'Oświadczenie',
    'Potwierdzam zgodność danych ze stanem faktycznym',
    'Aby proces wnioskowania mógł zostać zakończony podpisany dokument załącz do wniosku od razu lub później',
    'Dopuszczalny format załączanych plików to pdf oraz jpg.',
  ];
  const flat = text.replace(/\s+/g, ' '); // wrapped lines and layout columns joined by single spaces
  let at = -1;
  for (const s of order) {
    const i = flat.indexOf(s, at + 1);
    assert.ok(i > at, `"${s}" is present and in order`);
    at = i;
  }
  // empty unit phone and e-mail print as a dash
  assert.match(text, /Telefon\s+—\s*\n\s*Adres e-mail\s+—/);

  pages.forEach((page, i) => {
    assert.ok(page.includes(`Strona ${i + 1} z 2`), `footer page number on page ${i + 1}`);
    assert.ok(page.includes('Data wydruku 02.05.2023 14:05'), `print date on page ${i + 1}`);
    assert.ok(page.includes('Dokument został utworzony w systemie informatycznym SSOZ: ssoz.cez.gov.pl'), `host on page ${i + 1}`);
  });
});

test('a long list paginates, keeps each request whole and Polish letters survive', async (t) => {
  const data = demoData();
  data.user = { login: 'zkaminska', lastName: 'Kamińska-Łęcka', firstName: 'Żaneta', phone: '61 222 33 44', email: 'z.kaminska@k-dent.pl' };
  data.requests = Array.from({ length: 8 }, (_, i) => ({
    ...(i % 2 === 0 ? NIEFIN : FIN),
    roleDescription: `${(i % 2 === 0 ? NIEFIN : FIN).roleDescription}. Zażółć gęślą jaźń — ŚĆIEŻKA ŹRÓDŁOWA ${i + 1}.`,
    number: `U00${4040 + i}/2023`,
  }));
  const { pdf, ms } = await timed(data);
  t.diagnostic(`render time (8 requests): ${ms.toFixed(1)} ms, ${pdf.length} bytes`);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');

  const pages = pdfPages(pdf);
  if (!pages) return t.skip(NO_PDFTOTEXT);
  const text = pages.join('\n');
  assert.ok(pages.length >= 2, 'more than one page');
  pages.forEach((page, i) => assert.ok(page.includes(`Strona ${i + 1} z ${pages.length}`), `footer on page ${i + 1}`));
  assert.ok(text.includes(`Strona 2 z ${pages.length}`), 'the second page is numbered');
  for (const s of ['Kamińska-Łęcka', 'Żaneta', 'Zażółć gęślą jaźń', 'ŚĆIEŻKA ŹRÓDŁOWA', 'Wypełniający', 'spółka']) {
    assert.ok(text.includes(s), `"${s}" extracted intact`);
  }
  data.requests.forEach((r, i) => {
    const page = pages.find((p) => p.includes(`Numer wniosku: ${r.number}`));
    assert.ok(page, `${r.number} printed`);
    assert.ok(page.includes(`${i + 1}. ${r.roleName}`), `request ${i + 1} is not split across pages`);
    assert.ok(page.includes(`ŹRÓDŁOWA ${i + 1}.`), `description ${i + 1} on the page of its number`);
  });
});

test('an application without requests is refused', async () => {
  await assert.rejects(renderApplicationPdf({ ...demoData(), requests: [] }), RangeError);
});

test('fonts parsed once are shared by every document, and a remembered layout prints the same bytes', async () => {
  const printedAt = new Date('2026-03-02T09:15:00Z');
  const other = { ...demoData(), printedAt, user: { ...demoData().user, lastName: 'Wiśniewska-Żółć' } };
  const first = await renderApplicationPdf({ ...demoData(), printedAt });
  await renderApplicationPdf(other);
  const again = await renderApplicationPdf({ ...demoData(), printedAt });
  assert.ok(fontkitSharedWithPdfkit(), 'pdfkit opens its fonts through the shared cache');
  // pdfkit scales a run's positions in place: a remembered run handed out without a copy would print
  // every word of the third document at the wrong places
  assert.ok(first.equals(again), 'the same application renders to the same bytes with remembered layouts');
  assert.ok(!first.equals(await renderApplicationPdf(other)), 'a different application is not served from memory');
});

/** Each word's box (pdftotext -bbox) per page, or null when poppler-utils is not installed. */
function pdfWords(pdf: Buffer): { text: string; x0: number; y0: number; x1: number; page: number }[] | null {
  const r = spawnSync('pdftotext', ['-bbox', '-', '-'], { input: pdf, encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  assert.equal(r.status, 0, r.stderr);
  const words: { text: string; x0: number; y0: number; x1: number; page: number }[] = [];
  r.stdout
    .split('<page ')
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)<\/word>/g)) {
        words.push({ text: m[4]!, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), page: i + 1 });
      }
    });
  return words;
}

test('the layout is the one pdfmake drew: words at the same places', async (t) => {
  const words = pdfWords(await renderApplicationPdf(demoData()));
  if (!words) return t.skip(NO_PDFTOTEXT);
  // measured on the pdfmake 0.3 rendering of the same data (pdftotext -bbox: x, top, page)
  const expected: [string, number, number, number][] = [
    ['Wniosek', 74.14, 45, 1],
    ['Zdrowia', 472.54, 45, 1],
    ['Centrum', 221, 124.17, 1],
    ['Pieczęć', 395.33, 687.23, 1],
    ['Strona', 503.03, 788.89, 1],
    ['Data', 50, 799.67, 1],
    ['Uprawnienie/a,', 50, 59, 2],
    ['U004036/2023', 140.4, 121.93, 2],
    ['U004037/2023', 140.4, 172.36, 2],
    ['Podpis', 108.01, 276.43, 2],
    ['Podpis', 391.63, 276.43, 2],
    ['Oświadczenie', 50, 302.56, 2],
  ];
  for (const [text, x, y, page] of expected) {
    const hit = words.find((w) => w.text === text && w.page === page && Math.abs(w.x0 - x) < 0.01 && Math.abs(w.y0 - y) < 0.01);
    assert.ok(hit, `"${text}" at ${x}, ${y} on page ${page}`);
  }
});

test('a word longer than its column is split inside the page, a tab prints as spaces', async (t) => {
  const data = demoData();
  data.unit.name = `Szpital${'Ż'.repeat(150)}Koniec`;
  data.user.lastName = 'Kowalska\tNowak';
  data.systemUrl = `https://${'bardzo-dluga-nazwa-hosta.'.repeat(8)}example.gov.pl/`;
  const pdf = await renderApplicationPdf(data);
  const words = pdfWords(pdf);
  if (!words) return t.skip(NO_PDFTOTEXT);
  for (const w of words) assert.ok(w.x0 >= 49.99 && w.x1 <= 545.29, `"${w.text}" lies between the margins (${w.x0}–${w.x1})`);
  const flat = (pdfPages(pdf) ?? []).join('\n').replace(/\s+/g, '');
  assert.ok(flat.includes(`Szpital${'Ż'.repeat(150)}Koniec`), 'the long value is printed whole');
  const kowalska = words.find((w) => w.text === 'Kowalska');
  const nowak = words.find((w) => w.text === 'Nowak' && w.y0 === kowalska?.y0);
  // four spaces of Roboto Medium at 10 pt, 2.48 each (pdfmake expanded a tab so; the font has no tab)
  assert.ok(kowalska && nowak && Math.abs(nowak.x0 - kowalska.x1 - 9.93) < 0.05, `the tab is four spaces: ${kowalska?.x1} → ${nowak?.x0}`);
  assert.ok(flat.includes('example.gov.pl'), 'the long host is printed whole');
});
