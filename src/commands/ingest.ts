// `census ingest git|gitlog`: read histories into the raw tables, one transaction per repository, then rebuild.
import { basename } from 'node:path';
import type { Context } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { ingestCommits, type IngestOutcome } from '../ingest/commits.ts';
import { gitCloneSource, type GitCloneOptions } from '../ingest/git-clone.ts';
import { gitlogFileSource } from '../ingest/gitlog-file.ts';
import { importMailmap } from '../ingest/mailmap_entries.ts';
import { rebuild } from '../pipeline.ts';
import { existsSync, readFileSync } from 'node:fs';

/** `kubernetes__community.log.gz` -> `kubernetes/community`, the export naming of ../shared/data/gitlog. */
export function repoFromFileName(file: string): string | null {
  const m = /^([\w.-]+?)__([\w.-]+?)\.log(?:\.gz)?$/.exec(basename(file));
  return m ? `${m[1]}/${m[2]}` : null;
}

function report(ctx: Context, o: IngestOutcome): void {
  ctx.log.info(o.skipped
    ? `${o.location}: already ingested with this content (${o.records.toLocaleString('en-US')} commits); nothing added`
    : `${o.location}: ${o.records.toLocaleString('en-US')} commits read, ${o.added.toLocaleString('en-US')} new${o.bad ? `, ${o.bad} problem(s)` : ''}`);
}

/** Problems do not undo the good records (they are stored); the command still fails so that scripts notice. */
export function failOnProblems(outcomes: IngestOutcome[]): void {
  const bad = outcomes.filter((o) => !o.skipped && o.bad > 0);
  if (bad.length === 0) return;
  const lines = bad.flatMap((o) => o.samples.slice(0, 5).map((p) => `  ${p.file}:${p.line} (byte ${p.byteOffset}): ${p.reason}`));
  const total = bad.reduce((n, o) => n + o.bad, 0);
  throw new CensusError(`${total} record problem(s); the good records were stored:\n${lines.join('\n')}`, {
    hint: 'all problems are listed by `census status --problems`',
    exitCode: ExitCode.badInput,
  });
}

export async function ingestGit(ctx: Context, dirs: string[], opts: GitCloneOptions): Promise<IngestOutcome[]> {
  if (opts.repo && dirs.length > 1) throw new CensusError('--repo names one repository; give one clone with it', { exitCode: ExitCode.usage });
  const outcomes: IngestOutcome[] = [];
  for (const dir of dirs) {
    const source = await gitCloneSource(dir, opts);
    if (!source.head) ctx.log.warn(`${dir}: no commits on ${opts.branch ?? 'HEAD'}; nothing to read`);
    const outcome = await ingestCommits(ctx, source);
    const mailmap = await source.mailmap();
    if (mailmap) await importMailmap(ctx, mailmap, `${source.repo}:.mailmap`);
    report(ctx, outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}

export async function ingestGitlog(ctx: Context, files: string[], opts: { repo?: string; mailmap?: string }): Promise<IngestOutcome[]> {
  if (opts.repo && files.length > 1) throw new CensusError('--repo names one repository; give one log file with it', { exitCode: ExitCode.usage });
  const outcomes: IngestOutcome[] = [];
  for (const file of files) {
    if (!existsSync(file)) throw new CensusError(`${file}: no such file`, { exitCode: ExitCode.notFound });
    const repo = opts.repo ?? repoFromFileName(file);
    if (!repo) throw new CensusError(`${file}: cannot tell the repository from the file name`, { hint: 'add --repo owner/name', exitCode: ExitCode.usage });
    const outcome = await ingestCommits(ctx, await gitlogFileSource(file, repo));
    if (opts.mailmap) await importMailmap(ctx, readFileSync(opts.mailmap, 'utf8'), `${repo}:${basename(opts.mailmap)}`);
    report(ctx, outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}

export async function rebuildAndSay(ctx: Context): Promise<void> {
  for (const r of await rebuild(ctx)) ctx.log.info(`  ${r.table.padEnd(16)} ${r.detail} (${r.ms} ms)`);
}
