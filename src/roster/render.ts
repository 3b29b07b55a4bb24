// A roster as a table, JSON or CSV (the HTML page of cards is in html.ts).
import { renderCsv, renderTable } from '../output.ts';
import type { Card, Roster } from './cards.ts';
import { attendanceMix, summaryLine } from './summary.ts';

export const rosterFormats = ['table', 'json', 'csv', 'html'] as const;
export type RosterFormat = (typeof rosterFormats)[number];

/** `sig-node: chair, approver; wg-batch: reviewer`: one entry per area (or OWNERS directory outside any area). */
export function roleText(c: Card): string {
  const byArea = new Map<string, string[]>();
  for (const r of c.roles) {
    const where = r.area || r.place;
    byArea.set(where, [...(byArea.get(where) ?? []), r.role]);
  }
  return [...byArea.entries()].map(([where, rs]) => `${where}: ${rs.join(', ')}`).join('; ');
}
const kindText = (c: Card) => Object.entries(c.kinds).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(', ');

/** On a terminal, roles and areas are cut to TABLE_ITEMS entries with a count of the rest; CSV and JSON keep them all. */
export const TABLE_ITEMS = 2;
const cut = (items: string[], compact: boolean) =>
  (compact && items.length > TABLE_ITEMS ? [...items.slice(0, TABLE_ITEMS), `+${items.length - TABLE_ITEMS} more`] : items).join('; ');

export function flatCard(c: Card, compact = false): Record<string, unknown> {
  return {
    handle: c.handle, name: c.name ?? '', company: c.company ? c.company.name : '', country: c.country ? `${c.country.code} (declared)` : '',
    segment: c.segment, areas: cut(c.areas.map((a) => a.area), compact), roles: cut(roleText(c).split('; ').filter(Boolean), compact),
    first: c.firstContribution ?? '', latest: c.latestContribution ?? '', contributions: c.contributions, kinds: kindText(c),
  };
}

const COLUMNS = ['handle', 'name', 'company', 'country', 'segment', 'areas', 'roles', 'first', 'latest', 'contributions', 'kinds'];

export function renderRosterText(r: Roster, format: Exclude<RosterFormat, 'html'>): string {
  if (format === 'json') {
    return JSON.stringify({
      window: r.window, scope: r.scope, summary: summaryLine(r), mix: attendanceMix(r), cards: r.cards,
      not_shown: { handles: r.notShown, why: 'unknown to the census, or withheld at the person\'s request (not told apart)' },
      invalid: r.invalid,
    }, null, 2);
  }
  if (format === 'csv') return renderCsv(COLUMNS, r.cards.map((c) => flatCard(c)));
  const rows = r.cards.map((c) => flatCard(c, true));
  const tail = [
    '',
    summaryLine(r),
    ...(r.notShown.length ? [`not shown (unknown to the census, or withheld): ${r.notShown.join(', ')}`] : []),
    ...(r.invalid.length ? [`not GitHub handles: ${r.invalid.map((i) => `line ${i.line} "${i.text}"`).join(', ')}`] : []),
  ];
  return `${renderTable(COLUMNS, rows)}\n${tail.join('\n')}`;
}
