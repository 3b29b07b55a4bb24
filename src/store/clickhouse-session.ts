// One ClickHouse session through @clickhouse/client: a server over HTTP, or embedded chDB plugged in as its connection.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ClickHouseLogLevel, createClient, type ClickHouseClient, type ClickHouseClientConfigOptions, type ClickHouseSettings } from '@clickhouse/client';
import { CensusError, ExitCode } from '../errors.ts';
import { checkName } from './clickhouse-ddl.ts';
import { decodeRows, type ColumnMeta } from './clickhouse-sql.ts';
import type { Row } from './store.ts';

/** The password never travels on the command line (shell history, `ps`): it comes from this variable. */
export const PASSWORD_ENV = 'CENSUS_CLICKHOUSE_PASSWORD';
export const DEFAULT_DATABASE = 'census';

export type ChTarget =
  | { kind: 'server'; url: string; username: string; database: string; display: string }
  | { kind: 'chdb'; path: string; database: string; display: string };

/** `clickhouse://user@host:8123/db` (`clickhouses://` for TLS), or `chdb:///path/to/dir` (`?database=name`). */
export function parseTarget(location: string, cwd = process.cwd()): ChTarget {
  const usage = (why: string) => new CensusError(`${location}: ${why}`, {
    hint: 'use clickhouse://user@host:8123/database (password in $' + PASSWORD_ENV + ') or chdb:///path/to/dir', exitCode: ExitCode.usage,
  });
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw usage('not a URL');
  }
  const named = (db: string) => {
    try {
      return checkName('database', db);
    } catch (err) {
      throw usage((err as Error).message);
    }
  };
  if (url.protocol === 'chdb:') {
    const raw = decodeURIComponent(location.slice('chdb://'.length).split('?')[0]!);
    if (raw === '') throw usage('chdb:// needs a directory, e.g. chdb:///var/lib/census or chdb://./census.chdb');
    const path = resolve(cwd, raw);
    const database = named(url.searchParams.get('database') ?? DEFAULT_DATABASE);
    return { kind: 'chdb', path, database, display: `chdb://${path}/${database}` };
  }
  if (url.password) throw usage(`a password in the URL would be visible to other users; set $${PASSWORD_ENV} instead`);
  if (!url.hostname) throw usage('no host');
  const tls = url.protocol === 'clickhouses:';
  const port = url.port || (tls ? '8443' : '8123');
  const database = named(decodeURIComponent(url.pathname.replace(/^\//, '')) || DEFAULT_DATABASE);
  const username = decodeURIComponent(url.username) || 'default';
  return {
    kind: 'server', url: `${tls ? 'https' : 'http'}://${url.hostname}:${port}`, username, database,
    display: `${url.protocol}//${username}@${url.hostname}:${port}/${database}`,
  };
}

type Connection = NonNullable<ClickHouseClientConfigOptions['connection']>;
interface ChdbConnectionModule { createChdbConnection(opts: { path: string }): Connection }
/** chDB's own streaming read (its @clickhouse/client connection hands over a whole result at once). */
interface ChdbStreaming { chdb: { queryStream(sql: string, opts: { format: string }): AsyncIterable<{ rows<T>(): T[] }> } }

async function chdbConnection(path: string): Promise<Connection> {
  // Not a package dependency (540 MB, Linux x64 only): `npm run setup:chdb` installs it.
  const specifier = 'chdb/connection';
  let mod: ChdbConnectionModule;
  try {
    mod = (await import(specifier)) as ChdbConnectionModule;
  } catch (err) {
    throw new CensusError(`embedded ClickHouse (chdb) is not available: ${(err as Error).message.split('\n')[0]}`, {
      hint: 'run `npm run setup:chdb` (Linux x64), or point --db at a ClickHouse server', exitCode: ExitCode.usage,
    });
  }
  return mod.createChdbConnection({ path });
}

/** Settings every statement runs with, so ClickHouse answers the same SQL the way DuckDB does. */
export function sessionSettings(cluster: string | undefined): ClickHouseSettings {
  return {
    final: 1, // raw tables are ReplacingMergeTree: read them de-duplicated
    join_use_nulls: 1, // an unmatched LEFT JOIN column is NULL, not '' or 0
    cast_keep_nullable: 1,
    insert_null_as_default: 0,
    union_default_mode: 'DISTINCT',
    formatdatetime_parsedatetime_m_is_month_name: 0, // %M is minutes, as in DuckDB's strftime
    use_variant_as_common_type: 0, // mixed types find a common type (or fail), never a Variant
    max_partitions_per_insert_block: '10000', // monthly partitions: a rebuild writes every month of a history at once
    output_format_json_quote_64bit_integers: 1, // exact past 2^53; decoded to numbers where safe
    input_format_null_as_default: 0, // a NULL in a NOT NULL column is an error, as in DuckDB
    lightweight_deletes_sync: '2', // a DELETE has taken effect (on every replica) when it returns
    mutations_sync: '2',
    ...(cluster ? { distributed_product_mode: 'global', insert_distributed_sync: 1 } : {}),
  };
}

/** Statements run one at a time: an HTTP session (and chDB) takes one query at a time, and order matters. */
export class ChSession {
  private queue: Promise<unknown> = Promise.resolve();
  private constructor(
    readonly target: ChTarget, private readonly client: ClickHouseClient, private readonly settings: ClickHouseSettings,
    private readonly streaming: ChdbStreaming | null,
  ) {}

  static async open(target: ChTarget, cluster: string | undefined): Promise<ChSession> {
    const settings = sessionSettings(cluster);
    // Insert rows arrive already encoded as JSONEachRow lines (clickhouse-writer.ts): sent as they are.
    const json = { parse: JSON.parse, stringify: (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)) };
    // Failures reach the caller as errors naming the .sql file; the client's own error log would repeat each one.
    const log = { level: ClickHouseLogLevel.OFF };
    const connection = target.kind === 'chdb' ? await chdbConnection(target.path) : null;
    const config: ClickHouseClientConfigOptions = target.kind === 'chdb'
      ? { connection: connection!, json, log }
      : { json, log,
        url: target.url, username: target.username, password: process.env[PASSWORD_ENV] ?? '',
        // The session keeps the current database between statements (a rebuild switches it); it ends after an hour idle.
        // Progress headers keep a long rebuild statement's connection alive through proxies.
        session_id: `census-${randomUUID()}`, request_timeout: 3_600_000,
        clickhouse_settings: { session_timeout: '3600', send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '60000' },
      };
    const session = new ChSession(target, createClient(config), settings, connection as unknown as ChdbStreaming | null);
    try {
      await session.command('SELECT 1');
    } catch (err) {
      await session.client.close();
      throw new CensusError(`cannot use ${target.display}: ${(err as Error).message.split('\n')[0]}`, {
        hint: 'census is tested on ClickHouse 26.7 (the engine chDB 3.4.0 embeds); older servers lack settings and SQL it uses',
        exitCode: ExitCode.badInput,
      });
    }
    return session;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  rows(query: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.serial(async () => {
      const rs = await this.client.query({ query, query_params: params, format: 'JSON', clickhouse_settings: this.settings });
      const body = await rs.json<Record<string, unknown>>();
      return decodeRows(body.meta as ColumnMeta[], body.data);
    });
  }

  command(query: string, params: Record<string, unknown> = {}): Promise<void> {
    return this.serial(async () => {
      await this.client.command({ query, query_params: params, clickhouse_settings: this.settings });
    });
  }

  /** One INSERT of rows already encoded as JSONEachRow lines. */
  insert(table: string, lines: readonly string[]): Promise<void> {
    return this.serial(async () => {
      await this.client.insert({ table, values: lines as string[], format: 'JSONEachRow', clickhouse_settings: this.settings });
    });
  }

  /** Rows as arrays, streamed; holds the session until done. */
  async *arrays(query: string): AsyncGenerator<unknown[][]> {
    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    const before = this.queue;
    this.queue = before.then(() => held);
    await before;
    try {
      if (this.streaming) {
        // A whole table would not fit one buffer: chDB's own stream, with the settings a read needs.
        const read = `${query} SETTINGS final = 1, output_format_json_quote_64bit_integers = 1`;
        for await (const chunk of this.streaming.chdb.queryStream(read, { format: 'JSONCompactEachRow' })) yield chunk.rows<unknown[]>();
        return;
      }
      const rs = await this.client.query({ query, format: 'JSONCompactEachRow', clickhouse_settings: this.settings });
      for await (const batch of rs.stream()) yield batch.map((r) => r.json<unknown[]>());
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    await this.queue;
    await this.client.close();
  }
}
