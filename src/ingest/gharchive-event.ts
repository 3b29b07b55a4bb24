// One GH Archive JSON object -> a typed event, in either format GH Archive has used (Events API 2015+, Timeline 2011-2014).
import { createHash } from 'node:crypto';
import { bodySignature } from '../activity/body-signature.ts';

export type EventFormat = 'events' | 'timeline';

export interface PushedCommit { sha: string; authorName: string; authorEmail: string; distinct: boolean }
/** What a Timeline event says of its actor (`actor_attributes`): a profile as of that date. */
export interface ActorProfile { name: string | null; email: string | null; company: string | null; location: string | null }

export interface GhEvent {
  id: string;
  format: EventFormat;
  type: string;
  actorLogin: string;
  actorId: number | null;
  repo: string;
  repoId: number | null;
  org: string | null;
  createdAt: number; // epoch seconds
  action: string | null;
  number: number | null;
  merged: boolean | null;
  /** The author of the pull request or issue the event is about. */
  subjectLogin: string | null;
  /** PushEvent: commits in the push (`size`), and how many were new to the repository (`distinct_size`). */
  commits: number | null;
  distinctCommits: number | null;
  ref: string | null;
  reviewState: string | null;
  bodyLength: number | null;
  bodySig: string | null;
  pushed: PushedCommit[];
  actorProfile: ActorProfile | null;
}

/** Every event type GH Archive has carried, both formats (GitHub's "event types" page and the Timeline-era ones). */
export const KNOWN_TYPES: ReadonlySet<string> = new Set([
  'CommitCommentEvent', 'CreateEvent', 'DeleteEvent', 'DiscussionEvent', 'ForkEvent', 'GollumEvent', 'IssueCommentEvent',
  'IssuesEvent', 'MemberEvent', 'PublicEvent', 'PullRequestEvent', 'PullRequestReviewEvent', 'PullRequestReviewCommentEvent',
  'PullRequestReviewThreadEvent', 'PushEvent', 'ReleaseEvent', 'SponsorshipEvent', 'WatchEvent',
  // Timeline (2011-2014) only
  'DownloadEvent', 'FollowEvent', 'ForkApplyEvent', 'GistEvent', 'TeamAddEvent',
]);

