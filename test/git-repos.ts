// Builds small real git repositories at test time, with fixed dates and offsets, for the live `ingest git` path.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.org', ...env },
  });
}

export function init(dir: string): string {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.name', 'Nobody']);
  git(dir, ['config', 'user.email', 'nobody@example.org']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  return dir;
}

export interface Change { path: string; content?: string | Buffer; rename?: string }

export function commit(dir: string, author: string, date: string, message: string, changes: Change[]): void {
  for (const c of changes) {
    if (c.rename) {
      mkdirSync(dirname(join(dir, c.rename)), { recursive: true });
      git(dir, ['mv', c.path, c.rename]);
    } else {
      mkdirSync(dirname(join(dir, c.path)), { recursive: true });
      writeFileSync(join(dir, c.path), c.content ?? '');
      git(dir, ['add', '--', c.path]);
    }
  }
  git(dir, ['commit', '-q', '--allow-empty', '--author', author, '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
}

/** Three commits: a rename across folders, a binary file, a path that git C-quotes, a co-author, and a merge that must be skipped. */
export function sampleRepo(dir: string): string {
  init(dir);
  commit(dir, 'Ada Lovelace <ada@example.org>', '2024-01-01T10:00:00+08:00', 'first', [
    { path: 'pkg/a/core.go', content: 'package a\n\nfunc A() {}\n' },
    { path: 'README.md', content: 'hello\n' },
  ]);
  commit(dir, 'Grace Hopper <grace@example.org>', '2024-02-01T10:00:00-08:00', 'move and add binary\n\nCo-authored-by: Ada Lovelace <ada@example.org>', [
    { path: 'pkg/a/core.go', rename: 'pkg/b/core.go' },
    { path: 'logo.bin', content: Buffer.from([0, 1, 2, 3, 0, 255]) },
  ]);
  git(dir, ['checkout', '-q', '-b', 'side']);
  commit(dir, 'Sam Doe <sam@example.org>', '2024-03-01T10:00:00+05:30', 'side work', [{ path: 'café menu.txt', content: 'x\n' }]);
  git(dir, ['checkout', '-q', 'main']);
  git(dir, ['merge', '-q', '--no-ff', '-m', 'merge side', 'side'], { GIT_AUTHOR_DATE: '2024-03-02T00:00:00Z', GIT_COMMITTER_DATE: '2024-03-02T00:00:00Z' });
  writeFileSync(join(dir, '.mailmap'), 'Ada Lovelace <ada@example.org> <ada.old@example.org>\n');
  return dir;
}
