// TERC part of the TERYT register (GUS): voivodeships, powiats and gminas, read from the CSV kept in
// reference/. Used for demo-registry addresses and for validating TERYT codes on import.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Voivodeship {
  code: string; // 2 digits
  name: string; // lower-case, as TERC uses in addresses: 'mazowieckie'
}

export interface Powiat {
  code: string; // 4 digits: WOJ+POW
  voivodeshipCode: string;
  name: string; // 'bolesławiecki', or the city for cities with powiat rights: 'Poznań'
  isCity: boolean; // miasto na prawach powiatu
}

/** RODZ: 1 urban, 2 rural, 3 urban-rural, 4 its town, 5 its rural area, 8 Warsaw district, 9 delegatura. */
export type GminaKind = '1' | '2' | '3' | '4' | '5' | '8' | '9';

export interface Gmina {
  teryt: string; // 7 chars: WOJ+POW+GMI+RODZ
  voivodeshipCode: string;
  powiatCode: string;
  name: string;
  kind: GminaKind;
  kindName: string; // NAZWA_DOD: 'gmina wiejska', 'miasto', 'delegatura' …
}

export interface TerytData {
  asOf: string; // STAN_NA
  voivodeships: readonly Voivodeship[];
  powiats: readonly Powiat[];
  gminas: readonly Gmina[];
}

export const DEFAULT_TERC_PATH = fileURLToPath(new URL('../../reference/teryt-terc-2024-01-01.csv', import.meta.url));

const COLUMNS = ['WOJ', 'POW', 'GMI', 'RODZ', 'NAZWA', 'NAZWA_DOD', 'STAN_NA'] as const;
const GMINA_KINDS = new Set<string>(['1', '2', '3', '4', '5', '8', '9']);

/** Splits one `;`-separated line; GUS exports are unquoted, but a re-saved file may quote fields. */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ';') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

export function parseTerc(text: string): TerytData {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = splitLine(lines[0] ?? '').map((h) => h.toUpperCase());
  const idx = COLUMNS.map((c) => header.indexOf(c));
  if (idx.some((i) => i < 0)) throw new Error(`TERC: header must contain ${COLUMNS.join(';')}, got "${lines[0] ?? ''}"`);
  const [iWoj, iPow, iGmi, iRodz, iName, iDod, iStan] = idx as [number, number, number, number, number, number, number];

  const voivodeships: Voivodeship[] = [];
  const powiats: Powiat[] = [];
  const gminas: Gmina[] = [];
  let asOf = '';
  for (let n = 1; n < lines.length; n++) {
    const f = splitLine(lines[n] ?? '');
    const woj = f[iWoj] ?? '',
      pow = f[iPow] ?? '',
      gmi = f[iGmi] ?? '',
      rodz = f[iRodz] ?? '';
    const name = f[iName] ?? '',
      dod = f[iDod] ?? '';
    asOf ||= f[iStan] ?? '';
    const bad = (why: string): never => {
      throw new Error(`TERC line ${n + 1}: ${why}: "${lines[n] ?? ''}"`);
    };
    if (!/^\d{2}$/.test(woj) || name === '') bad('bad WOJ or empty NAZWA');
    if (pow === '') {
      // GUS writes voivodeship names in capitals; addresses use lower case.
      voivodeships.push({ code: woj, name: name.toLocaleLowerCase('pl') });
    } else if (gmi === '') {
      if (!/^\d{2}$/.test(pow)) bad('bad POW');
      powiats.push({ code: woj + pow, voivodeshipCode: woj, name, isCity: /na prawach powiatu/.test(dod) });
    } else {
      if (!/^\d{2}$/.test(pow) || !/^\d{2}$/.test(gmi) || !GMINA_KINDS.has(rodz)) bad('bad POW, GMI or RODZ');
      gminas.push({ teryt: woj + pow + gmi + rodz, voivodeshipCode: woj, powiatCode: woj + pow, name, kind: rodz as GminaKind, kindName: dod });
    }
  }
  return { asOf, voivodeships, powiats, gminas };
}

const cache = new Map<string, TerytData>();

/** Parsed once per path and process: the file never changes while the application runs. */
export function loadTeryt(path: string = DEFAULT_TERC_PATH): TerytData {
  let data = cache.get(path);
  if (!data) {
    data = parseTerc(readFileSync(path, 'utf8'));
    cache.set(path, data);
  }
  return data;
}

interface Index {
  voivodeship: Map<string, Voivodeship>;
  powiat: Map<string, Powiat>;
  gmina: Map<string, Gmina>;
}
const indexes = new WeakMap<TerytData, Index>();

function indexOf(data: TerytData): Index {
  let ix = indexes.get(data);
  if (!ix) {
    ix = {
      voivodeship: new Map(data.voivodeships.map((v) => [v.code, v])),
      powiat: new Map(data.powiats.map((p) => [p.code, p])),
      gmina: new Map(data.gminas.map((g) => [g.teryt, g])),
    };
    indexes.set(data, ix);
  }
  return ix;
}

export function findVoivodeship(code: string, data: TerytData = loadTeryt()): Voivodeship | undefined {
  return indexOf(data).voivodeship.get(code);
}

/** `code`: 4 digits (WOJ+POW). */
export function findPowiat(code: string, data: TerytData = loadTeryt()): Powiat | undefined {
  return indexOf(data).powiat.get(code);
}

/** `teryt`: 7 chars (WOJ+POW+GMI+RODZ). */
export function findGmina(teryt: string, data: TerytData = loadTeryt()): Gmina | undefined {
  return indexOf(data).gmina.get(teryt);
}

export interface GminaPlace {
  gmina: Gmina;
  powiat: Powiat;
  voivodeship: Voivodeship;
}

/** A gmina with its powiat and voivodeship, i.e. the three address names a unit record carries. */
export function describeGmina(teryt: string, data: TerytData = loadTeryt()): GminaPlace | undefined {
  const gmina = findGmina(teryt, data);
  if (!gmina) return undefined;
  const powiat = findPowiat(gmina.powiatCode, data);
  const voivodeship = findVoivodeship(gmina.voivodeshipCode, data);
  return powiat && voivodeship ? { gmina, powiat, voivodeship } : undefined;
}
