// `census import gitdm|profiles`: reference about people (employers over time, declared profiles), then rebuild.
import type { Context } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { importGitdm } from '../ingest/gitdm_affiliations.ts';
import { importProfiles } from '../ingest/profiles.ts';

type Problem = { file: string; line: number; reason: string };

function failOn(problems: Problem[]): void {
  if (problems.length === 0) return;
  const lines = problems.slice(0, 5).map((p) => `  ${p.file}:${p.line}: ${p.reason}`);
  throw new CensusError(`${problems.length} record problem(s); the good records were stored:\n${lines.join('\n')}`, {
    hint: 'all problems are listed by `census status --problems`', exitCode: ExitCode.badInput,
  });
}

export async function importGitdmFiles(ctx: Context, files: string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const f of files) {
    const o = await importGitdm(ctx, f);
    ctx.log.info(o.skipped ? `${f}: already imported with this content` : `${f}: ${o.entries.toLocaleString('en-US')} developer entries${o.bad.length ? `, ${o.bad.length} problem(s)` : ''}`);
    problems.push(...o.bad);
  }
  return problems;
}

export async function importProfileFiles(ctx: Context, files: string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const f of files) {
    const o = await importProfiles(ctx, f);
    const skipped = o.withoutLogin ? `, ${o.withoutLogin} without a GitHub login skipped` : '';
    ctx.log.info(`${f}: ${o.imported.toLocaleString('en-US')} profiles${skipped}${o.bad.length ? `, ${o.bad.length} problem(s)` : ''}`);
    problems.push(...o.bad);
  }
  return problems;
}

export { failOn as failOnImportProblems };
