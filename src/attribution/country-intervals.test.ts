import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateCounts } from './country-intervals.ts';

test('certain people give a point interval; expected values are sums of probabilities', () => {
  const est = estimateCounts([
    { p: new Map([['CN', 1]]), weight: 10 },
    { p: new Map([['CN', 1]]), weight: 5 },
    { p: new Map([['US', 1]]), weight: 1 },
  ]);
  assert.deepEqual(est.get('CN'), { expected: 2, low: 2, high: 2, expectedWeight: 15, lowWeight: 15, highWeight: 15 });
});

test('uncertain people widen the interval around the expected count, and it is repeatable', () => {
  const people = Array.from({ length: 400 }, () => ({ p: new Map([['DE', 0.5], ['FR', 0.5]]), weight: 2 }));
  const a = estimateCounts(people).get('DE')!;
  assert.equal(a.expected, 200);
  // Binomial(400, 0.5): sd 10, so the 95% interval is about 200 +- 20.
  assert.ok(a.low >= 175 && a.low <= 185, `low ${a.low}`);
  assert.ok(a.high >= 215 && a.high <= 225, `high ${a.high}`);
  assert.equal(a.lowWeight, a.low * 2);
  assert.deepEqual(estimateCounts(people).get('DE'), a);
});

/** The estimate as first written: one draw per person at a time, a linear search, a sort per country. */
function plainEstimate(people: { p: Map<string, number>; weight: number }[], draws = 2000) {
  let a = 0x5eed;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const countries = [...new Set(people.flatMap((x) => [...x.p.keys()]))].sort();
  const draw = new Map(countries.map((c) => [c, { n: new Float64Array(draws), w: new Float64Array(draws), e: 0, ew: 0 }]));
  for (const person of people) {
    const cum: [string, number][] = [];
    let acc = 0;
    for (const [c, p] of person.p) {
      draw.get(c)!.e += p;
      draw.get(c)!.ew += p * person.weight;
      cum.push([c, (acc += p)]);
    }
    for (let d = 0; d < draws; d++) {
      const u = random() * acc;
      let k = 0;
      while (k < cum.length - 1 && cum[k]![1] < u) k++;
      draw.get(cum[k]![0])!.n[d]! += 1;
      draw.get(cum[k]![0])!.w[d]! += person.weight;
    }
  }
  const q = (s: Float64Array, f: number) => { const pos = (s.length - 1) * f; const lo = Math.floor(pos); const hi = Math.min(s.length - 1, lo + 1); return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo); };
  return new Map([...draw].map(([c, x]) => {
    const n = x.n.sort();
    const w = x.w.sort();
    return [c, { expected: x.e, low: q(n, 0.025), high: q(n, 0.975), expectedWeight: x.ew, lowWeight: q(w, 0.025), highWeight: q(w, 0.975) }];
  }));
}

test('the fast estimate gives exactly the numbers of the plain loop: same seeded draws, same quantiles', () => {
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 48271) + 1) >>> 0) / 4294967296);
  const codes = ['AR', 'BR', 'CN', 'DE', 'FR', 'IN', 'JP', 'US', 'Unknown'];
  const shapes = Array.from({ length: 40 }, (_, i) => {
    const picked = codes.filter(() => rand() < 0.5);
    const cs = picked.length ? picked : ['US'];
    // Some with zeros and one dominant country, some flat, some certain.
    const raw = cs.map((_, j) => (i % 7 === 0 && j > 0 ? 0 : i % 3 === 0 && j === 0 ? 50 : rand()));
    const sum = raw.reduce((x, y) => x + y, 0) || 1;
    return new Map(cs.map((c, j) => [c, raw[j]! / sum]));
  });
  const people = Array.from({ length: 600 }, (_, i) => ({ p: shapes[Math.floor(rand() * shapes.length)]!, weight: i % 4 === 0 ? 1 : 1 + Math.floor(rand() * 900) }));
  assert.deepEqual(estimateCounts(people), plainEstimate(people));
  assert.deepEqual(estimateCounts(people.slice(0, 1)), plainEstimate(people.slice(0, 1)));
  assert.throws(() => estimateCounts([{ p: shapes[0]!, weight: 1.5 }]), /whole weights/);
});
