// Tests for the company map: canonical names, domain lookup, personal domains, acquisitions, and load errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CensusError, ExitCode } from '../errors.ts';
import { loadCompanyMap } from './companies.ts';

// Invented companies, so these tests do not move when the real data/ grows.
const BASE: Record<string, string> = {
  'companies/example.yaml': 'name: Example\naliases: ["Example Inc.", "Example  LLC"]\ndomains: [example.com]\n',
  'companies/example-labs.yaml': 'name: Example Labs\naliases: []\ndomains: [labs.example.com]\nacquired_by: { name: Example, date: "2020-06-15" }\n',
  'companies/startup.yaml': 'name: Startup\naliases: [Startup GmbH]\ndomains: [startup.example]\nacquired_by: { name: Example Labs, date: "2018-01-01" }\n',
  'companies/bigco.yaml': 'name: BigCo\naliases: []\ndomains: [bigco.example, bigco-inc.example]\n',
  'personal-domains.yaml': 'domains: [mail.example, freemail.*, free.example]\naddresses: [noreply@bigco.example]\n',
};

function dataDir(files: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'census-companies-'));
  mkdirSync(join(dir, 'companies'));
  for (const [rel, text] of Object.entries(files)) if (text !== null) writeFileSync(join(dir, rel), text);
  return dir;
}

const map = loadCompanyMap(dataDir(BASE));

const canonicalCases: Array<[string, string]> = [
  ['Example', 'Example'],
  ['Example Inc.', 'Example'],
  ['  example inc.  ', 'Example'],
  ['EXAMPLE LLC', 'Example'],
  ['Example   LLC', 'Example'],
  ['Example ·', 'Example'],
  ['Example Inc. · Internship', 'Example'],
  ['startup gmbh', 'Startup'],
  ['Unknown Things  Ltd', 'Unknown Things Ltd'],
  ['Zone·tv', 'Zone·tv'],
  ['Independent', 'Independent'],
];
for (const [input, want] of canonicalCases) {
  test(`canonical(${JSON.stringify(input)}) = ${want}`, () => assert.equal(map.canonical(input), want));
}

const emailCases: Array<[string, string | null]> = [
  ['a@example.com', 'Example'],
  ['A@EXAMPLE.COM', 'Example'],
  ['a@us.example.com', 'Example'],
  ['a@labs.example.com', 'Example Labs'], // longest suffix wins over example.com
  ['a@eu.labs.example.com', 'Example Labs'],
  ['a!labs.example.com', 'Example Labs'], // gitdm spelling
  ['a@bigco-inc.example', 'BigCo'],
  ['a@notexample.com', null], // a suffix must start at a label boundary
  ['a@example.com.evil.test', null],
  ['a@mail.example', null],
  ['a@freemail.de', null],
  ['noreply@bigco.example', null], // a shared service address names no employer
  ['someone@bigco.example', 'BigCo'],
  ['no-at-sign', null],
  ['', null],
];
for (const [email, want] of emailCases) {
  test(`companyForEmail(${JSON.stringify(email)}) = ${want}`, () => assert.equal(map.companyForEmail(email), want));
}

const personalCases: Array<[string, boolean]> = [
  ['mail.example', true],
  ['x@mail.example', true],
  ['x!MAIL.example', true],
  ['vip.mail.example', true],
  ['freemail.com', true],
  ['freemail.co.uk', true],
  ['x@freemail.fr', true],
  ['freemail.a.b.c', false], // the wildcard stands for a public suffix of at most two labels
  ['freemail-inc.com', false],
  ['example.com', false],
  ['notmail.example', false],
];
for (const [input, want] of personalCases) {
  test(`isPersonalDomain(${JSON.stringify(input)}) = ${want}`, () => assert.equal(map.isPersonalDomain(input), want));
}

const acquirerCases: Array<[string, string, string | null]> = [
  ['Example Labs', '2020-06-14', null],
  ['Example Labs', '2020-06-15', 'Example'], // the closing date counts
  ['example labs', '2024-01-01', 'Example'],
  ['Startup', '2017-12-31', null],
  ['Startup GmbH', '2019-01-01', 'Example Labs'],
  ['Startup', '2021-01-01', 'Example'], // the chain is followed to the owner at that date
  ['Startup', '2021-01-01T12:00:00Z', 'Example'],
  ['Example', '2024-01-01', null],
  ['Nobody Ltd', '2024-01-01', null],
];
for (const [name, at, want] of acquirerCases) {
  test(`acquirer(${name}, ${at}) = ${want}`, () => assert.equal(map.acquirer(name, at), want));
}

test('acquirer rejects a date it cannot read', () => {
  assert.throws(() => map.acquirer('Startup', 'last year'), CensusError);
});

