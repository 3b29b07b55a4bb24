// What a country's clocks look like: the zones it uses (countries-and-timezones), each as a clock profile (its UTC
// offset in northern summer, northern winter and the changeover months), weighted by city population (city-timezones).
// Offsets come from the ICU time-zone rules built into Node, read in a recent year (REFERENCE_YEAR): the zone lists'
// own offsets are today's rules only (British Columbia, for one, shows no winter time there).
import ct from 'countries-and-timezones';
import cityTimezones from 'city-timezones';

/** Northern summer (Apr-Sep), northern winter (Nov-Feb), and the months in which clocks change (Mar, Oct). */
export type Season = 'summer' | 'winter' | 'shoulder';

export function seasonOf(epochSeconds: number): Season {
  const month = new Date(epochSeconds * 1000).getUTCMonth() + 1;
  if (month >= 4 && month <= 9) return 'summer';
  if (month === 3 || month === 10) return 'shoulder';
  return 'winter';
}

export const tzKey = (offset: number, season: Season) => `${offset}|${season}`;
export function parseTzKey(key: string): { offset: number; season: Season } {
  const bar = key.indexOf('|');
  return { offset: Number(key.slice(0, bar)), season: key.slice(bar + 1) as Season };
}

/** A clock a person can live by: standard and daylight offsets, and the hemisphere that decides when each applies. */
export interface ClockProfile { id: string; standard: number; daylight: number; south: boolean }

/** The offsets a profile shows in a season, with their shares (both, half each, in the changeover months). */
export function profileOffsets(p: ClockProfile, season: Season): [number, number][] {
  if (p.daylight === p.standard) return [[p.standard, 1]];
  if (season === 'shoulder') return [[p.standard, 0.5], [p.daylight, 0.5]];
  const localSummer = (season === 'summer') !== p.south;
  return [[localSummer ? p.daylight : p.standard, 1]];
}

export interface TzStructure {
  profiles: ClockProfile[];
  /** Country -> its profiles (indexes into `profiles`) with population shares summing to 1. */
  countries: Map<string, { profile: number; share: number }[]>;
}

/** A year of dense commit history whose rules stand for the zone (rule changes since then are few). */
export const REFERENCE_YEAR = 2024;

/** UTC offset in minutes of an IANA zone at an instant, by ICU; null if Node does not know the zone. */
function icuOffset(zone: string, at: Date): number | null {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at)
      .find((x) => x.type === 'timeZoneName')?.value ?? '';
    const m = /GMT(?:([+-])(\d\d):(\d\d))?/.exec(name);
    if (!m) return null;
    return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  } catch {
    return null;
  }
}

/** Standard and daylight offsets, and whether daylight time falls in the southern summer. */
function zoneRule(zone: string, fallback: { utcOffset: number; dstOffset: number }): { standard: number; daylight: number; south: boolean } {
  const jan = icuOffset(zone, new Date(Date.UTC(REFERENCE_YEAR, 0, 15, 12)));
  const jul = icuOffset(zone, new Date(Date.UTC(REFERENCE_YEAR, 6, 15, 12)));
  if (jan === null || jul === null) return { standard: fallback.utcOffset, daylight: fallback.dstOffset, south: false };
  return { standard: Math.min(jan, jul), daylight: Math.max(jan, jul), south: jan > jul };
}

let cached: TzStructure | null = null;

export function tzStructure(): TzStructure {
  if (cached) return cached;
  const population = new Map<string, number>();
  for (const c of cityTimezones.cityMapping) {
    if (!c.iso2 || !c.timezone) continue;
    const key = `${c.iso2}|${c.timezone}`;
    population.set(key, (population.get(key) ?? 0) + (c.pop ?? 0));
  }
  const profiles: ClockProfile[] = [];
  const byId = new Map<string, number>();
  const countries = new Map<string, { profile: number; share: number }[]>();
  for (const iso2 of Object.keys(ct.getAllCountries())) {
    const shares = new Map<number, number>();
    for (const name of ct.getCountry(iso2)?.timezones ?? []) {
      const tz = ct.getTimezone(name);
      if (!tz) continue;
      const rule = zoneRule(name, tz);
      const id = `${rule.standard}/${rule.daylight}/${rule.south ? 'S' : 'N'}`;
      let index = byId.get(id);
      if (index === undefined) {
        index = profiles.push({ id, ...rule }) - 1;
        byId.set(id, index);
      }
      shares.set(index, (shares.get(index) ?? 0) + (population.get(`${iso2}|${name}`) ?? 0));
    }
    if (shares.size === 0) continue;
    const total = [...shares.values()].reduce((a, b) => a + b, 0);
    // A country whose zones list no city weighs them equally.
    countries.set(iso2, [...shares].map(([profile, pop]) => ({ profile, share: total > 0 ? pop / total : 1 / shares.size })));
  }
  cached = { profiles, countries };
  return cached;
}
