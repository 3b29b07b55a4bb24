// The community lens on real data (Kubernetes logs, sigs.yaml, OWNERS): each derived stage and report, timed as a ratio to a
// plain DuckDB pass over commit_files in the same run. Reads ../shared/data when present.
//   node --import tsx bench/community-lens.ts [--db PATH-with-kubernetes-logs-sigs-and-owners]
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openContext } from '../src/session.ts';
import type { Context } from '../src/context.ts';
import { sqlFile } from '../src/store/store.ts';
import { ingestGitlog } from '../src/commands/ingest.ts';
import { importAreaSet, importOwners } from '../src/ingest/areas.ts';
import { parseSigsYaml } from '../src/areas/sigs-yaml.ts';
import { rebuild } from '../src/pipeline.ts';
import { buildAreaDirs, buildAreaRoles, buildCommitAreas } from '../src/stages/areas.ts';
import { buildCommitKinds } from '../src/stages/commit_kinds.ts';
import { getReport } from '../src/reports/registry.ts';
import { defaultReportOptions } from '../src/reports/options.ts';
import { buildRoster } from '../src/roster/cards.ts';
import { readHandles } from '../src/roster/handles.ts';
import { renderTable } from '../src/output.ts';

const DATA = join(import.meta.dirname, '..', '..', 'shared', 'data');
const args = process.argv.slice(2);
const quiet = { info() {}, warn() {} };

async function built(): Promise<Context> {
  const given = args[args.indexOf('--db') + 1];
  if (args.includes('--db') && given) return openContext(loadConfig({ db: given }), { log: quiet });
  const ctx = await openContext(loadConfig({ db: join(mkdtempSync(join(tmpdir(), 'census-lens-')), 'bench.duckdb') }), { log: quiet });
  const logs = readdirSync(join(DATA, 'gitlog')).filter((f) => /^kubernetes.*\.log\.gz$/.test(f)).map((f) => join(DATA, 'gitlog', f));
  process.stderr.write(`ingesting ${logs.length} Kubernetes logs, sigs.yaml and OWNERS...\n`);
  await ingestGitlog(ctx, logs, {});
  await importAreaSet(ctx, 'sigs', join(DATA, 'k8s-community', 'sigs.yaml'), parseSigsYaml);
  for (const f of [join(DATA, 'k8s-community', 'kubernetes__community.owners.jsonl'), ...readdirSync(join(DATA, 'k8s-owners')).filter((f) => f.endsWith('.jsonl')).map((f) => join(DATA, 'k8s-owners', f))]) {
    await importOwners(ctx, f);
  }
  await rebuild(ctx);
  return ctx;
}

async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

if (!existsSync(DATA) && !args.includes('--db')) {
  process.stdout.write('../shared/data not found: nothing to measure\n');
} else {
  const ctx = await built();
  const scan = async () => ctx.store.query(sqlFile(import.meta.url, 'community-scan'));
  const [facts] = await scan();
  const reference = await seconds(scan);
  const k8s = { ...defaultReportOptions, repos: ['kubernetes/*', 'kubernetes-sigs/*'] };
  const leads = join(mkdtempSync(join(tmpdir(), 'census-leads-')), 'leads.txt');
  const { writeFileSync, readFileSync } = await import('node:fs');
  writeFileSync(leads, [...readFileSync(join(DATA, 'k8s-community', 'sigs-leadership.csv'), 'utf8').matchAll(/^(?:[^,]*,){3}(?:chairs|tech_leads),([^,]+),/gm)].map((m) => m[1]).join('\n'));
  const steps: [string, () => Promise<unknown>][] = [
    ['stage area_dirs', () => buildAreaDirs(ctx)],
    ['stage commit_areas', () => buildCommitAreas(ctx)],
    ['stage commit_kinds', () => buildCommitKinds(ctx)],
    ['stage area_roles', () => buildAreaRoles(ctx)],
    ['report contributors-by-sig', () => getReport('contributors-by-sig').run(ctx, k8s)],
    ['report segments --by year', () => getReport('segments').run(ctx, { ...k8s, by: 'year' })],
    ['report bus-factor', () => getReport('bus-factor').run(ctx, k8s)],
    ['report contributors-by-sig --segment core', () => getReport('contributors-by-sig').run(ctx, { ...k8s, segment: 'core' })],
    ['roster of sigs.yaml leads', () => buildRoster(ctx, readHandles(leads), { repos: k8s.repos, since: null, until: null })],
  ];
  const rows: Record<string, unknown>[] = [{ step: 'plain scan of commit_files (reference)', s: +reference.toFixed(3), 'x scan': 1 }];
  for (const [step, fn] of steps) {
    const s = await seconds(fn);
    rows.push({ step, s: +s.toFixed(3), 'x scan': +(s / reference).toFixed(1) });
  }
  await ctx.store.close();
  process.stdout.write(`${Number(facts!.files).toLocaleString('en-US')} changed files, ${Number(facts!.paths).toLocaleString('en-US')} distinct paths; ` +
    `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n${renderTable(['step', 's', 'x scan'], rows)}\n`);
}
