// The embedded default: one DuckDB file, one writer; BIGINTs come back as numbers.
import { createHash } from 'node:crypto';
import { DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBValue, type DuckDBType } from '@duckdb/node-api';
import { CensusError, ExitCode } from '../errors.ts';
import { tables, tableNames, type ColumnType, type TableName } from './tables.ts';
import { appenderWriter } from './duckdb-writer.ts';
import { readSql, type Params, type Row, type SqlFile, type Store, type TableWriter } from './store.ts';

const duckType: Record<ColumnType, string> = {
  string: 'VARCHAR', int: 'INTEGER', bigint: 'BIGINT', double: 'DOUBLE', bool: 'BOOLEAN',
  timestamp: 'TIMESTAMP', date: 'DATE', strings: 'VARCHAR[]',
};

export function duckdbDdl(table: TableName, name: string = table, temp = false): string {
  const cols = tables[table].columns.map(([n, t, nul]) => `"${n}" ${duckType[t]}${nul ? '' : ' NOT NULL'}`);
  return `CREATE ${temp ? 'TEMP ' : ''}TABLE IF NOT EXISTS "${name}" (${cols.join(', ')})`;
}

const loadSql = (file: SqlFile) => readSql(file, 'duckdb').text;

/** Binds the parameters the statement names (`$name`); callers may pass a shared superset. */
function bindValues(sql: string, params: Params | undefined): { values: Record<string, DuckDBValue>; types: Record<string, DuckDBType> } {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  const used = new Set([...sql.matchAll(/\$([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]!));
  for (const [k, v] of Object.entries(params ?? {})) {
    if (!used.has(k)) continue;
    if (Array.isArray(v)) {
      values[k] = listValue(v as string[]);
      types[k] = LIST(VARCHAR);
    } else {
      values[k] = v as DuckDBValue;
    }
  }
  return { values, types };
}

/** DuckDB hands back BIGINT as BigInt: turn it into a number where exact, a string otherwise. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

/** A value read back in the shape a writer takes: timestamps in epoch seconds, dates as YYYY-MM-DD. */
function writerShape(type: ColumnType, v: unknown): unknown {
  if (v instanceof Date) return type === 'date' ? v.toISOString().slice(0, 10) : v.getTime() / 1000;
  return plain(v);
}

export const MEMORY_SIZE = /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

export class DuckDBStore implements Store {
  readonly kind = 'duckdb' as const;
  private constructor(
    readonly location: string, private readonly instance: DuckDBInstance, private readonly conn: DuckDBConnection, private readonly readOnly: boolean,
  ) {}

  static async open(path: string, memoryLimit: string, readOnly = false): Promise<DuckDBStore> {
    try {
      // Checkpoint once at close rather than every 16 MB of WAL: a third less ingest time on a large batch.
      // Insertion order is not kept (every query that needs an order says ORDER BY): large INSERT ... SELECT can then
      // spill to disk instead of failing at the memory limit.
      const instance = await DuckDBInstance.create(path, {
        memory_limit: memoryLimit, checkpoint_threshold: '1GB', preserve_insertion_order: 'false', ...(readOnly ? { access_mode: 'READ_ONLY' } : {}),
      });
      return new DuckDBStore(path, instance, await instance.connect(), readOnly);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (/lock/i.test(msg)) {
        throw new CensusError(`${path} is in use by another census process`, {
          hint: 'DuckDB allows one writer per file: wait for the other command to finish, or use another --db',
          exitCode: ExitCode.busy,
        });
      }
      throw new CensusError(`cannot open ${path}: ${msg}`, { exitCode: ExitCode.badInput });
    }
  }

  /**
   * Creates missing tables. A derived table whose declaration changed is dropped and recreated (the pipeline rebuilds it);
   * a raw table that changed cannot be converted in place, and says so.
   */
  async init(): Promise<void> {
    if (this.readOnly) return;
    await this.conn.run('CREATE TABLE IF NOT EXISTS census_schema (table_name VARCHAR NOT NULL, ddl_hash VARCHAR NOT NULL)');
    const known = new Map((await this.conn.runAndReadAll('SELECT table_name, ddl_hash FROM census_schema')).getRowObjectsJS()
      .map((r) => [String(r.table_name), String(r.ddl_hash)]));
    for (const t of tableNames) {
      const ddl = duckdbDdl(t);
      const hash = createHash('sha256').update(ddl).digest('hex').slice(0, 16);
      const was = known.get(t);
      if (was === hash) continue;
      if (was !== undefined) {
        if (tables[t].role !== 'derived') {
          throw new CensusError(`${this.location} was made by another version of census (table ${t} differs)`, {
            hint: 'ingest again into a new --db; raw tables are not converted in place', exitCode: ExitCode.badInput,
          });
        }
        await this.conn.run(`DROP TABLE IF EXISTS "${t}"`);
      }
      await this.conn.run(ddl);
      await this.conn.run('DELETE FROM census_schema WHERE table_name = $t', { t });
      await this.conn.run('INSERT INTO census_schema VALUES ($t, $h)', { t, h: hash });
    }
  }

  async query(file: SqlFile, params?: Params): Promise<Row[]> {
    const sql = loadSql(file);
    const { values, types } = bindValues(sql, params);
    const reader = await this.conn.runAndReadAll(sql, values, types);
    return reader.getRowObjectsJS().map((r) => plain(r) as Row);
  }

  async run(file: SqlFile, params?: Params): Promise<void> {
    const sql = loadSql(file);
    const { values, types } = bindValues(sql, params);
    await this.conn.run(sql, values, types);
  }

  async writer(table: TableName, target: 'table' | 'stage' = 'table'): Promise<TableWriter> {
    if (target === 'stage') {
      await this.conn.run(`DROP TABLE IF EXISTS temp.main."stage_${table}"`);
      await this.conn.run(duckdbDdl(table, `stage_${table}`, true));
      return appenderWriter(await this.conn.createAppender(`stage_${table}`, 'main', 'temp'), tables[table].columns);
    }
    return appenderWriter(await this.conn.createAppender(table), tables[table].columns);
  }

  async truncate(table: TableName): Promise<void> {
    await this.conn.run(`DELETE FROM "${table}"`);
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.conn.run('BEGIN TRANSACTION');
    try {
      const out = await fn();
      await this.conn.run('COMMIT');
      return out;
    } catch (err) {
      await this.conn.run('ROLLBACK');
      throw err;
    }
  }

  async setMemoryLimit(size: string): Promise<void> {
    // SET takes no bound parameter: the size is checked against a closed pattern before it is written into the statement.
    if (!MEMORY_SIZE.test(size)) throw new CensusError(`memory limit "${size}" is not a size such as 512MB`, { exitCode: ExitCode.usage });
    await this.conn.run(`SET memory_limit = '${size}'`);
  }

  async rebuild<T>(fn: () => Promise<T>): Promise<T> {
    return this.transaction(fn);
  }

  async *scan(table: TableName): AsyncIterable<unknown[][]> {
    const types = tables[table].columns.map((c) => c[1]);
    const result = await this.conn.stream(`SELECT ${tables[table].columns.map((c) => `"${c[0]}"`).join(', ')} FROM "${table}"`);
    for await (const rows of result.yieldRowsJs()) yield rows.map((r) => r.map((v, i) => writerShape(types[i]!, v)));
  }

  async count(table: TableName): Promise<number> {
    const reader = await this.conn.runAndReadAll(`SELECT count(*) AS n FROM "${table}"`);
    return Number(reader.getRowObjectsJS()[0]!.n);
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
