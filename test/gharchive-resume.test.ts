// End to end: `census ingest gharchive` killed with SIGKILL mid-way resumes at the first unfinished hour and ends like a clean run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import { BIN, census, flags, scratch, sql } from './cli-harness.ts';
import { hourLines } from './fixtures/gharchive/hour.ts';

test('killed with SIGKILL mid-run, a second run reads only the unfinished hours and ends with the tables of a clean run', async () => {
  const hours = join(scratch(), 'hours');
  mkdirSync(hours);
  for (let h = 0; h < 5; h++) {
    const lines = hourLines({ events: 3000, seed: h, at: Date.UTC(2024, 5, 3, h) / 1000, orgs: ['kubernetes'], communityShare: 0.5 });
    writeFileSync(join(hours, `2024-06-03-${h}.json.gz`), gzipSync(`${[...lines].join('\n')}\n`, { level: 1 }));
  }
  const args = ['ingest', 'gharchive', hours, '--org', 'kubernetes', '--no-rebuild'];
  const dir = scratch();
  // Killed as soon as the first hour is reported committed: later hours are mid-way or not started.
  const child = spawn(process.execPath, [BIN, ...flags(dir), ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
  const exited = new Promise((r) => child.once('exit', r));
  child.stderr.on('data', (d: Buffer) => { if (/2024-06-03-\d+: /.test(d.toString())) child.kill('SIGKILL'); });
  await exited;
  const resumed = census(dir, args);
  assert.equal(resumed.code, 0, resumed.stderr);
  const skipped = resumed.stderr.match(/already read/g)?.length ?? 0;
  assert.ok(skipped >= 1 && skipped < 5, resumed.stderr); // the kill landed after the first hour, before the last
  const clean = scratch();
  assert.equal(census(clean, args).code, 0);
  const q = `SELECT (SELECT count(*) FROM events) e, (SELECT count(DISTINCT id) FROM events) d, (SELECT count(*) FROM event_commits) c,
    (SELECT count(*) FROM gharchive_hours) h, (SELECT sum(stored) FROM gharchive_hours) s, (SELECT count(*) FROM ingest_sources) i`;
  const [a] = await sql(dir, q);
  assert.deepEqual(a, (await sql(clean, q))[0]);
  assert.equal(a!.h, 5);
  assert.equal(a!.e, a!.d);
});
