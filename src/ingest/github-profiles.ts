// Profiles of the accounts seen, from GitHub's REST API: rate-limit aware, cached, resumable; stored as imported profiles.
import type { Octokit } from '@octokit/rest';
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { parseProfile } from './profile-record.ts';
import { DELETED_USER } from '../activity/spec.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

/** Where fetched profiles are filed in `profiles`. */
export const API_PROFILE_SOURCE = 'github-api';
/** Profiles are written, and the run can resume, after every this many accounts. */
export const BATCH = 50;
/** Server errors and dropped connections are retried this often, waiting 2, 4, 8 s; then the account is left for the next run. */
export const RETRIES = 3;

export interface FetchEffects {
  octokit: Pick<Octokit, 'rest'>;
  sleep(ms: number): Promise<void>;
  now(): number; // epoch ms
}
export interface FetchOutcome { asked: number; stored: number; unchanged: number; notFound: number; failed: string[]; waitedMs: number }

type Headers = Record<string, string | number | undefined>;
interface HttpError { status: number; headers: Headers }
function httpError(err: unknown): HttpError | null {
  if (err === null || typeof err !== 'object' || !('status' in err) || typeof err.status !== 'number') return null;
  const response = 'response' in err && err.response && typeof err.response === 'object' ? (err.response as { headers?: Headers }) : {};
  return { status: err.status, headers: response.headers ?? {} };
}

/** How long GitHub asks us to wait: `retry-after` (secondary limits), else until `x-ratelimit-reset` when none remain. */
export function waitFor(headers: Headers, nowMs: number): number | null {
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']) * 1000;
    return Number.isFinite(reset) ? Math.max(0, reset - nowMs) + 1000 : 60_000;
  }
  return null;
}

type Result = { login: string; status: 'ok' | 'not-found' | 'unchanged'; etag: string | null; data?: unknown };

async function fetchOne(fx: FetchEffects, login: string, etag: string | null, out: FetchOutcome): Promise<Result | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fx.octokit.rest.users.getByUsername({ username: login, headers: etag ? { 'if-none-match': etag } : {} });
      const h = res.headers as Headers;
      const wait = String(h['x-ratelimit-remaining']) === '0' ? waitFor(h, fx.now()) : null;
      if (wait !== null) { out.waitedMs += wait; await fx.sleep(wait); }
      return { login, status: 'ok', etag: typeof h.etag === 'string' ? h.etag : null, data: res.data };
    } catch (err) {
      const e = httpError(err);
      if (e?.status === 304) return { login, status: 'unchanged', etag };
      if (e?.status === 404) return { login, status: 'not-found', etag: null };
      if (e?.status === 401) throw new CensusError('GitHub refused the token (401)', { hint: 'set GITHUB_TOKEN to a valid token; profiles fetched so far are kept', exitCode: ExitCode.usage });
      const wait = e && (e.status === 403 || e.status === 429) ? waitFor(e.headers, fx.now()) : null;
      if (wait !== null) { out.waitedMs += wait; await fx.sleep(wait); attempt--; continue; } // a rate limit is not a failed attempt
      if (attempt >= RETRIES) return null;
      await fx.sleep(2000 * 2 ** attempt);
    }
  }
}

async function store(ctx: Context, results: Result[], nowMs: number): Promise<number> {
  const profiles = await ctx.store.writer('profiles', 'stage');
  const fetches = await ctx.store.writer('github_fetches', 'stage');
  for (const r of results) {
    fetches.append([r.login, r.status === 'unchanged' ? 'ok' : r.status, r.etag, Math.floor(nowMs / 1000)]);
    if (r.status !== 'ok') continue;
    const p = parseProfile(r.data);
    if (typeof p === 'string' || ctx.optout.matchesAny([p.login, p.name, p.email])) continue;
    profiles.append([p.login, p.name, p.email, p.company, p.location, p.createdAt, API_PROFILE_SOURCE]);
  }
  await profiles.close();
  await fetches.close();
  await ctx.store.transaction(async () => {
    await ctx.store.run(q('profiles.forget'));
    await ctx.store.run(q('profiles.merge'));
    await ctx.store.run(q('github_fetches.forget'));
    await ctx.store.run(q('github_fetches.merge'));
  });
  return profiles.count;
}

/** Asks for every account seen whose last answer is older than the TTL, most active first; commits every BATCH. */
export async function fetchProfiles(ctx: Context, fx: FetchEffects, opts: { ttlDays: number; limit: number | null }): Promise<FetchOutcome> {
  const out: FetchOutcome = { asked: 0, stored: 0, unchanged: 0, notFound: 0, failed: [], waitedMs: 0 };
  const nowMs = fx.now();
  const freshAfter = new Date(nowMs - opts.ttlDays * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
  const due = await ctx.store.query(q('github_fetches.due'), { fresh_after: freshAfter, deleted: DELETED_USER, source: API_PROFILE_SOURCE });
  const todo = opts.limit === null ? due : due.slice(0, opts.limit);
  const bar = ctx.progress('github profiles', todo.length);
  try {
    for (let i = 0; i < todo.length; i += BATCH) {
      const results: Result[] = [];
      try {
        for (const row of todo.slice(i, i + BATCH)) {
          out.asked++;
          const r = await fetchOne(fx, String(row.login), row.etag === null ? null : String(row.etag), out);
          if (r === null) out.failed.push(String(row.login));
          else {
            results.push(r);
            if (r.status === 'unchanged') out.unchanged++;
            if (r.status === 'not-found') out.notFound++;
          }
          bar.update(out.asked);
        }
      } finally {
        // Even when the run stops on a refused token, what was answered is kept and not asked again.
        out.stored += await store(ctx, results, fx.now());
      }
    }
  } finally {
    bar.stop();
  }
  return out;
}
