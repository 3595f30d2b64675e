// The embedded font file of a PDF: fontkit's TrueType subset, encoded without re-encoding what never changes.
//
// pdfkit embeds, per document, a subset of each font it used: fontkit's TTFSubset.encode() decodes every
// included glyph again and writes the whole font file through restructure, byte by byte, including the
// font's hinting programs (Roboto's `fpgm` is ~4 KB) that are copied unchanged into every subset. That was
// ~20 % of an application PDF's time (issue #11). This writes the same bytes: the tables that do not depend
// on the glyphs (head, cvt, prep, fpgm) and the fixed parts of hhea and maxp are taken once per font from
// fontkit's own encoding of a one-glyph subset; each glyph's outline, metrics and components are read once
// per font; a document's subset then only lays out its glyphs, loca and hmtx and the table directory.
// `sameAsFontkit` (tested) compares the result with fontkit's encoding.

/** The part of a fontkit font and its subset used here (fontkit 2). */
export interface FontkitFont {
  createSubset(): TtfSubset;
  getGlyph(gid: number): { advanceWidth: number; _decode(): GlyfData | null; _getMetrics(): { leftBearing: number } };
  loca: { offsets: number[]; version: number };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  _variationProcessor?: unknown;
  directory: { tables: Record<string, unknown> };
}
interface GlyfData {
  numberOfContours: number;
  components?: { glyphID: number; pos: number }[];
}
export interface TtfSubset {
  glyphs: number[];
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** One glyph of the font as the subset copies it. */
interface GlyphEntry {
  bytes: Uint8Array;
  /** A compound glyph's parts: their glyph ids and where each id sits in `bytes`. */
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

/** The order fontkit writes a TrueType subset's tables in (TTFSubset.encode). */
const TABLE_ORDER = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;
const FIXED_TABLES = new Set(['head', 'cvt ', 'prep', 'fpgm']);

class SubsetEncoder {
  private readonly glyphs = new Map<number, GlyphEntry>();
  /** The tables fontkit wrote for a one-glyph subset, by tag, in its order. */
  private readonly template: Map<string, Uint8Array>;

  constructor(
    private readonly font: FontkitFont,
    fontkitEncode: (subset: TtfSubset) => Uint8Array,
  ) {
    this.template = readTables(fontkitEncode(font.createSubset()));
  }

