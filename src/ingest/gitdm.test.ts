// Tests for the gitdm developers_affiliations parser: real-file quirks, bad lines, the wrong-file guard, counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CensusError, ExitCode } from '../errors.ts';
import { gitdmCompanyKind, parseGitdm, type GitdmAffiliation } from './gitdm.ts';

// Invented people; the shapes copy the quirks seen in the real CNCF files.
const FILE = 'developers_affiliations9.txt';

test('a plain entry: e-mails lower-cased with ! turned into @, dated companies, file and line', () => {
  const text = ['# header comment', 'jdoe: JDoe!Example.COM, jdoe!users.noreply.github.com', '\tAcme Corp until 2019-01-01', '\tIndependent from 2019-01-01'].join('\n');
  const { entries, bad } = parseGitdm(text, FILE);
  assert.deepEqual(bad, []);
  assert.deepEqual(entries, [
    {
      login: 'jdoe',
      emails: ['jdoe@example.com', 'jdoe@users.noreply.github.com'],
      affiliations: [
        { company: 'Acme Corp', from: null, until: '2019-01-01' },
        { company: 'Independent', from: '2019-01-01', until: null },
      ],
      file: FILE,
      line: 2,
    },
  ]);
});

const affiliationCases: Array<{ line: string; want: GitdmAffiliation }> = [
  { line: 'Acme', want: { company: 'Acme', from: null, until: null } },
  { line: 'Acme from 2020-02-29', want: { company: 'Acme', from: '2020-02-29', until: null } },
  { line: 'Acme until 2020-03-01', want: { company: 'Acme', from: null, until: '2020-03-01' } },
  { line: 'Acme from 2019-01-01 until 2020-03-01', want: { company: 'Acme', from: '2019-01-01', until: '2020-03-01' } },
  // "from"/"until" inside a name stay in the name; only a trailing dated clause is split off.
  { line: 'Nuage Networks from Nokia from 2014-12-01 until 2018-04-01', want: { company: 'Nuage Networks from Nokia', from: '2014-12-01', until: '2018-04-01' } },
  { line: 'Flavours from Apulia', want: { company: 'Flavours from Apulia', from: null, until: null } },
  { line: 'From The Bench until 2017-01-01', want: { company: 'From The Bench', from: null, until: '2017-01-01' } },
  { line: 'AlternativaPlatfrom from 2016-07-01', want: { company: 'AlternativaPlatfrom', from: '2016-07-01', until: null } },
  // Odd spacing and punctuation seen in the files.
  { line: 'Protocol  Labs from 2018-05-01', want: { company: 'Protocol Labs', from: '2018-05-01', until: null } },
  { line: 'A*STAR from 2016-09-01 until 2020-09-01', want: { company: 'A*STAR', from: '2016-09-01', until: '2020-09-01' } },
  { line: 'Run:AI from 2019-11-01', want: { company: 'Run:AI', from: '2019-11-01', until: null } },
  { line: 'Yahoo! Inc. until 2018-06-01', want: { company: 'Yahoo! Inc.', from: null, until: '2018-06-01' } },
  { line: '(Robots)', want: { company: '(Robots)', from: null, until: null } },
  { line: 'NotFound', want: { company: 'NotFound', from: null, until: null } },
  // A zero-length period is odd but not invalid: from is inclusive, until exclusive.
  { line: 'Acme from 2017-07-01 until 2017-07-01', want: { company: 'Acme', from: '2017-07-01', until: '2017-07-01' } },
];

for (const { line, want } of affiliationCases) {
  test(`affiliation line "${line}"`, () => {
    const { entries, bad } = parseGitdm(`x: x!example.com\n\t${line}\n`, FILE);
    assert.deepEqual(bad, []);
    assert.deepEqual(entries[0]?.affiliations, [want]);
  });
}

const emailCases: Array<{ header: string; want: string[]; why: string }> = [
  { header: 'a: a!x.example, b!y.example', want: ['a@x.example', 'b@y.example'], why: 'comma separated' },
  { header: 'a: a!x.example b!y.example, c!z.example', want: ['a@x.example', 'b@y.example', 'c@z.example'], why: 'a forgotten comma' },
  { header: 'a:  a!x.example,  b!y.example', want: ['a@x.example', 'b@y.example'], why: 'extra spaces' },
  { header: 'a: a at x dot com, a [at] x [dot] com, a!x.example', want: ['a@x.example'], why: 'obfuscated addresses are dropped' },
  { header: 'a: a!x, a!!y.example, !a, a!x.example', want: ['a@x.example'], why: 'broken tokens are dropped' },
  { header: 'a: A!X.example, a!x.example', want: ['a@x.example'], why: 'case duplicates collapse' },
  { header: 'a: a@x.example', want: ['a@x.example'], why: 'an @ is accepted too' },
  { header: 'a:', want: [], why: 'no e-mails at all' },
];

