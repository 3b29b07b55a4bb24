// Starts the real `census serve` on a database built from the fixtures, as a user would, and stops it after the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { BIN, FIX, census, flags, scratch } from './cli-harness.ts';

export interface Served { url: string; proc: ChildProcess; stderr: () => string; stop(): Promise<void> }

let template: string | null = null;

/** The demo community: 7 contributors in CN, US and Unknown, one bot, one opted-out person, one bad profile line. */
export function fixtureDb(): string {
  if (!template) {
    template = scratch();
    assert.equal(census(template, ['ingest', 'gitlog', join(FIX, 'gitlog', 'demo__app.log.gz')]).code, 0);
    assert.equal(census(template, ['import', 'gitdm', join(FIX, 'gitdm', 'developers_affiliations.txt')]).code, 0);
    assert.equal(census(template, ['import', 'profiles', join(FIX, 'profiles', 'profiles.ndjson')]).code, 3); // one broken line, on purpose
  }
  const dir = scratch();
  copyFileSync(join(template, 'census.duckdb'), join(dir, 'census.duckdb'));
  return dir;
}

export async function serve(dir: string, extra: string[] = []): Promise<Served> {
  const proc = spawn(process.execPath, [BIN, ...flags(dir), 'serve', '--port', '0', ...extra], { cwd: dir, env: { ...process.env, CI: '1' } });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`census serve did not start: ${err}`)), 20_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /census dashboard: (http:\/\/\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`census serve exited with ${code}: ${err}`)); });
  });
  return {
    url, proc, stderr: () => err,
    stop: () => new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    }),
  };
}

export async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> & { rows?: Record<string, unknown>[] } }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
