// The printable "Wniosek o dostęp użytkownika do Systemu Statystyki w Ochronie Zdrowia" (manual,
// step 4 "Pobranie wniosku"): one PDF for all roles requested in one wizard run, each with its own
// request number. Rendered with pdfmake 0.3 and the Roboto fonts it ships (they cover Polish letters).
//
// pdfmake 0.3 on Node is a CommonJS singleton: fonts and access policies live on one shared object.
// They are set synchronously right before every createPdf() call (which captures them), so no other
// user of the singleton can interleave; URLs are refused and only the four Roboto files may be read.
// @types/pdfmake is not used on purpose: it pulls `/// <reference lib="dom" />` into the whole
// server program, so the small part used here is typed locally.
import { createRequire } from 'node:module';
import path from 'node:path';
import { encodeSubsetsOnce, type FontkitFont } from './ttf-subset.ts';

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

// ---- the small part of pdfmake 0.3 used here -------------------------------------------------------

type Margins = [number, number, number, number];
type Alignment = 'left' | 'center' | 'right' | 'justify';

interface TextNode {
  text: string | (string | TextNode)[];
  style?: string;
  bold?: boolean;
  fontSize?: number;
  color?: string;
  alignment?: Alignment;
  margin?: Margins;
}
interface TableLayout {
  hLineWidth?: (i: number, node: { table: { body: unknown[][] } }) => number;
  vLineWidth?: (i: number, node: { table: { widths?: unknown[] } }) => number;
  hLineColor?: string;
  vLineColor?: string;
  paddingLeft?: () => number;
  paddingRight?: () => number;
  paddingTop?: () => number;
  paddingBottom?: () => number;
}
interface TableNode {
  table: { widths: (number | '*' | 'auto')[]; body: Content[][]; heights?: number; dontBreakRows?: boolean };
  layout?: TableLayout;
  margin?: Margins;
}
interface ColumnsNode {
  columns: (Content & { width?: number | '*' | 'auto' })[];
  columnGap?: number;
  margin?: Margins;
  fontSize?: number;
  color?: string;
}
interface StackNode {
  stack: Content[];
  margin?: Margins;
  unbreakable?: boolean;
  fontSize?: number;
  color?: string;
}
interface CanvasNode {
  canvas: { type: 'line'; x1: number; y1: number; x2: number; y2: number; lineWidth: number; lineColor: string }[];
  margin?: Margins;
}
type Content = string | TextNode | TableNode | ColumnsNode | StackNode | CanvasNode;

interface FontFamily {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}
interface DocDefinition {
  content: Content[];
  footer?: (currentPage: number, pageCount: number) => Content;
  pageSize: 'A4';
  pageMargins: Margins;
  language?: string;
  info: { title: string; author: string; subject?: string; creator?: string; producer?: string; creationDate: Date; modDate?: Date };
  defaultStyle: { font: string; fontSize: number; lineHeight?: number; color?: string };
  styles: Record<string, { fontSize?: number; bold?: boolean; color?: string; margin?: Margins; alignment?: Alignment }>;
}
interface PdfMakeServer {
  setFonts(fonts: Record<string, FontFamily>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: DocDefinition): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);

// ---- one parsed font per font file, for every document ---------------------------------------------
//
// pdfkit opens each font anew for every document (fontkit.create on the file's bytes), and fontkit
// decodes a font's tables (cmap, GSUB/GPOS lookups, glyph metrics) lazily on that new object: most of
// a render's time went into decoding the same tables again (issue #11: median 35 ms, ~45 % in text
// layout over freshly decoded tables). A parsed fontkit font is read-only for its users (pdfkit
// subsets it per document with createSubset()), so pdfkit is given, in place of fontkit, the same
// module whose `create` answers the font already parsed from identical bytes. This must run before
// pdfmake (and so pdfkit) is first required; fontkitSharedWithPdfkit() below checks that it took.

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
    // only the four Roboto files can be read (setLocalAccessPolicy), so this list stays that short
    parsedFonts.push({ bytes: Uint8Array.from(bytes), postscriptName, font });
    return font;
  },
});
const fontkitModule = require.cache[fontkitPath];
if (fontkitModule) fontkitModule.exports = sharedFontkit;

const pdfMake = require('pdfmake') as PdfMakeServer;

/** Whether pdfkit uses the shared fonts (false if pdfkit was loaded before this module). */
export function fontkitSharedWithPdfkit(): boolean {
  return (require(fontkitPath) as unknown) === sharedFontkit && parsedFonts.length <= Object.keys(ROBOTO).length;
}

const ROBOTO: FontFamily = {
  normal: require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
  bold: require.resolve('pdfmake/fonts/Roboto/Roboto-Medium.ttf'),
  italics: require.resolve('pdfmake/fonts/Roboto/Roboto-Italic.ttf'),
  bolditalics: require.resolve('pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf'),
};
const ALLOWED_FILES = new Set(Object.values(ROBOTO));

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

const PAGE_MARGINS: Margins = [50, 45, 50, 75];
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const LINE = '#b8bec6';

const rowsLayout: TableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: LINE,
  paddingLeft: () => 0,
  paddingRight: () => 6,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};
const boxLayout: TableLayout = { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: '#555', vLineColor: '#555' };

