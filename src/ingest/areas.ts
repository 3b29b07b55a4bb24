// Import `area_groups`, `area_paths`, `area_leads` (sigs.yaml, areas files) and `owners_files` (OWNERS trees); one transaction per source.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import type { AreaProblem, AreaSet } from '../areas/model.ts';
import { REPO_NAME } from '../areas/model.ts';
import { expandAliases, isAliasesFile, isOwnersFile, ownersDir, parseAliases, parseOwners } from '../areas/owners-file.ts';

const q = (name: string) => sqlFile(import.meta.url, name);
const fingerprintOf = (bytes: Buffer | string) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export interface AreaImportOutcome { file: string; skipped: boolean; summary: string; problems: AreaProblem[] }

function readInput(file: string): Buffer {
  if (!existsSync(file)) throw new CensusError(`${file}: no such file`, { exitCode: ExitCode.notFound });
  return readFileSync(file);
}

async function alreadyDone(ctx: Context, sourceId: string, fingerprint: string): Promise<boolean> {
  return (await ctx.store.query(q('ingest_sources.done'), { source_id: sourceId, fingerprint })).length > 0;
}

/** Writes one area source, replacing what it gave before. Leads on an opt-out list are not stored. */
export async function importAreaSet(ctx: Context, kind: 'sigs' | 'areas', file: string, parse: (text: string, file: string) => AreaSet): Promise<AreaImportOutcome> {
  const bytes = readInput(file);
  const source = `${kind}:${basename(file)}`;
  const fingerprint = fingerprintOf(bytes);
  if (await alreadyDone(ctx, source, fingerprint)) return { file, skipped: true, summary: 'already imported with this content', problems: [] };
  const set = parse(bytes.toString('utf8'), file);
  const groups = await ctx.store.writer('area_groups', 'stage');
  const paths = await ctx.store.writer('area_paths', 'stage');
  const leads = await ctx.store.writer('area_leads', 'stage');
  const problems = await ctx.store.writer('ingest_problems', 'stage');
  for (const g of set.groups) groups.append([source, g.area, g.kind, g.name, g.label]);
  const seenPaths = new Set<string>();
  for (const p of set.paths) {
    const key = [p.repo, p.dir, p.area, p.subproject].join('\0');
    if (seenPaths.has(key)) continue;
    seenPaths.add(key);
    paths.append([source, p.area, p.subproject, p.repo, p.dir, p.origin]);
  }
  const seenLeads = new Set<string>();
  let withheld = 0;
  for (const l of set.leads) {
    const key = [l.area, l.subproject, l.login.toLowerCase(), l.role].join('\0');
    if (seenLeads.has(key)) continue;
    seenLeads.add(key);
    if (ctx.optout.matchesAny([l.login, l.name, l.email])) { withheld++; continue; }
    leads.append([source, l.area, l.subproject, l.login, l.role, l.name, l.company]);
  }
  for (const p of set.problems) problems.append([source, p.file, p.line, null, p.reason, p.sample]);
  for (const w of [groups, paths, leads, problems]) await w.close();
  await ctx.store.transaction(async () => {
    for (const t of ['area_groups', 'area_paths', 'area_leads']) {
      await ctx.store.run(q(`${t}.forget`), { source });
      await ctx.store.run(q(`${t}.merge`));
    }
    await ctx.store.run(q('ingest_problems.forget'), { source_id: source });
    await ctx.store.run(q('ingest_problems.merge'));
    await ctx.store.run(q('ingest_sources.forget'), { source_id: source });
    await ctx.store.run(q('ingest_sources.record'), {
      source_id: source, kind, location: file, repo: '', fingerprint, records: set.groups.length,
      added: paths.count, bad_records: set.problems.length, bytes: bytes.length,
    });
  });
  const optedOut = withheld ? `, ${withheld} lead entries withheld (opt-out)` : '';
  return {
    file, skipped: false, problems: set.problems,
    summary: `${set.groups.length} groups, ${paths.count} directories, ${leads.count} lead entries${optedOut}${set.problems.length ? `, ${set.problems.length} problem(s)` : ''}`,
  };
}

interface OwnersText { repo: string; path: string; content: string; line: number }

/** `{path, content, repo}` per line, as in ../shared/data/k8s-owners. */
function fromJsonl(text: string, file: string, problems: AreaProblem[]): OwnersText[] {
  const out: OwnersText[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(raw);
    } catch {
      problems.push({ file, line: i + 1, reason: 'not a JSON object', sample: raw.slice(0, 200) });
      return;
    }
    const r = row as Record<string, unknown>;
    if (typeof r.path !== 'string' || typeof r.content !== 'string' || typeof r.repo !== 'string' || !REPO_NAME.test(r.repo)) {
      problems.push({ file, line: i + 1, reason: 'expected {path, content, repo: "owner/name"}', sample: raw.slice(0, 200) });
      return;
    }
    out.push({ repo: r.repo, path: r.path, content: r.content, line: i + 1 });
  });
  return out;
}

