// ClickHouse DDL rendered from the table declarations: engines, sort keys, partitions, and the cluster layout.
import { tables, type Column, type ColumnType, type TableDecl, type TableName } from './tables.ts';

const chType: Record<ColumnType, string> = {
  string: 'String', int: 'Int32', bigint: 'Int64', double: 'Float64', bool: 'Bool',
  // Git allows dates before 1970; DateTime64 covers 1900-2299 where DateTime stops at 1970.
  timestamp: "DateTime64(0, 'UTC')", date: 'Date32', strings: 'Array(String)',
};

/** Where the tables live: a database, and with `cluster` a sharded, replicated layout (see docs/clickhouse.md). */
export interface ChLayout {
  readonly database: string;
  readonly cluster?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export function checkName(kind: string, name: string): string {
  if (!NAME.test(name)) throw new Error(`ClickHouse ${kind} name "${name}" must match ${NAME}`);
  return name;
}
export const ident = (name: string) => `\`${checkName('identifier', name)}\``;
const onCluster = (l: ChLayout) => (l.cluster ? ` ON CLUSTER ${ident(l.cluster)}` : '');
/** In cluster mode the data lives in `<table>_local` on every shard; `<table>` is the Distributed table over them. */
export const localName = (l: ChLayout, table: string) => (l.cluster ? `${table}_local` : table);

export function columnType(col: Column): string {
  const [, type, nullable] = col;
  return nullable ? `Nullable(${chType[type]})` : chType[type];
}

export function columnList(decl: TableDecl): string {
  return decl.columns.map((c) => `${ident(c[0])} ${columnType(c)}`).join(', ');
}

/**
 * Raw tables are ReplacingMergeTree on their declared key: a row written twice (a re-run after an interrupted ingest)
 * counts once, because every read runs with FINAL. Bookkeeping and derived tables are replaced whole, so plain MergeTree.
 */
function engine(decl: TableDecl, l: ChLayout): string {
  const replacing = decl.role === 'raw';
  const base = replacing ? 'ReplacingMergeTree' : 'MergeTree';
  // {uuid} keeps the replication path with the table through EXCHANGE TABLES (derived rebuilds swap tables).
  return l.cluster ? `Replicated${base}('/clickhouse/tables/{uuid}/{shard}', '{replica}')` : base;
}

function tableTail(decl: TableDecl): string {
  const nullableKey = decl.key.some((k) => decl.columns.find((c) => c[0] === k)?.[2] === 'null');
  const partition = decl.partitionByMonth ? ` PARTITION BY toYYYYMM(${ident(decl.partitionByMonth)})` : '';
  return `${partition} ORDER BY (${decl.key.map(ident).join(', ')})${nullableKey ? ' SETTINGS allow_nullable_key = 1' : ''}`;
}

/** The statements that create the table `name` declared by `decl` in `l.database`. */
export function createTable(decl: TableDecl, l: ChLayout, name: string): string[] {
  const db = ident(l.database);
  const local = `${db}.${ident(localName(l, name))}`;
  const stmts = [`CREATE TABLE IF NOT EXISTS ${local}${onCluster(l)} (${columnList(decl)}) ENGINE = ${engine(decl, l)}${tableTail(decl)}`];
  if (l.cluster) {
    // Rows of one key land on one shard (FINAL de-duplicates within a shard); a repository's rows stay together.
    const shardKey = `cityHash64(${ident(decl.key[0]!)})`;
    stmts.push(`CREATE TABLE IF NOT EXISTS ${db}.${ident(name)}${onCluster(l)} AS ${local} ` +
      `ENGINE = Distributed(${ident(l.cluster)}, ${db}, ${ident(localName(l, name))}, ${shardKey})`);
  }
  return stmts;
}

export function dropTable(l: ChLayout, name: string): string[] {
  const db = ident(l.database);
  const stmts = [`DROP TABLE IF EXISTS ${db}.${ident(localName(l, name))}${onCluster(l)} SYNC`];
  if (l.cluster) stmts.unshift(`DROP TABLE IF EXISTS ${db}.${ident(name)}${onCluster(l)} SYNC`);
  return stmts;
}

export const createDatabase = (l: ChLayout) => `CREATE DATABASE IF NOT EXISTS ${ident(l.database)}${onCluster(l)}`;
export const dropDatabase = (l: ChLayout) => `DROP DATABASE IF EXISTS ${ident(l.database)}${onCluster(l)} SYNC`;

export function truncateTable(l: ChLayout, table: string): string {
  return `TRUNCATE TABLE IF EXISTS ${ident(l.database)}.${ident(localName(l, table))}${onCluster(l)}`;
}

/** Swaps a rebuilt table in: each swap is atomic; readers of one table never see it half-built. */
export function exchangeTables(a: ChLayout, b: ChLayout, table: string): string {
  return `EXCHANGE TABLES ${ident(a.database)}.${ident(localName(a, table))} AND ${ident(b.database)}.${ident(localName(b, table))}${onCluster(a)}`;
}

/** A read-through view, so statements run in a rebuild database still see the raw tables by their plain names. */
export function createView(l: ChLayout, from: ChLayout, table: string): string {
  return `CREATE VIEW IF NOT EXISTS ${ident(l.database)}.${ident(table)} AS SELECT * FROM ${ident(from.database)}.${ident(table)}`;
}

/**
 * A staging copy of a table, private to one store by its suffix: statements name `stage_<table>`, and the store renames
 * them (stagedNames). A MergeTree table, not a session TEMPORARY one: ClickHouse refuses mutations whose subqueries read
 * temporary tables, and events.drop-stored needs one. Not replicated: only the session that made it reads it.
 */
export const stageName = (table: string, suffix: string) => `stage_${table}__${suffix}`;
export function createStage(table: TableName, l: ChLayout, suffix: string): string[] {
  const name = `${ident(l.database)}.${ident(stageName(table, suffix))}`;
  return [`DROP TABLE IF EXISTS ${name}`, `CREATE TABLE ${name} (${columnList(tables[table])}) ENGINE = MergeTree ORDER BY tuple()`];
}
export function stagedNames(sql: string, suffix: string): string {
  return sql.replace(/\bstage_([a-z_]+)\b/g, (whole, t: string) => (t in tables ? stageName(t, suffix) : whole));
}

/** A DELETE cannot run on a Distributed table: in cluster mode it is sent to the local tables of every shard. */
export function routeStatement(sql: string, l: ChLayout): string {
  if (!l.cluster) return sql;
  const m = /^((?:\s*--[^\n]*\n)*\s*)DELETE\s+FROM\s+`?([A-Za-z_]\w*)`?(?=\s)/i.exec(sql);
  if (!m) return sql;
  return `${m[1]}DELETE FROM ${ident(l.database)}.${ident(localName(l, m[2]!))}${onCluster(l)}${sql.slice(m[0].length)}`;
}
