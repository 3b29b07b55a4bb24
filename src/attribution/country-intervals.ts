// Uncertainty of country counts: draw every person's country from their posterior many times (seeded, so a report is
// repeatable) and read the 2.5% and 97.5% quantiles of people and of contributions per country.

/** Draws per estimate: the quantiles of 2,000 draws move by well under one person at the sizes reported here. */
export const DRAWS = 2000;
const SEED = 0x5eed;

export interface Uncertain { p: Map<string, number>; weight: number }
export interface Estimate { expected: number; low: number; high: number; expectedWeight: number; lowWeight: number; highWeight: number }

/** mulberry32: small, fast, and the same stream on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function quantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function estimateCounts(people: Uncertain[], draws = DRAWS): Map<string, Estimate> {
  const countries = [...new Set(people.flatMap((x) => [...x.p.keys()]))].sort();
  const index = new Map(countries.map((c, i) => [c, i]));
  const K = countries.length;
  const count = Array.from({ length: K }, () => new Float64Array(draws));
  const weight = Array.from({ length: K }, () => new Float64Array(draws));
  const expected = new Float64Array(K);
  const expectedWeight = new Float64Array(K);
  const random = rng(SEED);
  for (const person of people) {
    const cs: number[] = [];
    const cum: number[] = [];
    let acc = 0;
    for (const [c, p] of person.p) {
      const i = index.get(c)!;
      expected[i]! += p;
      expectedWeight[i]! += p * person.weight;
      acc += p;
      cs.push(i);
      cum.push(acc);
    }
    for (let d = 0; d < draws; d++) {
      const u = random() * acc;
      let k = 0;
      while (k < cum.length - 1 && cum[k]! < u) k++;
      count[cs[k]!]![d]! += 1;
      weight[cs[k]!]![d]! += person.weight;
    }
  }
  const out = new Map<string, Estimate>();
  for (let i = 0; i < K; i++) {
    const c = count[i]!.sort();
    const w = weight[i]!.sort();
    out.set(countries[i]!, {
      expected: expected[i]!, low: quantile(c, 0.025), high: quantile(c, 0.975),
      expectedWeight: expectedWeight[i]!, lowWeight: quantile(w, 0.025), highWeight: quantile(w, 0.975),
    });
  }
  return out;
}
