// Stage `contribution_credits` (+ contribution_rules, contribution_items): every kind of contribution under the counting spec.
// Built in steps, each one statement with narrow aggregates and anti-joins, so a rebuild fits DuckDB's default 128 MB
// pool on millions of events (one statement with wide aggregates did not); each step staged (contribution_items.merge.sql).
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { DELETED_USER, loadSpec, specLabel, type CommitRole, type CommitSource } from '../activity/spec.ts';
import { UNKNOWN } from '../pipeline.ts';

/** A commit's work-mail employer stands for the person's activity up to this many days after it (no later commit needed). */
export const RECENT_DOMAIN_DAYS = 365;

/** The commit steps in order of precedence: a commit credited to a person by an earlier step is not credited again. */
const COMMIT_STEPS: { step: string; role: CommitRole; source: CommitSource }[] = [
  { step: 'git', role: 'author', source: 'git' },
  { step: 'committers', role: 'committer', source: 'git' },
  { step: 'push-authors', role: 'author', source: 'pushes' },
  { step: 'pushers', role: 'pusher', source: 'pushes' },
];

export async function buildContributionCredits(ctx: Context): Promise<string> {
  const q = (name: string) => sqlFile(import.meta.url, name);
  const spec = loadSpec(ctx.config.dataDir);
  for (const t of ['contribution_rules', 'contribution_items', 'contribution_credits'] as const) await ctx.store.truncate(t);
  const w = await ctx.store.writer('contribution_rules');
  spec.rules.forEach((r, i) => w.append([i, r.kind, r.type, r.actions, r.merged, r.credit]));
  await w.close();
  const step = async (name: string, params = {}) => {
    await (await ctx.store.writer('contribution_items', 'stage')).close(); // a fresh, empty stage
    await ctx.store.run(q(`contribution_items.${name}`), params);
    if (Number((await ctx.store.query(q('contribution_items.staged')))[0]!.n) > 0) await ctx.store.run(q('contribution_items.merge'));
  };
  await step('events', { event_types: spec.events, deleted: DELETED_USER });
  if (spec.rules.some((r) => r.kind === 'commits')) {
    for (const s of COMMIT_STEPS) if (spec.commitRoles.includes(s.role) && spec.commitSources.includes(s.source)) await step(s.step);
  }
  await ctx.store.run(q('contribution_credits'), { unknown: UNKNOWN, recent_days: RECENT_DOMAIN_DAYS });
  const n = await ctx.store.query(q('contribution_credits.count'));
  return `${Number(n[0]!.n).toLocaleString('en-US')} credited contributions under ${specLabel(spec)}`;
}
