import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIsoDate, parsePersonValue, parseRecord } from './gitlog-record.ts';

const US = '\x1f';
const header = (over: Partial<Record<number, string>> = {}) => {
  const f = ['a'.repeat(40), 'Ada', 'ada@x.example', '2024-03-01T10:00:00+08:00', 'GitHub', 'noreply@github.com', '2024-03-01T02:00:00Z', 'subject', ''];
  for (const [i, v] of Object.entries(over)) f[Number(i)] = v!;
  return f.join(US);
};

test('dates keep the UTC instant and the author offset', () => {
  assert.deepEqual(parseIsoDate('2024-03-01T10:00:00+08:00'), { at: Date.UTC(2024, 2, 1, 2) / 1000, tz: 480 });
  assert.deepEqual(parseIsoDate('2024-03-01T02:00:00Z'), { at: Date.UTC(2024, 2, 1, 2) / 1000, tz: 0 });
  assert.deepEqual(parseIsoDate('2024-03-01T02:00:00-05:30'), { at: Date.UTC(2024, 2, 1, 7, 30) / 1000, tz: -330 });
  assert.equal(parseIsoDate('yesterday'), null);
});

test('a full record: header, co-authors, numstat', () => {
  const r = parseRecord(`${header({ 8: 'Bo <bo@x.example>\x1dCy Dee <cy@y.example>' })}\n\n1\t2\ta.go\n-\t-\tb.png\n`);
  assert.ok(r.ok);
  assert.equal(r.commit.author.email, 'ada@x.example');
  assert.equal(r.commit.authorTz, 480);
  assert.equal(r.commit.committerTz, 0);
  assert.deepEqual(r.commit.coauthors, [{ name: 'Bo', email: 'bo@x.example' }, { name: 'Cy Dee', email: 'cy@y.example' }]);
  assert.equal(r.commit.files.length, 2);
  assert.equal(r.problems.length, 0);
});

test('a commit without files has no numstat', () => {
  const r = parseRecord(`${header()}\n`);
  assert.ok(r.ok);
  assert.equal(r.commit.files.length, 0);
});

test('a folded trailer with a newline stays in the header', () => {
  const r = parseRecord(`${header({ 8: 'Bo\n <bo@x.example>' })}\n\n1\t1\ta.go\n`);
  assert.ok(r.ok);
  assert.deepEqual(r.commit.coauthors, [{ name: 'Bo', email: 'bo@x.example' }]);
  assert.equal(r.commit.files.length, 1);
});

test('stray carriage returns are not part of paths or subjects', () => {
  const r = parseRecord(`${header({ 7: 'sub\rject' })}\r\n\r\n1\t1\ta.go\r\n`);
  assert.ok(r.ok);
  assert.equal(r.commit.subject, 'sub ject');
  assert.equal(r.commit.files[0]!.path, 'a.go');
});

test('bad headers are rejected with a reason', () => {
  const wrong = parseRecord('abc\x1fonly\n');
  assert.equal(wrong.ok, false);
  assert.match(!wrong.ok ? wrong.problem.reason : '', /2 fields, expected 9/);
  const badSha = parseRecord(header({ 0: 'zzz' }));
  assert.equal(badSha.ok, false);
  const badDate = parseRecord(header({ 3: 'yesterday' }));
  assert.equal(badDate.ok, false);
});

test('a bad numstat line is reported with its line in the record; the commit is kept', () => {
  const r = parseRecord(`${header()}\n\n1\t1\ta.go\nx\ty\tz\n`);
  assert.ok(r.ok);
  assert.equal(r.commit.files.length, 1);
  assert.equal(r.problems[0]!.lineInRecord, 4);
});

test('person values', () => {
  assert.deepEqual(parsePersonValue('Ada  Lovelace <ada@x.example> '), { name: 'Ada Lovelace', email: 'ada@x.example' });
  assert.deepEqual(parsePersonValue('just a name'), { name: 'just a name', email: '' });
  assert.equal(parsePersonValue('  '), null);
});
