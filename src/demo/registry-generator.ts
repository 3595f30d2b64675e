// Deterministic demo registry (spec/demo-data.md, "The generated registry"): ~26.6k reporting units with
// realistic Polish names, valid and unique NIP/REGON, real TERYT places, addresses and contacts, so search,
// sorting and pagination meet the real registry's size. Pure code: same seed → same units, no I/O but TERC.
import { completeNip, completeRegon9 } from '../domain/identifiers.ts';
import { loadTeryt, type Gmina, type Powiat, type TerytData } from '../lib/teryt.ts';
import { NAMED_UNITS, RESERVED_IDENTIFIERS } from './named-units.ts';

export type GeneratedKindCode = 'PODM' | 'PRAKT' | 'GM' | 'JEDN_ORG' | 'PSSE';

export interface GeneratedUnit {
  key: string;
  kindCode: GeneratedKindCode;
  name: string;
  nip: string;
  regon: string;
  registryBookNo: string | null; // 12 digits for PODM/PRAKT (księga rejestrowa RPWDL), null otherwise
  teryt: string;
  voivodeshipCode: string;
  voivodeship: string;
  powiat: string;
  gmina: string;
  locality: string;
  postalCode: string;
  street: string;
  buildingNo: string;
  phone: string;
  email: string;
  isAddictionCare: boolean;
}

export const DEFAULT_SEED = 20_240_101;
export const DEFAULT_COUNT = 26_600;

// ───────────────────────── PRNG ─────────────────────────

