// The HTTP surface of `census serve`: GET only, loopback names only, JSON answers from the API, the page's files
// from a fixed table; a CensusError becomes a 4xx/5xx with its message, anything else a 500 that says little.
import { Hono, type Context as HonoContext } from 'hono';
import { CensusError, ExitCode } from '../errors.ts';
import type { Logger } from '../context.ts';
import type { DashboardApi } from './api.ts';
import type { DataSource } from './direct.ts';
import type { Asset } from './assets.ts';
import type { Answer } from './answer.ts';

export interface AppDeps {
  api: DashboardApi;
  source: DataSource;
  assets: Map<string, Asset>;
  /** The host the server listens on; requests naming another host are refused (DNS rebinding) unless it is a wildcard. */
  host: string;
  log: Logger;
}

const httpStatus: Partial<Record<ExitCode, 400 | 404 | 503>> = {
  [ExitCode.usage]: 400, [ExitCode.badInput]: 400, [ExitCode.notFound]: 404, [ExitCode.busy]: 503,
};

const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const wildcard = new Set(['0.0.0.0', '::', '[::]']);

type Status = 200 | 400 | 403 | 404 | 405 | 500 | 503;
const acceptsGzip = (c: HonoContext) => /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');

/** Bytes as they are, or their gzip (made once per answer) for a client that asks for it. */
function send(c: HonoContext, type: string, body: { bytes: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer>; worthZipping: boolean }, status: Status, cache: string) {
  const zip = body.worthZipping && acceptsGzip(c);
  return c.body(zip ? body.gzip : body.bytes, status, {
    'content-type': type, 'cache-control': cache, vary: 'accept-encoding', ...(zip ? { 'content-encoding': 'gzip' } : {}),
  });
}
const JSON_TYPE = 'application/json; charset=utf-8';
const answer = (c: HonoContext, a: Answer) => send(c, JSON_TYPE, a, 200, 'no-store');
const json = (c: HonoContext, text: string, status: Status) =>
  c.body(text, status, { 'content-type': JSON_TYPE, 'cache-control': 'no-store' });

const searchOf = (c: HonoContext) => {
  const url = c.req.url;
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
};

export function dashboardApp(deps: AppDeps): Hono {
  const { api, source, assets } = deps;
  const app = new Hono();

  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return json(c, JSON.stringify({ error: `${c.req.method} is not served here; the dashboard is read-only` }), 405);
    }
    const hostname = (c.req.header('host') ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!wildcard.has(deps.host) && hostname !== deps.host.toLowerCase() && !loopbackNames.has(hostname)) {
      return json(c, JSON.stringify({ error: `requests must name this server (${deps.host}), not "${hostname.slice(0, 60)}"` }), 403);
    }
    await next();
    c.header('content-security-policy', CSP);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
  });

  app.get('/api/reports', (c) => answer(c, api.reports()));
  app.get('/api/reports/:name', async (c) => answer(c, await source.use((l) => api.report(l, c.req.param('name'), searchOf(c)))));
  app.get('/api/views/sigs', async (c) => answer(c, await source.use((l) => api.sigs(l, searchOf(c)))));
  app.get('/api/meta', async (c) => answer(c, await source.use((l) => api.meta(l))));
  app.get('/api/people', async (c) => answer(c, await source.use((l) => api.people(l, searchOf(c)))));
  app.get('/api/people/:id', async (c) => answer(c, await source.use((l) => api.person(l, c.req.param('id')))));
  app.get('/api/status', async (c) => answer(c, await source.use((l) => api.status(l, source.state()))));
  app.get('/api/*', (c) => json(c, JSON.stringify({ error: `no such API: ${c.req.path.slice(0, 80)}`, hint: 'GET /api/reports names the reports' }), 404));

  app.get('*', (c) => {
    const asset = assets.get(c.req.path);
    if (!asset) return c.text('not found', 404);
    return send(c, asset.type, asset, 200, 'no-cache');
  });

  app.onError((err, c) => {
    if (err instanceof CensusError) {
      const status = httpStatus[err.exitCode] ?? 500;
      return json(c, JSON.stringify({ error: err.message, ...(err.hint ? { hint: err.hint } : {}) }), status);
    }
    deps.log.warn(`internal error on ${c.req.path}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return json(c, JSON.stringify({ error: 'internal error (the server log has the details)' }), 500);
  });
  return app;
}
