// The GH Archive hours read, judged for completeness (src/activity/completeness.ts): shared by reports and `census completeness`.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { hourLabel, missingRuns, periodCompleteness, shortHours, type HourRead, type PeriodCompleteness, type ShortHour } from '../activity/completeness.ts';

export interface HoursRead { hours: (HourRead & { inScope: number; bad: number; scope: string; file: string })[]; short: ShortHour[]; missing: [number, number][] }

export async function hoursRead(ctx: Context): Promise<HoursRead> {
  const hours = (await ctx.store.query(sqlFile(import.meta.url, 'gharchive-hours'))).map((r) => ({
    hour: Number(r.hour), events: Number(r.events), inScope: Number(r.in_scope), bad: Number(r.bad_lines), scope: String(r.scope), file: String(r.file),
  }));
  return { hours, short: shortHours(hours), missing: missingRuns(hours) };
}

const n = (x: number) => x.toLocaleString('en-US');

/** Header lines of a time series: the hours behind it, and each period it cannot vouch for. */
export function completenessHeader(h: HoursRead, periods: string[]): { header: Record<string, string>; byPeriod: Map<string, PeriodCompleteness> } {
  const byPeriod = new Map(periods.map((p) => [p, periodCompleteness(p, h.hours, h.short)]));
  if (h.hours.length === 0) {
    return { header: { 'github activity': 'no GH Archive hours read: only git commits are counted (census ingest gharchive)' }, byPeriod };
  }
  const first = h.hours[0]!.hour;
  const last = h.hours.at(-1)!.hour;
  const missing = h.missing.reduce((s, [a, b]) => s + (b - a) / 3600 + 1, 0);
  const header: Record<string, string> = {
    'github activity': `GH Archive hours ${hourLabel(first)} .. ${hourLabel(last)} UTC: ${n(h.hours.length)} read, ${n(missing)} missing, ${n(h.short.length)} short (census completeness)`,
  };
  const doubtful = [...byPeriod.values()].filter((c) => !c.vouched && c.period !== 'all');
  if (doubtful.length > 0) {
    header['not vouched for'] = doubtful.map((c) => `${c.period} (${c.read === 0 ? 'no hours read: git commits only' : `${n(c.read)} of ${n(c.hours)} hours read`}${c.short ? `, ${c.short} short` : ''})`).join('; ');
  }
  return { header, byPeriod };
}