/** mulberry32: tiny, fast, well-distributed 32-bit PRNG; enough for demo data and fully reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

/** FNV-1a: place-derived details (postal prefix, area code) depend on the place only, not on draw order. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

// ───────────────────────── Polish locative ─────────────────────────

// Irregular or multi-word names the rules below would get wrong (checked against every town in TERC).
const LOCATIVE_EXCEPTIONS: Record<string, string> = {
  Białystok: 'Białymstoku',
  Łódź: 'Łodzi',
  Chełm: 'Chełmie',
  Bydgoszcz: 'Bydgoszczy',
  Zamość: 'Zamościu',
  Koło: 'Kole',
  Nakło: 'Nakle',
  Jasło: 'Jaśle',
  Wisła: 'Wiśle',
  Piła: 'Pile',
  Skała: 'Skale',
  Boguchwała: 'Boguchwale',
  Zakopane: 'Zakopanem',
  Końskie: 'Końskich',
  Kolonowskie: 'Kolonowskiem',
  Zawadzkie: 'Zawadzkiem',
  Czarne: 'Czarnem',
  Dobre: 'Dobrem',
  Nowe: 'Nowem',
  Jedwabne: 'Jedwabnem',
  Skępe: 'Skępem',
  Jastrowie: 'Jastrowiu',
  Międzylesie: 'Międzylesiu',
  Międzyzdroje: 'Międzyzdrojach',
  Brzeszcze: 'Brzeszczach',
  Orzesze: 'Orzeszu',
  Korsze: 'Korszach',
  Siedliszcze: 'Siedliszczu',
  Chodzież: 'Chodzieży',
  Gołdap: 'Gołdapi',
  Jastrząb: 'Jastrzębiu',
  Bardo: 'Bardzie',
  Ujazd: 'Ujeździe',
  Łobez: 'Łobzie',
  Sztum: 'Sztumie',
  Sopot: 'Sopocie',
  Łęczna: 'Łęcznej',
  Przysucha: 'Przysusze',
  Piaski: 'Piaskach',
  Stawiski: 'Stawiskach',
  Biała: 'Białej',
  Dobra: 'Dobrej',
  Leśna: 'Leśnej',
  Osieczna: 'Osiecznej',
  Szczytna: 'Szczytnej',
  Wysoka: 'Wysokiej',
  Limanowa: 'Limanowej',
  Kolbuszowa: 'Kolbuszowej',
  Bobowa: 'Bobowej',
  Szlichtyngowa: 'Szlichtyngowej',
  Kargowa: 'Kargowej',
  Iłowa: 'Iłowej',
  Błażowa: 'Błażowej',
  Poniatowa: 'Poniatowej',
  'Jelenia Góra': 'Jeleniej Górze',
  'Zielona Góra': 'Zielonej Górze',
  'Kamienna Góra': 'Kamiennej Górze',
  'Góra Kalwaria': 'Górze Kalwarii',
  'Tarnowskie Góry': 'Tarnowskich Górach',
  'Biała Podlaska': 'Białej Podlaskiej',
  'Biała Piska': 'Białej Piskiej',
  'Biała Rawska': 'Białej Rawskiej',
  'Nowy Sącz': 'Nowym Sączu',
  'Stary Sącz': 'Starym Sączu',
  'Nowy Targ': 'Nowym Targu',
  'Nowy Tomyśl': 'Nowym Tomyślu',
  'Nowy Dwór Mazowiecki': 'Nowym Dworze Mazowieckim',
  'Nowy Dwór Gdański': 'Nowym Dworze Gdańskim',
  'Nowy Korczyn': 'Nowym Korczynie',
  'Nowy Staw': 'Nowym Stawie',
  'Nowy Wiśnicz': 'Nowym Wiśniczu',
  'Nowa Sól': 'Nowej Soli',
  'Nowa Dęba': 'Nowej Dębie',
  'Nowa Ruda': 'Nowej Rudzie',
  'Nowa Sarzyna': 'Nowej Sarzynie',
  'Nowa Słupia': 'Nowej Słupi',
  'Nowe Brzesko': 'Nowym Brzesku',
  'Nowe Miasteczko': 'Nowym Miasteczku',
  'Nowe Miasto': 'Nowym Mieście',
  'Nowe Miasto Lubawskie': 'Nowym Mieście Lubawskim',
  'Nowe Skalmierzyce': 'Nowych Skalmierzycach',
  'Nowe Warpno': 'Nowym Warpnie',
  'Dobre Miasto': 'Dobrym Mieście',
  'Biały Bór': 'Białym Borze',
  'Złoty Stok': 'Złotym Stoku',
  'Czarna Białostocka': 'Czarnej Białostockiej',
  'Czarna Woda': 'Czarnej Wodzie',
  'Czarny Dunajec': 'Czarnym Dunajcu',
  'Murowana Goślina': 'Murowanej Goślinie',
  'Miejska Górka': 'Miejskiej Górce',
  'Piława Górna': 'Piławie Górnej',
  'Podkowa Leśna': 'Podkowie Leśnej',
  'Szklarska Poręba': 'Szklarskiej Porębie',
  'Kazimierza Wielka': 'Kazimierzy Wielkiej',
  'Mszana Dolna': 'Mszanie Dolnej',
  'Rejowiec Fabryczny': 'Rejowcu Fabrycznym',
  'Brześć Kujawski': 'Brześciu Kujawskim',
  'Borne Sulinowo': 'Bornem Sulinowie',
  'Konstancin-Jeziorna': 'Konstancinie-Jeziornie',
  'Ruciane-Nida': 'Rucianem-Nidzie',
  'Boguszów-Gorce': 'Boguszowie-Gorcach',
  'Bielsko-Biała': 'Bielsku-Białej',
  'Skarżysko-Kamienna': 'Skarżysku-Kamiennej',
  'Golub-Dobrzyń': 'Golubiu-Dobrzyniu',
  'Dąbrowa Górnicza': 'Dąbrowie Górniczej',
  'Ruda Śląska': 'Rudzie Śląskiej',
  'Środa Śląska': 'Środzie Śląskiej',
  'Środa Wielkopolska': 'Środzie Wielkopolskiej',
  'Sucha Beskidzka': 'Suchej Beskidzkiej',
  'Stalowa Wola': 'Stalowej Woli',
  'Zduńska Wola': 'Zduńskiej Woli',
  'Ostrów Mazowiecka': 'Ostrowi Mazowieckiej',
  'Wysokie Mazowieckie': 'Wysokiem Mazowieckiem',
  'Rabka-Zdrój': 'Rabce-Zdroju',
  'Piwniczna-Zdrój': 'Piwnicznej-Zdroju',
  'Międzyrzec Podlaski': 'Międzyrzecu Podlaskim',
  Chojna: 'Chojnie',
  Błonie: 'Błoniu',
  Kolonia: 'Kolonii',
  Linia: 'Linii',
  'Stronie Śląskie': 'Stroniu Śląskim',
};

// Single words that look like nouns but decline as adjectives.
const ADJECTIVE_WORDS = /^(Biała|Dobra|Sucha|Stara|Nowa|Wysoka|Wielka|Mała|Krasna|Czarna|Zielona|Złota|Głęboka|Długa|Szeroka|Lipowa|Bystra|Mokra|Święta)$/;
// Most single-word names in -owa are adjectival (Limanowa → Limanowej); these few are nouns.
const NOUNS_IN_OWA = /^(Częstochowa|Dąbrowa|Wschowa|Kudowa|Włoszczowa)$/;

type Gender = 'm' | 'f' | 'n' | 'pl';

// [ending, replacement or null (= unsure), gender]; the first match wins, so order matters.
const NOUN_RULES: readonly [RegExp, string | null, Gender][] = [
  [/(ic|yc|lc|wc)e$/, '$1ach', 'pl'],
  [/([iy])cze$/, '$1czach', 'pl'],
  [/ele$/, 'elach', 'pl'], // Katowice, Kielce, Siemiatycze, Chorzele
  [/(sz|cz|rz|ż)ki$/, '$1kach', 'pl'],
  [/(s|c|z)ki$/, null, 'pl'],
  [/([kg])i$/, '$1ach', 'pl'], // Koluszki, Suwałki (not adjectival -ski/-cki)
  [/y$/, 'ach', 'pl'],
  [/([iy])ska$/, '$1skach', 'pl'],
  [/ska$/, null, 'f'], // Tychy, Puławy, Brzeziny; Pobiedziska, Brzyska; not Płaska
  [/ów$/, 'owie', 'm'], // Kraków → Krakowie
  [/([oe])wo$/, '$1wie', 'n'], // Wejherowo → Wejherowie
  [/(rz|sz|cz|ż)no$/, '$1nie', 'n'],
  [/zno$/, 'źnie', 'n'],
  [/sno$/, 'śnie', 'n'],
  [/no$/, 'nie', 'n'], // Jaworzno, Gniezno, Krosno, Kutno
  [/ko$/, 'ku', 'n'], // Bielsko, Kłodzko, Olecko, Drezdenko
  [/([iy])n$/, '$1nie', 'm'],
  [/an$/, 'anie', 'm'], // Lublin, Olsztyn, Kościan
  [/ń$/, 'niu', 'm'], // Poznań → Poznaniu
  [/iek$/, 'ieku', 'm'],
  [/ek$/, 'ku', 'm'],
  [/k$/, 'ku', 'm'], // Osiek; Włocławek → Włocławku; Gdańsk, Rybnik, Ełk
  [/rzec$/, null, 'm'],
  [/niec$/, 'ńcu', 'm'],
  [/dziec$/, 'dźcu', 'm'],
  [/([wpbml])iec$/, '$1cu', 'm'],
  [/iec$/, null, 'm'],
  [/ec$/, 'cu', 'm'], // not -rzec (Samborzec → Samborcu, Międzyrzec → Międzyrzecu); Lubliniec, Nowogrodziec, Sosnowiec, Grójec
  [/(g|ch|sz|cz|rz|ż|dz|c|j|l)$/, '$1u', 'm'], // Elbląg, Wałbrzych, Kalisz, Wałcz, Sandomierz, Grudziądz, Sierpc, Biłgoraj
  [/ść$/, 'ści', 'f'],
  [/dź$/, 'dzi', 'f'], // Pakość, Czeladź
  [/([oyi])m$/, '$1miu', 'm'],
  [/([euł])m$/, '$1mie', 'm'], // Radom, Bytom, Oświęcim; Śrem
  [/ław$/, 'ławiu', 'm'],
  [/w$/, 'wie', 'm'], // Wrocław → Wrocławiu, Sochaczew → Sochaczewie
  [/st$/, 'ście', 'm'],
  [/([^e])t$/, '$1cie', 'm'],
  [/([^e])d$/, '$1dzie', 'm'],
  [/([^e])r$/, '$1rze', 'm'],
  [/([^e])ł$/, '$1le', 'm'],
  [/ąca$/, null, 'f'],
  [/ca$/, 'cy', 'f'],
  [/(rz|sz|cz|ż|dz)a$/, '$1y', 'f'], // Legnica → Legnicy, Łomża → Łomży
  [/ka$/, 'ce', 'f'],
  [/ga$/, 'dze', 'f'],
  [/wa$/, 'wie', 'f'],
  [/([iy])na$/, '$1nie', 'f'],
  [/da$/, 'dzie', 'f'],
  [/ra$/, 'rze', 'f'],
  [/sa$/, 'sie', 'f'],
  [/ta$/, 'cie', 'f'],
  [/([bpm])a$/, '$1ie', 'f'],
  [/ria$/, 'rii', 'f'],
  [/([^aeiouy])ia$/, '$1i', 'f'],
  [/([cs])ja$/, '$1ji', 'f'],
  [/ja$/, 'i', 'f'],
  [/la$/, 'li', 'f'], // Bogoria, Gdynia, Złotoryja, Tuchola
  // -nie and -le are often plurals (Uchanie → Uchaniach, Kowale → Kowalach), so only safe ones:
  [/(ci|dzi|rz|bi)e$/, '$1u', 'n'],
  [/(pol|źl)e$/, '$1u', 'n'], // Świnoujście, Zabrze, Jastrzębie, Opole, Koźle
];

/** Locative of a single noun, with its grammatical gender for agreeing adjectives, or null when unsure. */
function nounLocative(word: string): [string, Gender] | null {
  if (ADJECTIVE_WORDS.test(word) || (word.endsWith('owa') && !NOUNS_IN_OWA.test(word))) return null;
  // ó before a final consonant alternates with o: Wyszogród → Wyszogrodzie, Zdrój → Zdroju.
  const stem = word.replace(/ó(dz|rz|[dgjrzł])$/, 'o$1');
  for (const [re, to, g] of NOUN_RULES) {
    if (re.test(stem)) return to === null ? null : [stem.replace(re, to), g];
  }
  return null;
}

