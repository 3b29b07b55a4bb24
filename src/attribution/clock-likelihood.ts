// Commit clocks -> how well each country explains them. A person lives by one of the country's zones (which one is
// unknown: weighted by population, then by what located people show); each commit shows that zone's offset for its
// season, or a machine set to UTC, or noise (travel, a misconfigured clock). A zone's share counts once per person,
// not once per commit: 20 commits in New York are evidence of Eastern time, not twenty pieces of evidence for Canada.
import { parseTzKey, profileOffsets, type TzStructure } from './tz-structure.ts';

export const CLOCK = {
  /** Share of commits made on machines set to UTC (CI, servers, containers), whatever the country. */
  UTC_MACHINE_SHARE: 0.1,
  /** Share of commits at an offset the person's zone never shows. */
  OFFSET_NOISE: 0.03,
  /** Distinct UTC offsets in use in the world, for spreading OFFSET_NOISE. */
  OFFSETS_IN_USE: 38,
  /** Commits by one person are not independent draws (one laptop, one clock): count at most this many. */
  COMMITS_CAP: 20,
  /** Pseudo-people behind the population shares of a country's zones, against its located people. */
  ZONE_STRUCTURE_PEOPLE: 5,
  /** Every zone of a country keeps at least this share, so a zone with no listed city is still possible. */
  ZONE_SHARE_FLOOR: 0.02,
  /** Candidates for the share of people whose clock is another country's (they moved, or work on a far team's hours). */
  MOVER_SHARES: [0, 0.05, 0.1, 0.2] as readonly number[],
} as const;

/**
 * With probability `mover` a person's clock was set in some other country: the clock score of each country becomes
 * (1 - mover) * P(clock | country) + mover * P(clock | anywhere), anywhere weighted by the prior.
 */
export function withMovers(clock: Float64Array, logPrior: Float64Array, mover: number): Float64Array {
  if (mover === 0) return clock;
  const terms = Array.from(clock, (c, i) => c + logPrior[i]!);
  const anywhere = logSumExp(terms) + Math.log(mover);
  const stay = Math.log(1 - mover);
  return clock.map((c) => logSumExp([stay + c, anywhere]));
}

/** Tempered log-likelihood of a person's commits under each clock profile. */
export function profileScores(structure: TzStructure, tz: Map<string, number>, temperature: number): Float64Array {
  const out = new Float64Array(structure.profiles.length);
  const n = [...tz.values()].reduce((a, b) => a + b, 0);
  if (n === 0) return out;
  const w = (temperature * Math.min(n, CLOCK.COMMITS_CAP)) / n;
  const noise = CLOCK.OFFSET_NOISE / CLOCK.OFFSETS_IN_USE;
  const keep = 1 - CLOCK.UTC_MACHINE_SHARE - CLOCK.OFFSET_NOISE;
  const observed = [...tz].map(([key, count]) => ({ ...parseTzKey(key), count }));
  structure.profiles.forEach((profile, z) => {
    let ll = 0;
    for (const { offset, season, count } of observed) {
      let p = noise + (offset === 0 ? CLOCK.UTC_MACHINE_SHARE : 0);
      for (const [o, share] of profileOffsets(profile, season)) if (o === offset) p += keep * share;
      ll += count * Math.log(p);
    }
    out[z] = w * ll;
  });
  return out;
}

/** Per country index: its zones (profile index) and their log weights. */
export type ZoneWeights = { profile: number; logWeight: number }[][];

function logSumExp(terms: number[]): number {
  const max = Math.max(...terms);
  return max === -Infinity ? max : max + Math.log(terms.reduce((s, t) => s + Math.exp(t - max), 0));
}

/** Zone weights: population shares worth ZONE_STRUCTURE_PEOPLE people, plus each located person's zone, as inferred. */
export function learnZoneWeights(structure: TzStructure, countries: string[], located: { country: string; scores: Float64Array }[]): ZoneWeights {
  const everywhere = structure.profiles.map((_, profile) => ({ profile, share: 1 / structure.profiles.length }));
  const base = countries.map((c) => {
    const zones = structure.countries.get(c) ?? everywhere;
    const total = zones.reduce((s, z) => s + z.share + CLOCK.ZONE_SHARE_FLOOR, 0);
    return zones.map((z) => ({ profile: z.profile, mass: (CLOCK.ZONE_STRUCTURE_PEOPLE * (z.share + CLOCK.ZONE_SHARE_FLOOR)) / total }));
  });
  const index = new Map(countries.map((c, i) => [c, i]));
  for (const l of located) {
    const zones = base[index.get(l.country) ?? -1];
    if (!zones) continue;
    const logs = zones.map((z) => Math.log(z.mass) + l.scores[z.profile]!);
    const norm = logSumExp(logs);
    if (!Number.isFinite(norm) || l.scores.every((s) => s === 0)) continue; // no clock evidence: says nothing of zones
    zones.forEach((z, k) => { z.mass += Math.exp(logs[k]! - norm); });
  }
  return base.map((zones) => {
    const total = zones.reduce((s, z) => s + z.mass, 0);
    return zones.map((z) => ({ profile: z.profile, logWeight: Math.log(z.mass / total) }));
  });
}

/** log P(commits | country) for every country: the log of the zone-weighted mixture of profile likelihoods. */
export function countryClockScores(weights: ZoneWeights, profile: Float64Array): Float64Array {
  const out = new Float64Array(weights.length);
  weights.forEach((zones, i) => { out[i] = logSumExp(zones.map((z) => z.logWeight + profile[z.profile]!)); });
  return out;
}