/** Directories never holding the community's own OWNERS: git internals and vendored third-party code. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'vendor']);

function fromTree(root: string, repo: string): OwnersText[] {
  const out: OwnersText[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) walk(p);
      } else if (name === 'OWNERS' || name === 'OWNERS_ALIASES') {
        out.push({ repo, path: relative(root, p).split('\\').join('/'), content: readFileSync(p, 'utf8'), line: 0 });
      }
    }
  };
  walk(root);
  return out;
}

/** A clone directory needs its repository name: --repo, or a folder named owner__name. */
function repoOfTree(dir: string, flag: string | undefined): string {
  const name = flag ?? (basename(dir).includes('__') ? basename(dir).replace('__', '/') : '');
  if (!REPO_NAME.test(name)) {
    throw new CensusError(`${dir}: which repository is this?`, { hint: 'pass --repo owner/name', exitCode: ExitCode.usage });
  }
  return name;
}

/** OWNERS files from a .jsonl export or a checked-out tree; aliases from the repository's root OWNERS_ALIASES, as prow reads them. */
export async function importOwners(ctx: Context, input: string, repoFlag?: string): Promise<AreaImportOutcome> {
  if (!existsSync(input)) throw new CensusError(`${input}: no such file or directory`, { exitCode: ExitCode.notFound });
  const problems: AreaProblem[] = [];
  const isDir = statSync(input).isDirectory();
  const texts = isDir ? fromTree(input, repoOfTree(input, repoFlag)) : fromJsonl(readFileSync(input, 'utf8'), input, problems);
  const source = `owners:${basename(input)}`;
  const fingerprint = fingerprintOf(texts.map((t) => `${t.repo}\0${t.path}\0${t.content}`).join('\x1e'));
  if (await alreadyDone(ctx, source, fingerprint)) return { file: input, skipped: true, summary: 'already imported with this content', problems: [] };
  const aliases = new Map<string, Map<string, string[]>>();
  for (const t of texts.filter((x) => isAliasesFile(x.path) && ownersDir(x.path) === '')) {
    try {
      aliases.set(t.repo, parseAliases(t.content));
    } catch (err) {
      problems.push({ file: input, line: t.line, reason: `${t.repo}/${t.path}: ${(err as Error).message}`, sample: t.content.slice(0, 200) });
    }
  }
  const w = await ctx.store.writer('owners_files', 'stage');
  let withheld = 0;
  for (const t of texts.filter((x) => isOwnersFile(x.path))) {
    let entry;
    try {
      entry = parseOwners(t.content);
    } catch (err) {
      problems.push({ file: input, line: t.line, reason: `${t.repo}/${t.path}: ${(err as Error).message}`, sample: t.content.slice(0, 200) });
      continue;
    }
    const known = aliases.get(t.repo) ?? new Map<string, string[]>();
    const keep = (logins: string[]) => logins.filter((l) => (ctx.optout.matches(l) ? (withheld++, false) : true));
    w.append([source, t.repo, ownersDir(t.path), entry.labels, keep(expandAliases(entry.approvers, known)), keep(expandAliases(entry.reviewers, known))]);
  }
  const pw = await ctx.store.writer('ingest_problems', 'stage');
  for (const p of problems) pw.append([source, p.file, p.line, null, p.reason, p.sample]);
  await w.close();
  await pw.close();
  await ctx.store.transaction(async () => {
    await ctx.store.run(q('owners_files.forget'), { source });
    await ctx.store.run(q('owners_files.merge'));
    await ctx.store.run(q('ingest_problems.forget'), { source_id: source });
    await ctx.store.run(q('ingest_problems.merge'));
    await ctx.store.run(q('ingest_sources.forget'), { source_id: source });
    await ctx.store.run(q('ingest_sources.record'), {
      source_id: source, kind: 'owners', location: input, repo: isDir ? texts[0]?.repo ?? '' : '', fingerprint,
      records: texts.length, added: w.count, bad_records: problems.length, bytes: texts.reduce((n, t) => n + t.content.length, 0),
    });
  });
  const repos = new Set(texts.map((t) => t.repo)).size;
  const optedOut = withheld ? `, ${withheld} logins withheld (opt-out)` : '';
  return { file: input, skipped: false, problems, summary: `${w.count} OWNERS files in ${repos} repositories${optedOut}${problems.length ? `, ${problems.length} problem(s)` : ''}` };
}
