import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumstat, unquoteC } from './numstat.ts';

const cases: [string, { path: string; oldPath: string | null; added: number | null; deleted: number | null; binary: boolean }][] = [
  ['10\t2\tpkg/core.go', { path: 'pkg/core.go', oldPath: null, added: 10, deleted: 2, binary: false }],
  ['-\t-\tassets/logo.png', { path: 'assets/logo.png', oldPath: null, added: null, deleted: null, binary: true }],
  ['1\t1\tREADME.md => README.rst', { path: 'README.rst', oldPath: 'README.md', added: 1, deleted: 1, binary: false }],
  ['0\t0\tdocs/{old => new}/guide.md', { path: 'docs/new/guide.md', oldPath: 'docs/old/guide.md', added: 0, deleted: 0, binary: false }],
  ['7\t7\tpkg/{ => mirror}/sync.go', { path: 'pkg/mirror/sync.go', oldPath: 'pkg/sync.go', added: 7, deleted: 7, binary: false }],
  ['7\t7\tpkg/{mirror => }/sync.go', { path: 'pkg/sync.go', oldPath: 'pkg/mirror/sync.go', added: 7, deleted: 7, binary: false }],
  ['3\t0\t{a => b}/f.txt', { path: 'b/f.txt', oldPath: 'a/f.txt', added: 3, deleted: 0, binary: false }],
  ['2\t0\t"docs/caf\\303\\251 \\"menu\\".md"', { path: 'docs/café "menu".md', oldPath: null, added: 2, deleted: 0, binary: false }],
  ['1\t0\t"a\\tb.txt" => "c\\\\d.txt"', { path: 'c\\d.txt', oldPath: 'a\tb.txt', added: 1, deleted: 0, binary: false }],
  ['1\t0\t"caf\\303\\251.md" => plain.md', { path: 'plain.md', oldPath: 'café.md', added: 1, deleted: 0, binary: false }],
];

for (const [line, want] of cases) {
  test(`numstat ${JSON.stringify(line)}`, () => assert.deepEqual(parseNumstat(line), want));
}

test('malformed numstat lines throw', () => {
  for (const bad of ['no tabs here', '1\t2', 'x\ty\tfile', '1\t2\t', '1\t2\t"unterminated']) {
    assert.throws(() => parseNumstat(bad), Error, bad);
  }
});

test('unquoteC decodes octal UTF-8 bytes and escapes', () => {
  assert.equal(unquoteC('"\\344\\270\\255\\346\\226\\207.txt"').text, '中文.txt');
  assert.equal(unquoteC('"a\\nb"').text, 'a\nb');
});