/** Timeline comment events carry no action: each one was a comment created (edits and deletions were not events). */
const TIMELINE_CREATIONS: ReadonlySet<string> = new Set(['IssueCommentEvent', 'PullRequestReviewCommentEvent', 'CommitCommentEvent']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const obj = (v: unknown): Obj | null => (isObj(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const login = (v: unknown): string | null => str(obj(v)?.login);

export type ParseResult = { ok: true; event: GhEvent } | { ok: false; reason: string } | { ok: true; event: null };

/** The repository an event belongs to, read before anything else so out-of-scope events cost nothing more. */
export function repoOf(o: Obj): { name: string; id: number | null; org: string | null; format: EventFormat } | null {
  if (typeof o.actor === 'string' || isObj(o.repository)) {
    const r = obj(o.repository);
    const owner = str(r?.owner);
    const name = str(r?.name);
    if (!r || !owner || !name) return null;
    return { name: `${owner}/${name}`, id: num(r.id), org: str(r.organization), format: 'timeline' };
  }
  const name = str(obj(o.repo)?.name);
  if (!name) return null;
  return { name, id: num(obj(o.repo)?.id), org: login(o.org), format: 'events' };
}

function parseTime(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  // RFC 3339 with Z or an offset: the Timeline format writes -07:00/-08:00 (Pacific time).
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

function text(v: unknown, max = 1024): string | null {
  if (typeof v !== 'string') return null;
  const t = v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return t === '' ? null : t.slice(0, max);
}

/** The body of whatever the event carries (comment, review, issue or pull request text). */
function bodyOf(type: string, p: Obj): string | null {
  switch (type) {
    case 'IssueCommentEvent': case 'PullRequestReviewCommentEvent': case 'CommitCommentEvent':
      return typeof obj(p.comment)?.body === 'string' ? (obj(p.comment)!.body as string) : null;
    case 'PullRequestReviewEvent': return typeof obj(p.review)?.body === 'string' ? (obj(p.review)!.body as string) : null;
    case 'IssuesEvent': return typeof obj(p.issue)?.body === 'string' ? (obj(p.issue)!.body as string) : null;
    case 'PullRequestEvent': return typeof obj(p.pull_request)?.body === 'string' ? (obj(p.pull_request)!.body as string) : null;
    default: return null;
  }
}

function pushedCommits(p: Obj, format: EventFormat): PushedCommit[] {
  const out: PushedCommit[] = [];
  if (format === 'timeline') {
    // [[sha, email, message, name, distinct], ...]
    for (const s of Array.isArray(p.shas) ? p.shas : []) {
      if (!Array.isArray(s) || typeof s[0] !== 'string') continue;
      out.push({ sha: s[0], authorEmail: typeof s[1] === 'string' ? s[1] : '', authorName: typeof s[3] === 'string' ? s[3] : '', distinct: s[4] !== false });
    }
    return out;
  }
  // At most 20 commits per push are listed (GitHub's Events API limit); `size` gives the total.
  for (const c of Array.isArray(p.commits) ? p.commits : []) {
    const co = obj(c);
    const sha = str(co?.sha);
    if (!co || !sha) continue;
    const a = obj(co.author);
    out.push({ sha, authorName: typeof a?.name === 'string' ? a.name : '', authorEmail: typeof a?.email === 'string' ? a.email : '', distinct: co.distinct !== false });
  }
  return out;
}

/** Timeline events carry no id: one is derived from what identifies the event, so a copy in another file is the same id. */
function timelineId(o: Obj, type: string, actor: string, repo: string): string {
  const h = createHash('sha1').update(`${type}\0${String(o.created_at)}\0${actor}\0${repo}\0${String(o.url ?? '')}\0${JSON.stringify(o.payload ?? null)}`);
  return `t${h.digest('hex').slice(0, 24)}`;
}

/**
 * Parses one event. `inScope` is asked with the repository first: an event outside the community returns
 * `{ ok: true, event: null }` without further checks. Required: type, actor, repository, created_at (and id in the
 * Events API format); payload fields may be null, as real archives have them.
 */
export function parseEvent(o: unknown, inScope: (repo: string, org: string | null) => boolean): ParseResult {
  if (!isObj(o)) return { ok: false, reason: 'not a JSON object' };
  const repo = repoOf(o);
  if (repo === null) {
    // FollowEvent, GistEvent and the like have no repository: never in a community's scope.
    const type = str(o.type);
    if (type && KNOWN_TYPES.has(type) && !isObj(o.repo) && !isObj(o.repository)) return { ok: true, event: null };
    return { ok: false, reason: 'missing field: repository name' };
  }
  if (!inScope(repo.name, repo.org)) return { ok: true, event: null };
  const type = str(o.type);
  if (!type) return { ok: false, reason: 'missing field: type' };
  if (!KNOWN_TYPES.has(type)) return { ok: false, reason: `unknown event type "${type.slice(0, 60)}"` };
  const actorLogin = repo.format === 'timeline' ? str(o.actor) ?? login(o.actor_attributes) : login(o.actor);
  if (!actorLogin) return { ok: false, reason: 'missing field: actor login' };
  const createdAt = parseTime(o.created_at);
  if (createdAt === null) return { ok: false, reason: `missing or unreadable created_at ${JSON.stringify(o.created_at ?? null).slice(0, 40)}` };
  let id: string;
  if (repo.format === 'events') {
    const raw = o.id;
    if (typeof raw === 'string' && raw !== '') id = raw;
    else if (typeof raw === 'number' && Number.isSafeInteger(raw)) id = String(raw);
    else return { ok: false, reason: 'missing field: id' };
  } else {
    id = timelineId(o, type, actorLogin, repo.name);
  }

  const p = obj(o.payload) ?? {};
  const pr = obj(p.pull_request);
  const issue = obj(p.issue);
  const body = bodyOf(type, p);
  const pushed = type === 'PushEvent' ? pushedCommits(p, repo.format) : [];
  const attrs = repo.format === 'timeline' ? obj(o.actor_attributes) : null;
  const actorProfile = attrs && (attrs.name || attrs.email || attrs.company || attrs.location)
    ? { name: text(attrs.name), email: text(attrs.email), company: text(attrs.company), location: text(attrs.location) }
    : null;
  return {
    ok: true,
    event: {
      id, format: repo.format, type, actorLogin,
      actorId: repo.format === 'events' ? num(obj(o.actor)?.id) : null,
      repo: repo.name, repoId: repo.id, org: repo.org, createdAt,
      action: str(p.action) ?? (repo.format === 'timeline' && TIMELINE_CREATIONS.has(type) ? 'created' : null),
      number: num(p.number) ?? num(pr?.number) ?? num(issue?.number),
      merged: type === 'PullRequestEvent' ? bool(pr?.merged) : null,
      subjectLogin: login(pr?.user) ?? login(issue?.user),
      commits: type === 'PushEvent' ? num(p.size) ?? (pushed.length > 0 ? pushed.length : null) : null,
      distinctCommits: type === 'PushEvent' ? num(p.distinct_size) : null,
      ref: str(p.ref),
      reviewState: str(obj(p.review)?.state),
      bodyLength: body === null ? null : body.length,
      bodySig: body === null ? null : bodySignature(body),
      pushed,
      actorProfile,
    },
  };
}
