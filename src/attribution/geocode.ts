// Free-text profile location -> ISO 3166-1 alpha-2 country, offline and conservative (no guess beats a wrong one).
import timezones from 'countries-and-timezones';
import { ASCII, isCjk, loadGazetteer, normalise, stopKey, MIN_CJK_NAME_LENGTH, type Gazetteer, type Reading } from './gazetteer.ts';

export type GeocodeRule = 'country' | 'subdivision' | 'city' | 'alias' | 'stop' | 'ambiguous' | 'conflict' | 'invalid' | 'empty' | 'unknown';
export interface Geocode {
  country: string | null;
  rule: GeocodeRule;
  matched: string | null;
}

/** Longer texts are not locations (GitHub caps the field well below this); refusing them keeps the cost bounded. */
export const MAX_INPUT_LENGTH = 256;
/** A bare city name shared by several countries resolves only if the largest namesake is this many times the next. */
export const CITY_DOMINANCE_RATIO = 10;

// Regions that are their own ISO code but are often written with ", China" after them.
const CHINA_REGIONS = new Set(['HK', 'MO', 'TW']);
const SEPARATORS = /->|=>|\s[-–—]\s|[,;/|()&+·•・，、；｜（）【】「」\[\]{}\n\t\p{So}\p{Sm}]|\s–|–\s|\s—|—\s/u;
const MARKUP = /<\/?[a-z!][^>]*>/i;
const URLS = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*|\S+@\S+\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|me|ai|app|xyz|info|tech|site|blog|page)\b\S*/gi;
const TIMEZONE = /^(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/([A-Za-z_/-]+)$/;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]+|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]+/gu;
const CODE = /^[A-Z]{2,3}$/;

interface Mention { readonly phrase: string; readonly readings: readonly Reading[] }
type Kind = 'named' | 'constraint' | 'city';

const result = (country: string | null, rule: GeocodeRule, matched: string | null): Geocode => ({ country, rule, matched });
const countriesOf = (m: Mention): Set<string> => new Set(m.readings.map((r) => r.country));

export function geocode(text: string | null | undefined): Geocode {
  if (text === null || text === undefined) return result(null, 'empty', null);
  if (text.length > MAX_INPUT_LENGTH) return result(null, 'invalid', null);
  const ascii = ASCII.test(text);
  const cleaned = (ascii ? text : text.replace(/\p{Cc}/gu, ' ')).trim();
  if (cleaned === '') return result(null, 'empty', null);
  if (MARKUP.test(cleaned)) return result(null, 'invalid', null);
  const g = loadGazetteer();
  if (g.stop.has(stopKey(cleaned)) || g.stop.has(normalise(cleaned))) return result(null, 'stop', cleaned);

  const zone = TIMEZONE.exec(cleaned);
  const tz = zone ? timezones.getTimezone(cleaned) : null;
  if (zone && tz) {
    // "Europe/Berlin" is a timezone, not "Europe" and "Berlin": use its country, else read only the city part.
    const [only, ...more] = tz.countries;
    if (only && more.length === 0) return result(only, 'city', cleaned);
    return geocode(zone[1]?.replace(/_/g, ' '));
  }
  const hasUrl = /[.:@]/.test(cleaned); // cheap guard: the URL pattern is the costliest step
  if (!/\p{L}/u.test(hasUrl ? cleaned.replace(URLS, ' ') : cleaned)) return result(null, 'invalid', null);

  const mentions: Mention[] = [];
  let stopped: string | null = null;
  (ascii ? cleaned : cleaned.normalize('NFKC')).split(SEPARATORS).forEach((raw, index) => {
    const part = (hasUrl ? raw.replace(URLS, ' ') : raw).trim();
    if (part === '') return;
    if (g.stop.has(stopKey(part))) { stopped ??= part; return; }
    if (scanPart(part, index, g, mentions) === 'stop') stopped ??= part;
  });
  if (mentions.length === 0) return stopped === null ? result(null, 'unknown', null) : result(null, 'stop', stopped);
  return decide(mentions);
}

