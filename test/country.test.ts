// End to end: `census explain` and `census eval countries` on the demo community.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { census, scratch, FIX } from './cli-harness.ts';

function prepared(): string {
  const dir = scratch();
  assert.equal(census(dir, ['ingest', 'gitlog', join(FIX, 'gitlog', 'demo__app.log.gz')]).code, 0);
  assert.equal(census(dir, ['import', 'gitdm', join(FIX, 'gitdm', 'developers_affiliations.txt')]).code, 0);
  census(dir, ['import', 'profiles', join(FIX, 'profiles', 'profiles.ndjson')]);
  return dir;
}

test('explain gives the evidence and the probabilities in words, never the name as a reason', () => {
  const dir = prepared();
  const r = census(dir, ['explain', 'adal']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Most likely country: China, (>99|9\d)%/);
  assert.match(r.stdout, /Declared location: "Shenzhen, Guangdong \(subdivision\)" in the profile of adal, read as China/);
  assert.match(r.stdout, /commits? at UTC\+08:00/);
  assert.match(r.stdout, /Not used: the person's name/);
  assert.doesNotMatch(r.stdout, /ada@example-corp\.com/);
  const byEmail = census(dir, ['explain', 'ADA@example-corp.com', '--format', 'json']);
  assert.equal(JSON.parse(byEmail.stdout).name, 'Ada Lovelace');
  const sam = census(dir, ['explain', 'sam@one.example']);
  assert.match(sam.stdout, /Most likely country: India/);
});

test('explain refuses opted-out people exactly as unknown ones', () => {
  const dir = prepared();
  const hidden = census(dir, ['explain', 'hidden@optout.example']);
  const nobody = census(dir, ['explain', 'nobody@nowhere.example']);
  assert.equal(hidden.code, 4);
  assert.equal(nobody.code, 4);
  assert.equal(hidden.stderr.replace(/"[^"]*"/, ''), nobody.stderr.replace(/"[^"]*"/, ''));
});

test('eval countries hides declared locations, scores the rest, and reports unknown logins and bad rows', () => {
  const dir = prepared();
  const r = census(dir, ['eval', 'countries', '--labels', join(FIX, 'labels', 'labels.csv'), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.outcome.unknownLogins, ['no-such-login']);
  assert.equal(out.outcome.badRows.length, 1);
  assert.equal(out.outcome.found, 2);
  assert.equal(out.report.labelled, 2);
  // Ada's clock (UTC+08:00) still says China once her declared location is hidden.
  const cn = out.report.countries.find((c: { country: string }) => c.country === 'CN');
  assert.equal(cn.labelled, 1);
  const text = census(dir, ['eval', 'countries', '--labels', join(FIX, 'labels', 'labels.csv')]);
  assert.match(text.stdout, /expected calibration error/);
  assert.match(text.stdout, /not found: no-such-login/);
  const missing = census(dir, ['eval', 'countries', '--labels', join(dir, 'none.csv')]);
  assert.equal(missing.code, 4);
});

test('hostile, absurd and empty location texts: no crash, no country, counted', async () => {
  const dir = prepared();
  const r = census(dir, ['import', 'profiles', join(FIX, 'profiles', 'hostile.ndjson')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /0 of 3 profile locations resolved to a country \(not resolved: /);
  const out = JSON.parse(census(dir, ['report', 'contributors-by-country', '--format', 'json']).stdout);
  assert.equal(out.rows.find((x: { country: string }) => x.country === 'CN')?.profile_contributors ?? 0, 0);
});
