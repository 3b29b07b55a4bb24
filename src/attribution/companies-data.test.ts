// Validates the shipped reference data: every data/companies/*.yaml and data/personal-domains.yaml, read raw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadCompanyMap } from './companies.ts';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
const COMPANY_DIR = join(DATA, 'companies');

interface Raw {
  slug: string;
  doc: Record<string, unknown>;
}

// Read independently of the loader, so a loader bug cannot hide a data mistake.
const raws: Raw[] = readdirSync(COMPANY_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ slug: f.slice(0, -'.yaml'.length), doc: parse(readFileSync(join(COMPANY_DIR, f), 'utf8')) as Record<string, unknown> }));
const personal = parse(readFileSync(join(DATA, 'personal-domains.yaml'), 'utf8')) as { domains: string[]; addresses?: string[] };

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
const slugOf = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const key = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
const isDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

function coveredByPersonal(domain: string): string | null {
  const labels = domain.split('.');
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.');
    for (const p of personal.domains) {
      if (p === suffix) return p;
      if (p.endsWith('.*') && p.slice(0, -2) === labels[i] && labels.length - i - 1 <= 2) return p;
    }
  }
  return null;
}

test('there are company files, at least the ones the census relies on', () => {
  const names = new Set(raws.map((r) => r.doc['name']));
  const required = ['Google', 'Microsoft', 'Red Hat', 'IBM', 'VMware', 'Broadcom', 'Amazon', 'Apple', 'Intel', 'Cisco', 'SUSE', 'Rancher Labs', 'Docker', 'Mirantis', 'Heptio', 'CoreOS', 'Pivotal', 'Huawei', 'Alibaba', 'Ant Group', 'Tencent', 'ByteDance', 'Baidu', 'JD.com', 'Kuaishou', 'Xiaomi', 'DaoCloud', 'PingCAP', 'Samsung', 'NEC', 'Fujitsu', 'NTT', 'Oracle', 'Canonical', 'Datadog', 'Grafana Labs', 'Isovalent', 'Jetstack', 'Venafi', 'Weaveworks', 'Nokia', 'Ericsson', 'ZTE', 'China Mobile', 'Tetrate', 'Solo.io', 'Chainguard', 'Meta', 'Netflix', 'Uber', 'Salesforce', 'Hewlett Packard Enterprise', 'Dell', 'NVIDIA', 'Elastic', 'GitLab', 'Kubermatic', 'Giant Swarm', 'Linux Foundation'];
  assert.deepEqual(required.filter((n) => !names.has(n)), []);
});

for (const { slug, doc } of raws) {
  test(`data/companies/${slug}.yaml is well formed`, () => {
    assert.deepEqual(Object.keys(doc).filter((k) => !['name', 'aliases', 'domains', 'acquired_by'].includes(k)), [], 'unknown keys');
    const name = doc['name'];
    assert.equal(typeof name, 'string');
    assert.equal(slug, slugOf(String(name)), 'file name is the slug of the name');
    for (const field of ['aliases', 'domains']) {
      assert.ok(Array.isArray(doc[field]), `${field} is a list`);
      assert.equal(strings(doc[field]).length, (doc[field] as unknown[]).length, `${field} holds strings only`);
    }
    for (const d of strings(doc['domains'])) assert.match(d, /^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    assert.ok(strings(doc['domains']).length > 0, 'at least one mail domain');
    const aliases = strings(doc['aliases']).map(key);
    assert.equal(new Set(aliases).size, aliases.length, 'no duplicate alias');
    assert.ok(!aliases.includes(key(String(name))), 'the name is not repeated as an alias');
    const acq = doc['acquired_by'];
    if (acq !== undefined) {
      const a = acq as Record<string, unknown>;
      assert.equal(typeof a['name'], 'string');
      assert.ok(typeof a['date'] === 'string' && isDate(a['date']), `acquired_by.date ${String(a['date'])} is a YYYY-MM-DD string`);
      assert.ok(raws.some((r) => r.doc['name'] === a['name']), `acquirer ${String(a['name'])} has its own file`);
    }
  });
}

test('no mail domain is claimed by two companies', () => {
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const { slug, doc } of raws) {
    for (const d of strings(doc['domains'])) {
      const prev = owner.get(d);
      if (prev) clashes.push(`${d}: ${prev}, ${slug}`);
      owner.set(d, slug);
    }
  }
  assert.deepEqual(clashes, []);
});

