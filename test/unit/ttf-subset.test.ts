import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bothEncodings, encodeSubsetsOnce, type FontkitFont } from '../../src/pdf/ttf-subset.ts';

const require = createRequire(import.meta.url);
const fontkit = require(require.resolve('fontkit', { paths: [path.dirname(require.resolve('pdfkit'))] })) as {
  create(bytes: Uint8Array): FontkitFont & { numGlyphs: number; layout(text: string): { glyphs: { id: number }[] } };
};

test('a font subset is encoded to the same bytes as fontkit encodes it', () => {
  let seed = 20_261_201;
  const random = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((seed / 2_147_483_648) * n);
  };
  for (const file of ['Roboto-Regular', 'Roboto-Medium', 'Roboto-Italic', 'Roboto-MediumItalic']) {
    const font = fontkit.create(readFileSync(require.resolve(`pdfmake/fonts/Roboto/${file}.ttf`)));
    assert.ok(encodeSubsetsOnce(font), `${file}: TrueType outlines are encoded here`);
    const sets: number[][] = [
      [],
      // Polish letters are compound glyphs in Roboto (a base letter and its accent)
      font.layout('Zażółć gęślą jaźń — ŻÓŁW, ĄĆĘŁŃÓŚŹŻ: Wniosek o dostęp użytkownika; fi ffl 0123456789').glyphs.map((g) => g.id),
      Array.from({ length: font.numGlyphs }, (_, i) => font.numGlyphs - 1 - i),
    ];
    for (let k = 0; k < 25; k++) sets.push(Array.from({ length: 1 + random(300) }, () => random(font.numGlyphs)));
    for (const glyphs of sets) {
      const { fontkit: expected, here } = bothEncodings(font, glyphs);
      assert.ok(Buffer.from(here).equals(Buffer.from(expected)), `${file}: ${glyphs.length} glyphs encode as fontkit does`);
    }
  }
});
