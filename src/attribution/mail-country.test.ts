import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from '../config.ts';
import { loadCompanyMap } from './companies.ts';
import { mailCountry, readMailCountries } from './mail-country.ts';

const lookup = mailCountry(DEFAULT_DATA_DIR, loadCompanyMap(DEFAULT_DATA_DIR));

const cases: [string, string | null][] = [
  ['someone@qq.com', 'CN'],
  ['someone@vip.qq.com', 'CN'],
  ['x@163.com', 'CN'],
  ['x@yandex.ru', 'RU'],
  ['x@naver.com', 'KR'],
  ['x@gmx.de', 'DE'],
  ['x@uni-stuttgart.de', 'DE'],
  ['x@fudan.edu.cn', 'CN'],
  ['x@ic.ac.uk', 'GB'],
  ['x@usp.com.br', 'BR'],
  ['x@mit.edu', 'US'],
  ['x@gmail.com', null], // global provider: says nothing
  ['x@users.noreply.github.com', null],
  ['x@startup.io', null], // vanity ccTLD
  ['x@example.ai', null],
  ['x@huawei.com', null], // a company's domain is company evidence, not country evidence
  ['x@example.eu', null], // not a country
  ['no-at-sign', null],
];

for (const [email, want] of cases) {
  test(`mail country of ${email}`, () => assert.equal(lookup(email)?.country ?? null, want));
}

test('email-countries.yaml: every provider maps to a real country, no provider is also a vanity domain', () => {
  const data = readMailCountries(DEFAULT_DATA_DIR);
  assert.ok(data.providers.size > 40);
  for (const domain of data.providers.keys()) assert.ok(!data.vanity.has(domain), domain);
  assert.throws(() => readMailCountries(join(DEFAULT_DATA_DIR, 'nope')), /email-countries\.yaml/);
});
