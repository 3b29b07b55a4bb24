import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adaptPrior, fitClock, isUninformative, posterior, train, type Labelled, type PersonEvidence } from './country-model.ts';
import { tzStructure, tzKey, type Season } from './tz-structure.ts';
import { loadPrior } from './prior.ts';
import { DEFAULT_DATA_DIR } from '../config.ts';

const structure = tzStructure();
const prior = loadPrior(DEFAULT_DATA_DIR);
let n = 0;
function person(clock: [number, Season, number][], mail: string[] = [], declared: string | null = null): PersonEvidence {
  return { personId: `p${n++}`, tz: new Map(clock.map(([o, s, c]) => [tzKey(o, s), c])), mail, declared };
}
const top = (p: Map<string, number> | null) => [...(p ?? [])].sort((a, b) => b[1] - a[1])[0]!;
const model = train([], structure, prior, 0.7, 0.05);

test('a constant UTC+08:00 clock with Chinese mail points to China', () => {
  const p = posterior(model, person([[480, 'summer', 30], [480, 'winter', 30]], ['CN']), false)!;
  assert.equal(top(p)[0], 'CN');
  assert.ok(top(p)[1] > 0.8, String(top(p)[1]));
});

test('UTC+05:30 all year points to India; Pacific time with its daylight switch to the United States', () => {
  assert.equal(top(posterior(model, person([[330, 'summer', 10], [330, 'winter', 10]]), false))[0], 'IN');
  const pacific = posterior(model, person([[-420, 'summer', 12], [-480, 'winter', 12]]), false)!;
  assert.equal(top(pacific)[0], 'US');
  assert.ok((pacific.get('CA') ?? 0) > 0.01, 'Canada keeps a share');
  // No switch at -07:00 all year is not Pacific time: Arizona or Mexico's Pacific zone, not the Bay Area.
  const still = posterior(model, person([[-420, 'summer', 12], [-420, 'winter', 12]]), false)!;
  assert.ok((still.get('US') ?? 0) < (pacific.get('US') ?? 0));
});

test('a zone counts once per person, not once per commit (the US/Canada drift)', () => {
  const one = posterior(model, person([[-240, 'summer', 1], [-300, 'winter', 1]]), false)!;
  const many = posterior(model, person([[-240, 'summer', 200], [-300, 'winter', 200]]), false)!;
  const ratio = (p: Map<string, number>) => (p.get('CA') ?? 0) / (p.get('US') ?? 1);
  assert.ok(Math.abs(ratio(many) - ratio(one)) / ratio(one) < 0.25, `${ratio(one)} vs ${ratio(many)}`);
});

test('only UTC clocks and global mail say nothing; a declared location decides when it may be used', () => {
  const utc = person([[0, 'summer', 50], [0, 'winter', 50]]);
  assert.equal(isUninformative(utc, true), true);
  assert.equal(posterior(model, utc, true), null);
  const declared = person([], [], 'BR');
  assert.ok((posterior(model, declared, true)!.get('BR') ?? 0) > 0.9);
  assert.equal(posterior(model, declared, false), null, 'hidden, as in evaluation');
});

test('located people teach the model; EM moves the mix toward what everyone shows', () => {
  // Half of them use Chinese mail, located or not: as in real communities, most do not declare a location.
  const located: Labelled[] = Array.from({ length: 20 }, (_, i) => ({ evidence: person([[480, 'summer', 5]], i % 2 ? ['CN'] : []), country: 'CN' }));
  const others = Array.from({ length: 200 }, (_, i) => person([[480, 'summer', 5], [480, 'winter', 5]], i % 2 ? ['CN'] : []));
  const m = train(located, structure, prior, 0.7, 0.05);
  const before = top(posterior(m, others[0]!, false))[1];
  adaptPrior(m, located, others, prior);
  const after = posterior(m, others[0]!, false)!;
  assert.equal(top(after)[0], 'CN');
  assert.ok(top(after)[1] >= before, `${before} -> ${top(after)[1]}`);
});

test('clock temperature and mover share come from the grid, by cross-validation, repeatably', () => {
  const labelled: Labelled[] = [
    ...Array.from({ length: 15 }, () => ({ evidence: person([[480, 'summer', 8], [480, 'winter', 8]]), country: 'CN' })),
    ...Array.from({ length: 15 }, () => ({ evidence: person([[-420, 'summer', 8], [-480, 'winter', 8]]), country: 'US' })),
    ...Array.from({ length: 15 }, () => ({ evidence: person([[120, 'summer', 8], [60, 'winter', 8]]), country: 'DE' })),
  ];
  const a = fitClock(labelled, structure, prior);
  assert.deepEqual(fitClock(labelled, structure, prior), a);
  assert.ok(a.logLoss.size > 1);
});
