// Tests for LineScanner and the scope's byte-level prefilter: lines across chunks, offsets, bad shapes, layouts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineScanner } from './gharchive-lines.ts';
import { compileScope, lineRepo } from './gharchive-scope.ts';

type Seen = { kind: 'candidate' | 'malformed'; text: string; line: number; offset: number };

function scan(text: string, chunk: number, mayMatch: (b: Buffer, s: number, e: number) => boolean = () => true): { seen: Seen[]; lines: number; bytes: number } {
  const seen: Seen[] = [];
  const s = new LineScanner(mayMatch, {
    candidate: (t, line, offset) => seen.push({ kind: 'candidate', text: t, line, offset }),
    malformed: (reason, sample, line, offset) => seen.push({ kind: 'malformed', text: `${reason}: ${sample}`, line, offset }),
  });
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += chunk) s.push(buf.subarray(i, i + chunk));
  s.end();
  return { seen, lines: s.lines, bytes: s.bytes };
}

const text = '{"a":1}\n\n{"b":"é"}\r\nnot json\n{"c":3}';

test('lines, numbers and byte offsets are the same whatever the chunk size', () => {
  const want: Seen[] = [
    { kind: 'candidate', text: '{"a":1}', line: 1, offset: 0 },
    { kind: 'candidate', text: '{"b":"é"}', line: 3, offset: 9 },
    { kind: 'malformed', text: 'not a JSON object: not json', line: 4, offset: 21 },
    { kind: 'candidate', text: '{"c":3}', line: 5, offset: 30 },
  ];
  for (const chunk of [1, 2, 3, 7, 1000]) {
    const r = scan(text, chunk);
    assert.deepEqual(r.seen, want, `chunk ${chunk}`);
    assert.equal(r.lines, 4); // blank lines are not events
    assert.equal(r.bytes, Buffer.byteLength(text));
  }
});

test('a line ruled out by the prefilter is counted, never decoded', () => {
  const r = scan(text, 4, (b, s) => b[s + 2] !== 0x62); // rules out {"b"...
  assert.deepEqual(r.seen.map((x) => x.line), [1, 4, 5]);
  assert.equal(r.lines, 4);
});

test('the byte-level repository reader: Events API and Timeline layouts, and null for anything unusual', () => {
  const read = (s: string) => lineRepo(Buffer.from(s), 0, Buffer.byteLength(s));
  assert.equal(read('{"id":"1","type":"PushEvent","actor":{"id":1,"login":"a"},"repo":{"id":9,"name":"Kubernetes/Test-Infra","url":"u"},"payload":{}}'), 'Kubernetes/Test-Infra');
  assert.equal(read('{"created_at":"x","payload":{"a":1},"type":"PushEvent","actor":"a","repository":{"id":9,"name":"app","url":"u","description":"d","owner":"demo-legacy"}}'), 'demo-legacy/app');
  // Keys in another order (payload first): the nested pull_request.head.repo must not be taken for the event's.
  assert.equal(read('{"actor":{},"payload":{"pull_request":{"head":{"repo":{"id":1,"name":"fork/app"}}}},"repo":{"id":9,"name":"demo/app"}}'), null);
  assert.equal(read('{"id":"1","type":"PushEvent","actor":{}}'), null);
});

test('the scope matches names case-insensitively, and the prefilter never drops what matches', () => {
  const scope = compileScope({ orgs: ['Kubernetes'], repos: ['demo/App'] });
  assert.ok(scope.matches('kubernetes/kubernetes', null));
  assert.ok(scope.matches('x/y', 'KUBERNETES'));
  assert.ok(scope.matches('DEMO/app', null));
  assert.ok(!scope.matches('demo/other', null));
  assert.ok(!scope.matches('kubernetes-sigs/kind', null));
  const line = (name: string) => Buffer.from(`{"id":"1","actor":{},"repo":{"id":1,"name":"${name}"},"payload":{}}`);
  const may = (name: string) => { const b = line(name); return scope.mayMatch(b, 0, b.length); };
  assert.deepEqual([may('kubernetes/kops'), may('demo/app'), may('elsewhere/x')], [true, true, false]);
  const odd = Buffer.from('{"payload":{},"repo":{"id":1,"name":"elsewhere/x"}}');
  assert.ok(scope.mayMatch(odd, 0, odd.length)); // unusual layout: parsed in full
  assert.notEqual(scope.key, compileScope({ orgs: ['kubernetes'], repos: [] }).key);
});
