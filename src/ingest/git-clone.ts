// A local clone as a CommitSource: runs `git log` with the export format, default branch, no merges.
import { spawn, execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CensusError, ExitCode } from '../errors.ts';
import { GIT_LOG_FORMAT } from './gitlog-record.ts';
import type { CommitSource } from './source.ts';

const run = promisify(execFile);

export interface GitCloneOptions { branch?: string; since?: string; until?: string; repo?: string }

// Settings that change what `git log` prints are pinned, so a user's git config cannot change the census.
const PINNED = ['-c', 'diff.renames=true', '-c', 'core.quotePath=true', '-c', 'log.showSignature=false', '-c', 'i18n.logOutputEncoding=UTF-8', '-c', 'color.ui=false'];

async function git(dir: string, args: string[]): Promise<string | null> {
  try {
    const { stdout } = await run('git', ['-C', dir, ...PINNED, ...args], { maxBuffer: 16 << 20 });
    return stdout;
  } catch {
    return null;
  }
}

/** owner/name from the origin URL (https, ssh or scp-like), else `local/<directory name>`. */
export function repoNameFromUrl(url: string | null, dir: string): string {
  // A clone of a local path or file:// URL has no owner to speak of.
  const remote = url && !/^(\/|\.|file:|[A-Za-z]:\\)/.test(url.trim()) ? url.trim() : null;
  const m = remote ? /[:/]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(remote) : null;
  return m ? `${m[1]}/${m[2]}` : `local/${basename(resolve(dir))}`;
}

export async function gitCloneSource(dir: string, opts: GitCloneOptions = {}): Promise<CommitSource & { mailmap(): Promise<string | null>; head: string | null }> {
  if (!existsSync(dir)) throw new CensusError(`${dir}: no such directory`, { exitCode: ExitCode.notFound });
  if (!statSync(dir).isDirectory()) throw new CensusError(`${dir}: not a directory`, { hint: 'for an exported log file, use `census ingest gitlog`', exitCode: ExitCode.badInput });
  if ((await git(dir, ['rev-parse', '--git-dir'])) === null) {
    throw new CensusError(`${dir}: not a git repository`, { hint: 'point at a clone (the folder holding .git, or a bare repository)', exitCode: ExitCode.badInput });
  }
  const ref = opts.branch ?? 'HEAD';
  const head = (await git(dir, ['rev-parse', '--verify', '-q', `${ref}^{commit}`]))?.trim() || null;
  if (head === null && opts.branch) {
    throw new CensusError(`${dir}: branch "${opts.branch}" not found`, { exitCode: ExitCode.notFound });
  }
  const repo = opts.repo ?? repoNameFromUrl((await git(dir, ['config', '--get', 'remote.origin.url'])), dir);
  const window = [...(opts.since ? [`--since=${opts.since}`] : []), ...(opts.until ? [`--until=${opts.until}`] : [])];
  const total = head ? Number((await git(dir, ['rev-list', '--no-merges', '--count', ...window, head]))?.trim() ?? 0) : 0;
  let child: ReturnType<typeof spawn> | null = null;
  let stderr = '';

  return {
    sourceId: `git:${repo}`,
    kind: 'git',
    location: resolve(dir),
    repo,
    head,
    // The window is part of the fingerprint: the same head read over another window is another read.
    fingerprint: `head:${head ?? 'none'}|since:${opts.since ?? ''}|until:${opts.until ?? ''}`,
    total,
    async *open(progress) {
      if (!head) return; // no commits or no refs yet: an empty history, not an error
      child = spawn('git', ['-C', dir, ...PINNED, 'log', '--no-merges', '--date=iso-strict', `--format=${GIT_LOG_FORMAT}`, '--numstat', ...window, head], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stderr!.on('data', (c: Buffer) => { stderr = (stderr + c.toString()).slice(-2000); });
      let done = 0;
      for await (const chunk of child.stdout! as AsyncIterable<Buffer>) {
        for (let i = chunk.indexOf(0x1e); i >= 0; i = chunk.indexOf(0x1e, i + 1)) done++;
        progress(done);
        yield chunk;
      }
    },
    async finish() {
      if (!child) return;
      const c = child as ReturnType<typeof spawn>;
      const code: number = c.exitCode ?? (await new Promise<number>((res) => c.once('close', (n: number | null) => res(n ?? 1))));
      if (code !== 0) {
        throw new CensusError(`${dir}: git log failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`, {
          hint: 'a partial clone with missing blobs cannot be read with --numstat; fetch them or export the log another way. Nothing was stored.',
          exitCode: ExitCode.badInput,
        });
      }
    },
    async mailmap() {
      return head ? git(dir, ['show', `${head}:.mailmap`]) : null;
    },
  };
}
