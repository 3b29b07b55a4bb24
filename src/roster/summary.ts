// The attendance mix of a roster (countries, companies, segments, roles): the figures a recap post quotes.
import type { Card, Roster } from './cards.ts';

/** Companies named in the summary before the rest are folded into "n others". */
export const COMPANIES_NAMED = 6;

export interface Mix {
  handles: number;
  onCards: number;
  notShown: number;
  invalid: number;
  countries: [string, number][];
  countryKnown: number;
  companies: [string, number][];
  companyKnown: number;
  segments: [string, number][];
  roles: [string, number][];
}

const tally = (values: string[]): [string, number][] => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};

const SEGMENT_ORDER = ['core', 'regular', 'casual', 'new', 'episodic', 'not active in the window', 'no contributions found'];

function segmentKeys(c: Card): string[] {
  if (c.segments.length > 0) return c.segments;
  return [c.segment.startsWith('not active') ? 'not active in the window' : c.segment];
}

export function attendanceMix(r: Roster): Mix {
  const cards = r.cards;
  const segments = tally(cards.flatMap(segmentKeys)).sort((a, b) => SEGMENT_ORDER.indexOf(a[0]) - SEGMENT_ORDER.indexOf(b[0]));
  return {
    handles: cards.length + r.notShown.length + r.invalid.length,
    onCards: cards.length, notShown: r.notShown.length, invalid: r.invalid.length,
    countries: tally(cards.map((c) => c.country?.code ?? 'unknown')),
    countryKnown: cards.filter((c) => c.country).length,
    companies: tally(cards.map((c) => c.company?.name ?? 'unknown')),
    companyKnown: cards.filter((c) => c.company).length,
    segments,
    // People holding each role (once per person, whatever the number of areas).
    roles: tally(cards.flatMap((c) => [...new Set(c.roles.map((x) => x.role))])),
  };
}

const list = (pairs: [string, number][]) => pairs.map(([k, v]) => `${k} ${v}`).join(', ');

export function summaryLine(r: Roster): string {
  const m = attendanceMix(r);
  const named = m.companies.filter(([k]) => k !== 'unknown').slice(0, COMPANIES_NAMED);
  const others = m.companies.filter(([k]) => k !== 'unknown').slice(COMPANIES_NAMED);
  const unknownCo = m.companies.find(([k]) => k === 'unknown')?.[1] ?? 0;
  const companies = [list(named), others.length ? `${others.reduce((s, [, v]) => s + v, 0)} at ${others.length} other companies` : '', unknownCo ? `unknown ${unknownCo}` : '']
    .filter(Boolean).join(', ');
  const parts = [
    `${m.handles} handles: ${m.onCards} on cards, ${m.notShown} not shown (unknown to the census, or withheld)${m.invalid ? `, ${m.invalid} not GitHub handles` : ''}.`,
    `Countries (declared for ${m.countryKnown} of ${m.onCards}): ${list(m.countries) || 'none'}.`,
    `Companies (known for ${m.companyKnown} of ${m.onCards}): ${companies || 'none'}.`,
    `Segments (${r.window.since} .. ${r.window.until}): ${list(m.segments) || 'none'}.`,
    `Roles: ${list(m.roles) || 'none'}.`,
  ];
  return parts.join(' ');
}
