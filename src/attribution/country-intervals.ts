// Uncertainty of country counts: draw every person's country from their posterior many times (seeded, so a report is
// repeatable) and read the 2.5% and 97.5% quantiles of people and of contributions per country.
// The draws are the hot loop of every country report (people x 2,000, 5.8 s of the 6 s a report took on the real
// data): typed arrays, each distinct distribution prepared once, and the same draws and numbers as the plain loop.

/** Draws per estimate: the quantiles of 2,000 draws move by well under one person at the sizes reported here. */
export const DRAWS = 2000;
const SEED = 0x5eed;
/** mulberry32's increment: its state after n draws is seed + n * STEP, so a run of draws can be skipped exactly. */
const STEP = 0x6d2b79f5;
const TWO_32 = 4294967296;
/** The generator's 32-bit output is cut into 2^BUCKET_BITS ranges, each knowing the few countries a draw in it can pick. */
const BUCKET_BITS = 8;
const BUCKET_SHIFT = 32 - BUCKET_BITS;

export interface Uncertain { p: ReadonlyMap<string, number>; weight: number }
export interface Estimate { expected: number; low: number; high: number; expectedWeight: number; lowWeight: number; highWeight: number }

/** A histogram of more bins than this costs more than sorting the draws. */
const MAX_BINS = 1 << 16;

/**
 * The 2.5% and 97.5% quantiles of one country's draws, interpolated between the two nearest ranks as after a sort.
 * Counts (and whole weights) span a narrow range of whole numbers: a histogram finds the ranks in O(draws + range),
 * where sorting every country's draws in every period took most of a report by quarter.
 */
function interval(values: Float64Array, bins: Int32Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let d = 0; d < values.length; d++) {
    const v = values[d]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  if (min === max) return [min, max];
  const ranks = (q: number) => { const pos = (values.length - 1) * q; const lo = Math.floor(pos); return { pos, lo, hi: Math.min(values.length - 1, lo + 1) }; };
  const low = ranks(0.025);
  const high = ranks(0.975);
  let at: (rank: number) => number;
  if (whole && max - min < bins.length) {
    const range = max - min + 1;
    bins.fill(0, 0, range);
    for (let d = 0; d < values.length; d++) bins[values[d]! - min]!++;
    at = (rank) => {
      let seen = 0;
      for (let b = 0; b < range; b++) if ((seen += bins[b]!) > rank) return min + b;
      return max;
    };
  } else {
    const sorted = values.slice().sort();
    at = (rank) => sorted[rank]!;
  }
  const quantile = (r: { pos: number; lo: number; hi: number }) => { const a = at(r.lo); return a + (at(r.hi) - a) * (r.pos - r.lo); };
  return [quantile(low), quantile(high)];
}

/** One distribution ready to draw from: its countries (as indexes) and cumulative probabilities, in the map's order. */
interface Sampler { countries: Int32Array; p: Float64Array; cum: Float64Array; total: number; top: number; buckets: Uint16Array | null }

function sampler(p: ReadonlyMap<string, number>, index: Map<string, number>): Sampler {
  const countries = new Int32Array(p.size);
  const probs = new Float64Array(p.size);
  const cum = new Float64Array(p.size);
  let total = 0;
  let j = 0;
  for (const [c, v] of p) {
    countries[j] = index.get(c)!;
    probs[j] = v;
    total += v;
    cum[j++] = total;
  }
  let top = 0;
  for (let k = 1; k < probs.length; k++) if (probs[k]! > probs[top]!) top = k;
  return { countries, p: probs, cum, total, top, buckets: null };
}

/**
 * The country a draw picks is the first k with cum[k] >= u (the last one if none), u = output / 2^32 * total; it only
 * grows with the output. So for each range of outputs, the picks at its two ends bound every pick inside it.
 */
function buckets(s: Sampler): Uint16Array {
  const last = s.cum.length - 1;
  const first = (u: number, from: number) => {
    let k = from;
    while (k < last && s.cum[k]! < u) k++;
    return k;
  };
  const size = 2 ** BUCKET_SHIFT;
  const out = new Uint16Array(2 << BUCKET_BITS);
  let k = 0;
  for (let b = 0; b < 1 << BUCKET_BITS; b++) {
    k = first(((b * size) / TWO_32) * s.total, k);
    out[2 * b] = k;
    out[2 * b + 1] = first((((b + 1) * size - 1) / TWO_32) * s.total, k);
  }
  return out;
}

