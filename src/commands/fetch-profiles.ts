// `census fetch profiles`: the GitHub token from the environment, a real Octokit, and the counts said plainly.
import { Octokit } from '@octokit/rest';
import type { Context } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { fetchProfiles as fetchAll, type FetchEffects, type FetchOutcome } from '../ingest/github-profiles.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function positive(flag: string, v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new CensusError(`${flag} must be a whole number, not "${v}"`, { exitCode: ExitCode.usage });
  return n;
}

/** `fetch` is injected by tests (a fake GitHub); the command uses the global one. */
export function githubEffects(token: string, fetchImpl: typeof fetch = fetch): FetchEffects {
  return {
    octokit: new Octokit({ auth: token, userAgent: 'oss-census', log: quiet, request: { fetch: fetchImpl } }),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    now: () => Date.now(),
  };
}

export async function fetchProfiles(ctx: Context, o: { limit?: string; ttlDays?: string }, effects?: FetchEffects): Promise<FetchOutcome> {
  const token = process.env.GITHUB_TOKEN;
  if (!effects && !token) {
    throw new CensusError('GITHUB_TOKEN is not set', { hint: 'create a token with no scopes (public data only) and export GITHUB_TOKEN=...', exitCode: ExitCode.usage });
  }
  const ttlDays = positive('--ttl-days', o.ttlDays) ?? ctx.config.profileTtlDays;
  const r = await fetchAll(ctx, effects ?? githubEffects(token!), { ttlDays, limit: positive('--limit', o.limit) });
  const waited = r.waitedMs > 0 ? `; waited ${Math.round(r.waitedMs / 1000)} s for GitHub's rate limit` : '';
  ctx.log.info(`${r.asked} accounts asked: ${r.stored} profiles stored, ${r.unchanged} unchanged, ${r.notFound} no longer on GitHub${waited}`);
  if (r.failed.length > 0) ctx.log.warn(`${r.failed.length} accounts could not be fetched (asked again next run): ${r.failed.slice(0, 10).join(', ')}`);
  return r;
}
