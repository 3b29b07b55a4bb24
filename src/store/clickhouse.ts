// The ClickHouse backend: a server (optionally a cluster) or embedded chDB, same tables and reports as DuckDB.
import { createHash, randomUUID } from 'node:crypto';
import { CensusError, ExitCode } from '../errors.ts';
import { tables, tableNames, type TableDecl, type TableName } from './tables.ts';
import {
  createDatabase, createStage, createTable, createView, dropDatabase, dropTable, exchangeTables, ident, routeStatement,
  stagedNames, stageName, truncateTable, type ChLayout,
} from './clickhouse-ddl.ts';
import { bindStatement, decodeValue } from './clickhouse-sql.ts';
import { fromDuckDB } from './clickhouse-dialect.ts';
import { ChSession, parseTarget } from './clickhouse-session.ts';
import { jsonRowsWriter } from './clickhouse-writer.ts';
import { readSql, type Params, type Row, type SqlFile, type Store, type TableWriter } from './store.ts';

const schemaDecl: TableDecl = { role: 'bookkeeping', key: ['table_name'], columns: [['table_name', 'string'], ['ddl_hash', 'string']] };

interface Rebuild { readonly layout: ChLayout; readonly replaced: Set<TableName> }

export class ClickHouseStore implements Store {
  readonly kind = 'clickhouse' as const;
  private rebuilding: Rebuild | null = null;
  /** This store's staging tables: `stage_<table>__<suffix>`, dropped at close. */
  private readonly suffix = randomUUID().replace(/-/g, '').slice(0, 12);
  private readonly stages = new Set<string>();
  private constructor(readonly location: string, private readonly session: ChSession, private readonly layout: ChLayout) {}

  static async open(location: string, opts: { cluster?: string }): Promise<ClickHouseStore> {
    const target = parseTarget(location);
    const session = await ChSession.open(target, opts.cluster);
    return new ClickHouseStore(target.display, session, { database: target.database, cluster: opts.cluster });
  }

  /** Where statements run now: the store's database, or the rebuild database while derived tables are rebuilt. */
  private get here(): ChLayout {
    return this.rebuilding?.layout ?? this.layout;
  }

  private async exec(statements: readonly string[]): Promise<void> {
    for (const s of statements) await this.session.command(s);
  }

  /** Same rules as DuckDB: a changed derived table is recreated empty (the pipeline refills it); a changed raw one is refused. */
  async init(): Promise<void> {
    await this.exec([createDatabase(this.layout), `USE ${ident(this.layout.database)}`]);
    await this.exec(createTable(schemaDecl, this.layout, 'census_schema'));
    const known = new Map((await this.session.rows('SELECT table_name, ddl_hash FROM census_schema'))
      .map((r) => [String(r.table_name), String(r.ddl_hash)]));
    const probe: ChLayout = { database: 'census', cluster: this.layout.cluster };
    const recorded: string[] = [];
    for (const t of tableNames) {
      const hash = createHash('sha256').update(createTable(tables[t], probe, t).join(';\n')).digest('hex').slice(0, 16);
      const was = known.get(t);
      if (was === hash) continue;
      if (was !== undefined) {
        if (tables[t].role !== 'derived') {
          throw new CensusError(`${this.location} was made by another version of census, or with another --cluster (table ${t} differs)`, {
            hint: 'ingest again into a new database; raw tables are not converted in place', exitCode: ExitCode.badInput,
          });
        }
        await this.exec(dropTable(this.layout, t));
        await this.session.command(routeStatement('DELETE FROM census_schema WHERE table_name = {t:String}', this.layout), { t });
      }
      await this.exec(createTable(tables[t], this.layout, t));
      recorded.push(JSON.stringify({ table_name: t, ddl_hash: hash }));
    }
    if (recorded.length > 0) await this.session.insert('census_schema', recorded);
    // Staging tables a killed process left behind (a live one's are recreated for each source, well within a day).
    const stale = await this.session.rows(`SELECT name FROM system.tables WHERE database = {db:String} AND match(name, '^stage_[a-z_]+__[0-9a-f]{12}$')
      AND metadata_modification_time < now() - INTERVAL 1 DAY`, { db: this.layout.database });
    for (const r of stale) await this.session.command(`DROP TABLE IF EXISTS ${ident(this.layout.database)}.${ident(String(r.name))}`);
  }