/**
 * One person's draws. The person is first counted in their most likely country for every draw (by the caller); a draw
 * that picks another country moves them there: +1 person and +extra weight there, -1 and -extra at home. Most draws
 * pick the most likely country and write nothing. Returns the generator's state. mulberry32 (small, fast, the same
 * stream on every machine) is inline and kept in int32 arithmetic: this is the hot loop of every country report.
 */
function draw(s: Sampler, table: Uint16Array, extra: number, state: number, draws: number, count: Int32Array, weight: Float64Array): number {
  const { countries, cum, total, top } = s;
  const home = countries[top]! * draws;
  for (let d = 0; d < draws; d++) {
    state = (state + STEP) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    t ^= t >>> 14;
    const b = (t >>> BUCKET_SHIFT) << 1;
    let k = table[b]!;
    const end = table[b + 1]!;
    if (k !== end) {
      const u = ((t >>> 0) / TWO_32) * total;
      while (k < end && cum[k]! < u) k++;
    }
    if (k === top) continue;
    const at = countries[k]! * draws + d;
    count[at]! += 1;
    count[home + d]! -= 1;
    if (extra !== 0) {
      weight[at]! += extra;
      weight[home + d]! -= extra;
    }
  }
  return state;
}

/** Expected counts and 95% intervals per country. Weights are whole numbers (people, contributions). */
export function estimateCounts(people: Uncertain[], draws = DRAWS): Map<string, Estimate> {
  if (!people.every((x) => Number.isSafeInteger(x.weight))) throw new Error('estimateCounts takes whole weights (counts of contributions)');
  const distinct = new Set(people.map((x) => x.p));
  const countries = [...new Set([...distinct].flatMap((p) => [...p.keys()]))].sort();
  const index = new Map(countries.map((c, i) => [c, i]));
  const samplers = new Map([...distinct].map((p) => [p, sampler(p, index)]));
  const K = countries.length;
  // Per country and draw (country-major): people, and their weight beyond 1 each (a person weighing 1 costs one array,
  // not two). Whole numbers sum exactly in any order, so what every draw shares is kept once per country (`fixed`):
  // a person certain of a country costs no draw at all (the generator is skipped ahead), the others are counted at
  // home and moved by the draws that pick elsewhere.
  const count = new Int32Array(K * draws);
  const weight = new Float64Array(K * draws);
  const fixed = new Float64Array(K);
  const fixedWeight = new Float64Array(K);
  const expected = new Float64Array(K);
  const expectedWeight = new Float64Array(K);
  let state = SEED | 0;
  for (const person of people) {
    const s = samplers.get(person.p)!;
    const w = person.weight;
    for (let j = 0; j < s.countries.length; j++) {
      expected[s.countries[j]!]! += s.p[j]!;
      expectedWeight[s.countries[j]!]! += s.p[j]! * w;
    }
    fixed[s.countries[s.top]!]! += 1;
    fixedWeight[s.countries[s.top]!]! += w - 1;
    if (s.countries.length === 1) state = (state + Math.imul(draws, STEP)) | 0;
    else state = draw(s, (s.buckets ??= buckets(s)), w - 1, state, draws, count, weight);
  }
  const out = new Map<string, Estimate>();
  const c = new Float64Array(draws);
  const wt = new Float64Array(draws);
  const bins = new Int32Array(MAX_BINS);
  for (let i = 0; i < K; i++) {
    for (let d = 0; d < draws; d++) {
      c[d] = count[i * draws + d]! + fixed[i]!;
      wt[d] = c[d]! + weight[i * draws + d]! + fixedWeight[i]!;
    }
    const [low, high] = interval(c, bins);
    const [lowWeight, highWeight] = interval(wt, bins);
    out.set(countries[i]!, { expected: expected[i]!, low, high, expectedWeight: expectedWeight[i]!, lowWeight, highWeight });
  }
  return out;
}
