// `census serve`: the local dashboard over the census database, read from a private copy so ingests never wait for it.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { DEFAULT_SERVE_HOST, DEFAULT_SERVE_PORT, SERVE_QUERY_WORKERS, SNAPSHOT_POLL_MS, isServerLocation, type Config } from '../config.ts';
import type { Logger } from '../context.ts';
import { CensusError, ExitCode } from '../errors.ts';
import { DashboardApi } from '../server/api.ts';
import { dashboardApp } from '../server/app.ts';
import { loadAssets } from '../server/assets.ts';
import { DirectSource, type DataSource } from '../server/direct.ts';
import { QueryExecutor } from '../server/executor.ts';
import { SnapshotSource } from '../server/snapshot.ts';

export interface ServeFlags { port?: string; host?: string; snapshotDir?: string }

export function servePort(v: string | undefined): number {
  if (v === undefined) return DEFAULT_SERVE_PORT;
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new CensusError(`--port must be a port number (0 picks a free one), not "${v}"`, { exitCode: ExitCode.usage });
  return Number(v);
}

const KEEP_ALIVE_MS = 65_000;


/** Starts the server and resolves once it listens; `stop()` closes it and removes the copies. */
export async function startDashboard(config: Config, flags: ServeFlags, log: Logger): Promise<{ url: string; stop(): Promise<void> }> {
  const port = servePort(flags.port);
  const host = flags.host ?? DEFAULT_SERVE_HOST;
  // Embedded ClickHouse (chDB) is one engine per process: one thread asks it.
  const executor = new QueryExecutor(config, log, /^chdb:/i.test(config.db) ? 1 : SERVE_QUERY_WORKERS);
  const api = new DashboardApi(config, executor);
  const source: DataSource = isServerLocation(config.db)
    ? new DirectSource(config, executor)
    : new SnapshotSource(config, executor, { pollMs: SNAPSHOT_POLL_MS, log, prepare: (lease) => api.warm(lease), ...(flags.snapshotDir ? { dir: flags.snapshotDir } : {}) });
  const closeAll = async () => {
    await source.close();
    await executor.stop();
  };
  try {
    await source.start();
  } catch (err) {
    await executor.stop();
    throw err;
  }
  const app = dashboardApp({ api, source, assets: loadAssets(), host, log });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  // A client that keeps its connection between two views must not meet one the server just closed (Node's default is 5 s).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(new CensusError(`cannot listen on ${host}:${port}: ${err.code ?? err.message}`, {
      hint: err.code === 'EADDRINUSE' ? 'another program uses this port: give --port' : undefined, exitCode: ExitCode.usage,
    })));
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  }).catch(async (err: unknown) => {
    await closeAll();
    throw err;
  });
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) log.warn(`listening on ${host}: the dashboard is reachable from other machines`);
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await closeAll();
    },
  };
}

/** The CLI's verb: runs until SIGINT or SIGTERM. */
export async function serve(config: Config, flags: ServeFlags, log: Logger, write: (s: string) => void): Promise<void> {
  const { url, stop } = await startDashboard(config, flags, log);
  write(`census dashboard: ${url}`);
  await new Promise<void>((resolve) => {
    const end = () => { void stop().finally(resolve); };
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
  });
}
