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