// The text styles, written into each node rather than named in `styles`: pdfmake looks every property of
// every word up through the style stack, and a named style is one more entry to search (with a new `Set`
// each time); the values, and so the document, are the same.
const STYLE = {
  title: (): Partial<TextNode> => ({ fontSize: 13.5, bold: true, alignment: 'center', margin: [0, 0, 0, 8] }),
  section: (): Partial<TextNode> => ({ fontSize: 11.5, bold: true, color: '#0b3d7a', margin: [0, 14, 0, 5] }),
  label: (): Partial<TextNode> => ({ color: '#4a4f55' }),
  caption: (): Partial<TextNode> => ({ fontSize: 9, color: '#4a4f55', alignment: 'center', margin: [0, 3, 0, 0] }),
  note: (): Partial<TextNode> => ({ fontSize: 9, color: '#4a4f55', margin: [0, 10, 0, 0] }),
};

function section(title: string): TextNode {
  return { text: title, ...STYLE.section() };
}

function fields(rows: [string, string | null | undefined][]): TableNode {
  return {
    table: {
      widths: [165, '*'],
      dontBreakRows: true,
      body: rows.map(([label, value]) => [
        { text: label, ...STYLE.label() },
        { text: show(value), bold: true },
      ]),
    },
    layout: rowsLayout,
  };
}

/** An empty bordered box (for a stamp or a signature) with its caption under it. */
function box(caption: string, height: number): StackNode {
  return {
    unbreakable: true,
    stack: [
      { table: { widths: ['*'], heights: height, body: [['']] }, layout: boxLayout },
      { text: caption, ...STYLE.caption() },
    ],
  };
}

/** One numbered request: role name in bold, its description, "Numer wniosku: U……/YYYY". */
function requestItem(r: ApplicationPdfData['requests'][number], index: number): ColumnsNode {
  return {
    margin: [0, 0, 0, 8],
    columns: [
      { text: `${index + 1}.`, width: 16 },
      {
        width: '*',
        stack: [
          { text: show(r.roleName), bold: true },
          { text: show(r.roleDescription), margin: [0, 1, 0, 1] },
          { text: ['Numer wniosku: ', { text: show(r.number), bold: true }] },
        ],
      },
    ],
  };
}

function buildDocument(data: ApplicationPdfData): DocDefinition {
  const { verifier, user, unit } = data;
  const printed = formatPrintDate(data.printedAt);
  const host = hostOf(data.systemUrl);
  const numbers = data.requests.map((r) => r.number).join(', ');

  const content: Content[] = [
    { text: APPLICATION_PDF_TITLE, ...STYLE.title() },

    section('Miejsce przekazania wniosku'),
    { text: 'Podpisany wniosek należy wczytać do systemu SSOZ lub przekazać do jednostki:', margin: [0, 0, 0, 3] },
    fields([
      ['Nazwa jednostki', verifier.name],
      ['Adres e-mail', verifier.email],
    ]),

    section('Dane użytkownika'),
    fields([
      ['Login', user.login],
      ['Nazwisko', user.lastName],
      ['Imię', user.firstName],
      ['Telefon', user.phone],
      ['Adres e-mail', user.email],
    ]),

    section('Dane jednostki'),
    fields([
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
    ]),
    {
      columns: [
        { text: '', width: '*' },
        { ...box('Pieczęć jednostki', 70), width: 230 },
      ],
      margin: [0, 10, 0, 0],
    },

    // The heading stays on the page of the first request; every request stays whole.
    ...data.requests.map((r, i): StackNode => ({
      unbreakable: true,
      stack: i === 0 ? [section('Uprawnienie/a, o które wnioskuje użytkownik w SSOZ'), requestItem(r, i)] : [requestItem(r, i)],
    })),

    {
      unbreakable: true,
      margin: [0, 14, 0, 0],
      stack: [
        {
          columns: [
            { ...box('Podpis kierownika jednostki', 60), width: '*' },
            { ...box('Podpis użytkownika', 60), width: '*' },
          ],
          columnGap: 40,
        },
      ],
    },

    {
      unbreakable: true,
      stack: [
        section('Oświadczenie'),
        { text: 'Potwierdzam zgodność danych ze stanem faktycznym' },
        {
          text:
            'Aby proces wnioskowania mógł zostać zakończony podpisany dokument załącz do wniosku od razu lub później, bądź prześlij mailem. ' +
            'Załączony plik mogą stanowić skany, zdjęcia dokumentu. Dopuszczalny format załączanych plików to pdf oraz jpg.',
          ...STYLE.note(),
        },
      ],
    },
  ];

  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'pl-PL',
    info: {
      title: APPLICATION_PDF_TITLE,
      author: 'SSOZ II',
      subject: `Numery wniosków: ${numbers}`,
      creator: 'SSOZ II',
      producer: 'SSOZ II (pdfmake)',
      creationDate: data.printedAt,
      modDate: data.printedAt,
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15, color: '#1b1b1b' },
    styles: {},
    content,
    footer: (currentPage, pageCount) => ({
      margin: [PAGE_MARGINS[0], 18, PAGE_MARGINS[2], 0],
      fontSize: 8,
      color: '#4a4f55',
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: LINE }], margin: [0, 0, 0, 4] },
        {
          columns: [
            { text: `Dokument został utworzony w systemie informatycznym SSOZ: ${host}`, width: '*' },
            { text: `Strona ${currentPage} z ${pageCount}`, width: 'auto', alignment: 'right' },
          ],
        },
        { text: `Data wydruku ${printed}` },
      ],
    }),
  };
}

/** Renders the application for all requested roles as one A4 PDF. Throws a RangeError without requests. */
export async function renderApplicationPdf(data: ApplicationPdfData): Promise<Buffer> {
  if (data.requests.length === 0) throw new RangeError('an application PDF needs at least one request');
  const doc = buildDocument(data);
  // Set the shared singleton's state and create the document in one synchronous run (see top).
  pdfMake.setFonts({ Roboto: { ...ROBOTO } });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((path) => ALLOWED_FILES.has(path));
  return pdfMake.createPdf(doc).getBuffer();
}
