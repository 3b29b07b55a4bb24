// The API's query parsing: a closed list of names, bounded values, the CLI's own checks; nothing else gets through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CensusError, ExitCode } from '../errors.ts';
import { LIMITS, canonical, checkName, peopleParamNames, peopleQuery, readQuery, reportParamNames, reportQuery } from './params.ts';

const rq = (search: string) => reportQuery(readQuery(search, reportParamNames));
const refused = (fn: () => unknown, message: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof CensusError && e.exitCode === ExitCode.usage && message.test(e.message));

test('report queries become the options `census report` would build from the same flags', () => {
  const q = rq('repo=kubernetes/*&repo=helm/helm&since=2024-01-01&by=quarter&known-only=1&include-bots=0&regions=fold-into-cn&top=5&label=CN&label=US');
  assert.deepEqual(q.opts.repos, ['kubernetes/*', 'helm/helm']);
  assert.equal(q.opts.since, '2024-01-01');
  assert.equal(q.opts.by, 'quarter');
  assert.equal(q.opts.knownOnly, true);
  assert.deepEqual(q.overrides, { includeBots: false, regions: 'fold-into-cn' });
  assert.equal(q.top, 5);
  assert.deepEqual(q.labels, ['CN', 'US']);
  assert.deepEqual(rq('').opts.repos, []);
  assert.deepEqual(rq('').overrides, {});
});

test('unknown names, repeats, oversized and malformed values are refused with what was wrong', () => {
  refused(() => rq('drop=table'), /unknown parameter "drop"/);
  refused(() => rq('by=year&by=month'), /given more than once/);
  refused(() => rq(`repo=${'a'.repeat(LIMITS.valueChars)}/b`), /too long/);
  refused(() => rq('x'.repeat(LIMITS.queryChars + 1)), /query string too long/);
  refused(() => rq(Array.from({ length: LIMITS.listItems + 1 }, () => 'label=x').join('&')), /more than 20 times/);
  refused(() => rq(`repo=${encodeURIComponent("a/b' OR 1=1 --")}`), /--repo must be owner\/name/);
  refused(() => rq('since=2024-13-45'), /--since must be a date/);
  refused(() => rq('by=decade'), /--by must be/);
  refused(() => rq('known-only=yes'), /must be 1 or 0/);
  refused(() => rq('regions=all'), /regions/);
  for (const top of ['0', '-3', '1.5', '1e3', '100001', '9'.repeat(12)]) refused(() => rq(`top=${top}`), /"top" must be a whole number/);
  refused(() => peopleQuery(readQuery('company=a&country=b', peopleParamNames)), /exactly one/);
  refused(() => peopleQuery(readQuery('', peopleParamNames)), /exactly one/);
  refused(() => peopleQuery(readQuery('country=CN&limit=201', peopleParamNames)), /from 1 to 200/);
  refused(() => readQuery('top=1', peopleParamNames), /unknown parameter "top"/);
});

test('names are checked for shape before anything looks them up', () => {
  assert.equal(checkName('report', 'contributors-by-country'), 'contributors-by-country');
  assert.equal(checkName('person', 'p0013e92d3143'), 'p0013e92d3143');
  for (const bad of ['../etc/passwd', 'Contributors', 'a b', "x';--", '', 'a'.repeat(65)]) refused(() => checkName('report', bad), /not a report name/);
  for (const bad of ['../x', "p1' OR '1'='1", '', 'a/b']) refused(() => checkName('person', bad), /not a person id/);
});

test('the same question asked with its parameters in another order has the same cache key', () => {
  assert.equal(canonical(rq('since=2024-01-01&known-only=1')), canonical(rq('known-only=1&since=2024-01-01')));
  assert.notEqual(canonical(rq('repo=a/b&repo=c/d')), canonical(rq('repo=c/d&repo=a/b')));
});
