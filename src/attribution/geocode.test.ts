// Cases for geocode(): what must resolve, what must not, and why (the rule reported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geocode, MAX_INPUT_LENGTH, type GeocodeRule } from './geocode.ts';
import { loadGazetteer } from './gazetteer.ts';

type Case = readonly [text: string | null | undefined, country: string | null, rule?: GeocodeRule];

const resolves: readonly Case[] = [
  ['Beijing', 'CN'],
  ['Shanghai, China', 'CN', 'country'],
  ['杭州', 'CN', 'city'],
  ['浙江杭州', 'CN', 'subdivision'],
  ['北京市海淀区', 'CN'],
  ['Shenzhen, Guangdong', 'CN', 'subdivision'],
  ['SF Bay Area', 'US', 'alias'],
  ['San Francisco Bay Area', 'US', 'alias'],
  ['Silicon Valley', 'US'],
  ['NYC', 'US'],
  ['Bangalore', 'IN', 'alias'],
  ['Bengaluru, Karnataka', 'IN'],
  ['Berlin', 'DE', 'city'],
  ['Tokyo', 'JP', 'city'],
  ['Seoul', 'KR'],
  ['서울특별시', 'KR'],
  ['대한민국 서울', 'KR', 'country'],
  ['東京', 'JP'],
  ['Minneapolis, MN', 'US'],
  ['Seattle WA', 'US'],
  ['Seattle, WA 98101', 'US'],
  ['Hong Kong, China', 'HK'],
  ['中国香港', 'HK'],
  ['Macau, China', 'MO'],
  ['Taipei', 'TW'],
  ['TaiPei China', 'TW'],
  ['台灣', 'TW', 'alias'],
  ['São Paulo', 'BR'],
  ['Sao Paulo, SP', 'BR'],
  ['Zürich', 'CH'],
  ['Zurich, Switzerland', 'CH', 'country'],
  ['Deutschland', 'DE', 'country'],
  ['中国', 'CN', 'country'],
  ['PRC', 'CN', 'alias'],
  ['USA', 'US', 'alias'],
  ['U.S.A.', 'US'],
  ['UK', 'GB', 'alias'],
  ['London, UK', 'GB'],
  ['London', 'GB', 'city'],
  ['Łódź', 'PL'],
  ['Kraków, Polska', 'PL'],
  ['The Netherlands', 'NL'],
  ['Greater Seattle Area', 'US', 'city'],
  ['Remote, Berlin', 'DE'],
  ['Remote in Berlin', 'DE'],
  ['127.0.0.1/Australia', 'AU'],
  ['Vancouver, WA', 'US'],
  ['Vancouver, BC', 'CA'],
  ['Perth, WA', 'AU'],
  ['Berlin, DE', 'DE'],
  ['Bangalore, IN', 'IN'],
  ['Los Angeles, CA', 'US'],
  ['Atlanta, Georgia', 'US'],
  ['Tbilisi, Georgia', 'GE'],
  ['Georgia, USA', 'US'],
  ['London, Ontario', 'CA', 'subdivision'],
  ['Cambridge, MA', 'US'],
  ['Paris, Texas', 'US', 'subdivision'],
  ['Sydney NSW, Australia', 'AU'],
  ['Europe/Berlin', 'DE'],
  ['America/Sao_Paulo', 'BR'],
  ['Chicago ✈️ Fairfax VA', 'US'],
  ['Ｔｏｋｙｏ，Ｊａｐａｎ', 'JP'],
  ['Beijing China.', 'CN'],
  ['Franca, São Paulo, Brazil', 'BR'],
  ['Vancouver Island, Canada', 'CA'],
];

const refuses: readonly Case[] = [
  ['Earth', null, 'stop'],
  ['Planet Earth', null, 'stop'],
  ['Remote', null, 'stop'],
  ['localhost', null, 'stop'],
  ['127.0.0.1', null, 'stop'],
  ['~', null, 'stop'],
  ['The Cloud', null, 'stop'],
  ['Europe', null, 'stop'],
  ['N/A', null, 'stop'],
  ['', null, 'empty'],
  ['   ', null, 'empty'],
  [null, null, 'empty'],
  [undefined, null, 'empty'],
  ['<script>alert(1)</script>', null, 'invalid'],
  ['x'.repeat(10_000), null, 'invalid'],
  ['🚀🔥✨', null, 'invalid'],
  ['37.77, -122.41', null, 'invalid'],
  ['https://example.com', null, 'invalid'],
  ['www.example.org', null, 'invalid'],
  ['Hogwarts', null, 'unknown'],
  ['Nice place to live', null, 'unknown'], // "Nice" is a city only when nothing else is in its part
  ['I love San Francisco', null, 'unknown'],
  ['Vancouver', null, 'ambiguous'], // CA 1.5M vs US 0.3M: below CITY_DOMINANCE_RATIO
  ['Hyderabad', null, 'ambiguous'],
  ['Cambridge', null, 'ambiguous'], // reviewed as [GB, US]
  ['Georgia', null, 'ambiguous'], // a country and a US state
  ['Punjab', null, 'ambiguous'],
  ['Foo, CA', null, 'ambiguous'], // California or Canada
  ['Franca', null, 'ambiguous'], // France in Portuguese, and a Brazilian city
  ['Germany, France', null, 'conflict'],
  ['Seattle / Toronto', null, 'conflict'],
  ['California / Ontario', null, 'conflict'],
  ['Berlin/SF', null, 'conflict'],
  ['Perth, Australia + Tokyo, Japan', null, 'conflict'],
];

for (const [text, country, rule] of [...resolves, ...refuses]) {
  test(`geocode(${JSON.stringify(text)?.slice(0, 40)}) -> ${country ?? 'null'}${rule ? ` (${rule})` : ''}`, () => {
    const g = geocode(text);
    assert.equal(g.country, country, `got ${JSON.stringify(g)}`);
    if (rule) assert.equal(g.rule, rule, `got ${JSON.stringify(g)}`);
    if (g.country !== null) {
      assert.match(g.country, /^[A-Z]{2}$/);
      assert.ok(g.matched, 'a resolved text names what decided it');
    }
  });
}

test('an over-long input is refused before any parsing', () => {
  const long = 'Berlin, '.repeat(Math.ceil(MAX_INPUT_LENGTH / 8) + 1);
  assert.ok(long.length > MAX_INPUT_LENGTH);
  assert.deepEqual(geocode(long), { country: null, rule: 'invalid', matched: null });
  const started = performance.now();
  geocode('a'.repeat(10_000));
  assert.ok(performance.now() - started < 5, 'the length cap answers in well under 5 ms');
});

test('the index is built once and reused', () => {
  assert.equal(loadGazetteer(), loadGazetteer());
});

test('50,000 texts geocode in a bounded time once the index exists', () => {
  loadGazetteer();
  const samples = resolves.map(([t]) => t ?? '');
  const started = performance.now();
  for (let i = 0; i < 50_000; i++) geocode(`${samples[i % samples.length]}${i % 3 === 0 ? ` ${i}` : ''}`);
  const ms = performance.now() - started;
  // Loose on purpose (shared machines): it fails on an accidental quadratic step, not on noise.
  assert.ok(ms < 10_000, `50k texts took ${ms.toFixed(0)} ms`);
});
