// What the community-lens reports share: the bound parameters (scope, segment filter, no-area label) and their shape.
import type { Context } from '../context.ts';
import { sqlFile, type Params, type Row } from '../store/store.ts';
import { NO_AREA } from '../areas/model.ts';
import { segmentFilterParams } from '../segments/segments.ts';
import { scopeHeader, scopeParams, type ReportOptions } from './options.ts';
import type { ReportDef, ReportResult } from './registry.ts';

/** gitdm's label for self-employed people (src/ingest/gitdm.ts): many people, not one organisation. */
export const INDEPENDENT = 'Independent';

export async function lensParams(ctx: Context, opts: ReportOptions): Promise<Params> {
  return { ...scopeParams(ctx, opts), ...(await segmentFilterParams(ctx, opts)), no_area: NO_AREA, independent: INDEPENDENT };
}

export const periodCol = (opts: ReportOptions) => (opts.by === 'all' ? [] : ['period']);
export const n = (x: unknown) => Number(x).toLocaleString('en-US');
export const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((10000 * a) / b) / 100);

export interface LensSpec {
  name: string;
  summary: string;
  /** The .sql beside this module (default: the report's name). */
  sql?: string;
  params?(ctx: Context, opts: ReportOptions): Promise<Params>;
  header(ctx: Context, opts: ReportOptions, rows: Row[]): Record<string, string>;
  /** Columns after the period (shown with --by). */
  columns: string[];
  shape?(row: Row): Row;
}

/** A report from one .sql over the lens parameters; it applies --segment and --kind. */
export function lensReport(spec: LensSpec): ReportDef {
  return {
    name: spec.name,
    summary: spec.summary,
    filters: ['segment', 'kind'],
    async run(ctx, opts): Promise<ReportResult> {
      const params = { ...(await lensParams(ctx, opts)), ...((await spec.params?.(ctx, opts)) ?? {}) };
      const rows = await ctx.store.query(sqlFile(import.meta.url, spec.sql ?? spec.name), params);
      return {
        name: spec.name,
        header: { report: spec.name, ...scopeHeader(ctx, opts), ...spec.header(ctx, opts, rows) },
        columns: [...periodCol(opts), ...spec.columns],
        rows: spec.shape ? rows.map(spec.shape) : rows,
      };
    },
  };
}
