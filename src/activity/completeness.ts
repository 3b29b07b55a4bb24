// Which GH Archive hours can be vouched for: missing hours, and hours whose volume falls far below their neighbours.
// GH Archive has gaps (crawler outages) and short hours (in 2025 the public events feed lost a large share).

export const HOUR = 3600;

/**
 * An hour is short when it holds fewer than `fraction` of its reference: the median volume of the same UTC hour
 * on up to `sameHourDays` days either side (removes the daily rhythm, whose peak is 2-3x its trough). With fewer
 * than `minSameHour` such hours read, the median of up to `adjacentHours` hours either side stands in. Weekends run
 * at ~60-70% of weekdays, so 0.5 flags losses, not Sundays.
 */
export const SHORT_HOUR = { sameHourDays: 7, minSameHour: 3, adjacentHours: 3, fraction: 0.5 } as const;

export interface HourRead { hour: number; events: number }
export interface ShortHour { hour: number; events: number; reference: number }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function shortHours(hours: readonly HourRead[]): ShortHour[] {
  const byHour = new Map(hours.map((h) => [h.hour, h.events]));
  const out: ShortHour[] = [];
  for (const h of hours) {
    const around = (step: number, n: number) => {
      const xs: number[] = [];
      for (let k = 1; k <= n; k++) {
        for (const at of [h.hour - k * step, h.hour + k * step]) {
          const v = byHour.get(at);
          if (v !== undefined) xs.push(v);
        }
      }
      return xs;
    };
    let ref = around(24 * HOUR, SHORT_HOUR.sameHourDays);
    if (ref.length < SHORT_HOUR.minSameHour) ref = around(HOUR, SHORT_HOUR.adjacentHours);
    if (ref.length === 0) continue;
    const reference = median(ref);
    if (h.events < SHORT_HOUR.fraction * reference) out.push({ hour: h.hour, events: h.events, reference });
  }
  return out;
}

/** Hours between the first and the last hour read that were not read, as [from, to] runs (inclusive). */
export function missingRuns(hours: readonly HourRead[]): [number, number][] {
  const sorted = [...new Set(hours.map((h) => h.hour))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]! - sorted[i - 1]! > HOUR) runs.push([sorted[i - 1]! + HOUR, sorted[i]! - HOUR]);
  }
  return runs;
}

/** A report period's hours: `all` spans the hours read; `2024`, `2024-Q2`, `2024-06` are calendar spans (UTC). */
export function periodSpan(period: string, first: number, last: number): [number, number] | null {
  if (period === 'all') return [first, last + HOUR];
  const y = /^(\d{4})$/.exec(period);
  if (y) return [Date.UTC(Number(y[1]), 0, 1) / 1000, Date.UTC(Number(y[1]) + 1, 0, 1) / 1000];
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return [Date.UTC(Number(q[1]), (Number(q[2]) - 1) * 3, 1) / 1000, Date.UTC(Number(q[1]), Number(q[2]) * 3, 1) / 1000];
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return [Date.UTC(Number(m[1]), Number(m[2]) - 1, 1) / 1000, Date.UTC(Number(m[1]), Number(m[2]), 1) / 1000];
  return null;
}

export interface PeriodCompleteness { period: string; hours: number; read: number; short: number; vouched: boolean }

/** How much of a period GH Archive was read for; a period is vouched for only if every hour was read and none is short. */
export function periodCompleteness(period: string, hours: readonly HourRead[], short: readonly ShortHour[]): PeriodCompleteness {
  if (hours.length === 0) return { period, hours: 0, read: 0, short: 0, vouched: false };
  const first = Math.min(...hours.map((h) => h.hour));
  const last = Math.max(...hours.map((h) => h.hour));
  const span = periodSpan(period, first, last);
  if (!span) return { period, hours: 0, read: 0, short: 0, vouched: false };
  const [from, to] = span;
  const within = (t: number) => t >= from && t < to;
  const read = hours.filter((h) => within(h.hour)).length;
  const shortN = short.filter((h) => within(h.hour)).length;
  const total = Math.round((to - from) / HOUR);
  return { period, hours: total, read, short: shortN, vouched: read === total && shortN === 0 };
}

export const hourLabel = (t: number) => `${new Date(t * 1000).toISOString().slice(0, 13).replace('T', ' ')}:00`;
