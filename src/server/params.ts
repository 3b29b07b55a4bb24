// Query strings of the HTTP API -> typed report options, once, at the edge: a closed list of names, bounded values,
// the CLI's own parsers (src/commands/report.ts), and a 4xx for anything else. No value ever becomes SQL text.
import type { RegionFolding } from '../config.ts';
import { CensusError, ExitCode } from '../errors.ts';
import type { ReportOptions } from '../reports/options.ts';
import { repoPattern } from '../reports/options.ts';
import { reportOptions } from '../commands/report.ts';

/** The parameters the API accepts, named as the CLI flags are (`?repo=kubernetes/*&by=year&known-only=1`). */
export const apiParams = {
  repo: 'list', since: 'text', until: 'text', by: 'text', 'known-only': 'flag', 'roll-up-acquisitions': 'flag',
  'include-bots': 'flag', regions: 'text', top: 'text', label: 'list', segment: 'text', kind: 'text',
  // Person drill-down (GET /api/people): one label of a share report, and how many people to list.
  company: 'text', country: 'text', limit: 'text',
} as const satisfies Record<string, 'list' | 'text' | 'flag'>;
export type ApiParam = keyof typeof apiParams;

export const LIMITS = { queryChars: 4096, valueChars: 200, listItems: 20, top: 100_000, people: 200 } as const;
const regionModes: readonly RegionFolding[] = ['apart', 'fold-into-cn'];

const bad = (message: string, hint?: string) => new CensusError(message, { exitCode: ExitCode.usage, ...(hint ? { hint } : {}) });

/** The raw query string -> name -> values, refusing unknown names, repeats of single values and oversized input. */
export function readQuery(search: string, allowed: readonly ApiParam[]): Map<ApiParam, string[]> {
  if (search.length > LIMITS.queryChars) throw bad(`query string too long (${search.length} characters; at most ${LIMITS.queryChars})`);
  const out = new Map<ApiParam, string[]>();
  for (const [name, value] of new URLSearchParams(search)) {
    if (!(allowed as readonly string[]).includes(name)) {
      throw bad(`unknown parameter "${name.slice(0, 40)}"`, `accepted here: ${allowed.join(', ')}`);
    }
    const p = name as ApiParam;
    if (value.length > LIMITS.valueChars) throw bad(`parameter "${p}" is too long (${value.length} characters; at most ${LIMITS.valueChars})`);
    const list = out.get(p) ?? [];
    if (apiParams[p] !== 'list' && list.length > 0) throw bad(`parameter "${p}" given more than once`);
    if (list.length >= LIMITS.listItems) throw bad(`parameter "${p}" given more than ${LIMITS.listItems} times`);
    list.push(value);
    out.set(p, list);
  }
  return out;
}

function flag(q: Map<ApiParam, string[]>, p: ApiParam): boolean | undefined {
  const v = q.get(p)?.[0];
  if (v === undefined) return undefined;
  if (v === '' || v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  throw bad(`parameter "${p}" must be 1 or 0, not "${v.slice(0, 40)}"`);
}

function wholeNumber(p: ApiParam, v: string | undefined, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1 || Number(v) > max) throw bad(`parameter "${p}" must be a whole number from 1 to ${max}, not "${v.slice(0, 40)}"`);
  return Number(v);
}

/** Settings that are global flags on the CLI but a per-request choice in the dashboard. */
export interface ScopeOverrides { includeBots?: boolean; regions?: RegionFolding }

export interface ReportQuery {
  opts: ReportOptions;
  overrides: ScopeOverrides;
  /** Rows ranked this or better (in each period), as `--top`. */
  top: number | undefined;
  /** Keep only rows whose label (country, company, ...) is one of these; applied to the finished rows, never in SQL. */
  labels: string[];
}

export const reportParamNames: readonly ApiParam[] = [
  'repo', 'since', 'until', 'by', 'known-only', 'roll-up-acquisitions', 'include-bots', 'regions', 'segment', 'kind', 'top', 'label',
];

export function reportQuery(q: Map<ApiParam, string[]>): ReportQuery {
  const repos = q.get('repo') ?? [];
  for (const r of repos) repoPattern(r);
  const opts = reportOptions({
    repo: repos, since: q.get('since')?.[0], until: q.get('until')?.[0], by: q.get('by')?.[0],
    knownOnly: flag(q, 'known-only'), rollUpAcquisitions: flag(q, 'roll-up-acquisitions'),
    segment: q.get('segment')?.[0], kind: q.get('kind')?.[0],
  });
  const regions = q.get('regions')?.[0];
  if (regions !== undefined && !(regionModes as readonly string[]).includes(regions)) {
    throw bad(`parameter "regions" must be apart or fold-into-cn, not "${regions.slice(0, 40)}"`);
  }
  const includeBots = flag(q, 'include-bots');
  const overrides: ScopeOverrides = {
    ...(includeBots === undefined ? {} : { includeBots }),
    ...(regions === undefined ? {} : { regions: regions as RegionFolding }),
  };
  return { opts, overrides, top: wholeNumber('top', q.get('top')?.[0], LIMITS.top), labels: q.get('label') ?? [] };
}

export interface PeopleQuery extends ReportQuery {
  company: string | null;
  country: string | null;
  limit: number;
}

export const peopleParamNames: readonly ApiParam[] = ['repo', 'since', 'until', 'roll-up-acquisitions', 'include-bots', 'regions', 'company', 'country', 'limit'];

export function peopleQuery(q: Map<ApiParam, string[]>): PeopleQuery {
  const company = q.get('company')?.[0] ?? null;
  const country = q.get('country')?.[0] ?? null;
  if ((company === null) === (country === null)) throw bad('give exactly one of "company" or "country"');
  return { ...reportQuery(q), company, country, limit: wholeNumber('limit', q.get('limit')?.[0], LIMITS.people) ?? 50 };
}

/** Report names and person ids are checked for shape before anything looks them up. */
export function checkName(kind: 'report' | 'person', v: string): string {
  const ok = kind === 'report' ? /^[a-z0-9][a-z0-9-]{0,63}$/.test(v) : /^[A-Za-z0-9_.:-]{1,80}$/.test(v);
  if (!ok) throw bad(`not a ${kind} ${kind === 'report' ? 'name' : 'id'}: "${v.slice(0, 40)}"`);
  return v;
}

/** A stable text for cache keys: the same question asked twice gives the same key. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    : v));
}
