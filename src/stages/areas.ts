// Stages `area_dirs`, `commit_areas`, `area_roles`: directories -> areas, commits -> areas, people -> roles (docs/areas.md).
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';

const q = (name: string) => sqlFile(import.meta.url, name);
const n = (x: unknown) => Number(x).toLocaleString('en-US');
const counts = async (ctx: Context) => (await ctx.store.query(q('areas.counts')))[0]!;
/** OWNERS labels that name a group even when no sigs.yaml was imported: Kubernetes' group kinds. */
const GROUP_LABELS = '^(sig|wg|committee|ug)/';

export async function buildAreaDirs(ctx: Context): Promise<string> {
  await ctx.store.truncate('area_dirs');
  await ctx.store.run(q('area_dirs'), { group_labels: GROUP_LABELS });
  const c = await counts(ctx);
  return `${n(c.dirs)} directories in ${n(c.areas)} areas`;
}

export async function buildCommitAreas(ctx: Context): Promise<string> {
  await ctx.store.truncate('commit_areas');
  await ctx.store.run(q('commit_areas'));
  const c = await counts(ctx);
  return `${n(c.commits)} of ${n(c.commits_in_mapped_repos)} commits in mapped repositories placed in an area`;
}

export async function buildAreaRoles(ctx: Context): Promise<string> {
  await ctx.store.truncate('area_roles');
  await ctx.store.run(q('area_roles'));
  const c = await counts(ctx);
  return `${n(c.roles)} roles (${n(c.roles_with_person)} held by a known contributor)`;
}