/**
 * Finds the places in one comma-separated part. Postal codes count only in upper case and either as
 * the whole part after a comma ("Minneapolis, MN") or right after a recognised place ("Seattle WA").
 */
function scanPart(raw: string, index: number, g: Gazetteer, out: Mention[]): 'found' | 'stop' | 'none' {
  const code = g.codes.get(raw);
  if (index > 0 && code && CODE.test(raw)) { out.push({ phrase: raw, readings: code }); return 'found'; }
  const tail = /^(.+?)\s+([A-Z]{2,3})$/.exec(raw);
  const tailCode = tail?.[2] === undefined ? undefined : g.codes.get(tail[2]);
  if (tail?.[1] !== undefined && tailCode) {
    const found: Mention[] = [];
    const scan = scanWords(normalise(tail[1]), g, found);
    if (scan.complete && found.length > 0) {
      out.push(...found, { phrase: tail[2] ?? '', readings: tailCode });
      return 'found';
    }
  }
  const scan = scanWords(normalise(raw), g, out);
  return scan.found ? 'found' : scan.stopped ? 'stop' : 'none';
}

interface Scan { found: boolean; stopped: boolean; complete: boolean }
interface Found { readonly mention: Mention; readonly cjk: boolean }

/**
 * Greedy longest match, left to right: over words for Latin/Cyrillic text, over characters for CJK runs.
 * A city or subdivision counts only when every other Latin word of the part is a place or a filler, so
 * that a name that is also a word ("Nice", "Indiana Jones") is not picked out of a sentence.
 */
function scanWords(text: string, g: Gazetteer, out: Mention[]): Scan {
  const found: Found[] = [];
  let uncovered = 0;
  let stopped = false;
  const tokens = isCjk(text) ? text.match(CJK_RUN) ?? [] : [text];
  let words: string[] = [];
  for (let t = 0; t <= tokens.length; t++) {
    const token = tokens[t];
    if (token !== undefined && !isCjk(token)) { words.push(...token.split(' ').filter((w) => w !== '')); continue; }
    const latin = matchWords(words, g, found);
    uncovered += latin.uncovered;
    stopped ||= latin.stopped;
    words = [];
    if (token !== undefined) matchCjk(Array.from(token), g, found);
  }
  const complete = uncovered === 0;
  stopped &&= complete && found.length === 0; // a filler beside unknown words is not a stop text
  const kept = found.filter((f) => complete || f.cjk || f.mention.readings.some((r) => r.level === 'country'));
  for (const f of kept) out.push(f.mention);
  return { found: kept.length > 0, stopped, complete };
}

function matchWords(words: readonly string[], g: Gazetteer, found: Found[]): { uncovered: number; stopped: boolean } {
  let uncovered = 0;
  let stopped = false;
  for (let i = 0; i < words.length;) {
    let n = Math.min(g.longestFrom.get(words[i] ?? '') ?? 0, words.length - i);
    for (; n > 0; n--) {
      const key = n === 1 ? words[i] ?? '' : words.slice(i, i + n).join(' ');
      if (g.stop.has(key)) { stopped = true; break; }
      const readings = g.phrases.get(key);
      // "Jersey City", "Panama City": a country name before "city" is a city we do not know.
      if (readings && words[i + n] === 'city' && readings.some((r) => r.level === 'country')) { n = 0; break; }
      if (readings) { found.push({ mention: { phrase: key, readings }, cjk: false }); break; }
    }
    if (n === 0 && !/^\d+$/.test(words[i] ?? '')) uncovered++;
    i += Math.max(n, 1);
  }
  return { uncovered, stopped };
}

function matchCjk(chars: readonly string[], g: Gazetteer, found: Found[]): void {
  for (let i = 0; i < chars.length;) {
    let n = Math.min(g.longestFrom.get(chars[i] ?? '') ?? 0, chars.length - i);
    for (; n >= MIN_CJK_NAME_LENGTH; n--) {
      const key = chars.slice(i, i + n).join('');
      const readings = g.phrases.get(key);
      if (readings) { found.push({ mention: { phrase: key, readings }, cjk: true }); break; }
    }
    i += n >= MIN_CJK_NAME_LENGTH ? n : 1;
  }
}

