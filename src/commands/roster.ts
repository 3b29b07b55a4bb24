// `census roster <handles>`: who-is-who cards for a summit or meetup, as a table, JSON, CSV or a printable HTML page.
import type { Context } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { parseDate } from '../reports/options.ts';
import { readHandles } from '../roster/handles.ts';
import { buildRoster } from '../roster/cards.ts';
import { renderRosterHtml } from '../roster/html.ts';
import { renderRosterText, rosterFormats, type RosterFormat } from '../roster/render.ts';
import { summaryLine } from '../roster/summary.ts';

export interface RosterFlags { repo?: string[]; since?: string; until?: string; format?: string; title?: string }

export function rosterFormat(flag: string | undefined, isTTY: boolean): RosterFormat {
  if (flag === undefined) return isTTY ? 'table' : 'json';
  if (!(rosterFormats as readonly string[]).includes(flag)) {
    throw new CensusError(`--format must be one of ${rosterFormats.join(', ')}, not "${flag}"`, { exitCode: ExitCode.usage });
  }
  return flag as RosterFormat;
}

export async function roster(ctx: Context, file: string, o: RosterFlags, format: RosterFormat): Promise<string> {
  const list = readHandles(file);
  const r = await buildRoster(ctx, list, {
    repos: o.repo ?? [], since: parseDate('--since', o.since), until: parseDate('--until', o.until),
  });
  // The mix goes to stderr too, so a piped JSON or HTML run still shows the recap figures.
  if (format !== 'table') ctx.log.info(summaryLine(r));
  return format === 'html' ? renderRosterHtml(r, o.title) : renderRosterText(r, format);
}
