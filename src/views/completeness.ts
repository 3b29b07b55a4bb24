// What the numbers rest on, for the dashboard footer and the HTML export: the counting rules in force and what was read.
import type { Context } from '../context.ts';
import { defaultReportOptions, scopeHeader } from '../reports/options.ts';
import { sqlFile } from '../store/store.ts';
import type { Row } from '../store/store.ts';
import { completenessData } from '../commands/completeness.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

export interface Completeness {
  /** The counting spec: what a contribution is, bots, opt-out (the lines every report header repeats). */
  spec: Record<string, string>;
  /** Per kind of source (gitlog, gitdm, profiles, ...): how many, how many records, how many unusable. */
  sources: Row[];
  /** Records that could not be used (`census status --problems` lists them). */
  problems: number;
  span: Row | null;
  /** GH Archive hours read, missing and short (`census completeness`); null when no hour was read. */
  gharchive: { first: string | null; last: string | null; hoursRead: number; missingHours: number; shortHours: number } | null;
}

async function gharchiveHours(ctx: Context): Promise<Completeness['gharchive']> {
  const d = await completenessData(ctx);
  if (d.hoursRead === 0) return null;
  return { first: d.first, last: d.last, hoursRead: d.hoursRead, missingHours: d.missing.reduce((n, m) => n + m.hours, 0), shortHours: d.short.length };
}

export async function completeness(ctx: Context): Promise<Completeness> {
  const { scope: _scope, ...spec } = scopeHeader(ctx, defaultReportOptions);
  return {
    spec,
    sources: await ctx.store.query(q('completeness-sources')),
    problems: Number((await ctx.store.query(q('completeness-problems')))[0]?.problems ?? 0),
    span: (await ctx.store.query(q('completeness-span')))[0] ?? null,
    gharchive: await gharchiveHours(ctx),
  };
}