/** Adjective after a town noun, agreeing with it: Kujawski → Kujawskim, Mazowiecka → Mazowieckiej, Dolne → Dolnych. */
function adjectiveLocative(adj: string, g: Gender): string | null {
  const m = /^(.+(?:sk|ck|dzk|zk)|Doln|Górn|Wielk|Mał)(i|y|a|ie|e)$/.exec(adj);
  if (!m) return null;
  const stem = m[1] ?? '';
  const soft = /[kg]$/.test(stem); // -k-/-g- stems take i: Kujawskim, Wielkiej
  const ending = m[2] ?? '';
  const kind = ending === 'a' ? 'f' : ending === 'e' || ending === 'ie' ? 'ne' : 'm';
  if (g === 'f' && kind === 'f') return `${stem}${soft ? 'iej' : 'ej'}`;
  if ((g === 'm' && kind === 'm') || (g === 'n' && kind === 'ne')) return `${stem}${soft ? 'im' : 'ym'}`;
  if (g === 'pl' && kind === 'ne') return `${stem}${soft ? 'ich' : 'ych'}`;
  return null;
}

/** Locative case of a Polish place name ('Kutno' → 'Kutnie'), or null when the rules cannot be trusted. */
export function locativePl(name: string): string | null {
  const known = LOCATIVE_EXCEPTIONS[name];
  if (known) return known;
  const rest = / (nad|pod|przy) .+$/.exec(name); // Kazimierz nad Wisłą: only the head declines
  if (rest) {
    const head = locativePl(name.slice(0, rest.index));
    return head && head + rest[0];
  }
  const words = name.split(' ');
  if (words.length === 1) {
    const parts = name.split('-'); // Kędzierzyn-Koźle, Czechowice-Dziedzice, Busko-Zdrój
    const declined = parts.map((p) => LOCATIVE_EXCEPTIONS[p] ?? nounLocative(p)?.[0] ?? null);
    return declined.every((p) => p !== null) ? declined.join('-') : null;
  }
  if (words.length === 2) {
    const [noun, adj] = words as [string, string];
    const n = nounLocative(noun);
    if (!n) return null;
    const a = adjectiveLocative(adj, n[1]);
    return a && `${n[0]} ${a}`;
  }
  return null;
}

/** 'w Kutnie', 'we Wrocławiu' (we before w/f + consonant), or null. */
export function inPlace(name: string): string | null {
  const loc = locativePl(name);
  if (!loc) return null;
  return `${/^[WwFf][^aąeęioóuy]/.test(loc) ? 'we' : 'w'} ${loc}`;
}

// ───────────────────────── word lists ─────────────────────────