  private glyph(gid: number): GlyphEntry {
    let entry = this.glyphs.get(gid);
    if (!entry) {
      const glyph = this.font.getGlyph(gid);
      const glyf = glyph._decode();
      const start = this.font.loca.offsets[gid]!;
      const end = this.font.loca.offsets[gid + 1]!;
      const stream = this.font._getTableStream('glyf');
      stream.pos += start;
      entry = {
        bytes: Uint8Array.from(stream.readBuffer(end - start)),
        components: glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : null,
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      this.glyphs.set(gid, entry);
    }
    return entry;
  }

  encode(subset: TtfSubset): Buffer {
    // the glyphs in subset order; a compound glyph's parts join the subset as they are met (as in fontkit)
    const parts: Uint8Array[] = [];
    const metrics: GlyphEntry[] = [];
    let glyfLength = 0;
    for (let i = 0; i < subset.glyphs.length; i++) {
      const entry = this.glyph(subset.glyphs[i]!);
      let bytes = entry.bytes;
      if (entry.components) {
        bytes = Uint8Array.from(bytes);
        const view = new DataView(bytes.buffer);
        for (const c of entry.components) view.setUint16(c.pos, subset.includeGlyph(c.glyphID));
      }
      parts.push(bytes);
      metrics.push(entry);
      glyfLength += bytes.length;
    }
    const count = parts.length;
    const shortLoca = this.font.loca.version === 0;

    const tables = new Map<string, Uint8Array>();
    for (const tag of TABLE_ORDER) {
      const fixed = this.template.get(tag);
      if (FIXED_TABLES.has(tag)) {
        if (fixed) tables.set(tag, fixed);
      } else if (tag === 'hhea' || tag === 'maxp') {
        if (!fixed) throw new Error(`font subset without ${tag}`);
        const table = Uint8Array.from(fixed);
        // hhea.numberOfMetrics (the last field) and maxp.numGlyphs
        new DataView(table.buffer).setUint16(tag === 'hhea' ? 34 : 4, count);
        tables.set(tag, table);
      } else if (tag === 'loca') {
        const table = new Uint8Array((count + 1) * (shortLoca ? 2 : 4));
        const view = new DataView(table.buffer);
        let offset = 0;
        for (let i = 0; i <= count; i++) {
          if (shortLoca) view.setUint16(i * 2, offset >>> 1);
          else view.setUint32(i * 4, offset);
          offset += parts[i]?.length ?? 0;
        }
        tables.set(tag, table);
      } else if (tag === 'glyf') {
        const table = new Uint8Array(glyfLength);
        let at = 0;
        for (const p of parts) {
          table.set(p, at);
          at += p.length;
        }
        tables.set(tag, table);
      } else {
        const table = new Uint8Array(count * 4);
        const view = new DataView(table.buffer);
        metrics.forEach((m, i) => {
          view.setUint16(i * 4, m.advance);
          view.setInt16(i * 4 + 2, m.bearing);
        });
        tables.set(tag, table);
      }
    }
    return writeTables(tables);
  }
}

/** The tables of a font file as fontkit writes it (directory tag "true", checksums 0), by tag in file order. */
function readTables(file: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tables = new Map<string, Uint8Array>();
  const n = view.getUint16(4);
  for (let i = 0; i < n; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(file[at]!, file[at + 1]!, file[at + 2]!, file[at + 3]!);
    const offset = view.getUint32(at + 8);
    tables.set(tag, Uint8Array.from(file.subarray(offset, offset + view.getUint32(at + 12))));
  }
  return tables;
}

function writeTables(tables: Map<string, Uint8Array>): Buffer {
  const n = tables.size;
  let size = 12 + 16 * n;
  for (const t of tables.values()) size += t.length;
  const out = Buffer.alloc(size);
  out.write('true', 0, 'latin1');
  const maxPowerOf2 = 2 ** Math.floor(Math.log2(n));
  out.writeUInt16BE(n, 4);
  out.writeUInt16BE(maxPowerOf2 * 16, 6);
  out.writeUInt16BE(Math.log2(maxPowerOf2), 8);
  out.writeUInt16BE(n * 16 - maxPowerOf2 * 16, 10);
  let entry = 12;
  let offset = 12 + 16 * n;
  for (const [tag, table] of tables) {
    out.write(tag, entry, 'latin1');
    out.writeUInt32BE(0, entry + 4);
    out.writeUInt32BE(offset, entry + 8);
    out.writeUInt32BE(table.length, entry + 12);
    out.set(table, offset);
    entry += 16;
    offset += table.length;
  }
  return out;
}

/**
 * Makes the font's subsets encode through a per-font encoder (TrueType outlines without variations only;
 * a CFF or variable font keeps fontkit's own encoding). Returns whether it did.
 */
export function encodeSubsetsOnce(font: FontkitFont): boolean {
  if (font.directory.tables['CFF '] || font.directory.tables.CFF2 || font._variationProcessor) return false;
  const createSubset = font.createSubset.bind(font);
  const probe = createSubset();
  const fontkitEncode = Object.getPrototypeOf(probe) as { encode?: unknown };
  if (typeof fontkitEncode.encode !== 'function') return false;
  const original = fontkitEncode.encode as (this: TtfSubset) => Uint8Array;
  let encoder: SubsetEncoder | undefined;
  font.createSubset = (): TtfSubset => {
    const subset = createSubset();
    subset.encode = () => {
      encoder ??= new SubsetEncoder(font, (s) => original.call(s));
      return encoder.encode(subset);
    };
    return subset;
  };
  return true;
}

/** fontkit's own encoding of the subset of these glyphs, and the one used here (for the tests). */
export function bothEncodings(font: FontkitFont, glyphIds: number[]): { fontkit: Uint8Array; here: Uint8Array } {
  const ours = font.createSubset();
  const theirs = font.createSubset();
  for (const gid of glyphIds) {
    ours.includeGlyph(gid);
    theirs.includeGlyph(gid);
  }
  const original = (Object.getPrototypeOf(theirs) as { encode: (this: TtfSubset) => Uint8Array }).encode;
  return { fontkit: original.call(theirs), here: ours.encode() };
}
