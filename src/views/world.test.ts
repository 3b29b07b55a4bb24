// The world map: every country the reports name is a shape (small ones too), named by its ISO code, with no streaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryTitles, worldMap } from './world.ts';

test('the map names countries by ISO code, small ones included, Antarctica left out, in under 300 kB', () => {
  const w = worldMap();
  const titles = countryTitles();
  for (const code of ['US', 'CN', 'HK', 'MO', 'TW', 'SG', 'IN', 'DE', 'BR', 'LU']) assert.ok(titles[code], code);
  assert.equal(titles.CN, 'China');
  assert.equal(titles.AQ, undefined);
  assert.ok(w.features.filter((f) => /^[A-Z]{2}$/.test(f.properties.name)).length > 230);
  assert.ok(JSON.stringify(w).length < 300_000);
});

test('no ring jumps across the antimeridian (it would streak across a flat map)', () => {
  const rings: number[][][] = [];
  const collect = (c: unknown): void => {
    const a = c as unknown[];
    if (typeof (a[0] as number[])[0] === 'number') rings.push(a as number[][]);
    else a.forEach(collect);
  };
  for (const f of worldMap().features) collect(f.geometry.coordinates);
  const jumps = rings.filter((r) => r.some((p, i) => i > 0 && Math.abs(p[0]! - r[i - 1]![0]!) > 180));
  assert.equal(jumps.length, 0);
  assert.ok(rings.some((r) => r.some((p) => p[0]! > 180)), 'Chukotka and Fiji continue east of 180');
});
