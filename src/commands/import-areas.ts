// `census import sigs|owners|areas`: who owns which directories, and who leads them (docs/areas.md), then rebuild.
import type { Context } from '../context.ts';
import { importAreaSet, importOwners, type AreaImportOutcome } from '../ingest/areas.ts';
import { parseSigsYaml } from '../areas/sigs-yaml.ts';
import { parseAreasFile } from '../areas/areas-file.ts';

type Problem = { file: string; line: number; reason: string };

function say(ctx: Context, o: AreaImportOutcome): Problem[] {
  ctx.log.info(`${o.file}: ${o.summary}`);
  return o.problems;
}

export async function importSigsFiles(ctx: Context, files: string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const f of files) problems.push(...say(ctx, await importAreaSet(ctx, 'sigs', f, parseSigsYaml)));
  return problems;
}

export async function importAreasFiles(ctx: Context, files: string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const f of files) problems.push(...say(ctx, await importAreaSet(ctx, 'areas', f, parseAreasFile)));
  return problems;
}

export async function importOwnersInputs(ctx: Context, inputs: string[], repo: string | undefined): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const input of inputs) problems.push(...say(ctx, await importOwners(ctx, input, repo)));
  return problems;
}
