// Flags and the optional census.json become one typed Config here; every default lives in this file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CensusError, ExitCode } from './errors.ts';

export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA_DIR = join(PACKAGE_DIR, 'data');
export const DEFAULT_DB = 'census.duckdb';
/** A database server or embedded-engine URL (clickhouse://, chdb://), not a file path to resolve. */
export const isServerLocation = (db: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(db);
export const CONFIG_FILE = 'census.json';
/** DuckDB's buffer pool; it spills to disk past this. 128 MB ingests and rebuilds as fast as 512 MB here, with a 420 MB peak. */
export const DEFAULT_MEMORY_LIMIT = '128MB';
/** A rebuild joins every contribution to employers and owners by date: 128 MB is not enough on the shared data, 256 MB is. */
export const DEFAULT_REBUILD_MEMORY_LIMIT = '512MB';
/** `census serve`: loopback only unless --host says otherwise; how often the dashboard looks for a newer database. */
export const DEFAULT_SERVE_HOST = '127.0.0.1';
export const DEFAULT_SERVE_PORT = 8080;
export const SNAPSHOT_POLL_MS = 1000;
/**
 * `census serve`: threads answering distinct questions at once, each with its own DuckDB instance on the copy. On 2 cores,
 * 2 answered 16 distinct country questions 15-25% sooner than 1 (the draws run in JS); SQL-bound ones gained nothing.
 */
export const SERVE_QUERY_WORKERS = 2;
/** `census fetch profiles` asks GitHub again for a login only after this many days. */
export const DEFAULT_PROFILE_TTL_DAYS = 30;

/** The community GitHub activity is kept for: orgs (kubernetes, kubernetes-sigs) and/or owner/name repos. */
export interface CommunityConfig { orgs: string[]; repos: string[] }

/** Hong Kong, Macao and Taiwan are reported apart (ISO 3166-1) unless folded into CN on request. */
export type RegionFolding = 'apart' | 'fold-into-cn';
export const FOLDED_REGIONS: Record<RegionFolding, readonly string[]> = { apart: [], 'fold-into-cn': ['HK', 'MO', 'TW'] };

export interface Config {
  db: string;
  dataDir: string;
  optOutFiles: string[];
  strictOptOut: boolean;
  includeBots: boolean;
  regions: RegionFolding;
  memoryLimit: string;
  /** DuckDB's pool while the derived tables are rebuilt (the same as memoryLimit when that was given). */
  rebuildMemoryLimit: string;
  /** ClickHouse cluster name for ON CLUSTER tables (docs/clickhouse.md); none on one server or DuckDB. */
  cluster?: string;
  /** DuckDB: open the file read-only, with its tables as they are (the server's extra query threads on a prepared copy). */
  readOnly?: boolean;
  /** `census ingest gharchive` keeps events of these orgs and repos (census.json "community", or --org/--repo). */
  community: CommunityConfig;
  profileTtlDays: number;
  debug: boolean;
}

/** What the CLI's global flags and census.json may set; all optional. */
export interface ConfigInput {
  db?: string;
  dataDir?: string;
  optOut?: string[];
  strictOptOut?: boolean;
  includeBots?: boolean;
  regions?: string;
  memoryLimit?: string;
  cluster?: string;
  community?: { orgs?: unknown; repos?: unknown };
  profileTtlDays?: number;
  debug?: boolean;
  config?: string;
}

function communityFrom(c: ConfigInput['community']): CommunityConfig {
  const list = (v: unknown, key: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      throw new CensusError(`census.json: community.${key} must be a list of names`, { hint: '"community": { "orgs": ["kubernetes"], "repos": ["owner/name"] }', exitCode: ExitCode.usage });
    }
    return v;
  };
  return { orgs: list(c?.orgs, 'orgs'), repos: list(c?.repos, 'repos') };
}

function readConfigFile(path: string): ConfigInput {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('top level must be an object');
    return parsed as ConfigInput;
  } catch (err) {
    throw new CensusError(`${path}: ${(err as Error).message}`, { hint: 'census.json holds { "db", "dataDir", "optOut", "regions", ... }', exitCode: ExitCode.usage });
  }
}

export function defaultOptOutFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'optout');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => join(dir, f)) : [];
}

export function loadConfig(flags: ConfigInput, cwd = process.cwd()): Config {
  const filePath = flags.config ?? (existsSync(join(cwd, CONFIG_FILE)) ? join(cwd, CONFIG_FILE) : null);
  const file = filePath ? readConfigFile(filePath) : {};
  const pick = <K extends keyof ConfigInput>(k: K): ConfigInput[K] => flags[k] ?? file[k];
  const dataDir = resolve(cwd, pick('dataDir') ?? DEFAULT_DATA_DIR);
  const regions = pick('regions') ?? 'apart';
  if (regions !== 'apart' && regions !== 'fold-into-cn') {
    throw new CensusError(`--regions must be "apart" or "fold-into-cn", not "${regions}"`, { exitCode: ExitCode.usage });
  }
  const optOut = pick('optOut');
  return {
    db: isServerLocation(pick('db') ?? '') ? pick('db')! : resolve(cwd, pick('db') ?? DEFAULT_DB),
    dataDir,
    optOutFiles: optOut && optOut.length > 0 ? optOut.map((f) => resolve(cwd, f)) : defaultOptOutFiles(dataDir),
    strictOptOut: pick('strictOptOut') ?? false,
    includeBots: pick('includeBots') ?? false,
    regions,
    memoryLimit: pick('memoryLimit') ?? DEFAULT_MEMORY_LIMIT,
    // An explicit --memory-limit holds for everything; by default the rebuild gets the larger pool.
    rebuildMemoryLimit: pick('memoryLimit') ?? DEFAULT_REBUILD_MEMORY_LIMIT,
    cluster: pick('cluster'),
    community: communityFrom(pick('community')),
    profileTtlDays: pick('profileTtlDays') ?? DEFAULT_PROFILE_TTL_DAYS,
    debug: pick('debug') ?? false,
  };
}
