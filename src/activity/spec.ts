// The counting spec (data/contribution-spec.yaml): which events are contributions, of which kind, credited to whom.
import { join } from 'node:path';
import { asMap, badData, readYamlMap, requiredString, stringList } from '../identity/data-file.ts';
import { KNOWN_TYPES } from '../ingest/gharchive-event.ts';

/** GitHub shows every deleted account as this one placeholder login: its events are contributions of nobody known. */
export const DELETED_USER = 'ghost';

/** The kinds a report can break contributions into; the spec decides which events feed each. */
export const KINDS = ['prs_opened', 'prs_merged', 'reviews', 'review_comments', 'issue_comments', 'issues', 'commit_comments', 'commits', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export const COMMIT_ROLES = ['author', 'committer', 'pusher'] as const;
export type CommitRole = (typeof COMMIT_ROLES)[number];
export const COMMIT_SOURCES = ['git', 'pushes'] as const;
export type CommitSource = (typeof COMMIT_SOURCES)[number];
export type Credit = 'actor' | 'subject';

export interface KindRule { kind: Kind; type: string; actions: string[]; merged: boolean | null; credit: Credit }
export interface ContributionSpec {
  id: string;
  version: number;
  summary: string;
  events: string[];
  rules: KindRule[];
  commitRoles: CommitRole[];
  commitSources: CommitSource[];
  file: string;
}

const oneOf = <T extends string>(all: readonly T[], v: string, file: string, where: string): T => {
  const hit = all.find((x) => x === v);
  if (!hit) throw badData(file, `${where}: "${v}" is not one of ${all.join(', ')}`);
  return hit;
};

export function readSpec(file: string): ContributionSpec {
  const doc = readYamlMap(file);
  const id = requiredString(doc.id, file, 'id');
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw badData(file, 'version must be a whole number from 1');
  const events = stringList(doc.events, file, 'events');
  if (events.length === 0) throw badData(file, 'events must list at least one event type');
  for (const t of events) if (!KNOWN_TYPES.has(t)) throw badData(file, `events: "${t}" is not a GitHub event type`);
  if (!Array.isArray(doc.kinds)) throw badData(file, 'kinds must be a list');
  const seen = new Set<Kind>();
  const rules = doc.kinds.map((raw, i): KindRule => {
    const where = `kinds[${i}]`;
    const e = asMap(raw, file, where);
    const kind = oneOf(KINDS, requiredString(e.kind, file, `${where}.kind`), file, `${where}.kind`);
    if (seen.has(kind)) throw badData(file, `${where}: kind ${kind} has two rules`);
    seen.add(kind);
    const type = requiredString(e.type, file, `${where}.type`);
    if (type !== '*' && !events.includes(type)) throw badData(file, `${where}.type ${type} is not among the counted events`);
    if (kind === 'commits' && type !== 'PushEvent') throw badData(file, `${where}: kind commits comes from PushEvent`);
    if (e.merged !== undefined && typeof e.merged !== 'boolean') throw badData(file, `${where}.merged must be true or false`);
    const credit = oneOf(['actor', 'subject'] as const, typeof e.credit === 'string' ? e.credit : 'actor', file, `${where}.credit`);
    return { kind, type, actions: stringList(e.actions, file, `${where}.actions`), merged: typeof e.merged === 'boolean' ? e.merged : null, credit };
  });
  const commits = asMap(doc.commits ?? {}, file, 'commits');
  const commitRoles = stringList(commits.roles, file, 'commits.roles').map((r) => oneOf(COMMIT_ROLES, r, file, 'commits.roles'));
  const commitSources = stringList(commits.from, file, 'commits.from').map((r) => oneOf(COMMIT_SOURCES, r, file, 'commits.from'));
  if (seen.has('commits') && (commitRoles.length === 0 || commitSources.length === 0)) throw badData(file, 'commits.roles and commits.from must not be empty');
  if (doc.distinct !== 'exact') throw badData(file, 'distinct must be "exact" (the only counting census does)');
  return { id, version, summary: requiredString(doc.summary, file, 'summary'), events, rules, commitRoles, commitSources, file };
}

export const loadSpec = (dataDir: string): ContributionSpec => readSpec(join(dataDir, 'contribution-spec.yaml'));

/** The label every report header carries. */
export const specLabel = (s: ContributionSpec): string => `${s.id} v${s.version}`;

/** The kinds the spec counts, in the order the reports show them. */
export const specKinds = (s: ContributionSpec): Kind[] => KINDS.filter((k) => s.rules.some((r) => r.kind === k));

/** `census spec`: the rules in words. */
export function describeSpec(s: ContributionSpec): string {
  const rule = (r: KindRule) => {
    const what = r.type === '*' ? 'any other counted event' : r.type;
    const actions = r.actions.length ? ` (action ${r.actions.join(' or ')})` : '';
    const merged = r.merged === null ? '' : r.merged ? ', merged' : ', not merged';
    const whom = r.kind === 'commits' ? `each distinct commit, credited to its ${s.commitRoles.join(' and ')}` : r.credit === 'subject' ? 'credited to the author of the pull request or issue' : 'credited to whoever acted';
    return `  ${r.kind.padEnd(16)} ${what}${actions}${merged}: ${whom}`;
  };
  return [
    `spec:        ${specLabel(s)} (${s.file})`,
    `summary:     ${s.summary}`,
    `events:      ${s.events.join(', ')}`,
    `commits:     roles ${s.commitRoles.join(', ')}; read from ${s.commitSources.join(' and ')}; a commit seen twice counts once`,
    `counting:    exact distinct (each contribution once per person credited); "${DELETED_USER}" (deleted accounts) counts as a contribution of no contributor`,
    'kinds (first matching rule wins):',
    ...s.rules.map(rule),
  ].join('\n');
}
