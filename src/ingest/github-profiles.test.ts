// Tests for `census fetch profiles` against a fake GitHub (an injected fetch): storing, 404s, ETags, rate limits, retries, TTL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.ts';
import { openContext } from '../session.ts';
import { sqlFile } from '../store/store.ts';
import type { Context } from '../context.ts';
import { githubEffects } from '../commands/fetch-profiles.ts';
import { fetchProfiles, waitFor, type FetchEffects } from './github-profiles.ts';

const OPTOUT = fileURLToPath(new URL('../../test/fixtures/optout/forbidden-sha256.csv', import.meta.url));
const NOW = Date.UTC(2025, 0, 10) / 1000;

interface Call { login: string; ifNoneMatch: string | null }
/** A fake api.github.com: scripted answers per login, consumed in order (the last one repeats). */
function fakeGitHub(script: Record<string, { status: number; body?: unknown; headers?: Record<string, string> }[]>) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const login = decodeURIComponent(url.split('/users/')[1]!);
    const headers = new Headers(init?.headers);
    calls.push({ login, ifNoneMatch: headers.get('if-none-match') });
    const answers = script[login] ?? [{ status: 404, body: { message: 'Not Found' } }];
    const a = answers.length > 1 ? answers.shift()! : answers[0]!;
    return new Response(a.status === 304 ? null : JSON.stringify(a.body ?? {}), {
      status: a.status, headers: { 'content-type': 'application/json', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': String(NOW + 3600), ...a.headers },
    });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

async function context(logins: string[]): Promise<Context> {
  const dir = mkdtempSync(join(tmpdir(), 'census-fetch-'));
  const ctx = await openContext(loadConfig({ db: join(dir, 'c.duckdb'), optOut: [OPTOUT] }), { log: { info() {}, warn() {} } });
  const w = await ctx.store.writer('people');
  logins.forEach((l, i) => w.append([`p${i}`, l, [l], [], [], null, null, false]));
  await w.close();
  return ctx;
}

const user = (login: string, extra: Record<string, unknown> = {}) => ({ login, id: 1, name: `${login} name`, company: '@acme', location: 'Lyon, France', created_at: '2015-01-01T00:00:00Z', ...extra });
const profiles = (ctx: Context) => ctx.store.query(sqlFile(import.meta.url, 'github-profiles.test-profiles'));

test('fetches every account seen once, stores profiles, waits on rate limits, retries server errors, honours the TTL', async () => {
  const ctx = await context(['adal', 'ghopper', 'weiz', 'gone']);
  const gh = fakeGitHub({
    adal: [{ status: 200, body: user('adal'), headers: { etag: '"e1"' } }],
    ghopper: [
      { status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW + 60) } },
      { status: 200, body: user('ghopper', { location: null }) },
    ],
    weiz: [{ status: 502, body: {} }, { status: 200, body: user('weiz', { company: null }) }],
  });
  const slept: number[] = [];
  const fx: FetchEffects = { ...githubEffects('t0ken', gh.fetchImpl), sleep: async (ms) => { slept.push(ms); }, now: () => NOW * 1000 };
  try {
    const r = await fetchProfiles(ctx, fx, { ttlDays: 30, limit: null });
    assert.deepEqual([r.asked, r.stored, r.notFound, r.failed], [4, 3, 1, []]);
    assert.deepEqual(slept, [61_000, 2000]); // until the reset (+1 s), then one back-off before the retry
    assert.deepEqual((await profiles(ctx)).map((p) => [p.login, p.location, p.source]), [
      ['adal', 'Lyon, France', 'github-api'], ['ghopper', null, 'github-api'], ['weiz', 'Lyon, France', 'github-api'],
    ]);
    // Within the TTL nothing is asked again, not even the account GitHub no longer has.
    gh.calls.length = 0;
    assert.equal((await fetchProfiles(ctx, fx, { ttlDays: 30, limit: null })).asked, 0);
    assert.equal(gh.calls.length, 0);
    // Past the TTL: the ETag is sent, and "not modified" keeps the profile.
    gh.calls.length = 0;
    const later: FetchEffects = { ...fx, now: () => (NOW + 40 * 86_400) * 1000 };
    const again = await fetchProfiles(ctx, later, { ttlDays: 30, limit: 1 });
    assert.deepEqual([again.asked, again.unchanged], [1, 0]);
    assert.deepEqual(gh.calls, [{ login: 'adal', ifNoneMatch: '"e1"' }]);
  } finally {
    await ctx.store.close();
  }
});

test('a conditional request answered 304 keeps the profile; a refused token stops with a usage error', async () => {
  const ctx = await context(['adal']);
  const gh = fakeGitHub({ adal: [{ status: 200, body: user('adal'), headers: { etag: '"e1"' } }, { status: 304 }] });
  const fx: FetchEffects = { ...githubEffects('t', gh.fetchImpl), sleep: async () => {}, now: () => NOW * 1000 };
  try {
    await fetchProfiles(ctx, fx, { ttlDays: 30, limit: null });
    const r = await fetchProfiles(ctx, { ...fx, now: () => (NOW + 31 * 86_400) * 1000 }, { ttlDays: 30, limit: null });
    assert.deepEqual([r.asked, r.unchanged, r.stored], [1, 1, 0]);
    assert.equal(gh.calls.at(-1)!.ifNoneMatch, '"e1"');
    assert.equal((await profiles(ctx)).length, 1);
    const denied = fakeGitHub({ adal: [{ status: 401, body: { message: 'Bad credentials' } }] });
    const fx401: FetchEffects = { ...githubEffects('bad', denied.fetchImpl), sleep: async () => {}, now: () => (NOW + 90 * 86_400) * 1000 };
    await assert.rejects(fetchProfiles(ctx, fx401, { ttlDays: 30, limit: null }), /GitHub refused the token/);
  } finally {
    await ctx.store.close();
  }
});

test('waitFor: retry-after first, then the reset time when nothing remains', () => {
  assert.equal(waitFor({ 'retry-after': '30' }, 0), 30_000);
  assert.equal(waitFor({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '100' }, 40_000), 61_000);
  assert.equal(waitFor({ 'x-ratelimit-remaining': '12' }, 0), null);
});