function kindOf(m: Mention): Kind {
  if (m.readings.every((r) => r.level === 'city')) return 'city';
  return countriesOf(m).size === 1 && m.readings.some((r) => r.level === 'country') ? 'named' : 'constraint';
}

const ruleFor = (m: Mention, country: string): GeocodeRule => m.readings.find((r) => r.country === country)?.rule ?? 'city';

/** Countries first, then subdivisions that must all agree, then cities (only to resolve or narrow what is left). */
function decide(mentions: readonly Mention[]): Geocode {
  const named = new Map<string, Mention>();
  const constraints: Mention[] = [];
  const cities: Mention[] = [];
  for (const m of mentions) {
    const kind = kindOf(m);
    if (kind === 'named') { const [c] = countriesOf(m); if (c && !named.has(c)) named.set(c, m); }
    else (kind === 'constraint' ? constraints : cities).push(m);
  }

  // "Hong Kong, China" -> HK; but "Shenzhen, China / Hong Kong" names two places and stays a conflict.
  const mainland = [...constraints, ...cities].some((m) => { const cs = countriesOf(m); return cs.size === 1 && cs.has('CN'); });
  if (!mainland && [...named.keys()].some((c) => CHINA_REGIONS.has(c))) named.delete('CN');
  if (named.size > 1) return result(null, 'conflict', [...named.values()].map((m) => m.phrase).join(' / '));
  const [only] = named;
  if (only) {
    const [country, m] = only;
    if (country === 'CN') {
      const region = [...constraints, ...cities].find((o) => { const cs = countriesOf(o); return cs.size === 1 && [...cs].every((c) => CHINA_REGIONS.has(c)); });
      const [regionCode] = region ? countriesOf(region) : [];
      if (region && regionCode) return result(regionCode, ruleFor(region, regionCode), region.phrase);
    }
    return result(country, ruleFor(m, country), m.phrase);
  }

  let allowed: Set<string> | null = null;
  for (const m of constraints) allowed = intersect(allowed, countriesOf(m));
  if (allowed !== null) {
    const phrases = constraints.map((m) => m.phrase).join(' / ');
    if (allowed.size === 0) return result(null, 'conflict', phrases);
    const [country] = allowed;
    if (allowed.size === 1 && country) {
      const specific = [...constraints].sort((a, b) => countriesOf(a).size - countriesOf(b).size)[0];
      return result(country, specific ? ruleFor(specific, country) : 'subdivision', specific?.phrase ?? phrases);
    }
    if (cities.length === 0) return result(null, 'ambiguous', phrases);
  }
  return byCity(cities, allowed);
}

function intersect(a: Set<string> | null, b: Set<string>): Set<string> {
  return a === null ? new Set(b) : new Set([...a].filter((x) => b.has(x)));
}

/** Cities agree on a country, or the largest namesake dominates the rest by CITY_DOMINANCE_RATIO. */
function byCity(cities: readonly Mention[], allowed: Set<string> | null): Geocode {
  let candidates = allowed;
  for (const m of cities) candidates = intersect(candidates, countriesOf(m));
  const phrases = cities.map((m) => m.phrase).join(' / ');
  if (candidates === null || candidates.size === 0) return result(null, 'conflict', phrases);
  // settle() leaves at most one city reading per country in a phrase, so a plain sum is fair.
  const total = new Map<string, number>();
  for (const m of cities) {
    for (const r of m.readings) if (candidates.has(r.country)) total.set(r.country, (total.get(r.country) ?? 0) + r.pop);
  }
  const ranked = [...total].sort((a, b) => b[1] - a[1]);
  const [top, next] = ranked;
  // Reviewed names carry no population (Infinity): two of them never dominate each other.
  const dominant = !next || (Number.isFinite(next[1]) && top !== undefined && top[1] >= CITY_DOMINANCE_RATIO * next[1]);
  if (!top || !dominant) return result(null, 'ambiguous', phrases);
  const decider = cities.find((m) => m.readings.some((r) => r.country === top[0])) ?? cities[0];
  return result(top[0], decider ? ruleFor(decider, top[0]) : 'city', decider?.phrase ?? phrases);
}
