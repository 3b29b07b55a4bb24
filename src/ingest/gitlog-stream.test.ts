import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitRecords, type RawRecord } from './gitlog-stream.ts';

async function collect(chunks: (string | Buffer)[], max?: number): Promise<RawRecord[]> {
  async function* src() { for (const c of chunks) yield Buffer.isBuffer(c) ? c : Buffer.from(c); }
  const out: RawRecord[] = [];
  for await (const r of splitRecords(src(), max)) out.push(r);
  return out;
}

test('records split across chunk boundaries keep their line and byte offset', async () => {
  const recs = await collect(['\x1eone\n\nx\n\x1et', 'wo\n', '\x1ethree\n']);
  assert.deepEqual(recs.map((r) => r.text), ['one\n\nx\n', 'two\n', 'three\n']);
  assert.deepEqual(recs.map((r) => r.line), [1, 4, 5]);
  assert.deepEqual(recs.map((r) => r.byteOffset), [0, 8, 13]);
});

test('bytes before the first separator are a preamble, not a record', async () => {
  const recs = await collect(['junk\n\x1eone\n']);
  assert.equal(recs[0]!.preamble, true);
  assert.equal(recs[1]!.text, 'one\n');
  assert.equal(recs[1]!.line, 2);
});

test('invalid UTF-8 is flagged and replaced', async () => {
  const recs = await collect([Buffer.from([0x1e, 0x61, 0xff, 0x62])]);
  assert.equal(recs[0]!.invalidUtf8, true);
  assert.equal(recs[0]!.text, 'a\uFFFDb');
});

test('a record over the cap is flagged and does not hold its bytes', async () => {
  const big = 'x'.repeat(5000);
  const recs = await collect(['\x1esmall\n\x1e', big, big, '\n\x1eafter\n'], 1000);
  assert.equal(recs.length, 3);
  assert.equal(recs[1]!.oversize, true);
  assert.ok(recs[1]!.text.length <= 200);
  assert.equal(recs[2]!.text, 'after\n');
  assert.equal(recs[2]!.line, 3);
});

test('an empty input yields nothing', async () => {
  assert.deepEqual(await collect([]), []);
});
