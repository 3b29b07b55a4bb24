// Every table declared once: columns, types and sort keys; each backend renders its own DDL.

export type ColumnType = 'string' | 'int' | 'bigint' | 'double' | 'bool' | 'timestamp' | 'date' | 'strings';
export type Column = readonly [name: string, type: ColumnType, nullable?: 'null'];

export interface TableDecl {
  readonly columns: readonly Column[];
  /** Sort key: the identity of a row for ClickHouse ordering and for de-duplication. */
  readonly key: readonly string[];
  /** Raw tables are filled by ingest and kept; derived tables are rebuilt by the pipeline. */
  readonly role: 'raw' | 'derived' | 'bookkeeping';
}

export const tables = {
  // --- bookkeeping: what was read, and what could not be
  ingest_sources: {
    role: 'bookkeeping',
    key: ['source_id'],
    columns: [
      ['source_id', 'string'], ['kind', 'string'], ['location', 'string'], ['repo', 'string'],
      ['fingerprint', 'string'], ['records', 'bigint'], ['added', 'bigint'], ['bad_records', 'bigint'],
      ['bytes', 'bigint'], ['finished_at', 'timestamp'],
    ],
  },
  ingest_problems: {
    role: 'bookkeeping',
    key: ['source_id', 'line'],
    columns: [
      ['source_id', 'string'], ['file', 'string'], ['line', 'bigint'], ['byte_offset', 'bigint', 'null'],
      ['reason', 'string'], ['sample', 'string'],
    ],
  },
  // --- raw: git history
  commits: {
    role: 'raw',
    key: ['repo', 'sha'],
    columns: [
      ['repo', 'string'], ['sha', 'string'],
      ['author_name', 'string'], ['author_email', 'string'], ['author_at', 'timestamp'], ['author_tz', 'int'],
      ['committer_name', 'string'], ['committer_email', 'string'], ['committer_at', 'timestamp'], ['committer_tz', 'int'],
      ['subject', 'string'], ['files', 'int'], ['added', 'bigint'], ['deleted', 'bigint'],
    ],
  },
  commit_files: {
    role: 'raw',
    key: ['repo', 'sha', 'path'],
    columns: [
      ['repo', 'string'], ['sha', 'string'], ['path', 'string'], ['old_path', 'string', 'null'],
      ['added', 'int', 'null'], ['deleted', 'int', 'null'], ['is_binary', 'bool'],
    ],
  },
  commit_coauthors: {
    role: 'raw',
    key: ['repo', 'sha', 'ordinal'],
    columns: [['repo', 'string'], ['sha', 'string'], ['ordinal', 'int'], ['name', 'string'], ['email', 'string']],
  },
  mailmap_entries: {
    role: 'raw',
    key: ['source', 'line'],
    columns: [
      ['source', 'string'], ['line', 'int'], ['proper_name', 'string', 'null'], ['proper_email', 'string', 'null'],
      ['commit_name', 'string', 'null'], ['commit_email', 'string'],
    ],
  },
  // --- raw: imported reference about people
  gitdm_identities: {
    role: 'raw',
    key: ['login', 'email', 'source'],
    columns: [['source', 'string'], ['line', 'int'], ['login', 'string'], ['email', 'string']],
  },
  gitdm_affiliations: {
    role: 'raw',
    key: ['login', 'from_date', 'source', 'line'],
    columns: [
      ['source', 'string'], ['line', 'int'], ['login', 'string'], ['company', 'string'],
      ['from_date', 'date', 'null'], ['until_date', 'date', 'null'],
    ],
  },
  profiles: {
    role: 'raw',
    key: ['login'],
    columns: [
      ['login', 'string'], ['name', 'string', 'null'], ['email', 'string', 'null'], ['company', 'string', 'null'],
      ['location', 'string', 'null'], ['created_at', 'timestamp', 'null'], ['source', 'string'],
    ],
  },
  // --- derived: identity
  aliases: {
    role: 'derived',
    key: ['alias_id'],
    columns: [
      ['alias_id', 'string'], ['name', 'string'], ['email', 'string'], ['login', 'string', 'null'],
      ['contributions', 'bigint'], ['bot_kind', 'string', 'null'], ['bot_rule', 'string', 'null'], ['opted_out', 'bool'],
    ],
  },
  people: {
    role: 'derived',
    key: ['person_id'],
    columns: [
      ['person_id', 'string'], ['display_name', 'string'], ['logins', 'strings'], ['emails', 'strings'],
      ['names', 'strings'], ['bot_kind', 'string', 'null'], ['bot_rule', 'string', 'null'], ['opted_out', 'bool'],
    ],
  },
  alias_people: {
    role: 'derived',
    key: ['alias_id'],
    columns: [['alias_id', 'string'], ['person_id', 'string']],
  },
  identity_evidence: {
    role: 'derived',
    key: ['person_id', 'kind', 'detail'],
    columns: [['person_id', 'string'], ['kind', 'string'], ['detail', 'string']],
  },
  // --- derived: attribution
  affiliations: {
    role: 'derived',
    key: ['person_id', 'from_date'],
    columns: [
      ['person_id', 'string'], ['company', 'string'], ['from_date', 'date', 'null'], ['until_date', 'date', 'null'],
      ['source', 'string'], ['ref', 'string'],
    ],
  },
  company_owners: {
    role: 'derived',
    key: ['company', 'from_date'],
    columns: [['company', 'string'], ['owner', 'string'], ['from_date', 'date']],
  },
  email_companies: {
    role: 'derived',
    key: ['email'],
    columns: [['email', 'string'], ['company', 'string']],
  },
  locations: {
    role: 'derived',
    key: ['person_id'],
    columns: [
      ['person_id', 'string'], ['country', 'string', 'null'], ['rule', 'string'], ['matched', 'string', 'null'],
      ['location_text', 'string'], ['login', 'string'],
    ],
  },
  credits: {
    role: 'derived',
    key: ['repo', 'sha', 'person_id'],
    columns: [
      ['repo', 'string'], ['sha', 'string'], ['person_id', 'string'], ['role', 'string'],
      ['authored_at', 'timestamp'], ['tz', 'int'], ['company', 'string'], ['company_source', 'string'],
      // The company's owner at that date when it had been acquired (reported only with --roll-up-acquisitions).
      ['owner', 'string'],
    ],
  },
} as const satisfies Record<string, TableDecl>;

export type TableName = keyof typeof tables;
export const tableNames = Object.keys(tables) as TableName[];

/** Derived tables in the order the pipeline rebuilds them. */
export const derivedTables = tableNames.filter((t) => tables[t].role === 'derived');
