// `census completeness`: which GH Archive hours were read, which are missing or short, and pushes against git history.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { renderCsv, renderTable, resolveFormat } from '../output.ts';
import { HOUR, SHORT_HOUR, hourLabel } from '../activity/completeness.ts';
import { hoursRead } from '../reports/gharchive-hours.ts';

const n = (x: number) => x.toLocaleString('en-US');

export const SHORT_RULE = `an hour is short when it holds under ${100 * SHORT_HOUR.fraction}% of the median events of the same UTC hour on up to ` +
  `${SHORT_HOUR.sameHourDays} days either side (with fewer than ${SHORT_HOUR.minSameHour} of those read: of up to ${SHORT_HOUR.adjacentHours} hours either side)`;

export async function completenessData(ctx: Context) {
  const h = await hoursRead(ctx);
  const first = h.hours[0]?.hour;
  const last = h.hours.at(-1)?.hour;
  const pushes = first === undefined || last === undefined ? [] : await ctx.store.query(sqlFile(import.meta.url, 'completeness.pushes'), {
    from: hourLabel(first), to: hourLabel(last + HOUR),
  });
  const scopes = new Map<string, number>();
  for (const x of h.hours) scopes.set(x.scope, (scopes.get(x.scope) ?? 0) + 1);
  return {
    first: first === undefined ? null : hourLabel(first),
    last: last === undefined ? null : hourLabel(last),
    hoursRead: h.hours.length,
    rule: SHORT_RULE,
    missing: h.missing.map(([a, b]) => ({ from: hourLabel(a), to: hourLabel(b), hours: (b - a) / HOUR + 1 })),
    short: h.short.map((s) => ({ hour: hourLabel(s.hour), events: s.events, reference: s.reference, ratio: Math.round((100 * s.events) / s.reference) / 100 })),
    withProblems: h.hours.filter((x) => x.bad > 0).map((x) => ({ hour: hourLabel(x.hour), bad_lines: x.bad, file: x.file })),
    scopes: [...scopes].map(([scope, hours]) => ({ scope, hours })),
    pushesAgainstGit: pushes,
  };
}

export async function completeness(ctx: Context, formatFlag: string | undefined): Promise<string> {
  const d = await completenessData(ctx);
  const format = resolveFormat(formatFlag, Boolean(process.stdout.isTTY), 'json');
  if (format === 'json') return JSON.stringify(d, null, 2);
  const hourRows = [
    ...d.missing.map((m) => ({ status: 'missing', hour: m.from === m.to ? m.from : `${m.from} .. ${m.to}`, hours: m.hours, events: null, reference: null })),
    ...d.short.map((s) => ({ status: 'short', hour: s.hour, hours: 1, events: s.events, reference: s.reference })),
  ];
  const hourCols = ['status', 'hour', 'hours', 'events', 'reference'];
  if (format === 'ndjson') return hourRows.map((r) => JSON.stringify(r)).join('\n');
  if (format === 'csv') return renderCsv(hourCols, hourRows);
  if (d.hoursRead === 0) return 'no GH Archive hours read yet (census ingest gharchive)';
  const parts = [
    `GH Archive hours ${d.first} .. ${d.last} UTC: ${n(d.hoursRead)} read, ${n(d.missing.reduce((s, m) => s + m.hours, 0))} missing, ${n(d.short.length)} short`,
    `rule: ${d.rule}`,
    hourRows.length ? renderTable(hourCols, hourRows) : 'every hour in that span was read, and none is short',
  ];
  if (d.scopes.length > 1) parts.push(`hours were read with different scopes:\n${renderTable(['scope', 'hours'], d.scopes)}`);
  if (d.withProblems.length) parts.push(`hours with unusable lines (census status --problems):\n${renderTable(['hour', 'bad_lines', 'file'], d.withProblems)}`);
  parts.push(d.pushesAgainstGit.length
    ? 'pushed commits against git history in those hours (git: default branch, no merges; pushes: any branch, at most 20 commits listed per push):\n' +
      renderTable(['repo', 'git_commits', 'pushed_commits', 'both_seen', 'git_only', 'pushed_only'], d.pushesAgainstGit)
    : 'no repository has both git history and pushes in those hours');
  return parts.join('\n\n');
}
