// Builds (once, lazily) the offline place index geocode.ts reads: normalised name -> country readings.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import countries from 'i18n-iso-countries';
import cityTimezones from 'city-timezones';
import timezones from 'countries-and-timezones';

/** Cities smaller than this are skipped: their names are too often ordinary words ("Of", "Ye"). */
export const MIN_CITY_POPULATION = 20_000;
/** A city at least this large keeps its reading beside a same-named subdivision abroad ("Kochi": IN city, JP prefecture). */
export const LARGE_CITY_POPULATION = 500_000;
/** Latin city names shorter than this are skipped ("Wa", "Bo"). */
const MIN_CITY_NAME_LENGTH = 3;
/** Shipped country names shorter than this read like words ("us", "cin"); reviewed ones live in aliases.yaml. */
const MIN_COUNTRY_NAME_LENGTH = 4;
/** CJK names shorter than this are single characters that occur inside unrelated words. */
export const MIN_CJK_NAME_LENGTH = 2;
/** Languages whose country names are read. vi is left out: its short names ("my", "y", "nga") are words. */
const NAME_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'ru', 'uk', 'tr', 'sv', 'zh', 'ja', 'ko', 'id'];
/** Stands for "no population figure": a reviewed or Chinese-table name, always dominant in its country. */
const UNRANKED = Number.POSITIVE_INFINITY;

export const PLACES_DIR = new URL('../../data/places/', import.meta.url);

export type Level = 'country' | 'subdivision' | 'city';
export interface Reading {
  readonly country: string;
  readonly level: Level;
  /** How the reading was found, reported as the geocode's rule when it decides. */
  readonly rule: 'country' | 'alias' | 'subdivision' | 'city';
  readonly pop: number;
}
export interface Gazetteer {
  readonly phrases: ReadonlyMap<string, readonly Reading[]>;
  /** Upper-case postal and ISO codes, as written; only used in the positions geocode.ts allows. */
  readonly codes: ReadonlyMap<string, readonly Reading[]>;
  readonly stop: ReadonlySet<string>;
  /** Longest phrase starting with a given first word (Latin) or character (CJK), to bound the n-gram search. */
  readonly longestFrom: ReadonlyMap<string, number>;
  readonly buildMs: number;
}

export type PlaceSection = 'countries' | 'places' | 'subdivisions' | 'codes';
export interface PlaceEntry { readonly section: PlaceSection; readonly text: string; readonly countries: readonly string[] }
export interface PlacesData { readonly entries: readonly PlaceEntry[]; readonly stop: readonly string[] }

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
export const isCjk = (s: string): boolean => CJK.test(s);

