// Stage contribution_credits on a real store: a git-only database of more than one DuckDB row group keeps every commit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { openContext } from '../session.ts';
import { sqlFile } from '../store/store.ts';
import { buildContributionCredits } from './contribution_credits.ts';

test('no events, 130k git credits: all become commit contributions (an empty step must not swallow the next one)', async () => {
  // DuckDB 1.5.5 drops a large INSERT into a table that took an INSERT of zero rows earlier in the same transaction;
  // here the events step finds nothing and the git step inserts more than a row group (122,880 rows).
  const ctx = await openContext(loadConfig({ db: join(mkdtempSync(join(tmpdir(), 'census-cc-')), 'c.duckdb'), optOut: [] }), { log: { info() {}, warn() {} } });
  try {
    const w = await ctx.store.writer('credits');
    for (let i = 0; i < 130_000; i++) w.append(['demo/app', i.toString(16).padStart(40, '0'), `p${i % 500}`, 'author', 1_700_000_000 + i, 0, 'Unknown', 'none', 'Unknown']);
    await w.close();
    await ctx.store.transaction(() => buildContributionCredits(ctx));
    assert.deepEqual(await ctx.store.query(sqlFile(import.meta.url, 'contribution_credits.test-kinds')), [{ kind: 'commits', n: 130_000 }]);
  } finally {
    await ctx.store.close();
  }
});
