// Runs the real `census` binary in a scratch folder, as a user would, and reads the database it leaves.
import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIX = join(ROOT, 'test', 'fixtures');
export const BIN = join(ROOT, 'bin', 'census.js');

export interface Run { code: number; stdout: string; stderr: string }

const made: string[] = [];
// Scratch folders go when the test process ends (KEEP_SCRATCH=1 keeps them for a post-mortem).
process.on('exit', () => {
  if (process.env.KEEP_SCRATCH === '1') return;
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'census-test-'));
  made.push(dir);
  return dir;
}

/** Global flags every test run uses: its own database, the fixture opt-out list, no census.json lookup surprises. */
export function flags(dir: string): string[] {
  return ['--db', join(dir, 'census.duckdb'), '--opt-out', join(FIX, 'optout', 'forbidden-sha256.csv')];
}

export function census(dir: string, args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...flags(dir), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function censusAsync(dir: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...flags(dir), ...args], { cwd: dir, stdio: 'ignore', env: { ...process.env, CI: '1' } });
}

/** Reads the database directly (after the CLI has exited: DuckDB allows one process per file). */
export async function sql(dir: string, query: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(join(dir, 'census.duckdb'));
  const conn = await inst.connect();
  try {
    const rows = (await conn.runAndReadAll(query)).getRowObjectsJS();
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}
