// `census ingest gharchive`: GH Archive hour files -> events of the configured community, one transaction per hour.
import type { Context } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { sqlFile } from '../store/store.ts';
import { ingestHour, type HourOutcome } from '../ingest/gharchive.ts';
import { listHourFiles, type HourFile } from '../ingest/gharchive-files.ts';
import { checkCommunity, compileScope, type Community, type Scope } from '../ingest/gharchive-scope.ts';

export interface GharchiveFlags { org?: string[]; repo?: string[] }
export interface FailedHour { file: HourFile; message: string }

const n = (x: number) => x.toLocaleString('en-US');

/** --org/--repo replace census.json's community when given; with neither, there is nothing to keep. */
export function communityOf(ctx: Context, flags: GharchiveFlags): Community {
  const fromFlags = (flags.org?.length ?? 0) + (flags.repo?.length ?? 0) > 0;
  const c = fromFlags ? { orgs: flags.org ?? [], repos: flags.repo ?? [] } : ctx.config.community;
  if (c.orgs.length + c.repos.length === 0) {
    throw new CensusError('no community configured: which orgs or repositories should be kept?', {
      hint: 'add --org kubernetes --org kubernetes-sigs (or --repo owner/name), or "community": { "orgs": [...], "repos": [...] } in census.json',
      exitCode: ExitCode.usage,
    });
  }
  return checkCommunity(c);
}

/** A file that cannot be read to its end stores nothing; its failure is kept in the ingest log, and the run goes on. */
async function recordFailure(ctx: Context, file: HourFile, err: CensusError): Promise<void> {
  const sourceId = `gharchive:${file.label}`;
  const offset = /compressed byte (\d+)/.exec(err.message)?.[1];
  await ctx.store.transaction(async () => {
    await ctx.store.run(sqlFile(import.meta.url, '../ingest/ingest_problems.forget'), { source_id: sourceId });
    const w = await ctx.store.writer('ingest_problems');
    w.append([sourceId, file.path, 0, offset === undefined ? null : Number(offset), err.message.replace(`${file.path}: `, ''), '']);
    await w.close();
  });
}

function say(ctx: Context, o: HourOutcome): void {
  if (o.skipped) return ctx.log.info(`${o.file.label}: already read with this content and scope; nothing added`);
  ctx.log.info(`${o.file.label}: ${n(o.lines)} events, ${n(o.inScope)} in scope, ${n(o.added)} new` +
    `${o.duplicates ? `, ${n(o.duplicates)} already stored` : ''}${o.bad ? `, ${n(o.bad)} problem(s)` : ''}`);
}

export async function ingestGharchive(ctx: Context, paths: string[], flags: GharchiveFlags, scopeIn?: Scope): Promise<{ outcomes: HourOutcome[]; failed: FailedHour[] }> {
  const scope = scopeIn ?? compileScope(communityOf(ctx, flags));
  const files = listHourFiles(paths);
  if (files.length === 0) throw new CensusError(`no GH Archive hour files (YYYY-MM-DD-H.json.gz) in ${paths.join(', ')}`, { exitCode: ExitCode.notFound });
  const outcomes: HourOutcome[] = [];
  const failed: FailedHour[] = [];
  const bar = ctx.progress('gharchive hours', files.length);
  try {
    for (const [i, file] of files.entries()) {
      try {
        const o = await ingestHour(ctx, file, scope);
        outcomes.push(o);
        say(ctx, o);
      } catch (err) {
        if (!(err instanceof CensusError) || err.exitCode !== ExitCode.badInput) throw err;
        await recordFailure(ctx, file, err);
        failed.push({ file, message: err.message });
        ctx.log.warn(err.message);
      }
      bar.update(i + 1);
    }
  } finally {
    bar.stop();
  }
  return { outcomes, failed };
}

/** Problems do not undo the good events (they are stored); the command still fails so that scripts notice. */
export function failOnHourProblems(r: { outcomes: HourOutcome[]; failed: FailedHour[] }): void {
  const bad = r.outcomes.filter((o) => !o.skipped && o.bad > 0);
  if (bad.length === 0 && r.failed.length === 0) return;
  const lines = [
    ...r.failed.map((f) => `  ${f.message}`),
    ...bad.flatMap((o) => o.samples.slice(0, 5).map((p) => `  ${p.file}:${p.line} (byte ${p.byteOffset}): ${p.reason}`)),
  ];
  const total = bad.reduce((s, o) => s + o.bad, 0);
  const parts = [total ? `${n(total)} event line problem(s); the good events were stored` : '', r.failed.length ? `${r.failed.length} hour file(s) unreadable and not stored` : ''];
  throw new CensusError(`${parts.filter(Boolean).join('; ')}:\n${lines.join('\n')}`, {
    hint: 'all problems are listed by `census status --problems`; `census completeness` shows the hours missing',
    exitCode: ExitCode.badInput,
  });
}
