// Tests for stage activity_bots on a real store: listed accounts confirmed, round-the-clock and templated ones suspected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { openContext } from '../session.ts';
import { sqlFile } from '../store/store.ts';
import { buildActivityBots } from './activity_bots.ts';

const T0 = Date.UTC(2024, 5, 1) / 1000;

test('cadence and templates from stored events; the reviewed list confirms, behaviour only suspects', async () => {
  const ctx = await openContext(loadConfig({ db: join(mkdtempSync(join(tmpdir(), 'census-bots-')), 'c.duckdb'), optOut: [] }), { log: { info() {}, warn() {} } });
  try {
    const w = await ctx.store.writer('events');
    let id = 0;
    const ev = (login: string, at: number, sig: string | null = null) => w.append([
      String(id++), 'IssueCommentEvent', login, null, 'demo/app', 1, 'demo', at, 'created', 1, null, null, null, null, null, null,
      sig ? 200 : 10, sig, 'events', at - (at % 3600),
    ]);
    for (let h = 0; h < 24 * 6; h++) for (const m of [5, 35]) ev('nightly-sync', T0 + h * 3600 + m * 60); // every hour, 6 days
    for (let d = 0; d < 10; d++) for (let h = 9; h < 18; h++) for (const m of [0, 20, 40]) ev('ada', T0 + d * 86400 + h * 3600 + m * 60); // office hours
    for (let i = 0; i < 25; i++) ev('notes-helper', T0 + i * 60, i < 20 ? 'sig-release-template' : `other-${i}`);
    ev('dependabot[bot]', T0);
    ev('ghost', T0);
    await w.close();
    assert.deepEqual(await buildActivityBots(ctx), { confirmed: 1, suspected: 2 });
    const rows = await ctx.store.query(sqlFile(import.meta.url, 'activity_bots.test-rows'));
    assert.deepEqual(rows.map((r) => [r.login, r.confidence]), [['dependabot[bot]', 'confirmed'], ['nightly-sync', 'suspected'], ['notes-helper', 'suspected']]);
    assert.match(String(rows[1]!.rule), /round-the-clock: 25% of 288 events/);
    assert.match(String(rows[2]!.rule), /templated text: 20 of its 25 long comments/);
  } finally {
    await ctx.store.close();
  }
});
