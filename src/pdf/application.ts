// The printable "Wniosek o dostęp użytkownika do Systemu Statystyki w Ochronie Zdrowia" (manual,
// step 4 "Pobranie wniosku"): one PDF for all roles requested in one wizard run, each with its own
// request number. Drawn with pdfkit and the Roboto fonts pdfmake ships (they cover Polish letters),
// embedded as subsets.
//
// The document was laid out by pdfmake 0.3 until issue #11: its style lookups for every word and one
// text object per word were most of a render's time. It is drawn with pdfkit (which pdfmake drew with)
// directly now, in pdfmake's geometry: the same line heights (1.15 × the font's ascender − descender),
// the same word breaking (the `linebreak` package, greedy lines, a tab as four spaces, a word wider than
// the room split by characters), the same table paddings and rules, whole requests and signature boxes,
// and the footer "Strona N z M" on every page; test/unit/application-pdf.test.ts holds word positions
// measured on the pdfmake rendering. One difference on purpose: a word longer than a value column is
// split inside the column, where pdfmake widened the column past the page's edge and cut the text off.
// A line's words are drawn as runs of one font (one text object), not one by one.
// The small part of pdfkit used here is typed locally.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { encodeSubsetsOnce, type FontkitFont } from './ttf-subset.ts';

const require = createRequire(import.meta.url);

export interface ApplicationPdfData {
  /** "Miejsce przekazania wniosku": the verifying unit. */
  verifier: { name: string; email: string };
  /** "Dane użytkownika": contact data given in the wizard. */
  user: { login: string; lastName: string; firstName: string; phone: string; email: string };
  /** "Dane jednostki". */
  unit: {
    kindName: string;
    name: string;
    nip: string | null;
    regon: string | null;
    registryBookNo: string | null;
    teryt: string | null;
    voivodeship: string | null;
    powiat: string | null;
    gmina: string | null;
    locality: string | null;
    postalCode: string | null;
    street: string | null;
    buildingNo: string | null;
    phone: string | null;
    email: string | null;
  };
  /** One per requested role, e.g. number `U004036/2023`. */
  requests: { roleName: string; roleDescription: string; number: string }[];
  printedAt: Date;
  /** Only its host is printed: "Dokument został utworzony w systemie informatycznym SSOZ: <host>". */
  systemUrl: string;
}

export const APPLICATION_PDF_TITLE = 'Wniosek o dostęp użytkownika do Systemu Statystyki w Ochronie Zdrowia';

// ---- one parsed font per font file, for every document ---------------------------------------------
//
// pdfkit opens each font anew for every document (fontkit.create on the file's bytes), and fontkit
// decodes a font's tables (cmap, GSUB/GPOS lookups, glyph metrics) lazily on that new object: most of
// a render's time went into decoding the same tables again (issue #11: median 35 ms, ~45 % in text
// layout over freshly decoded tables). A parsed fontkit font is read-only for its users (pdfkit
// subsets it per document with createSubset()), so pdfkit is given, in place of fontkit, the same
// module whose `create` answers the font already parsed from identical bytes. This must run before
// pdfkit is first required; fontkitSharedWithPdfkit() below checks that it took.

interface Fontkit {
  create(bytes: Uint8Array, postscriptName?: string): unknown;
}
interface GlyphRun {
  glyphs: unknown[];
  positions: object[];
}
interface LayoutFont {
  layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
}

/**
 * Shaping a word (fontkit's layout: OpenType substitutions and kerning) is the other half of a render,
 * and a document's words are mostly the same labels every time: the font remembers its last runs. pdfkit
 * scales a run's positions in place, so every caller gets its own copy of the positions (the glyphs
 * themselves are fontkit's shared, read-only objects). Only the plain call pdfkit makes is remembered.
 */