  private statement(file: SqlFile, params: Params | undefined): { path: string; query: string; params: Record<string, unknown> } {
    const { path, text } = readSql(file, 'clickhouse');
    let bound: ReturnType<typeof bindStatement>;
    try {
      bound = bindStatement(path.endsWith('.clickhouse.sql') ? text : fromDuckDB(text), params);
    } catch (err) {
      throw new Error(`${path}: ${(err as Error).message}`);
    }
    return { path, query: routeStatement(stagedNames(bound.query, this.suffix), this.here), params: bound.params };
  }

  async query(file: SqlFile, params?: Params): Promise<Row[]> {
    const s = this.statement(file, params);
    return named(s.path, this.session.rows(s.query, s.params));
  }

  async run(file: SqlFile, params?: Params): Promise<void> {
    const s = this.statement(file, params);
    await named(s.path, this.session.command(s.query, s.params));
  }

  async writer(table: TableName, target: 'table' | 'stage' = 'table'): Promise<TableWriter> {
    if (target === 'stage') {
      // In the database statements run in now: a rebuild's stages are dropped with the rebuild database.
      await this.exec(createStage(table, this.here, this.suffix));
      this.stages.add(`${ident(this.here.database)}.${ident(stageName(table, this.suffix))}`);
      return jsonRowsWriter(this.session, stageName(table, this.suffix), tables[table].columns);
    }
    if (this.rebuilding && tables[table].role === 'derived' && !this.rebuilding.replaced.has(table)) {
      throw new Error(`rebuild: truncate(${table}) before writing it`);
    }
    return jsonRowsWriter(this.session, table, tables[table].columns);
  }

  async truncate(table: TableName): Promise<void> {
    const r = this.rebuilding;
    if (r && tables[table].role === 'derived' && !r.replaced.has(table)) {
      // The rebuild database saw the live table through a view until now; from here on it has its own, empty one.
      await this.exec([`DROP VIEW IF EXISTS ${ident(r.layout.database)}.${ident(table)}`, ...createTable(tables[table], r.layout, table)]);
      r.replaced.add(table);
      return;
    }
    await this.session.command(truncateTable(this.here, table));
  }

  /** No transactions in ClickHouse: `fn` runs as it is; ingest is made idempotent instead (docs/clickhouse.md). */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  async rebuild<T>(fn: () => Promise<T>): Promise<T> {
    if (this.rebuilding) return fn();
    const next: ChLayout = { database: `${this.layout.database}__rebuild`, cluster: this.layout.cluster };
    await this.exec([dropDatabase(next), createDatabase(next), ...tableNames.map((t) => createView(next, this.layout, t))]);
    await this.session.command(`USE ${ident(next.database)}`);
    const r: Rebuild = { layout: next, replaced: new Set() };
    this.rebuilding = r;
    let out: T;
    try {
      out = await fn();
    } catch (err) {
      this.rebuilding = null;
      await this.exec([`USE ${ident(this.layout.database)}`, dropDatabase(next)]);
      throw err;
    }
    this.rebuilding = null;
    await this.session.command(`USE ${ident(this.layout.database)}`);
    for (const t of r.replaced) await this.session.command(exchangeTables(this.layout, next, t));
    await this.session.command(dropDatabase(next));
    return out;
  }

  async *scan(table: TableName): AsyncIterable<unknown[][]> {
    const cols = tables[table].columns;
    const select = cols.map(([n, type]) => {
      if (type === 'timestamp') return `intDiv(toUnixTimestamp64Milli(${ident(n)}), 1000)`;
      if (type === 'date') return `toString(${ident(n)})`;
      return ident(n);
    });
    for await (const rows of this.session.arrays(`SELECT ${select.join(', ')} FROM ${ident(table)}`)) {
      // 64-bit integers come quoted from ClickHouse; numbers again where they are exact.
      yield rows.map((r) => r.map((v, i) => (cols[i]![1] === 'bigint' || cols[i]![1] === 'timestamp' ? decodeValue('Int64', v) : v)));
    }
  }

  async count(table: TableName): Promise<number> {
    return Number((await this.session.rows(`SELECT count() AS n FROM ${ident(table)}`))[0]!.n);
  }

  async close(): Promise<void> {
    for (const t of this.stages) await this.session.command(`DROP TABLE IF EXISTS ${t}`);
    await this.session.close();
  }
}

/** A failing statement names its .sql file: the first thing to look at when a query does not run on ClickHouse. */
async function named<T>(path: string, p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    // ClickHouse repeats the whole statement after "In scope"; the file name says which one.
    const msg = (err as Error).message.replace(/ In scope [\s\S]*?(?=Maybe you meant|$)/, ' ');
    throw new Error(`${path}: ${msg.trim()}`, { cause: err });
  }
}