const FIRST_F = [
  'Anna',
  'Maria',
  'Katarzyna',
  'Małgorzata',
  'Agnieszka',
  'Barbara',
  'Ewa',
  'Krystyna',
  'Elżbieta',
  'Magdalena',
  'Joanna',
  'Aleksandra',
  'Monika',
  'Zofia',
  'Teresa',
  'Danuta',
  'Natalia',
  'Karolina',
  'Marta',
  'Beata',
  'Dorota',
  'Justyna',
  'Jolanta',
  'Halina',
  'Iwona',
  'Grażyna',
  'Renata',
  'Paulina',
  'Agata',
  'Urszula',
  'Sylwia',
  'Hanna',
  'Izabela',
  'Edyta',
  'Alicja',
] as const;
const FIRST_M = [
  'Piotr',
  'Krzysztof',
  'Andrzej',
  'Tomasz',
  'Jan',
  'Paweł',
  'Michał',
  'Marcin',
  'Stanisław',
  'Jakub',
  'Adam',
  'Marek',
  'Łukasz',
  'Grzegorz',
  'Mateusz',
  'Wojciech',
  'Mariusz',
  'Dariusz',
  'Zbigniew',
  'Jerzy',
  'Maciej',
  'Rafał',
  'Robert',
  'Kamil',
  'Józef',
  'Janusz',
  'Ryszard',
  'Kazimierz',
  'Sławomir',
  'Artur',
  'Bartosz',
  'Przemysław',
] as const;
const SURNAMES = [
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Dąbrowski',
  'Kozłowski',
  'Jankowski',
  'Mazur',
  'Wojciechowski',
  'Kwiatkowski',
  'Krawczyk',
  'Kaczmarek',
  'Piotrowski',
  'Grabowski',
  'Zając',
  'Pawłowski',
  'Michalski',
  'Król',
  'Wieczorek',
  'Jabłoński',
  'Wróbel',
  'Nowakowski',
  'Majewski',
  'Olszewski',
  'Stępień',
  'Malinowski',
  'Jaworski',
  'Adamczyk',
  'Dudek',
  'Nowicki',
  'Pawlak',
  'Górski',
  'Witkowski',
  'Walczak',
  'Sikora',
  'Baran',
  'Rutkowski',
  'Michalak',
  'Szewczyk',
  'Ostrowski',
  'Tomaszewski',
  'Pietrzak',
  'Duda',
  'Zalewski',
  'Wróblewski',
  'Jasiński',
  'Marciniak',
  'Bąk',
  'Zawadzki',
  'Jakubowski',
  'Sadowski',
  'Włodarczyk',
  'Chmielewski',
  'Borkowski',
  'Czarnecki',
  'Sawicki',
  'Sokołowski',
  'Urbański',
  'Kubiak',
  'Maciejewski',
  'Szczepański',
  'Kucharski',
  'Wilk',
  'Kalinowski',
  'Lis',
  'Mazurek',
  'Wysocki',
  'Adamski',
  'Kaźmierczak',
  'Wasilewski',
  'Sobczak',
  'Czerwiński',
  'Andrzejewski',
  'Cieślak',
  'Głowacki',
  'Zakrzewski',
  'Kołodziej',
  'Sikorski',
  'Krajewski',
  'Gajewski',
  'Szymczak',
  'Szulc',
  'Baranowski',
  'Laskowski',
  'Brzeziński',
  'Makowski',
  'Ziółkowski',
  'Przybylski',
] as const;
const BRANDS = [
  'Zdrowie',
  'Medica',
  'Medicus',
  'Eskulap',
  'Hipokrates',
  'Vita',
  'Salus',
  'Medyk',
  'Rodzina',
  'Panaceum',
  'Puls',
  'Promedica',
  'Salutaris',
  'Familia',
  'Nova-Med',
  'Avicenna',
  'Medivita',
  'Arnica',
  'Sanitas',
  'Galen',
  'Remedium',
  'Zdrowa Rodzina',
  'Twoje Zdrowie',
  'Nasze Zdrowie',
  'Pod Lipami',
  'Na Skarpie',
  'Słoneczna',
  'Jantar',
  'Bursztyn',
  'Omega',
  'Alfa-Med',
  'Amicus',
  'Cordis',
  'Cardio-Med',
  'Neuromed',
  'Dermed',
  'Ortomed',
  'Rehamed',
  'Kinezis',
  'Fizjomed',
  'Optimed',
  'Vitalis',
  'Salve',
  'Polimed',
  'Intermed',
  'Multimed',
  'Unimed',
  'Esculap',
  'Hygieia',
  'Meden',
  'Rodzinna',
  'Przy Parku',
  'Pod Dębami',
  'Zdrój',
  'Vigor',
  'Lecznica Rodzinna',
  'Ars Medica',
  'Corpus',
  'Sanus',
  'Medisan',
] as const;
const BRAND_PREFIX = [
  'Medi',
  'Vita',
  'Sana',
  'Pro',
  'Nova',
  'Poli',
  'Eko',
  'Omni',
  'Ami',
  'Ali',
  'Eli',
  'Ewa',
  'Kasia',
  'Gosia',
  'Max',
  'Bio',
  'Dar',
  'Jur',
  'Mar',
  'Bog',
] as const;
const BRAND_SUFFIX = ['-Med', 'med', '-Vita', '-Dent', '-Lux', '-Medica', '-Care', '-Medic', '-Zdrowie'] as const;
const SAINTS = [
  'św. Łazarza',
  'św. Józefa',
  'św. Jana Pawła II',
  'św. Anny',
  'św. Elżbiety',
  'Miłosierdzia Bożego',
  'Dobrego Samarytanina',
  'Caritas',
  'Matki Teresy z Kalkuty',
  'Ducha Świętego',
] as const;
const SPECIALTIES = [
  'Ginekologiczny',
  'Okulistyczny',
  'Pediatryczny',
  'Kardiologiczny',
  'Dermatologiczny',
  'Laryngologiczny',
  'Neurologiczny',
  'Ortopedyczny',
  'Urologiczny',
  'Psychiatryczny',
  'Endokrynologiczny',
  'Reumatologiczny',
  'Chirurgiczny',
  'Internistyczny',
  'Alergologiczny',
] as const;
const STREETS = [
  'ul. Kościuszki',
  'ul. Mickiewicza',
  'ul. Słowackiego',
  'ul. Polna',
  'ul. Leśna',
  'ul. Szkolna',
  'ul. Kościelna',
  'ul. Kolejowa',
  'ul. Długa',
  'ul. Krótka',
  'ul. Lipowa',
  'ul. Parkowa',
  'ul. Sienkiewicza',
  'ul. Jana Pawła II',
  'ul. 3 Maja',
  'ul. Piłsudskiego',
  'ul. Wojska Polskiego',
  'ul. Armii Krajowej',
  'ul. Kilińskiego',
  'ul. Żeromskiego',
  'ul. Prusa',
  'ul. Reymonta',
  'ul. Konopnickiej',
  'ul. Kopernika',
  'ul. Chopina',
  'ul. Ogrodowa',
  'ul. Zielona',
  'ul. Słoneczna',
  'ul. Kwiatowa',
  'ul. Wiejska',
  'ul. Klonowa',
  'ul. Brzozowa',
  'ul. Akacjowa',
  'ul. Poniatowskiego',
  'ul. Narutowicza',
  'ul. Batorego',
  'ul. Dworcowa',
  'ul. Wolności',
  'ul. Zdrowia',
  'ul. Szpitalna',
  'ul. Lekarska',
  'ul. Traugutta',
  'ul. Moniuszki',
  'ul. Staszica',
  'ul. Nowa',
  'Rynek',
  'pl. Wolności',
  'al. Niepodległości',
  'os. Słoneczne',
  'ul. Solidarności',
  'ul. Grunwaldzka',
  'ul. Mazowiecka',
  'ul. Wyszyńskiego',
] as const;
const RURAL_STREETS = [
  'ul. Główna',
  'ul. Szkolna',
  'ul. Kościelna',
  'ul. Polna',
  'ul. Leśna',
  'ul. Wiejska',
  'ul. Ogrodowa',
  'ul. Spacerowa',
  'ul. Lipowa',
  'ul. Długa',
] as const;

