// `census roster`: one card per attendee handle (who, where from, what they work on, since when); opted-out people never shown.
import type { Context } from '../context.ts';
import { sqlFile, type Row } from '../store/store.ts';
import { UNKNOWN } from '../pipeline.ts';
import { NO_AREA, roles as roleOrder, type Role } from '../areas/model.ts';
import { workKinds, type WorkKind } from '../areas/work-kinds.ts';
import { defaultReportOptions, repoPattern, type ReportOptions } from '../reports/options.ts';
import { personSegments, type PersonSegments, type Segment } from '../segments/segments.ts';
import type { HandleList } from './handles.ts';

const q = (name: string) => sqlFile(import.meta.url, name);
/** Segments on a card describe this many days up to the end of the window (a year: a summit's "active contributor"). */
export const WINDOW_DAYS = 365;
/** Areas listed on a card, most contributions first. */
export const AREAS_ON_CARD = 4;

export interface Card {
  handle: string;
  name: string | null;
  company: { name: string; source: string } | null;
  /** Declared profile location for now; the country model (issue 3) will give a probability instead. */
  country: { code: string; confidence: 'declared'; evidence: string } | null;
  areas: { area: string; name: string; contributions: number }[];
  roles: { role: Role; area: string; areaName: string; place: string }[];
  contributions: number;
  firstContribution: string | null;
  latestContribution: string | null;
  kinds: Record<WorkKind, number>;
  /** core/regular/casual, new, episodic in the window; or why there is none. */
  segment: string;
  segments: Segment[];
}

export interface Roster {
  window: { since: string; until: string };
  scope: string;
  cards: Card[];
  /** Handles with no card: unknown to the census, or withheld at the person's request. Deliberately not told apart. */
  notShown: string[];
  invalid: { line: number; text: string }[];
}

export interface RosterOptions { repos: string[]; since: string | null; until: string | null }

const dayBefore = (until: string, days: number) => new Date(Date.parse(`${until}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

function segmentLabel(s: PersonSegments | undefined, contributions: number, latest: string | null): { label: string; segments: Segment[] } {
  if (s) {
    const shown = s.segments.filter((x) => x === s.tier || x === 'new' || x === 'episodic');
    return { label: shown.join(', '), segments: shown };
  }
  return { label: contributions > 0 ? `not active in the window (latest ${latest})` : 'no contributions found', segments: [] };
}

/** Cards from the rows the roster queries return; pure, so the opt-out rules are tested without a database. */
export function buildCards(input: {
  handles: string[]; people: Row[]; work: Row[]; roles: Row[]; segments: PersonSegments[]; isOptedOut: (handle: string) => boolean;
}): { cards: Card[]; notShown: string[] } {
  const people = new Map(input.people.map((r) => [String(r.handle), r]));
  const segments = new Map(input.segments.map((s) => [s.personId, s]));
  const cards: Card[] = [];
  const notShown: string[] = [];
  for (const handle of input.handles) {
    const key = handle.toLowerCase();
    const p = people.get(key);
    const personId = str(p?.person_id);
    const roles = input.roles.filter((r) => r.login === key || (personId !== null && r.person_id === personId));
    if (input.isOptedOut(handle) || p?.opted_out === true || (!p && roles.length === 0)) {
      notShown.push(handle);
      continue;
    }
    const work = personId ? input.work.filter((w) => w.person_id === personId) : [];
    const kinds = Object.fromEntries(workKinds.map((k) => [k, 0])) as Record<WorkKind, number>;
    for (const w of work.filter((x) => x.dimension === 'kind')) kinds[String(w.label) as WorkKind] = Number(w.contributions);
    const lead = roles.find((r) => r.lead_name !== null || r.lead_company !== null);
    const contributions = Number(p?.contributions ?? 0);
    const latest = str(p?.latest_contribution);
    const seg = segmentLabel(personId ? segments.get(personId) : undefined, contributions, latest);
    const companyNow = str(p?.company_now);
    cards.push({
      handle,
      name: str(p?.display_name) ?? str(lead?.lead_name),
      // A lead's own sigs.yaml entry is the freshest employer we hold (the file is kept current; gitdm's here ends in 2023).
      company: lead?.lead_company ? { name: String(lead.lead_company), source: 'sigs.yaml leadership entry' }
        : companyNow ? { name: companyNow, source: String(p!.company_source) } : null,
      country: str(p?.country) ? { code: String(p!.country), confidence: 'declared', evidence: `profile location "${p!.location_text}"` } : null,
      areas: work.filter((w) => w.dimension === 'area' && w.label !== NO_AREA).slice(0, AREAS_ON_CARD)
        .map((w) => ({ area: String(w.label), name: String(w.name), contributions: Number(w.contributions) })),
      roles: roles.map((r) => ({ role: String(r.role) as Role, area: String(r.area), areaName: String(r.area_name), place: String(r.place) }))
        .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.area.localeCompare(b.area)),
      contributions, firstContribution: str(p?.first_contribution), latestContribution: latest, kinds,
      segment: seg.label, segments: seg.segments,
    });
  }
  return { cards, notShown };
}

export async function buildRoster(ctx: Context, list: HandleList, o: RosterOptions): Promise<Roster> {
  const repos = o.repos.map(repoPattern);
  const handles = list.handles.map((h) => h.toLowerCase());
  const until = o.until ?? str((await ctx.store.query(q('roster-latest'), { repos }))[0]?.until) ?? new Date().toISOString().slice(0, 10);
  const since = o.since ?? dayBefore(until, WINDOW_DAYS);
  const people = await ctx.store.query(q('roster-people'), { handles, repos, unknown: UNKNOWN });
  const persons = people.map((r) => String(r.person_id));
  const work = await ctx.store.query(q('roster-work'), { persons, repos, no_area: NO_AREA });
  const roles = await ctx.store.query(q('roster-roles'), { handles, persons });
  const opts: ReportOptions = { ...defaultReportOptions, repos: o.repos, since, until };
  const wanted = new Set(persons);
  const segments = (await personSegments(ctx, opts)).filter((s) => wanted.has(s.personId));
  const { cards, notShown } = buildCards({ handles: list.handles, people, work, roles, segments, isOptedOut: (h) => ctx.optout.matches(h) });
  return {
    window: { since, until }, scope: o.repos.length ? o.repos.join(', ') : 'all repositories',
    cards, notShown, invalid: list.invalid,
  };
}
