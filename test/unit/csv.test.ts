import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSV_BOM, csvCell, csvDisposition, csvRow, toCsv } from '../../src/lib/csv.ts';

test('cells beginning with a formula character are neutralised with a single quote', () => {
  for (const [input, out] of [
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+48 600 100 200', "'+48 600 100 200"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("http://x";"y")', `"'=HYPERLINK(""http://x"";""y"")"`],
  ]) {
    assert.equal(csvCell(input), out, input);
  }
  // a carriage return first: neutralised, and quoted because it is a line break
  assert.equal(csvCell('\r=1'), `"'\r=1"`);
  // only the first character counts
  assert.equal(csvCell('a=b'), 'a=b');
  assert.equal(csvCell(' =1'), ' =1');
});

test('quotes, separators and line breaks are quoted; numbers (decimal comma), empty values and dates are plain', () => {
  assert.equal(csvCell('Jan "Janek" Kowalski'), '"Jan ""Janek"" Kowalski"');
  assert.equal(csvCell('a;b'), '"a;b"');
  assert.equal(csvCell('a\nb'), '"a\nb"');
  assert.equal(csvCell('a,b'), 'a,b');
  assert.equal(csvCell(-5), '-5');
  assert.equal(csvCell(2.5), '2,5');
  assert.equal(csvCell(Number.NaN), '');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
  assert.equal(csvCell(true), 'tak');
  assert.equal(csvCell(new Date('2026-11-30T15:00:00Z')), '2026-11-30T15:00:00.000Z');
  assert.equal(csvCell('Łódź'), 'Łódź');
});

test('a document starts with the BOM, separates cells with ; and rows with CRLF', () => {
  assert.equal(csvRow(['a', 1, null]), 'a;1;\r\n');
  const doc = toCsv(
    ['Nazwa', 'Liczba'],
    [
      ['Łódź', 3],
      ['=1+1', -1],
    ],
  );
  assert.equal(doc, `${CSV_BOM}Nazwa;Liczba\r\nŁódź;3\r\n'=1+1;-1\r\n`);
  assert.ok(
    Buffer.from(doc, 'utf8')
      .subarray(0, 3)
      .equals(Buffer.from([0xef, 0xbb, 0xbf])),
  );
});

test('the file name of a download keeps only safe characters', () => {
  assert.equal(csvDisposition('dziennik-2026-11-30.csv'), 'attachment; filename="dziennik-2026-11-30.csv"');
  assert.equal(csvDisposition('a"b\r\nc;ż.csv'), 'attachment; filename="a-b-c-.csv"');
});