// Letters NFKD leaves whole; users type them without the stroke ("Lodz", "Kobenhavn").
const FOLD: Record<string, string> = { ß: 'ss', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export const ASCII = /^[\x20-\x7e]*$/;

/** Case, accents, dots, hyphens and spacing folded away; CJK and Hangul kept composed. */
export function normalise(text: string): string {
  // Plain ASCII (most locations) skips the Unicode passes: same result, a fraction of the cost.
  if (ASCII.test(text)) return text.toLowerCase().replace(/['`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase()
    .replace(/[ßłøæœđðþı]/g, (c) => FOLD[c] ?? c)
    .replace(/['’`´ʻ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A lighter fold for stop texts that are all punctuation ("~", "::1", "/dev/null"). */
export const stopKey = (s: string): string => (ASCII.test(s) ? s : s.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();

function readYaml(name: string): unknown {
  const url = new URL(name, PLACES_DIR);
  return parse(readFileSync(url, 'utf8'), { uniqueKeys: true });
}

function fail(file: string, what: string): never {
  throw new Error(`data/places/${file}: ${what}`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Parses aliases.yaml and stop.yaml into flat typed entries; throws on a malformed shape. */
export function readPlacesData(): PlacesData {
  const aliases = readYaml('aliases.yaml');
  if (!isRecord(aliases)) fail('aliases.yaml', 'expected a mapping');
  const entries: PlaceEntry[] = [];
  for (const section of ['countries', 'places'] as const) {
    const table = aliases[section];
    if (!isRecord(table)) fail('aliases.yaml', `${section}: expected a mapping`);
    for (const [text, value] of Object.entries(table)) {
      const codes = typeof value === 'string' ? [value] : value;
      if (!stringList(codes) || codes.length === 0) fail('aliases.yaml', `${section}.${text}: expected a code or a list of codes`);
      entries.push({ section, text, countries: codes });
    }
  }
  for (const section of ['subdivisions', 'codes'] as const) {
    const table = aliases[section];
    if (!isRecord(table)) fail('aliases.yaml', `${section}: expected a mapping`);
    for (const [country, names] of Object.entries(table)) {
      if (!stringList(names)) fail('aliases.yaml', `${section}.${country}: expected a list of names`);
      for (const text of names) entries.push({ section, text, countries: [country] });
    }
  }
  const stopDoc = readYaml('stop.yaml');
  if (!isRecord(stopDoc) || !stringList(stopDoc['texts']) || !stringList(stopDoc['fillers'])) {
    fail('stop.yaml', 'expected lists "texts" and "fillers"');
  }
  return { entries, stop: [...stopDoc['texts'], ...stopDoc['fillers']] };
}

/** china-area-data: code -> (child code -> name); 86 holds the provinces. Shape checked at the edge. */
function readChinaAreas(): Record<string, Record<string, string>> {
  const data: unknown = createRequire(import.meta.url)('china-area-data/v5/data.json');
  if (!isRecord(data)) throw new Error('china-area-data: unexpected shape');
  const out: Record<string, Record<string, string>> = {};
  for (const [code, children] of Object.entries(data)) {
    if (!isRecord(children)) continue;
    out[code] = Object.fromEntries(Object.entries(children).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  return out;
}

// Provinces 71, 81, 82 of the Chinese tables are Taiwan, Hong Kong and Macao, each its own ISO code.
const chinaCountry = (code: string): string => ({ '71': 'TW', '81': 'HK', '82': 'MO' })[code.slice(0, 2)] ?? 'CN';
const ADMIN_SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟)$/;

function build(): Gazetteer {
  const started = performance.now();
  const phrases = new Map<string, Reading[]>();
  const firm = new Set<string>(); // keys named by something other than a foreign-language country name
  const add = (name: string, reading: Reading, foreign = false): void => {
    const key = normalise(name);
    const min = isCjk(key) ? MIN_CJK_NAME_LENGTH
      : reading.rule === 'country' ? MIN_COUNTRY_NAME_LENGTH : reading.rule === 'city' ? MIN_CITY_NAME_LENGTH : 1;
    if (key.length < min) return;
    if (reading.level !== 'city' && !foreign) firm.add(key);
    const list = phrases.get(key);
    if (list) list.push(reading); else phrases.set(key, [reading]);
  };

  const known = new Set(Object.keys(countries.getAlpha2Codes()));
  for (const lang of NAME_LANGUAGES) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      // Names with separators ("Korea, Republic of") cannot survive the split; a plainer alias exists.
      for (const name of names) {
        if (!/[,;()/|&]/.test(name)) add(name, { country: code, level: 'country', rule: 'country', pop: UNRANKED }, lang !== 'en');
      }
    }
  }
  for (const c of Object.values(timezones.getAllCountries())) {
    if (known.has(c.id)) add(c.name, { country: c.id, level: 'country', rule: 'country', pop: UNRANKED });
  }

  const data = readPlacesData();
  const reviewedPlaces = new Set<string>();
  const codes = new Map<string, Reading[]>();
  for (const e of data.entries) {
    for (const country of e.countries) {
      if (e.section === 'codes') {
        codes.set(e.text, [...(codes.get(e.text) ?? []), { country, level: 'subdivision', rule: 'subdivision', pop: UNRANKED }]);
      } else if (e.section === 'subdivisions') {
        add(e.text, { country, level: 'subdivision', rule: 'subdivision', pop: UNRANKED });
      } else {
        add(e.text, { country, level: e.section === 'countries' ? 'country' : 'city', rule: 'alias', pop: UNRANKED });
        if (e.section === 'places') reviewedPlaces.add(normalise(e.text));
      }
    }
  }
  // An ISO alpha-2 code after a comma names its country ("Berlin, DE"), but may also be a state (DE = Delaware).
  for (const code of known) codes.set(code, [...(codes.get(code) ?? []), { country: code, level: 'country', rule: 'country', pop: UNRANKED }]);

  const china = readChinaAreas();
  for (const [provinceCode, province] of Object.entries(china['86'] ?? {})) {
    const country = chinaCountry(provinceCode);
    const level: Level = country === 'CN' ? 'subdivision' : 'country';
    const rule = level === 'country' ? 'country' : 'subdivision';
    for (const name of [province, province.replace(ADMIN_SUFFIX, '')]) add(name, { country, level, rule, pop: UNRANKED });
    for (const [cityCode, city] of Object.entries(china[provinceCode] ?? {})) {
      if (city.includes('直辖') || city === '县') continue; // placeholders for municipalities, not names
      // Two-character district names ("東區", "北區") are directions, not places.
      if (/[区區]$/.test(city) && city.length < 3) continue;
      for (const name of [city, city.replace(ADMIN_SUFFIX, '')]) add(name, { country, level: 'city', rule: 'city', pop: UNRANKED });
      for (const district of Object.values(china[cityCode] ?? {})) {
        if (district.length >= 3) add(district, { country: chinaCountry(cityCode), level: 'city', rule: 'city', pop: UNRANKED });
      }
    }
  }

  for (const c of cityTimezones.cityMapping) {
    if (c.pop < MIN_CITY_POPULATION || !known.has(c.iso2)) continue;
    for (const name of new Set([c.city, c.city_ascii])) {
      if (!reviewedPlaces.has(normalise(name))) add(name, { country: c.iso2, level: 'city', rule: 'city', pop: c.pop });
    }
  }

  const stop = new Set([...data.stop.map(normalise), ...data.stop.map(stopKey)].filter((s) => s !== ''));
  const longestFrom = new Map<string, number>();
  const reach = (first: string, length: number): void => { longestFrom.set(first, Math.max(longestFrom.get(first) ?? 0, length)); };
  for (const [key, readings] of phrases) {
    if (stop.has(key)) { phrases.delete(key); continue; }
    phrases.set(key, settle(readings, firm.has(key)));
    if (isCjk(key)) { const chars = Array.from(key); reach(chars[0] ?? '', chars.length); }
  }
  for (const key of [...phrases.keys(), ...stop]) {
    const words = key.split(' ');
    if (!isCjk(key)) reach(words[0] ?? '', words.length);
  }
  return { phrases, codes, stop, longestFrom, buildMs: performance.now() - started };
}

/**
 * One phrase's readings, de-duplicated. A country or subdivision reading hides city readings of the
 * same name ("Singapore", "Ontario"), as the rules rank countries, then subdivisions, then cities,
 * unless the city is large and abroad ("Kochi"), or the country name is only foreign ("Franca" is pt
 * for France and a Brazilian city): such names stay ambiguous until the rest of the text narrows them.
 */
function settle(readings: readonly Reading[], firm: boolean): Reading[] {
  const named = new Set(readings.filter((r) => r.level !== 'city').map((r) => r.country));
  const best = new Map<string, Reading>();
  for (const r of readings) {
    if (firm && r.level === 'city' && (named.has(r.country) || r.pop < LARGE_CITY_POPULATION)) continue;
    const key = `${r.country}:${r.level}`;
    const seen = best.get(key);
    if (!seen || r.pop > seen.pop || (r.rule === 'alias' && seen.rule !== 'alias')) best.set(key, r);
  }
  return [...best.values()];
}

let cached: Gazetteer | undefined;
/** The index, built on first use (~150-300 ms, reported as buildMs) and kept for the life of the process. */
export function loadGazetteer(): Gazetteer {
  cached ??= build();
  return cached;
}
