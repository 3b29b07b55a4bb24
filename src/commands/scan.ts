// `census scan`: the main job in one command: ingest, import, rebuild, and the country and company tables.
import { statSync, existsSync } from 'node:fs';
import type { Context } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { ingestGit, ingestGitlog, rebuildAndSay, failOnProblems } from './ingest.ts';
import { importGitdmFiles, importProfileFiles, failOnImportProblems } from './import.ts';
import { runReport } from '../reports/reports.ts';
import { renderReport } from './report.ts';
import { resolveFormat } from '../output.ts';
import type { IngestOutcome } from '../ingest/commits.ts';

export interface ScanOptions {
  gitdm?: string[];
  profiles?: string[];
  since?: string;
  until?: string;
  branch?: string;
  top: string;
  format?: string;
  strict?: boolean;
}

/**
 * Writes the tables first. Record problems are kept in the ingest log and warned about; they fail the command only with
 * --strict, since upstream files (gitdm's, for one) carry malformed lines a user cannot fix.
 */
export async function scan(ctx: Context, paths: string[], o: ScanOptions, out: (text: string) => void): Promise<void> {
  const format = resolveFormat(o.format, true, 'table');
  const top = Number(o.top);
  if (!Number.isInteger(top) || top < 1) throw new CensusError(`--top must be a positive whole number, not "${o.top}"`, { exitCode: ExitCode.usage });
  const importProblems = [
    ...(o.gitdm ? await importGitdmFiles(ctx, o.gitdm) : []),
    ...(o.profiles ? await importProfileFiles(ctx, o.profiles) : []),
  ];
  const outcomes: IngestOutcome[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new CensusError(`${p}: no such file or directory`, { exitCode: ExitCode.notFound });
    if (statSync(p).isDirectory()) outcomes.push(...(await ingestGit(ctx, [p], { since: o.since, until: o.until, branch: o.branch })));
    else outcomes.push(...(await ingestGitlog(ctx, [p], {})));
  }
  await rebuildAndSay(ctx);
  const opts = { repos: [], since: null, until: null, by: 'all' as const, knownOnly: false, rollUpAcquisitions: false };
  const parts: string[] = [];
  const json: Record<string, unknown> = {};
  for (const name of ['contributors-by-country', 'contributors-by-company'] as const) {
    const r = await runReport(ctx, name, opts);
    r.rows = r.rows.filter((row) => Number(row.rank) <= top);
    if (format === 'json') json[name] = JSON.parse(renderReport(r, 'json'));
    else parts.push(renderReport(r, format));
  }
  out(format === 'json' ? JSON.stringify(json, null, 2) : parts.join('\n\n'));
  try {
    failOnProblems(outcomes);
    failOnImportProblems(importProblems);
  } catch (err) {
    if (o.strict || !(err instanceof CensusError)) throw err;
    ctx.log.warn(`${err.message}\n${err.hint ?? ''}`);
  }
}
