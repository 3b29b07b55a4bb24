// The country reports read each person's distribution from country_vectors (src/stages/country_vectors.ts): one row
// per person with evidence, the same id for the same distribution, every probability kept exactly; a database built
// before that table existed is refused with the way out, not reported as everyone Unknown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { census, scratch, sql, FIX } from './cli-harness.ts';

test('country_vectors holds every person\'s probabilities exactly, shared by id; a stale database says to rebuild', async () => {
  const dir = scratch();
  assert.equal(census(dir, ['ingest', 'gitlog', join(FIX, 'gitlog', 'demo__app.log.gz')]).code, 0);
  census(dir, ['import', 'profiles', join(FIX, 'profiles', 'profiles.ndjson')]); // exits 3: the fixture holds bad rows on purpose
  const probabilities = await sql(dir, 'SELECT person_id, country, p FROM country_probabilities ORDER BY person_id, country');
  const vectors = await sql(dir, 'SELECT person_id, evidence, vector_id, distribution FROM country_vectors ORDER BY person_id');
  const evidence = await sql(dir, 'SELECT DISTINCT person_id FROM country_evidence ORDER BY person_id');
  assert.ok(probabilities.length > 0);
  assert.deepEqual(vectors.map((v) => v.person_id), evidence.map((e) => e.person_id));
  const byId = new Map<number, string>();
  for (const v of vectors) {
    const mine = probabilities.filter((p) => p.person_id === v.person_id).map((p) => [p.country, p.p]);
    assert.deepEqual(v.distribution === null ? [] : JSON.parse(String(v.distribution)), mine, `person ${v.person_id}`);
    assert.ok(Number(v.evidence) > 0 && Number(v.evidence) < 8);
    if (v.vector_id === null) continue;
    const seen = byId.get(Number(v.vector_id));
    if (seen !== undefined) assert.equal(v.distribution, seen, 'one id, one distribution');
    byId.set(Number(v.vector_id), String(v.distribution));
  }
  assert.equal(new Set(byId.values()).size, byId.size, 'one distribution, one id');

  await sql(dir, 'DELETE FROM country_vectors');
  const stale = census(dir, ['report', 'contributors-by-country']);
  assert.equal(stale.code, 3, stale.stderr);
  assert.match(stale.stderr, /census rebuild/);
  assert.equal(census(dir, ['rebuild']).code, 0);
  assert.equal(census(dir, ['report', 'contributors-by-country']).code, 0);
});
