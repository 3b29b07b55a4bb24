// Stage `commit_kinds`: binds the reviewed path rules (data/work-kinds.yaml) to the classifying statement.
import type { Context } from '../context.ts';
import { sqlFile, type Params } from '../store/store.ts';
import { FALLBACK_KIND, loadWorkKinds } from '../areas/work-kinds.ts';

/** The statement has one branch per kind other than the fallback; loadWorkKinds guarantees each appears once. */
const BRANCHES = 4;

export async function buildCommitKinds(ctx: Context): Promise<string> {
  const rules = loadWorkKinds(ctx.config.dataDir);
  if (rules.length !== BRANCHES) throw new Error(`commit_kinds.sql has ${BRANCHES} branches, data/work-kinds.yaml ${rules.length} kinds`);
  const params: Record<string, string> = { fallback: FALLBACK_KIND };
  rules.forEach((r, i) => {
    params[`kind_${i + 1}`] = r.kind;
    params[`re_${i + 1}`] = r.regex;
  });
  await ctx.store.truncate('commit_kinds');
  await ctx.store.run(sqlFile(import.meta.url, 'commit_kinds'), params satisfies Params);
  return `kinds of work from ${rules.reduce((n, r) => n + r.patterns.length, 0)} path rules`;
}