// Postal districts (first two digits) by voivodeship: [the voivode's seat city, the rest of the voivodeship].
const POSTAL: Record<string, readonly [readonly string[], readonly string[]]> = {
  '02': [
    ['50', '51', '52', '53', '54'],
    ['55', '56', '57', '58', '59'],
  ],
  '04': [['85'], ['86', '87', '88', '89']],
  '06': [['20'], ['21', '22', '23', '24']],
  '08': [['66'], ['65', '66', '67', '68', '69']],
  '10': [
    ['90', '91', '92', '93', '94'],
    ['95', '96', '97', '98', '99'],
  ],
  '12': [
    ['30', '31'],
    ['32', '33', '34'],
  ],
  '14': [
    ['00', '01', '02', '03', '04'],
    ['05', '06', '07', '08', '09', '26', '27'],
  ],
  '16': [['45'], ['46', '47', '48', '49']],
  '18': [['35'], ['36', '37', '38', '39']],
  '20': [['15'], ['16', '17', '18', '19']],
  '22': [['80'], ['81', '82', '83', '84', '76', '77']],
  '24': [['40'], ['41', '42', '43', '44']],
  '26': [['25'], ['26', '27', '28', '29']],
  '28': [['10'], ['11', '12', '13', '14', '19']],
  '30': [
    ['60', '61'],
    ['62', '63', '64'],
  ],
  '32': [
    ['70', '71'],
    ['72', '73', '74', '75', '78'],
  ],
};
// Landline area codes by voivodeship; the first is the capital's.
const AREA: Record<string, readonly string[]> = {
  '02': ['71', '74', '75', '76'],
  '04': ['52', '54', '56'],
  '06': ['81', '82', '83', '84'],
  '08': ['68', '95'],
  '10': ['42', '43', '44', '46'],
  '12': ['12', '13', '14', '18'],
  '14': ['22', '23', '24', '25', '29', '48'],
  '16': ['77'],
  '18': ['17', '13', '15', '16'],
  '20': ['85', '86', '87'],
  '22': ['58', '59'],
  '24': ['32', '33', '34'],
  '26': ['41', '15'],
  '28': ['89', '55', '87'],
  '30': ['61', '62', '63', '65', '67'],
  '32': ['91', '94'],
};
// Population in thousands (GUS, 2023, rounded): spreads units over the country roughly as people live.
const VOIVODESHIP_POPULATION: Record<string, number> = {
  '02': 2880,
  '04': 2000,
  '06': 2010,
  '08': 980,
  '10': 2380,
  '12': 3430,
  '14': 5510,
  '16': 950,
  '18': 2090,
  '20': 1150,
  '22': 2350,
  '24': 4350,
  '26': 1180,
  '28': 1350,
  '30': 3500,
  '32': 1650,
};
const CITY_POPULATION: Record<string, number> = {
  Warszawa: 1860,
  Kraków: 805,
  Wrocław: 674,
  Łódź: 655,
  Poznań: 540,
  Gdańsk: 486,
  Szczecin: 390,
  Bydgoszcz: 330,
  Lublin: 330,
  Białystok: 292,
  Katowice: 280,
  Gdynia: 243,
  Częstochowa: 208,
  Radom: 199,
  Rzeszów: 198,
  Toruń: 196,
  Sosnowiec: 192,
  Kielce: 185,
  Gliwice: 174,
  Olsztyn: 170,
  'Bielsko-Biała': 166,
  Zabrze: 156,
  Bytom: 159,
  'Zielona Góra': 139,
  Rybnik: 134,
  'Ruda Śląska': 134,
  Opole: 127,
  Tychy: 125,
  'Gorzów Wielkopolski': 119,
  'Dąbrowa Górnicza': 117,
  Elbląg: 115,
  Płock: 115,
  Wałbrzych: 108,
  Tarnów: 106,
  Włocławek: 105,
  Chorzów: 105,
  Koszalin: 105,
  Legnica: 98,
  Kalisz: 97,
};
// Powiat seats the name-matching heuristic in powiatSeat() cannot find.
const SEAT_OVERRIDES: Record<string, string> = {
  '0616': 'Ryki',
  '1009': 'Pajęczno',
  '1006': 'Łódź',
  '1414': 'Nowy Dwór Mazowiecki',
  '1432': 'Ożarów Mazowiecki',
  '2210': 'Nowy Dwór Gdański',
  '2204': 'Pruszcz Gdański',
  '3015': 'Nowy Tomyśl',
  '0804': 'Nowa Sól',
  '3009': 'Koło',
  '0601': 'Biała Podlaska',
  '2402': 'Bielsko-Biała',
  '1210': 'Nowy Sącz',
  '1211': 'Nowy Targ',
  '2006': 'Kolno',
  '0212': 'Lwówek Śląski',
  '0806': 'Strzelce Krajeńskie',
  '2814': 'Olsztyn',
  '0206': 'Jelenia Góra',
  '0218': 'Środa Śląska',
  '3025': 'Środa Wielkopolska',
  '1215': 'Sucha Beskidzka',
  '1217': 'Zakopane',
  '1801': 'Ustrzyki Dolne',
  '1812': 'Nisko',
  '2805': 'Ełk',
  '2412': 'Rybnik',
  '2414': 'Bieruń',
  '2809': 'Lidzbark Warmiński',
  '2812': 'Nowe Miasto Lubawskie',
};

// ───────────────────────── places ─────────────────────────

interface Place {
  gmina: Gmina; // the TERC row the unit's `teryt` points at
  powiat: Powiat;
  voivodeship: string;
  locality: string;
  rural: boolean;
}

interface Geography {
  places: Place[]; // every row an address can point at (not RODZ 3, not a city split into districts)
  byTeryt: Map<string, Place>;
  cumulative: Float64Array; // population weights for sampling
  townByName: Map<string, Place[]>;
  seats: Map<string, Place>; // powiat code → its seat's place
}