// Each broken data set must be refused with a CensusError naming the offending file.
const brokenCases: Array<{ why: string; files: Record<string, string | null>; file: string; message: RegExp }> = [
  { why: 'YAML syntax', files: { 'companies/bad.yaml': 'name: [unclosed\n' }, file: 'bad.yaml', message: /cannot read YAML/ },
  { why: 'not a mapping', files: { 'companies/bad.yaml': '- a\n- b\n' }, file: 'bad.yaml', message: /expected a mapping/ },
  { why: 'missing name', files: { 'companies/bad.yaml': 'aliases: []\ndomains: [bad.example]\n' }, file: 'bad.yaml', message: /"name"/ },
  { why: 'missing domains', files: { 'companies/bad.yaml': 'name: Bad\naliases: []\n' }, file: 'bad.yaml', message: /missing "domains"/ },
  { why: 'alias not a string', files: { 'companies/bad.yaml': 'name: Bad\naliases: [1]\ndomains: []\n' }, file: 'bad.yaml', message: /"aliases"/ },
  { why: 'misspelt key', files: { 'companies/bad.yaml': 'name: Bad\nalias: []\naliases: []\ndomains: []\n' }, file: 'bad.yaml', message: /unknown key "alias"/ },
  { why: 'upper-case domain', files: { 'companies/bad.yaml': 'name: Bad\naliases: []\ndomains: [Bad.Example]\n' }, file: 'bad.yaml', message: /Bad\.Example/ },
  { why: 'domain with @', files: { 'companies/bad.yaml': 'name: Bad\naliases: []\ndomains: ["x@bad.example"]\n' }, file: 'bad.yaml', message: /x@bad\.example/ },
  { why: 'impossible date', files: { 'companies/bad.yaml': 'name: Bad\naliases: []\ndomains: []\nacquired_by: { name: Example, date: "2019-02-29" }\n' }, file: 'bad.yaml', message: /2019-02-29/ },
  { why: 'date missing', files: { 'companies/bad.yaml': 'name: Bad\naliases: []\ndomains: []\nacquired_by: { name: Example }\n' }, file: 'bad.yaml', message: /acquired_by/ },
  { why: 'unknown acquirer', files: { 'companies/bad.yaml': 'name: Bad\naliases: []\ndomains: []\nacquired_by: { name: Nobody, date: "2019-01-01" }\n' }, file: 'bad.yaml', message: /Nobody/ },
  { why: 'self acquisition', files: { 'companies/bad.yaml': 'name: Bad\naliases: [Bad Inc]\ndomains: []\nacquired_by: { name: Bad Inc, date: "2019-01-01" }\n' }, file: 'bad.yaml', message: /itself/ },
  { why: 'domain claimed twice', files: { 'companies/zz.yaml': 'name: ZZ\naliases: []\ndomains: [example.com]\n' }, file: 'zz.yaml', message: /example\.com.*example\.yaml/ },
  { why: 'alias claimed twice', files: { 'companies/zz.yaml': 'name: ZZ\naliases: [example inc.]\ndomains: []\n' }, file: 'zz.yaml', message: /example inc\..*example\.yaml/ },
  { why: 'a personal domain claimed', files: { 'companies/zz.yaml': 'name: ZZ\naliases: []\ndomains: [corp.mail.example]\n' }, file: 'zz.yaml', message: /personal/ },
  { why: 'a wildcard personal domain claimed', files: { 'companies/zz.yaml': 'name: ZZ\naliases: []\ndomains: [freemail.fr]\n' }, file: 'zz.yaml', message: /personal/ },
  { why: 'bad personal entry', files: { 'personal-domains.yaml': 'domains: ["*.mail.example"]\n' }, file: 'personal-domains.yaml', message: /\*\.mail\.example/ },
  { why: 'bad shared address', files: { 'personal-domains.yaml': 'domains: [mail.example]\naddresses: [not-an-address]\n' }, file: 'personal-domains.yaml', message: /not-an-address/ },
  { why: 'personal file missing', files: { 'personal-domains.yaml': null }, file: 'personal-domains.yaml', message: /cannot read YAML/ },
];
for (const { why, files, file, message } of brokenCases) {
  test(`loadCompanyMap refuses ${why}`, () => {
    const dir = dataDir({ ...BASE, ...files });
    assert.throws(
      () => loadCompanyMap(dir),
      (err: unknown) => {
        assert.ok(err instanceof CensusError, String(err));
        assert.equal(err.exitCode, ExitCode.badInput);
        assert.ok(err.message.includes(file), `message names ${file}: ${err.message}`);
        assert.match(err.message, message);
        return true;
      },
    );
  });
}

test('a missing companies directory is a not-found error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-companies-'));
  assert.throws(
    () => loadCompanyMap(dir),
    (err: unknown) => err instanceof CensusError && err.exitCode === ExitCode.notFound,
  );
});