for (const { header, want, why } of emailCases) {
  test(`header e-mails: ${why}`, () => {
    const { entries, bad } = parseGitdm(`${header}\n\tAcme\n`, FILE);
    assert.deepEqual(bad, []);
    assert.deepEqual(entries[0]?.emails, want);
  });
}

test('CRLF line ends, a BOM, blank lines and an asterisk-marked login', () => {
  const text = '\uFEFF# c\r\n\r\nmulti*: m!x.example\r\n\tAcme from 2020-01-01\r\n';
  const { entries, bad } = parseGitdm(text, FILE);
  assert.deepEqual(bad, []);
  assert.equal(entries.length, 1);
  assert.equal(entries[0]?.login, 'multi');
  assert.equal(entries[0]?.line, 3);
  assert.deepEqual(entries[0]?.affiliations, [{ company: 'Acme', from: '2020-01-01', until: null }]);
});

test('a login listed in two entries stays two entries (each with its own e-mails)', () => {
  const { entries } = parseGitdm('dup: a!x.example\n\tAcme\ndup: b!y.example\n\tBeta\n', FILE);
  assert.deepEqual(
    entries.map((e) => [e.login, e.emails, e.line]),
    [
      ['dup', ['a@x.example'], 1],
      ['dup', ['b@y.example'], 3],
    ],
  );
});

const badCases: Array<{ line: string; reason: RegExp }> = [
  { line: '\tAcme from 2021-02-30', reason: /invalid date 2021-02-30/ },
  { line: '\tAcme until 2021-13-01', reason: /invalid date 2021-13-01/ },
  { line: '\tAcme from 2021-05-01 until 2020-01-01', reason: /after until/ },
  { line: '\tHound Example dba Honeycomb from from 2020-11-22', reason: /doubled keyword/ },
  { line: '\tIndependent 2020-01-20 from 2100-01-01', reason: /date without/ },
  { line: '\tPLUM Example 2014-10-01 until 2017-03-01', reason: /date without/ },
  { line: '\t   ', reason: /no company/ },
];

for (const { line, reason } of badCases) {
  test(`bad affiliation line ${JSON.stringify(line)} is reported and the rest kept`, () => {
    const text = ['ok: ok!x.example', '\tGood Co until 2020-01-01', line, '\tLater Co from 2020-01-01'].join('\n');
    const { entries, bad } = parseGitdm(text, FILE);
    if (line.trim() === '') {
      assert.deepEqual(bad, []); // a whitespace-only line is a blank line, not a record
      return;
    }
    assert.equal(bad.length, 1);
    assert.equal(bad[0]?.file, FILE);
    assert.equal(bad[0]?.line, 3);
    assert.match(bad[0]?.reason ?? '', reason);
    assert.equal(bad[0]?.sample, line);
    assert.deepEqual(entries[0]?.affiliations.map((a) => a.company), ['Good Co', 'Later Co']);
  });
}

test('bad headers: their lines are reported, not attached to the previous login', () => {
  const text = ['\tOrphan Co', 'good: g!x.example', '\tGood Co', 'no colon here', '\tLost Co', 'two words: t!x.example', '\tLost Too', 'next: n!x.example', '\tNext Co'].join('\n');
  const { entries, bad } = parseGitdm(text, FILE);
  assert.deepEqual(
    bad.map((b) => [b.line, b.reason]),
    [
      [1, 'affiliation line before any developer header'],
      [4, 'header line without "login:"'],
      [5, 'affiliation line under a rejected header'],
      [6, 'header line with an invalid login'],
      [7, 'affiliation line under a rejected header'],
    ],
  );
  assert.deepEqual(
    entries.map((e) => [e.login, e.affiliations.map((a) => a.company)]),
    [
      ['good', ['Good Co']],
      ['next', ['Next Co']],
    ],
  );
});