function buildGeography(data: TerytData): Geography {
  const powiats = new Map(data.powiats.map((p) => [p.code, p]));
  const voivNames = new Map(data.voivodeships.map((v) => [v.code, v.name]));
  const subdivided = new Set(data.gminas.filter((g) => g.kind === '8' || g.kind === '9').map((g) => g.powiatCode));
  const places: Place[] = [];
  for (const g of data.gminas) {
    if (g.kind === '3' || (g.kind === '1' && subdivided.has(g.powiatCode))) continue;
    const powiat = powiats.get(g.powiatCode);
    if (!powiat) throw new Error(`TERC: gmina ${g.teryt} without powiat`);
    // Districts and delegatury are parts of one city; rural gminas are named after their seat village.
    const locality = g.kind === '8' || g.kind === '9' ? powiat.name : g.name;
    places.push({ gmina: g, powiat, voivodeship: voivNames.get(g.voivodeshipCode) ?? '', locality, rural: g.kind === '2' || g.kind === '5' });
  }
  const byTeryt = new Map(places.map((p) => [p.gmina.teryt, p]));

  // Weight: big cities by population (split over their districts), towns and villages by kind, then
  // scaled so each voivodeship's total matches its population.
  const districts = new Map<string, number>();
  for (const p of places) if (p.gmina.kind === '8' || p.gmina.kind === '9') districts.set(p.powiat.code, (districts.get(p.powiat.code) ?? 0) + 1);
  const raw = places.map((p) => {
    if (p.powiat.isCity) return (CITY_POPULATION[p.powiat.name] ?? 60) / (districts.get(p.powiat.code) ?? 1);
    return { '1': 18, '4': 9, '2': 7, '5': 5 }[p.gmina.kind as '1' | '2' | '4' | '5'] ?? 5;
  });
  const perVoiv = new Map<string, number>();
  places.forEach((p, i) => perVoiv.set(p.gmina.voivodeshipCode, (perVoiv.get(p.gmina.voivodeshipCode) ?? 0) + (raw[i] ?? 0)));
  const cumulative = new Float64Array(places.length);
  let sum = 0;
  places.forEach((p, i) => {
    const v = p.gmina.voivodeshipCode;
    sum += ((raw[i] ?? 0) * (VOIVODESHIP_POPULATION[v] ?? 1000)) / (perVoiv.get(v) ?? 1);
    cumulative[i] = sum;
  });

  const townByName = new Map<string, Place[]>();
  for (const p of places) {
    if (p.rural) continue;
    const list = townByName.get(p.locality) ?? [];
    list.push(p);
    townByName.set(p.locality, list);
  }
  const seats = new Map<string, Place>();
  for (const powiat of data.powiats) {
    const seat = powiatSeat(powiat, places, townByName);
    if (seat) seats.set(powiat.code, seat);
  }
  return { places, byTeryt, cumulative, townByName, seats };
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const foldCache = new WeakMap<Place, string>();
/** Lower case without diacritics: the adjective softens or alternates letters (Żnin → żniński, Wołów → wołowski). */
const fold = (s: string): string =>
  s
    .toLocaleLowerCase('pl')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');

/** A city's own centre; a land powiat's town whose name the powiat adjective comes from (bolesławiecki → Bolesławiec). */
function powiatSeat(powiat: Powiat, places: Place[], towns: Map<string, Place[]>): Place | undefined {
  const central = (list: Place[]): Place | undefined => list.find((p) => /Śródmieście|Stare Miasto/.test(p.gmina.name)) ?? list[0];
  if (powiat.isCity) return central(places.filter((p) => p.powiat.code === powiat.code && !p.rural));
  const override = SEAT_OVERRIDES[powiat.code];
  if (override) return central((towns.get(override) ?? []).filter((p) => p.gmina.voivodeshipCode === powiat.voivodeshipCode));
  const adj = fold(powiat.name);
  const folded = (p: Place): string => foldCache.get(p) ?? foldCache.set(p, fold(p.locality)).get(p) ?? '';
  let best: Place | undefined;
  let bestLen = 2; // three shared letters suffice once diacritics are folded: górowski → Góra, żniński → Żnin
  // Prefer a town inside the powiat; a seat in a neighbouring city (krakowski → Kraków) comes second.
  for (const inside of [true, false]) {
    for (const p of places) {
      if (p.rural || p.gmina.voivodeshipCode !== powiat.voivodeshipCode) continue;
      if (inside ? p.powiat.code !== powiat.code : !p.powiat.isCity) continue;
      const len = commonPrefix(adj, folded(p));
      if (len > bestLen) {
        best = p;
        bestLen = len;
      }
    }
    if (best) return inside ? best : central(places.filter((p) => p.powiat.code === best?.powiat.code && !p.rural));
  }
  return undefined;
}

function samplePlace(geo: Geography, rng: Rng): Place {
  const total = geo.cumulative[geo.cumulative.length - 1] ?? 0;
  const x = rng.next() * total;
  let lo = 0,
    hi = geo.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((geo.cumulative[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return geo.places[lo] as Place;
}

// ───────────────────────── names ─────────────────────────

interface Person {
  first: string;
  last: string;
  female: boolean;
}

function person(rng: Rng): Person {
  const female = rng.chance(0.6); // most practices in the registry are run by women (nurses, dentists)
  const base = rng.pick(SURNAMES);
  const last = female ? base.replace(/(sk|ck|dzk|zk)i$/, '$1a') : base;
  return { first: rng.pick(female ? FIRST_F : FIRST_M), last, female };
}

function brand(rng: Rng): string {
  return rng.chance(0.6) ? rng.pick(BRANDS) : rng.pick(BRAND_PREFIX) + rng.pick(BRAND_SUFFIX);
}

/** 'w Kutnie'; where the locative is uncertain, a phrase that keeps the name in the nominative. */
function at(place: Place): string {
  return inPlace(place.locality) ?? (place.rural ? `w gminie ${place.gmina.name}` : `w miejscowości ${place.locality}`);
}

const legal = (rng: Rng): string => rng.pick(['Sp. z o.o.', 's.c.', 'Sp. z o.o.', '', 'Sp.j.', 'Sp. k.']);
const withLegal = (s: string, rng: Rng): string => `${s} ${legal(rng)}`.trim();

interface Draft {
  kindCode: GeneratedKindCode;
  name: string;
  place: Place;
  mailbox: string; // e-mail local part
  domain: string; // slug before .example.pl
  isAddictionCare: boolean;
}

function podmDraft(place: Place, rng: Rng): Draft {
  const b = brand(rng);
  const d = (name: string, domain: string, isAddictionCare = false): Draft => ({
    kindCode: 'PODM',
    name,
    place,
    mailbox: 'rejestracja',
    domain,
    isAddictionCare,
  });
  const local = `${b}-${place.locality}`;
  if (rng.chance(0.04)) {
    const here = inPlace(place.locality);
    const options = [
      `Centrum Terapii Uzależnień „${b}”`,
      `Niepubliczny Zakład Opieki Zdrowotnej Ośrodek Leczenia Uzależnień „${b}”`,
      `Poradnia Terapii Uzależnienia i Współuzależnienia od Alkoholu „${b}”`,
      `Ośrodek Leczenia Uzależnień od Narkotyków „${b}”`,
      ...(here ? [`Poradnia Leczenia Uzależnień ${here}`, `Ośrodek Terapii Uzależnień od Alkoholu ${here}`] : []),
    ];
    return d(rng.pick(options), `terapia-${local}`, true);
  }
  const r = rng.next();
  const surname = rng.pick(SURNAMES);
  if (r < 0.16) return d(withLegal(`Niepubliczny Zakład Opieki Zdrowotnej „${b}”`, rng), local);
  if (r < 0.26) return d(`NZOZ Przychodnia „${b}” ${rng.pick(['s.c.', 'Sp. z o.o.', `${surname} i Wspólnicy Sp.j.`])}`, local);
  if (r < 0.36) return d(`Przychodnia Rodzinna „${b}” Sp. z o.o.`, local);
  if (r < 0.44) return d(withLegal(`Przychodnia Lekarska „${b}”`, rng), local);
  if (r < 0.52) return d(`Centrum Medyczne „${b}” Sp. z o.o.`, local);
  if (r < 0.58) return d(withLegal(`Specjalistyczna Przychodnia Lekarska „${b}”`, rng), local);
  if (r < 0.66)
    return d(
      withLegal(`${rng.pick(['Przychodnia Stomatologiczna', 'Centrum Stomatologiczne', 'Specjalistyczna Przychodnia Stomatologiczna'])} „${b}”`, rng),
      `dent-${local}`,
    );
  if (r < 0.71)
    return d(
      withLegal(`${rng.pick(['Centrum Rehabilitacji', 'Zakład Rehabilitacji Leczniczej', 'Ośrodek Rehabilitacji Dziennej'])} „${b}”`, rng),
      `rehabilitacja-${local}`,
    );
  if (r < 0.75) return d(`Medyczne Laboratorium Diagnostyczne „${b}” Sp. z o.o.`, `lab-${local}`);
  if (r < 0.79) return d(withLegal(`Pielęgniarska Opieka Domowa „${b}”`, rng), `opieka-${local}`);
  if (r < 0.82) return d(`${rng.pick(['Zakład Opiekuńczo-Leczniczy', 'Hospicjum'])} ${rng.pick(SAINTS)} ${at(place)}`, `hospicjum-${place.locality}`);
  if (r < 0.85) return d(`Centrum Zdrowia Psychicznego „${b}”`, `czp-${local}`);
  if (r < 0.88) return d(`${rng.pick(['Szpital', 'Szpital Specjalistyczny', 'Klinika'])} „${b}” Sp. z o.o.`, `szpital-${local}`);
  const here = inPlace(place.locality);
  if (here) {
    const options = place.rural
      ? [`Samodzielny Publiczny Gminny Zakład Opieki Zdrowotnej ${here}`, `Samodzielny Publiczny Zakład Opieki Zdrowotnej ${here}`]
      : [
          `Samodzielny Publiczny Zakład Opieki Zdrowotnej ${here}`,
          `Samodzielny Publiczny Zespół Zakładów Opieki Zdrowotnej ${here}`,
          `Miejski Zespół Przychodni ${here}`,
          `Pogotowie Ratunkowe ${here}`,
          `Przychodnia Miejska nr ${1 + rng.int(9)} ${here}`,
        ];
    return d(rng.pick(options), `spzoz-${place.locality}`);
  }
  return d(`Niepubliczny Zakład Opieki Zdrowotnej „${b}” s.c.`, local);
}

function praktDraft(place: Place, rng: Rng): Draft {
  const p = person(rng);
  const who = `${p.first} ${p.last}`;
  const domain = `${p.first}-${p.last}`;
  const d = (name: string, mailbox = 'gabinet'): Draft => ({ kindCode: 'PRAKT', name, place, mailbox, domain, isAddictionCare: false });
  const r = rng.next();
  if (r < 0.22) return d(`Indywidualna Praktyka Lekarska ${who}`);
  if (r < 0.34) return d(`Indywidualna Specjalistyczna Praktyka Lekarska ${who}`);
  if (r < 0.48)
    return d(
      `${rng.pick(['Gabinet Stomatologiczny', 'Gabinet Stomatologiczny lek. dent.', 'Indywidualna Praktyka Lekarsko-Dentystyczna', 'Indywidualna Specjalistyczna Praktyka Lekarsko-Dentystyczna'])} ${who}`,
    );
  if (r < 0.62) return d(`Specjalistyczny Gabinet ${rng.pick(SPECIALTIES)} ${who}`);
  if (r < 0.72) return d(`Indywidualna Praktyka Pielęgniarska ${who}`);
  if (r < 0.76 && p.female) return d(`Indywidualna Praktyka Położnej ${who}`);
  if (r < 0.84) return d(`${rng.pick(['Praktyka Fizjoterapeutyczna', 'Indywidualna Praktyka Fizjoterapeutyczna'])} ${who}`);
  if (r < 0.9) return d(`Gabinet Lekarski ${who}`);
  const b = brand(rng);
  const r2 = rng.pick(SURNAMES);
  return {
    ...d(
      rng.pick([
        `Grupowa Praktyka Lekarska „${b}” s.c.`,
        `Grupowa Praktyka Pielęgniarek „${b}” s.c.`,
        `Grupowa Praktyka Lekarska ${rng.pick(SURNAMES)}, ${r2} s.c.`,
      ]),
      'rejestracja',
    ),
    domain: `${b}-${place.locality}`,
  };
}

function jednOrgDraft(place: Place, rng: Rng): Draft {
  const here = at(place);
  const n = 1 + rng.int(12);
  const b = brand(rng);
  const options = place.rural
    ? [
        `Ośrodek Zdrowia ${here}`,
        `Wiejski Ośrodek Zdrowia ${here}`,
        `Punkt Pielęgniarski ${here}`,
        `Filia Przychodni „${b}” ${here}`,
        `Gabinet Medycyny Szkolnej przy Szkole Podstawowej ${here}`,
      ]
    : [
        `Przychodnia Rejonowa nr ${n} ${here}`,
        `Poradnia Zdrowia Psychicznego nr ${n} ${here}`,
        `Poradnia Medycyny Pracy nr ${n} ${here}`,
        `Filia Przychodni „${b}” ${here}`,
        `Pracownia Diagnostyki Laboratoryjnej ${here}`,
        `Oddział Rehabilitacji Dziennej ${here}`,
        `Gabinet Medycyny Szkolnej przy Szkole Podstawowej nr ${n} ${here}`,
        `Punkt Szczepień nr ${n} ${here}`,
        `Poradnia Specjalistyczna nr ${n} ${here}`,
      ];
  return { kindCode: 'JEDN_ORG', name: rng.pick(options), place, mailbox: 'kontakt', domain: `${b}-${place.locality}-${n}`, isAddictionCare: false };
}

/** Offices and stations that exist once per gmina / powiat, plus hospitals in powiat seats. */
function structuralDrafts(data: TerytData, geo: Geography, rng: Rng): Draft[] {
  const out: Draft[] = [];
  const draft = (kindCode: GeneratedKindCode, name: string, place: Place, mailbox: string, domain: string): void => {
    out.push({ kindCode, name, place, mailbox, domain, isAddictionCare: false });
  };
  // Gmina offices: the urban-rural gmina's office sits in its town (RODZ 4); a split city's in its centre.
  for (const g of data.gminas) {
    if (!['1', '2', '3'].includes(g.kind)) continue;
    const place = geo.byTeryt.get(g.kind === '3' ? `${g.teryt.slice(0, 6)}4` : g.teryt) ?? geo.seats.get(g.powiatCode);
    if (!place) continue;
    const slug = g.name;
    if (g.kind === '2') draft('GM', `Urząd Gminy ${g.name}`, place, 'sekretariat', `ug-${slug}`);
    else if (g.kind === '3') draft('GM', `Urząd Miasta i Gminy ${g.name}`, place, 'sekretariat', `umig-${slug}`);
    else if (g.teryt === '1465011') draft('GM', 'Urząd m.st. Warszawy', place, 'sekretariat', 'um-warszawa');
    else {
      const here = inPlace(g.name);
      draft('GM', here ? `Urząd Miejski ${here}` : `Urząd Miasta ${g.name}`, place, 'sekretariat', `um-${slug}`);
    }
    // Rural gminas keep a Gminny Ośrodek Zdrowia in most of them.
    if (g.kind === '2' && rng.chance(0.6)) draft('JEDN_ORG', `Gminny Ośrodek Zdrowia ${at(place)}`, place, 'rejestracja', `goz-${slug}`);
  }
  const psseSeats = new Set<string>();
  for (const powiat of data.powiats) {
    const seat = geo.seats.get(powiat.code);
    if (!seat) continue;
    const here = inPlace(seat.locality);
    if (!powiat.isCity) {
      const name = here
        ? `Starostwo Powiatowe ${here}`
        : `Starostwo Powiatu ${powiat.name.replace(/(^|\s)\S/g, (c) => c.toLocaleUpperCase('pl')).replace(/i(?=\s|$)/g, 'iego')}`;
      draft('GM', name, seat, 'sekretariat', `starostwo-${powiat.name}`);
      if (here && seat.powiat.code === powiat.code) draft('PODM', `Szpital Powiatowy ${here} Sp. z o.o.`, seat, 'sekretariat', `szpital-${seat.locality}`);
    } else if (here && rng.chance(0.5)) {
      draft('PODM', `Szpital Miejski ${here}`, seat, 'sekretariat', `szpital-miejski-${seat.locality}`);
    }
    // One PSSE per seat town: a land powiat seated in a city shares the city's station, as in reality.
    if (!psseSeats.has(seat.locality + seat.gmina.voivodeshipCode)) {
      psseSeats.add(seat.locality + seat.gmina.voivodeshipCode);
      draft('PSSE', `Powiatowa Stacja Sanitarno-Epidemiologiczna ${at(seat)}`, seat, 'sekretariat', `psse-${seat.locality}`);
    }
  }
  // Voivodeship hospitals in the voivodes' seats (the named Urzędy Wojewódzkie say where those are).
  for (const uw of NAMED_UNITS.filter((u) => u.kindCode === 'UW')) {
    const seat = geo.byTeryt.get(uw.teryt);
    const here = seat && inPlace(seat.locality);
    if (seat && here) draft('PODM', `Wojewódzki Szpital Specjalistyczny ${here}`, seat, 'sekretariat', `wss-${seat.locality}`);
  }
  return out;
}

// ───────────────────────── identifiers & contacts ─────────────────────────

function slug(s: string): string {
  const folded = s
    .toLocaleLowerCase('pl')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  return folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

const SEAT_POWIATS = new Set(NAMED_UNITS.filter((u) => u.kindCode === 'UW').map((u) => u.teryt.slice(0, 4)));

function postalCode(place: Place, rng: Rng): string {
  const [seat, rest] = POSTAL[place.gmina.voivodeshipCode] ?? [['00'], ['00']];
  // A district derived from the powiat, and a third digit from the gmina, so one gmina's units look alike.
  const ranges = SEAT_POWIATS.has(place.powiat.code) ? seat : rest;
  const prefix = ranges[hash(place.powiat.code) % ranges.length] ?? '00';
  return `${prefix}-${hash(place.gmina.teryt) % 10}${rng.digits(2)}`;
}

function phone(place: Place, rng: Rng): string {
  const codes = AREA[place.gmina.voivodeshipCode] ?? ['22'];
  const area = place.powiat.isCity ? codes[0] : codes[hash(place.powiat.code) % codes.length];
  return `+48 ${area ?? '22'} ${2 + rng.int(7)}${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`;
}

class Identifiers {
  private readonly nips = new Set(RESERVED_IDENTIFIERS.nip);
  private readonly regons = new Set(RESERVED_IDENTIFIERS.regon);
  private readonly books = new Set(RESERVED_IDENTIFIERS.registryBookNo);
  private readonly domains = new Set(NAMED_UNITS.map((u) => u.email.split('@')[1] ?? ''));
  constructor(private readonly rng: Rng) {}

  nip(): string {
    for (;;) {
      // First three digits are a tax-office code, never starting with 0.
      const nip = completeNip(String(1 + this.rng.int(9)) + this.rng.digits(8));
      if (nip && !this.nips.has(nip)) {
        this.nips.add(nip);
        return nip;
      }
    }
  }

  regon(): string {
    for (;;) {
      const regon = completeRegon9(this.rng.digits(8));
      if (regon && !this.regons.has(regon)) {
        this.regons.add(regon);
        return regon;
      }
    }
  }

  registryBookNo(): string {
    for (;;) {
      const no = String(1 + this.rng.int(999_999)).padStart(12, '0');
      if (!this.books.has(no)) {
        this.books.add(no);
        return no;
      }
    }
  }

  /** A unique `<slug>.example.pl`: the numbered suffix only appears on a clash. */
  domain(base: string): string {
    const s = slug(base) || 'jednostka';
    for (let n = 1; ; n++) {
      const d = `${n === 1 ? s : `${s}-${n}`}.example.pl`;
      if (!this.domains.has(d)) {
        this.domains.add(d);
        return d;
      }
    }
  }
}

// ───────────────────────── generator ─────────────────────────

const geographyCache = new WeakMap<TerytData, Geography>();

export interface GenerateOptions {
  seed?: number;
  count?: number;
  teryt?: TerytData; // defaults to reference/teryt-terc-2024-01-01.csv
}

export function generateRegistry(opts: GenerateOptions = {}): GeneratedUnit[] {
  const seed = opts.seed ?? DEFAULT_SEED;
  const count = opts.count ?? DEFAULT_COUNT;
  const data = opts.teryt ?? loadTeryt();
  let geo = geographyCache.get(data);
  if (!geo) {
    geo = buildGeography(data);
    geographyCache.set(data, geo);
  }
  const rng = new Rng(seed);

  const namedNames = new Set(NAMED_UNITS.map((u) => u.name));
  let drafts = structuralDrafts(data, geo, rng).filter((d) => !namedNames.has(d.name));
  // A small registry is a sample of the structural units, so it still spans the country.
  if (count < drafts.length) drafts = rng.shuffle(drafts).slice(0, count);
  while (drafts.length < count) {
    const place = samplePlace(geo, rng);
    const r = rng.next();
    drafts.push(r < 0.47 ? podmDraft(place, rng) : r < 0.87 ? praktDraft(place, rng) : jednOrgDraft(place, rng));
  }

  const ids = new Identifiers(rng);
  return drafts.map((d, i): GeneratedUnit => {
    const { place } = d;
    const streets = place.rural ? RURAL_STREETS : STREETS;
    return {
      key: `gen-${String(i + 1).padStart(6, '0')}`,
      kindCode: d.kindCode,
      name: d.name,
      nip: ids.nip(),
      regon: ids.regon(),
      registryBookNo: d.kindCode === 'PODM' || d.kindCode === 'PRAKT' ? ids.registryBookNo() : null,
      teryt: place.gmina.teryt,
      voivodeshipCode: place.gmina.voivodeshipCode,
      voivodeship: place.voivodeship,
      powiat: place.powiat.name,
      gmina: place.gmina.name,
      locality: place.locality,
      postalCode: postalCode(place, rng),
      street: rng.pick(streets),
      buildingNo: `${1 + rng.int(place.rural ? 60 : 150)}${rng.chance(0.12) ? rng.pick(['A', 'B', 'C']) : ''}${!place.rural && rng.chance(0.15) ? `/${1 + rng.int(20)}` : ''}`,
      phone: phone(place, rng),
      email: `${d.mailbox}@${ids.domain(d.domain)}`,
      isAddictionCare: d.isAddictionCare,
    };
  });
}