test('no company domain is (under) a personal mail domain', () => {
  const clashes = raws.flatMap(({ slug, doc }) =>
    strings(doc['domains']).flatMap((d) => {
      const p = coveredByPersonal(d);
      return p ? [`${slug}: ${d} (personal ${p})`] : [];
    }),
  );
  assert.deepEqual(clashes, []);
});

test('no name or alias belongs to two companies', () => {
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const { slug, doc } of raws) {
    for (const s of [String(doc['name']), ...strings(doc['aliases'])]) {
      const prev = owner.get(key(s));
      if (prev && prev !== slug) clashes.push(`${s}: ${prev}, ${slug}`);
      owner.set(key(s), slug);
    }
  }
  assert.deepEqual(clashes, []);
});

test('personal-domains.yaml: well-formed entries, no duplicates, the must-haves present', () => {
  assert.ok(Array.isArray(personal.domains));
  for (const d of personal.domains) assert.match(d, /^[a-z0-9-]+(\.[a-z0-9-]+)*(\.\*)?$/);
  assert.equal(new Set(personal.domains).size, personal.domains.length);
  for (const a of personal.addresses ?? []) assert.match(a, /^[^\s@]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
});

// Through the real loader: the data loads, every spelling and domain leads back to its company.
const map = loadCompanyMap(DATA);

test('every alias canonicalizes to its company and every domain maps to it', () => {
  const wrong: string[] = [];
  for (const { doc } of raws) {
    const name = String(doc['name']);
    for (const s of [name, ...strings(doc['aliases'])]) if (map.canonical(s) !== name) wrong.push(`alias ${s} -> ${map.canonical(s)}`);
    for (const d of strings(doc['domains'])) if (map.companyForEmail(`someone@${d}`) !== name) wrong.push(`domain ${d} -> ${map.companyForEmail(`someone@${d}`)}`);
  }
  assert.deepEqual(wrong, []);
});

const realEmails: Array<[string, string | null]> = [
  ['dev@us.ibm.com', 'IBM'],
  ['dev@linux.vnet.ibm.com', 'IBM'],
  ['dev@linux.alibaba.com', 'Alibaba'],
  ['dev@alibaba-inc.com', 'Alibaba'],
  ['dev@aliyun.com', null],
  ['12345@qq.com', null],
  ['dev@vip.qq.com', null],
  ['dev@tencent.com', 'Tencent'],
  ['dev@gmail.com', null],
  ['dev@googlemail.com', null],
  ['dev@google.com', 'Google'],
  ['1+dev@users.noreply.github.com', null],
  ['dev@user.noreply.github.com', null],
  ['noreply@github.com', null],
  ['actions@github.com', null],
  ['dev@github.com', 'GitHub'],
  ['dev@yahoo.co.jp', null],
  ['dev@hotmail.co.uk', null],
  ['dev@cmss.chinamobile.com', 'China Mobile'],
  ['dev@india.nec.com', 'NEC'],
  ['dev@163.com', null],
];
for (const [email, want] of realEmails) {
  test(`real data: companyForEmail(${email}) = ${want}`, () => assert.equal(map.companyForEmail(email), want));
}

const realRollups: Array<[string, string, string | null]> = [
  ['VMware Inc.', '2023-11-21', null],
  ['VMware Inc.', '2023-11-22', 'Broadcom'],
  ['Pivotal', '2024-06-01', 'Broadcom'],
  ['Red Hat Inc.', '2019-07-09', 'IBM'],
  ['Rancher Labs Inc.', '2021-01-01', 'SUSE'],
  ['Google LLC', '2024-01-01', null],
];
for (const [name, at, want] of realRollups) {
  test(`real data: acquirer(${name}, ${at}) = ${want}`, () => assert.equal(map.acquirer(name, at), want));
}