test('samples of bad lines are cut to about 200 characters', () => {
  const long = `\t${'X'.repeat(500)} from 2020-99-99`;
  const { bad } = parseGitdm(`a: a!x.example\n${long}\n`, FILE);
  assert.equal(bad.length, 1);
  assert.ok((bad[0]?.sample.length ?? 0) <= 201, `sample length ${bad[0]?.sample.length}`);
});

const wrongFiles: Array<{ name: string; text: string; line: number }> = [
  { name: 'with its "derived" header', text: '# This file is derived from developers_affiliations.txt and so should not be edited directly.\nAcme:\n\tjdoe: jdoe!acme.example\n', line: 1 },
  { name: 'without the header', text: 'Acme Corp:\n\tjdoe: jdoe!acme.example until 2019-01-01\n', line: 2 },
  { name: 'a one-word company', text: 'Acme:\n\tjdoe: jdoe!acme.example, j!x.example\n', line: 2 },
];

for (const { name, text, line } of wrongFiles) {
  test(`a company_developers file ${name} is rejected with file, line and a hint`, () => {
    assert.throws(
      () => parseGitdm(text, 'company_developers3.txt'),
      (err: unknown) => {
        assert.ok(err instanceof CensusError);
        assert.equal(err.exitCode, ExitCode.badInput);
        assert.match(err.message, new RegExp(`company_developers3\\.txt:${line}\\b`));
        assert.match(err.hint ?? '', /developers_affiliations\*\.txt/);
        return true;
      },
    );
  });
}

test('an entry with no e-mails is still a developer when its lines are companies', () => {
  const { entries, bad } = parseGitdm('solo:\n\tDEUS: human(ity) from 2022-01-01\n', FILE);
  assert.deepEqual(bad, []);
  assert.deepEqual(entries[0]?.affiliations, [{ company: 'DEUS: human(ity)', from: '2022-01-01', until: null }]);
});

const kinds: Array<[string, ReturnType<typeof gitdmCompanyKind>]> = [
  ['(Robots)', 'robot'],
  [' (robots) ', 'robot'],
  ['NotFound', 'unknown'],
  ['(Unknown)', 'unknown'],
  ['unknown', 'unknown'],
  ['?', 'unknown'],
  ['', 'unknown'],
  ['Independent', 'independent'],
  ['independent', 'independent'],
  ['Independentr', 'company'],
  ['DataRobot', 'company'],
  ['Robots & Pencils', 'company'],
  ['Google LLC', 'company'],
];

for (const [company, kind] of kinds) {
  test(`gitdmCompanyKind(${JSON.stringify(company)}) is ${kind}`, () => {
    assert.equal(gitdmCompanyKind(company), kind);
  });
}

// The real 2023-03-29 files, when the shared data sits beside the repository (it does on CI).
const realDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'gitdm');
test('the 7 real developers_affiliations files parse to the expected counts', { skip: !existsSync(join(realDir, 'developers_affiliations1.txt')) && 'shared gitdm data not present' }, () => {
  let entries = 0;
  let affiliations = 0;
  const logins = new Set<string>();
  const emails = new Set<string>();
  const bad: string[] = [];
  for (let i = 1; i <= 7; i++) {
    const file = `developers_affiliations${i}.txt`;
    const r = parseGitdm(readFileSync(join(realDir, file), 'utf8'), file);
    entries += r.entries.length;
    for (const e of r.entries) {
      affiliations += e.affiliations.length;
      logins.add(e.login);
      for (const m of e.emails) emails.add(m);
    }
    bad.push(...r.bad.map((b) => `${b.file}:${b.line}`));
  }
  // README: 45,987 entries, 45,156 logins, 72,909 e-mail tokens, 114,758 affiliation lines. The 6 bad lines are
  // typos (a date without from/until, "from from"); 72,861 e-mails = 72,909 tokens - 59 non-addresses + 11 split pairs.
  assert.equal(entries, 45987);
  assert.equal(logins.size, 45156);
  assert.equal(affiliations + bad.length, 114758);
  assert.deepEqual(bad, [
    'developers_affiliations1.txt:14203',
    'developers_affiliations1.txt:14204',
    'developers_affiliations1.txt:14205',
    'developers_affiliations1.txt:14206',
    'developers_affiliations6.txt:7604',
    'developers_affiliations7.txt:7310',
  ]);
  assert.equal(emails.size, 72861);
});
