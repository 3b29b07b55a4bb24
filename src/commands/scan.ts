// `census scan`: the main job in one command: ingest, import, rebuild, and the country and company tables.
import { statSync, existsSync } from 'node:fs';
import type { Context } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { ingestGit, ingestGitlog, rebuildAndSay, failOnProblems } from './ingest.ts';
import { importGitdmFiles, importProfileFiles, failOnImportProblems } from './import.ts';
import { getReport } from '../reports/registry.ts';
import { defaultReportOptions } from '../reports/options.ts';
import { keepTop, renderReport } from './report.ts';
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
  const opts = defaultReportOptions;
  const parts: string[] = [];
  const json: Record<string, unknown> = {};
  for (const name of ['contributors-by-country', 'contributors-by-company'] as const) {
    const r = keepTop(await getReport(name).run(ctx, opts), o.top);
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
