// Reading DuckDB's lock from /proc/locks: the line format, and a real DuckDB writer seen and then gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { devName, isLocked, lockedIn } from './file-lock.ts';

test('device numbers print as /proc/locks prints them, and only the named file matches', () => {
  assert.equal(devName(0xfe00), 'fe:00');
  assert.equal(devName(0x803), '08:03');
  assert.equal(devName(0x10301), '103:01'); // major 259 (nvme), minor 1
  assert.equal(devName(1050668), '08:12c'); // major 8, minor 300: the high minor bits sit above the major
  const locks = '1: POSIX  ADVISORY  WRITE 10782 fe:00:2146509 0 EOF\n2: -> POSIX  ADVISORY  WRITE 10790 08:03:77 0 EOF\n';
  assert.equal(lockedIn(locks, 0xfe00, 2146509), true);
  assert.equal(lockedIn(locks, 0x803, 77), true, 'a waiting lock counts');
  assert.equal(lockedIn(locks, 0xfe00, 214650), false);
  assert.equal(lockedIn(locks, 0xfe01, 2146509), false);
});

test('a DuckDB writer is seen while it has the file open, and not after', { skip: existsSync('/proc/locks') ? false : 'no /proc/locks here' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-lock-'));
  const db = join(dir, 'x.duckdb');
  const inst = await DuckDBInstance.create(db);
  assert.equal(isLocked(db), true);
  inst.closeSync();
  assert.equal(isLocked(db), false);
  rmSync(dir, { recursive: true, force: true });
});