const LAYOUT_MEMORY = 4000;
function rememberLayouts(font: LayoutFont): void {
  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text: string, features?: unknown, ...rest: unknown[]): GlyphRun => {
    if (features != null || rest.some((r) => r !== undefined)) return layout(text, features, ...rest);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= LAYOUT_MEMORY) runs.clear();
      run = layout(text);
      runs.set(text, run);
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
    copy.glyphs = run.glyphs.slice();
    copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as object, p));
    return copy;
  };
}
const pdfkitDir = path.dirname(require.resolve('pdfkit'));
const fontkitPath = require.resolve('fontkit', { paths: [pdfkitDir] });
const fontkit = require(fontkitPath) as Fontkit & Record<string, unknown>;
const parsedFonts: { bytes: Uint8Array; postscriptName: string | undefined; font: unknown }[] = [];
const sharedFontkit: Fontkit & Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, fontkit, {
  create(bytes: Uint8Array, postscriptName?: string): unknown {
    const known = parsedFonts.find((f) => f.postscriptName === postscriptName && Buffer.compare(f.bytes, bytes) === 0);
    if (known) return known.font;
    const font = fontkit.create(bytes, postscriptName);
    if (font && typeof (font as Partial<LayoutFont>).layout === 'function') rememberLayouts(font as LayoutFont);
    if (font && typeof (font as Partial<FontkitFont>).createSubset === 'function') encodeSubsetsOnce(font as FontkitFont);
    // only the two Roboto files below are ever opened, so this list stays that short
    parsedFonts.push({ bytes: Uint8Array.from(bytes), postscriptName, font });
    return font;
  },
});
const fontkitModule = require.cache[fontkitPath];
if (fontkitModule) fontkitModule.exports = sharedFontkit;

// ---- pdfkit, the small part used here --------------------------------------------------------------

interface PdfFont {
  font: { hasGlyphForCodePoint(codePoint: number): boolean };
  ascender: number;
  descender: number;
  widthOfString(text: string, size: number): number;
}
interface PdfKitDocument {
  registerFont(name: string, src: Buffer): PdfKitDocument;
  font(name: string): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  fillColor(color: string): PdfKitDocument;
  lineWidth(width: number): PdfKitDocument;
  moveTo(x: number, y: number): PdfKitDocument;
  lineTo(x: number, y: number): PdfKitDocument;
  stroke(color: string): PdfKitDocument;
  text(text: string, x: number, y: number, options: { lineBreak: false }): PdfKitDocument;
  addPage(options: { size: [number, number]; margin: number }): PdfKitDocument;
  on(event: 'data', listener: (chunk: Buffer) => void): PdfKitDocument;
  on(event: 'end', listener: () => void): PdfKitDocument;
  on(event: 'error', listener: (error: Error) => void): PdfKitDocument;
  end(): void;
  _font: PdfFont;
}
interface PdfKitOptions {
  size: [number, number];
  autoFirstPage: false;
  compress: true;
  pdfVersion: '1.3';
  lang: string;
  font: null;
  info: { Title: string; Author: string; Subject: string; Creator: string; Producer: string; CreationDate: Date; ModDate: Date };
}
const PDFDocument = require('pdfkit') as new (options: PdfKitOptions) => PdfKitDocument;

interface Break {
  position: number;
  required: boolean;
}
/** The Unicode line breaking (UAX #14) pdfkit and pdfmake use. */
const LineBreaker = require(require.resolve('linebreak', { paths: [pdfkitDir] })) as new (text: string) => { nextBreak(): Break | null };

/** Whether pdfkit uses the shared fonts (false if pdfkit was loaded before this module). */
export function fontkitSharedWithPdfkit(): boolean {
  return (require(fontkitPath) as unknown) === sharedFontkit && parsedFonts.length <= Object.keys(FONT_FILES).length;
}

