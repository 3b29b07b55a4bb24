// Validates the reviewed identity data files: data/bots.yaml and data/generic-emails.yaml load, compile, and hold no duplicates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { readBotData } from './bots.ts';
import { loadGenericEmails, readGenericEmails } from './generic-emails.ts';
import { normaliseEmail } from './noreply.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const BOTS = join(DATA, 'bots.yaml');
const GENERIC = join(DATA, 'generic-emails.yaml');

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

test('bots.yaml loads, and every pattern compiles and passes its own examples', () => {
  const data = readBotData(BOTS); // throws on a bad regex or a failing example
  assert.ok(data.exact.length > 50, 'the reviewed list should not be empty');
  assert.ok(data.patterns.length > 0);
  for (const p of data.patterns) {
    // Patterns must be anchored, or "bot" inside a human name would match.
    assert.ok(/[$^]/.test(p.regex.source), `pattern ${p.id} is not anchored`);
  }
});

test('bots.yaml has no duplicate entries or pattern ids', () => {
  const data = readBotData(BOTS);
  const keys = data.exact.map((e) => `${e.field}:${e.field === 'email' ? normaliseEmail(e.value) : e.value.trim().toLowerCase()}`);
  assert.deepEqual(duplicates(keys), []);
  assert.deepEqual(duplicates(data.patterns.map((p) => p.id)), []);
});

test('bots.yaml e-mails are written normalised', () => {
  for (const e of readBotData(BOTS).exact.filter((x) => x.field === 'email')) assert.equal(e.value, normaliseEmail(e.value));
});

test('bots.yaml patterns each declare examples both ways', () => {
  const doc = parse(readFileSync(BOTS, 'utf8')) as { patterns: { id: string; matches?: unknown[]; doesNotMatch?: unknown[] }[] };
  for (const p of doc.patterns) {
    assert.ok((p.matches?.length ?? 0) > 0, `${p.id} has no matches examples`);
    assert.ok((p.doesNotMatch?.length ?? 0) > 0, `${p.id} has no doesNotMatch examples`);
  }
});

test('generic-emails.yaml loads, patterns compile and pass their examples', () => {
  const data = readGenericEmails(GENERIC);
  assert.ok(data.patterns.length > 0);
  for (const p of data.patterns) assert.ok(/[$^@]/.test(p.regex.source), `pattern ${p.id} is not anchored`);
});

test('generic-emails.yaml has no duplicates, and no exact entry a pattern already covers', () => {
  const data = readGenericEmails(GENERIC);
  assert.deepEqual(duplicates(data.exact), []);
  assert.deepEqual(duplicates(data.patterns.map((p) => p.id)), []);
  assert.deepEqual(duplicates(data.notGeneric), []);
  for (const e of data.exact) {
    const covering = data.patterns.find((p) => p.regex.test(e));
    assert.equal(covering, undefined, `${e} is already covered by pattern ${covering?.id}`);
  }
  // An exception that no rule would flag is dead weight and hides a typo.
  for (const e of data.notGeneric) {
    assert.ok(data.exact.includes(e) || data.patterns.some((p) => p.regex.test(e)), `${e} in notGeneric is not generic anyway`);
  }
});

const genericCases: [string, boolean][] = [
  ['noreply@github.com', true],
  ['NoReply@GitHub.com ', true],
  ['root@localhost', true],
  ['none@none', true],
  ['you@example.com', true],
  ['user@example.com', true],
  ['jane', true],
  ['', true],
  ['jane@(none)', true],
  ['root@desktop-42.localdomain', true],
  ['support@github.com', true],
  ['noreply@anthropic.com', false],
  ['jane@example.io', false],
  ['jane@janes-macbook-pro.local', false],
  ['12345+jdoe@users.noreply.github.com', false],
  ['tom+noreply@example.io', false],
];

test('loadGenericEmails predicate on representative addresses', () => {
  const isGeneric = loadGenericEmails(DATA);
  for (const [email, want] of genericCases) assert.equal(isGeneric(email), want, JSON.stringify(email));
});
