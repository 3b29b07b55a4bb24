// A `.clickhouse.sql` sibling restates its `.sql` by hand: it must be looked at again whenever that `.sql` changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const CHECKED = /checked against sha256 ([0-9a-f]{12})/;

function siblings(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? siblings(p) : n.endsWith('.clickhouse.sql') ? [p] : [];
  });
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12);

test('every ClickHouse sibling was checked against the current text of its .sql', () => {
  const stale: string[] = [];
  for (const sib of siblings(SRC)) {
    const base = sib.replace(/\.clickhouse\.sql$/, '.sql');
    assert.ok(existsSync(base), `${sib} has no ${base} beside it`);
    const recorded = CHECKED.exec(readFileSync(sib, 'utf8'))?.[1];
    if (recorded !== digest(base)) {
      stale.push(`${base} changed since ${sib} was checked against it: make the sibling say the same, then set its ` +
        `"checked against sha256 ${digest(base)}" (was ${recorded ?? 'missing'})`);
    }
  }
  assert.deepEqual(stale, []);
});
