// Tests for opt-out lists: parsing, hashing like gitdm/DevStats, matching variants, and the shipped lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CensusError, ExitCode } from '../errors.ts';
import { hashPhrase, loadOptOutLists, optOutMatcher, optOutVariants, parseOptOutList, type OptOutList } from './optout.ts';

test('hashPhrase matches the example in DevStats HIDE_DATA.md and trims like add_forbidden_data.rb', () => {
  const want = { sha1: 'f6f9480eb4f34372a4860c829cc5bc5fc1549a1c', sha256: '10d527f453c18414dc29e2b0372da5111baea1a9935367e0ad8e4f3fa9117171' };
  assert.deepEqual(hashPhrase('hide_me'), want);
  assert.deepEqual(hashPhrase('  hide_me\n'), want);
  assert.notEqual(hashPhrase('Hide_me').sha1, want.sha1, 'case is kept');
});

const SHA1_A = hashPhrase('a').sha1;
const SHA256_A = hashPhrase('a').sha256;

const parseCases: Array<{ why: string; text: string; algorithm: 'sha1' | 'sha256'; size: number }> = [
  { why: 'gitdm sha256 with header', text: `sha\n${SHA256_A}\n`, algorithm: 'sha256', size: 1 },
  { why: 'gitdm sha1 with header', text: `sha\n${SHA1_A}\n`, algorithm: 'sha1', size: 1 },
  { why: 'DevStats header', text: `sha1\n${SHA1_A}\n`, algorithm: 'sha1', size: 1 },
  { why: 'no header', text: `${SHA1_A}\n`, algorithm: 'sha1', size: 1 },
  { why: 'CRLF, BOM, blank lines, upper case, duplicates', text: `\uFEFFsha\r\n\r\n${SHA256_A.toUpperCase()}\r\n${SHA256_A}\r\n`, algorithm: 'sha256', size: 1 },
  { why: 'header only', text: 'sha1\n', algorithm: 'sha1', size: 0 },
];
for (const { why, text, algorithm, size } of parseCases) {
  test(`parseOptOutList: ${why}`, () => {
    const list = parseOptOutList(text, 'list.csv');
    assert.equal(list.file, 'list.csv');
    assert.equal(list.algorithm, algorithm);
    assert.equal(list.hashes.size, size);
    if (size > 0) assert.ok([...list.hashes].every((h) => h === h.toLowerCase()));
  });
}

const badCases: Array<{ why: string; text: string; line: number }> = [
  { why: 'not hex', text: `sha\n${'z'.repeat(64)}\n`, line: 2 },
  { why: 'wrong length', text: `sha\n${SHA1_A.slice(0, 39)}\n`, line: 2 },
  { why: 'mixed algorithms', text: `sha\n${SHA1_A}\n${SHA256_A}\n`, line: 3 },
  { why: 'header disagrees', text: `sha1\n${SHA256_A}\n`, line: 2 },
  { why: 'an e-mail pasted instead of its hash', text: `sha\n${SHA1_A}\njane@example.com\n`, line: 3 },
  { why: 'a header below the first line', text: `${SHA1_A}\nsha\n`, line: 2 },
];
for (const { why, text, line } of badCases) {
  test(`parseOptOutList refuses ${why} with file and line`, () => {
    assert.throws(
      () => parseOptOutList(text, 'bad.csv'),
      (err: unknown) => err instanceof CensusError && err.exitCode === ExitCode.badInput && err.message.startsWith(`bad.csv:${line}:`),
    );
  });
}

test('loadOptOutLists names a missing file', () => {
  assert.throws(
    () => loadOptOutLists(['/nonexistent/forbidden.csv']),
    (err: unknown) => err instanceof CensusError && err.message.includes('/nonexistent/forbidden.csv'),
  );
});

test('optOutVariants covers as-is, trimmed, lower-cased and @/! swapped spellings', () => {
  assert.deepEqual(new Set(optOutVariants(' Jane@Example.com ')), new Set([' Jane@Example.com ', ' Jane!Example.com ', 'Jane@Example.com', 'Jane!Example.com', 'jane@example.com', 'jane!example.com']));
  assert.deepEqual(optOutVariants('   '), ['   ']);
});

// People opted out with one spelling; the census meets others. Invented identities.
function list(algorithm: 'sha1' | 'sha256', phrases: string[]): OptOutList {
  return { file: `${algorithm}.csv`, algorithm, hashes: new Set(phrases.map((p) => hashPhrase(p)[algorithm])) };
}
const matcher = optOutMatcher([list('sha256', ['jane!example.com', 'Jane Roe']), list('sha1', ['rroe', 'r.roe@example.org']), list('sha1', ['rroe'])]);

const matchCases: Array<[string | null | undefined, boolean]> = [
  ['jane!example.com', true],
  ['jane@example.com', true],
  ['Jane@Example.COM', true],
  ['  jane@example.com\n', true],
  ['Jane Roe', true],
  ['jane roe', false], // a name was hashed with its case: the lower-cased value is only an extra try
  ['rroe', true],
  ['RRoe', true],
  ['r.roe!example.org', true],
  ['R.Roe@Example.org', true],
  ['jane@example.co', false],
  ['someone else', false],
  ['', false],
  [null, false],
  [undefined, false],
];
for (const [value, want] of matchCases) {
  test(`matches(${JSON.stringify(value)}) = ${want}`, () => {
    assert.equal(matcher.matches(value), want);
    assert.equal(matcher.matches(value), want, 'same answer from the cache');
  });
}

test('matchesAny and size (duplicates across lists counted once)', () => {
  assert.equal(matcher.matchesAny([null, 'nobody', 'RROE']), true);
  assert.equal(matcher.matchesAny([null, undefined, 'nobody']), false);
  assert.equal(matcher.matchesAny([]), false);
  assert.equal(matcher.size, 4);
  assert.equal(optOutMatcher([]).matches('anything'), false);
});

// The shipped lists: the counts in data/optout/README.md, and byte-identical to the shared copy when present.
const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'optout');
const SHARED = resolve(DATA, '..', '..', '..', 'shared', 'data', 'gitdm');
const shipped: Array<[string, 'sha1' | 'sha256', number, string]> = [
  ['forbidden-sha256.csv', 'sha256', 113, 'forbidden-sha256.csv'],
  ['forbidden-sha1.csv', 'sha1', 1, 'forbidden-sha1.csv'],
  ['devstats-hide.csv', 'sha1', 8, 'devstats-hide.csv'],
];
for (const [file, algorithm, size, sharedName] of shipped) {
  test(`data/optout/${file}: ${size} ${algorithm} hashes`, () => {
    const [l] = loadOptOutLists([join(DATA, file)]);
    assert.equal(l?.algorithm, algorithm);
    assert.equal(l?.hashes.size, size);
    const shared = join(SHARED, sharedName);
    if (existsSync(shared)) assert.equal(readFileSync(join(DATA, file), 'utf8'), readFileSync(shared, 'utf8'));
  });
}
