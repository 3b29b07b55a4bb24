// `census optout hash|update`: the hashes gitdm publishes, and lists installed only when every file is valid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { census, scratch, FIX } from './cli-harness.ts';

test('hash prints the SHA-1 and SHA-256 that the lists hold', () => {
  const r = census(scratch(), ['optout', 'hash', 'hidden@optout.example']);
  assert.equal(r.code, 0, r.stderr);
  const listed = readFileSync(join(FIX, 'optout', 'forbidden-sha256.csv'), 'utf8').split('\n')[1]!;
  assert.match(r.stdout, new RegExp(`sha256 ${listed}`));
  assert.match(r.stdout, /^sha1 +[0-9a-f]{40}$/m);
  const bad = census(scratch(), ['optout', 'hash', 'a,b']);
  assert.equal(bad.code, 2);
});

test('update installs valid lists and refuses the whole batch when one is malformed', () => {
  const dir = scratch();
  const into = join(dir, 'optout');
  const good = join(FIX, 'optout', 'forbidden-sha256.csv');
  const broken = join(dir, 'hide.csv');
  writeFileSync(broken, 'sha1\nnot-a-hash\n');
  const refused = census(dir, ['optout', 'update', good, broken, '--into', into]);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /hide\.csv.*2/);
  assert.equal(existsSync(join(into, 'forbidden-sha256.csv')), false);
  const ok = census(dir, ['optout', 'update', good, '--into', into]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /forbidden-sha256\.csv: 1 sha256 hashes/);
  assert.equal(readFileSync(join(into, 'forbidden-sha256.csv'), 'utf8'), readFileSync(good, 'utf8'));
});