// Roboto Regular for text, Roboto Medium for bold; the bytes are read once, parsed once (above).
const FONT_FILES = {
  R: readFileSync(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf')),
  B: readFileSync(require.resolve('pdfmake/fonts/Roboto/Roboto-Medium.ttf')),
};
type Face = keyof typeof FONT_FILES;
/** Per font, the characters it has a glyph for (and those it lacks). */
const COVERED: Record<Face, Map<string, boolean>> = { R: new Map(), B: new Map() };

// ---- formatting ------------------------------------------------------------------------------------

const EMPTY = '—';

function show(value: string | null | undefined): string {
  const v = value?.trim();
  return v ? v : EMPTY;
}

const warsawParts = new Intl.DateTimeFormat('pl-PL', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `dd.mm.yyyy HH:MM` in Europe/Warsaw. */
export function formatPrintDate(d: Date): string {
  const p: Record<string, string> = {};
  for (const part of warsawParts.formatToParts(d)) p[part.type] = part.value;
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

function hostOf(systemUrl: string): string {
  try {
    return new URL(systemUrl).host || systemUrl;
  } catch {
    return systemUrl;
  }
}

// ---- layout ----------------------------------------------------------------------------------------

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = { left: 50, top: 45, right: 50, bottom: 75 };
const LEFT = MARGIN.left;
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE_HEIGHT - MARGIN.bottom;
const LINE_HEIGHT = 1.15;

const TEXT = '#1b1b1b';
const MUTED = '#4a4f55';
const HEADING = '#0b3d7a';
const RULE = '#b8bec6';
const BOX = '#555';

interface Span {
  text: string;
  face: Face;
}
interface TextStyle {
  size: number;
  color: string;
  align?: 'left' | 'center' | 'right';
}
interface TextOp {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  face: Face;
  size: number;
  color: string;
}
interface RuleOp {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
}
type Op = TextOp | RuleOp;

/** One measured word (pdfmake's "inline"): its width includes trailing spaces, the cuts are those spaces' widths. */
interface Inline {
  text: string;
  face: Face;
  width: number;
  leadingCut: number;
  trailingCut: number;
  lineEnd?: boolean;
  noNewLine?: boolean;
}
interface Line {
  inlines: { inline: Inline; x: number }[];
  inlineWidths: number;
  leadingCut: number;
  trailingCut: number;
  newLineForced: boolean;
}

const LEADING = /^\s+/;
const TRAILING = /\s+$/;

/** The words of a text as pdfmake breaks them: at every UAX #14 opportunity, a line feed forcing a new line. */
function splitWords(text: string): { text: string; lineEnd?: boolean }[] {
  if (text.length === 0) return [{ text: '' }];
  const breaker = new LineBreaker(text);
  const words: { text: string; lineEnd?: boolean }[] = [];
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const word = text.slice(last, bk.position);
    if (bk.required || /\r?\n$|\r$/.test(word)) words.push({ text: word.replace(/\r?\n$|\r$/, ''), lineEnd: true });
    else words.push({ text: word });
    last = bk.position;
  }
  return words;
}

/** Lays out text in the fonts of one document. */
class Typesetter {
  constructor(private readonly fonts: Record<Face, PdfFont>) {}

  width(text: string, face: Face, size: number): number {
    return this.fonts[face].widthOfString(text, size);
  }

  lineHeight(face: Face, size: number): number {
    const f = this.fonts[face];
    return ((f.ascender - f.descender) / 1000) * size * LINE_HEIGHT;
  }

  /** Whether the font has a glyph for every character of the text (remembered per character). */
  covers(face: Face, text: string): boolean {
    const known = COVERED[face];
    for (const ch of text) {
      let has = known.get(ch);
      if (has === undefined) {
        if (known.size >= 10_000) known.clear(); // any text's characters, so kept bounded
        has = this.fonts[face].font.hasGlyphForCodePoint(ch.codePointAt(0)!);
        known.set(ch, has);
      }
      if (!has) return false;
    }
    return true;
  }

  ascent(face: Face, size: number): number {
    return (this.fonts[face].ascender / 1000) * size;
  }

  /** pdfmake's TextBreaker and TextInlines.measure: the words of all spans, measured. */
  inlines(spans: Span[], size: number): Inline[] {
    const result: Inline[] = [];
    let lastWord: string | null = null;
    spans.forEach((span, i) => {
      const words = splitWords(span.text.replace(/\t/g, '    ')); // pdfmake expands a tab to four spaces
      if (lastWord && words.length) {
        // no break between the last word of one span and the first of the next: they stay on one line
        if (splitWords(lastWord + words[0]!.text).length === 1) result[result.length - 1]!.noNewLine = true;
      }
      for (const w of words) {
        const leading = LEADING.exec(w.text);
        const trailing = TRAILING.exec(w.text);
        result.push({
          text: w.text,
          face: span.face,
          width: this.width(w.text, span.face, size),
          leadingCut: leading ? this.width(leading[0], span.face, size) : 0,
          trailingCut: trailing ? this.width(trailing[0], span.face, size) : 0,
          ...(w.lineEnd ? { lineEnd: true } : {}),
        });
      }
      const last = words[words.length - 1];
      lastWord = i + 1 < spans.length && last && !last.lineEnd ? last.text : null;
    });
    return result;
  }

  /** pdfmake's LayoutBuilder.buildNextLine, repeated: greedy lines, a word wider than the room split by characters. */
  lines(spans: Span[], size: number, maxWidth: number): Line[] {
    const queue = this.inlines(spans, size);
    const lines: Line[] = [];
    while (queue.length > 0) {
      const line: Line = { inlines: [], inlineWidths: 0, leadingCut: 0, trailingCut: 0, newLineForced: false };
      let forceContinue = false;
      while (queue.length > 0 && (hasRoomFor(line, queue, maxWidth) || forceContinue)) {
        let inline = queue.shift()!;
        let hardWrap = false;
        const available = maxWidth - (line.inlineWidths - line.leadingCut - line.trailingCut);
        if (inline.text.length > 1 && inline.width > available) {
          const fit = this.maxFit(inline, available, size);
          if (fit < inline.text.length) {
            const rest = inline.text.substring(fit);
            const head = inline.text.substring(0, fit);
            queue.unshift({ ...inline, text: rest, width: this.width(rest, inline.face, size) });
            inline = { ...inline, text: head, width: this.width(head, inline.face, size) };
            hardWrap = true;
          }
        }
        if (line.inlines.length === 0) line.leadingCut = inline.leadingCut;
        line.trailingCut = inline.trailingCut;
        line.inlines.push({ inline, x: line.inlineWidths - line.leadingCut });
        line.inlineWidths += inline.width;
        if (inline.lineEnd) line.newLineForced = true;
        forceContinue = Boolean(inline.noNewLine) && !hardWrap;
      }
      lines.push(line);
    }
    return lines;
  }

  private maxFit(inline: Inline, maxWidth: number, size: number): number {
    let low = 1;
    let high = inline.text.length;
    let best = 1;
    while (low <= high) {
      const mid = Math.floor((low + high) / 2);
      if (this.width(inline.text.substring(0, mid), inline.face, size) <= maxWidth) {
        best = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return best;
  }

  /** pdfmake's minimum (widest word) and maximum (widest unwrapped line) width of a text. */
  widths(spans: Span[], size: number): { min: number; max: number } {
    let min = 0;
    let max = 0;
    let current: { width: number; leadingCut: number; trailingCut: number } | null = null;
    for (const inline of this.inlines(spans, size)) {
      min = Math.max(min, Math.max(0, inline.width - inline.leadingCut - inline.trailingCut));
      current ??= { width: 0, leadingCut: inline.leadingCut, trailingCut: 0 };
      current.width += inline.width;
      current.trailingCut = inline.trailingCut;
      max = Math.max(max, Math.max(0, current.width - current.leadingCut - current.trailingCut));
      if (inline.lineEnd) current = null;
    }
    return { min, max };
  }

  /**
   * A paragraph at (x, y), `width` wide: text ops for each line (a line's words drawn as runs of one font,
   * split where pdfmake's words were not separated by a space) and the paragraph's height.
   */
  paragraph(ops: Op[], spans: Span[], style: TextStyle, x: number, y: number, width: number): number {
    let top = y;
    for (const line of this.lines(spans, style.size, width)) {
      top += this.drawLine(ops, line, style, x, top, width);
    }
    return top - y;
  }

  /** Lines one at a time, for text that may continue on the next page. */
  drawLine(ops: Op[], line: Line, style: TextStyle, x: number, y: number, width: number): number {
    const lineWidth = line.inlineWidths - line.leadingCut - line.trailingCut;
    const offset = style.align === 'right' ? width - lineWidth : style.align === 'center' ? (width - lineWidth) / 2 : 0;
    let height = 0;
    let ascent = 0;
    for (const { inline } of line.inlines) {
      height = Math.max(height, this.lineHeight(inline.face, style.size));
      ascent = Math.max(ascent, this.ascent(inline.face, style.size));
    }
    let run: TextOp | null = null;
    let previous: Inline | null = null;
    for (const { inline, x: ix } of line.inlines) {
      // pdfkit writes the missing-glyph box with a wrong width (unscaled) into the font's widths, so a
      // character the font lacks (a tab, an emoji) ends a run: each word after it is placed on its own
      const joins =
        run &&
        previous &&
        previous.face === inline.face &&
        previous.text.endsWith(' ') &&
        this.covers(inline.face, previous.text) &&
        this.covers(inline.face, inline.text);
      if (run && joins) run.text += inline.text;
      else {
        if (run && run.text) ops.push(run);
        const shift = ascent - this.ascent(inline.face, style.size);
        run = { kind: 'text', x: x + offset + ix, y: y + shift, text: inline.text, face: inline.face, size: style.size, color: style.color };
      }
      previous = inline;
    }
    if (run && run.text) ops.push(run);
    return height;
  }
}

function hasRoomFor(line: Line, queue: Inline[], maxWidth: number): boolean {
  if (line.inlines.length === 0) return true;
  if (line.newLineForced) return false;
  const inline = queue[0]!;
  let width = inline.width;
  let trailingCut = inline.trailingCut;
  if (inline.noNewLine) {
    for (let i = 1; i < queue.length; i++) {
      const next = queue[i]!;
      width += next.width;
      trailingCut += next.trailingCut;
      if (!next.noNewLine) break;
    }
  }
  return line.inlineWidths + width - line.leadingCut - trailingCut <= maxWidth;
}

function shift(op: Op, dy: number): Op {
  return op.kind === 'text' ? { ...op, y: op.y + dy } : { ...op, y1: op.y1 + dy, y2: op.y2 + dy };
}

/** Content of one page or of an unbreakable block, positioned from its top. */
class Block {
  readonly ops: Op[] = [];
  y = 0;
}

/** The pages: content flows down from the top margin; an unbreakable block that does not fit starts a new page. */
class Pages {
  readonly pages: Op[][] = [[]];
  y = MARGIN.top;

  private get ops(): Op[] {
    return this.pages[this.pages.length - 1]!;
  }

  private newPage(): void {
    this.pages.push([]);
    this.y = MARGIN.top;
  }

  /**
   * Places a block whole: on this page if it fits, else at the top of the next, where `carried` (a table
   * row's rule above it, as pdfmake repeats it there) comes first.
   */
  place(block: Block, carried?: Block): void {
    if (this.y + block.y > BOTTOM && this.y > MARGIN.top) {
      this.newPage();
      if (carried) this.place(carried);
    }
    for (const op of block.ops) this.ops.push(shift(op, this.y));
    this.y += block.y;
  }

  /** A paragraph line by line; a line that does not fit goes to the next page. */
  paragraph(t: Typesetter, spans: Span[], style: TextStyle, margin: { top?: number; bottom?: number } = {}): void {
    this.y += margin.top ?? 0;
    for (const line of t.lines(spans, style.size, CONTENT_WIDTH)) {
      const probe: Op[] = [];
      const height = t.drawLine(probe, line, style, LEFT, 0, CONTENT_WIDTH);
      if (this.y + height > BOTTOM && this.ops.length > 0) this.newPage();
      for (const op of probe) this.ops.push(shift(op, this.y));
      this.y += height;
    }
    this.y += margin.bottom ?? 0;
  }
}

const SECTION: TextStyle = { size: 11.5, color: HEADING };
const BODY: TextStyle = { size: 10, color: TEXT };
const LABEL: TextStyle = { size: 10, color: MUTED };
const CAPTION: TextStyle = { size: 9, color: MUTED, align: 'center' };
const NOTE: TextStyle = { size: 9, color: MUTED };

/** A section heading inside a block (its margins: 14 above, 5 below). */
function heading(t: Typesetter, b: Block, title: string): void {
  b.y += 14;
  b.y += t.paragraph(b.ops, [{ text: title, face: 'B' }], SECTION, LEFT, b.y, CONTENT_WIDTH);
  b.y += 5;
}

/**
 * Label–value rows (pdfmake: a table of widths 165 and *, no vertical rules, a 0.5 rule between rows,
 * cell padding 0 left, 6 right, 2 above and below); every row stays whole on one page.
 */
function fields(t: Typesetter, pages: Pages, rows: [string, string | null | undefined][]): void {
  const valueWidth = CONTENT_WIDTH - LABEL_WIDTH - 12;
  rows.forEach(([label, value], i) => {
    const b = new Block();
    b.y += 2;
    const h1 = t.paragraph(b.ops, [{ text: label, face: 'R' }], LABEL, LEFT, b.y, LABEL_WIDTH);
    const h2 = t.paragraph(b.ops, [{ text: show(value), face: 'B' }], BODY, VALUE_X, b.y, valueWidth);
    b.y += Math.max(h1, h2) + 2;
    if (i < rows.length - 1) rowRule(b);
    // a row that moves to the next page starts there under the rule between it and the row before
    let carried: Block | undefined;
    if (i > 0) rowRule((carried = new Block()));
    pages.place(b, carried);
  });
}

const LABEL_WIDTH = 165;
const VALUE_X = LEFT + LABEL_WIDTH + 6;

/** The 0.5 rule between two label–value rows (drawn per column, as pdfmake does). */
function rowRule(b: Block): void {
  const y = b.y + 0.25;
  b.ops.push({ kind: 'rule', x1: LEFT, y1: y, x2: VALUE_X, y2: y, width: 0.5, color: RULE });
  b.ops.push({ kind: 'rule', x1: VALUE_X, y1: y, x2: LEFT + CONTENT_WIDTH, y2: y, width: 0.5, color: RULE });
  b.y += 0.5;
}

/** An empty bordered box (for a stamp or a signature, 0.8 rules) with its caption 3 below it; returns the height. */
function box(t: Typesetter, b: Block, caption: string, x: number, width: number, height: number): number {
  const top = b.y;
  const inner = height + 4; // the cell's padding, 2 above and below
  const bottom = top + 0.8 + inner;
  b.ops.push(
    { kind: 'rule', x1: x, y1: top + 0.4, x2: x + width - 0.8, y2: top + 0.4, width: 0.8, color: BOX },
    { kind: 'rule', x1: x + 0.4, y1: top, x2: x + 0.4, y2: bottom + 0.8, width: 0.8, color: BOX },
    { kind: 'rule', x1: x + width - 0.4, y1: top, x2: x + width - 0.4, y2: bottom + 0.8, width: 0.8, color: BOX },
    { kind: 'rule', x1: x, y1: bottom + 0.4, x2: x + width - 0.8, y2: bottom + 0.4, width: 0.8, color: BOX },
  );
  const captionHeight = t.paragraph(b.ops, [{ text: caption, face: 'R' }], CAPTION, x, bottom + 0.8 + 3, width);
  return 0.8 + inner + 0.8 + 3 + captionHeight;
}

/** One numbered request: role name in bold, its description, "Numer wniosku: U……/YYYY"; 8 below. */
function requestItem(t: Typesetter, b: Block, r: ApplicationPdfData['requests'][number], index: number): void {
  const top = b.y;
  const numberWidth = 16;
  const x = LEFT + numberWidth;
  const width = CONTENT_WIDTH - numberWidth;
  const numberHeight = t.paragraph(b.ops, [{ text: `${index + 1}.`, face: 'R' }], BODY, LEFT, top, numberWidth);
  let y = top;
  y += t.paragraph(b.ops, [{ text: show(r.roleName), face: 'B' }], BODY, x, y, width);
  y += 1;
  y += t.paragraph(b.ops, [{ text: show(r.roleDescription), face: 'R' }], BODY, x, y, width);
  y += 1;
  y += t.paragraph(
    b.ops,
    [
      { text: 'Numer wniosku: ', face: 'R' },
      { text: show(r.number), face: 'B' },
    ],
    BODY,
    x,
    y,
    width,
  );
  b.y = top + Math.max(numberHeight, y - top) + 8;
}

/** The footer of page `page` of `count`: a rule, the system's host, "Strona N z M", the print date. */
function footer(t: Typesetter, page: number, count: number, host: string, printed: string): Op[] {
  const ops: Op[] = [];
  const size = 8;
  const style: TextStyle = { size, color: MUTED };
  let y = BOTTOM + 18;
  ops.push({ kind: 'rule', x1: LEFT, y1: y, x2: LEFT + CONTENT_WIDTH, y2: y, width: 0.5, color: RULE });
  y += 4;
  const pageText: Span[] = [{ text: `Strona ${page} z ${count}`, face: 'R' }];
  const hostText: Span[] = [{ text: `Dokument został utworzony w systemie informatycznym SSOZ: ${host}`, face: 'R' }];
  // pdfmake's columns [*, auto]: the page number gets its natural width when both fit, else a share
  const star = t.widths(hostText, size);
  const auto = t.widths(pageText, size);
  let pageWidth: number;
  if (auto.min + star.min >= CONTENT_WIDTH) pageWidth = auto.min;
  else if (auto.max + star.max < CONTENT_WIDTH) pageWidth = auto.max;
  else pageWidth = auto.min + ((auto.max - auto.min) * (CONTENT_WIDTH - auto.min - star.min)) / (auto.max + star.max - auto.min - star.min);
  const hostWidth = auto.min + star.min >= CONTENT_WIDTH ? star.min : CONTENT_WIDTH - pageWidth;
  const h1 = t.paragraph(ops, hostText, style, LEFT, y, hostWidth);
  const h2 = t.paragraph(ops, pageText, { ...style, align: 'right' }, LEFT + hostWidth, y, pageWidth);
  y += Math.max(h1, h2);
  t.paragraph(ops, [{ text: `Data wydruku ${printed}`, face: 'R' }], style, LEFT, y, CONTENT_WIDTH);
  return ops;
}

function layOut(t: Typesetter, data: ApplicationPdfData): Op[][] {
  const { verifier, user, unit } = data;
  const pages = new Pages();
  const section = (title: string) => pages.paragraph(t, [{ text: title, face: 'B' }], SECTION, { top: 14, bottom: 5 });

  pages.paragraph(t, [{ text: APPLICATION_PDF_TITLE, face: 'B' }], { size: 13.5, color: TEXT, align: 'center' }, { bottom: 8 });

  section('Miejsce przekazania wniosku');
  pages.paragraph(t, [{ text: 'Podpisany wniosek należy wczytać do systemu SSOZ lub przekazać do jednostki:', face: 'R' }], BODY, { bottom: 3 });
  fields(t, pages, [
    ['Nazwa jednostki', verifier.name],
    ['Adres e-mail', verifier.email],
  ]);

  section('Dane użytkownika');
  fields(t, pages, [
    ['Login', user.login],
    ['Nazwisko', user.lastName],
    ['Imię', user.firstName],
    ['Telefon', user.phone],
    ['Adres e-mail', user.email],
  ]);

  section('Dane jednostki');
  fields(t, pages, [
    ['Rodzaj jednostki', unit.kindName],
    ['Nazwa jednostki', unit.name],
    ['NIP', unit.nip],
    ['REGON', unit.regon],
    ['Numer Księgi Rejestrowej', unit.registryBookNo],
    ['Kod TERYT', unit.teryt],
    ['Województwo', unit.voivodeship],
    ['Powiat', unit.powiat],
    ['Gmina', unit.gmina],
    ['Miejscowość', unit.locality],
    ['Kod pocztowy', unit.postalCode],
    ['Ulica', unit.street],
    ['Numer budynku', unit.buildingNo],
    ['Telefon', unit.phone],
    ['Adres e-mail', unit.email],
  ]);

  // the unit's stamp, right-aligned, 230 wide
  pages.y += 10;
  const stamp = new Block();
  const stampWidth = 230;
  stamp.y += box(t, stamp, 'Pieczęć jednostki', LEFT + CONTENT_WIDTH - stampWidth, stampWidth, 70);
  pages.place(stamp);

  // The heading stays on the page of the first request; every request stays whole.
  data.requests.forEach((r, i) => {
    const b = new Block();
    if (i === 0) heading(t, b, 'Uprawnienie/a, o które wnioskuje użytkownik w SSOZ');
    requestItem(t, b, r, i);
    pages.place(b);
  });

  // the two signatures side by side, 40 apart
  pages.y += 14;
  const signatures = new Block();
  const gap = 40;
  const half = (CONTENT_WIDTH - gap) / 2;
  signatures.y += Math.max(
    box(t, signatures, 'Podpis kierownika jednostki', LEFT, half, 60),
    box(t, signatures, 'Podpis użytkownika', LEFT + half + gap, half, 60),
  );
  pages.place(signatures);

  const statement = new Block();
  heading(t, statement, 'Oświadczenie');
  statement.y += t.paragraph(statement.ops, [{ text: 'Potwierdzam zgodność danych ze stanem faktycznym', face: 'R' }], BODY, LEFT, statement.y, CONTENT_WIDTH);
  statement.y += 10;
  statement.y += t.paragraph(
    statement.ops,
    [
      {
        text:
          'Aby proces wnioskowania mógł zostać zakończony podpisany dokument załącz do wniosku od razu lub później, bądź prześlij mailem. ' +
          'Załączony plik mogą stanowić skany, zdjęcia dokumentu. Dopuszczalny format załączanych plików to pdf oraz jpg.',
        face: 'R',
      },
    ],
    NOTE,
    LEFT,
    statement.y,
    CONTENT_WIDTH,
  );
  pages.place(statement);

  return pages.pages;
}

/** Renders the application for all requested roles as one A4 PDF. Throws a RangeError without requests. */
export async function renderApplicationPdf(data: ApplicationPdfData): Promise<Buffer> {
  if (data.requests.length === 0) throw new RangeError('an application PDF needs at least one request');
  const numbers = data.requests.map((r) => r.number).join(', ');
  const doc = new PDFDocument({
    size: [PAGE_WIDTH, PAGE_HEIGHT],
    autoFirstPage: false,
    compress: true,
    pdfVersion: '1.3',
    lang: 'pl-PL',
    font: null,
    info: {
      Title: APPLICATION_PDF_TITLE,
      Author: 'SSOZ II',
      Subject: `Numery wniosków: ${numbers}`,
      Creator: 'SSOZ II',
      Producer: 'SSOZ II (pdfkit)',
      CreationDate: data.printedAt,
      ModDate: data.printedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('R', FONT_FILES.R).registerFont('B', FONT_FILES.B);
  const fonts = { R: doc.font('R')._font, B: doc.font('B')._font };
  const t = new Typesetter(fonts);

  const pages = layOut(t, data);
  const host = hostOf(data.systemUrl);
  const printed = formatPrintDate(data.printedAt);
  pages.forEach((ops, i) => {
    doc.addPage({ size: [PAGE_WIDTH, PAGE_HEIGHT], margin: 0 });
    for (const op of [...ops, ...footer(t, i + 1, pages.length, host, printed)]) {
      if (op.kind === 'text') doc.font(op.face).fontSize(op.size).fillColor(op.color).text(op.text, op.x, op.y, { lineBreak: false });
      else doc.lineWidth(op.width).moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke(op.color);
    }
  });
  doc.end();
  return done;
}
