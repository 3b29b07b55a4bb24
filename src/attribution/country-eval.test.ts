import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './country-eval.ts';

const p = (o: Record<string, number>) => new Map(Object.entries(o));

test('accuracy, coverage, calibration and shares on a small hand-made set', () => {
  const r = evaluate([
    { personId: 'a', truth: 'CN', p: p({ CN: 0.95, SG: 0.05 }) },
    { personId: 'b', truth: 'CN', p: p({ CN: 0.9, TW: 0.1 }) },
    { personId: 'c', truth: 'TW', p: p({ CN: 0.8, TW: 0.2 }) },
    { personId: 'd', truth: 'DE', p: p({ DE: 0.4, FR: 0.3, NL: 0.3 }) },
    { personId: 'e', truth: 'US', p: null },
  ]);
  assert.equal(r.labelled, 5);
  assert.equal(r.attributed, 4);
  assert.equal(r.accuracy, 3 / 4);
  const at05 = r.coverage[0]!;
  assert.deepEqual([at05.people, at05.coverage, at05.accuracy], [3, 3 / 5, 2 / 3]);
  const cn = r.countries.find((c) => c.country === 'CN')!;
  assert.equal(cn.precision, 2 / 3);
  assert.equal(cn.recall, 1);
  assert.equal(cn.expectedShare, (0.95 + 0.9 + 0.8) / 4);
  // Bins: 0.4 (1 person, right), 0.8 (1, wrong), 0.9 (2, right): ECE = (|1-.4| + |0-.8| + 2|1-.925|)/4
  assert.ok(Math.abs(r.ece - (0.6 + 0.8 + 2 * 0.075) / 4) < 1e-9, String(r.ece));
});
