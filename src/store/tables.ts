// Every table declared once: columns, types and sort keys; each backend renders its own DDL.

export type ColumnType = 'string' | 'int' | 'bigint' | 'double' | 'bool' | 'timestamp' | 'date' | 'strings';
export type Column = readonly [name: string, type: ColumnType, nullable?: 'null'];

export interface TableDecl {
  readonly columns: readonly Column[];
  /** Sort key: the identity of a row for ClickHouse ordering and for de-duplication. */
  readonly key: readonly string[];
  /** Raw tables are filled by ingest and kept; derived tables are rebuilt by the pipeline. */
  readonly role: 'raw' | 'derived' | 'bookkeeping';
  /** An event table's timestamp column: ClickHouse partitions the table by its month (DuckDB ignores it). */
  readonly partitionByMonth?: string;
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
  gharchive_hours: {
    role: 'bookkeeping',
    key: ['hour'],
    // events: every event in the file (the volume completeness is judged on); in_scope: the community's; stored: new ones.
    columns: [
      ['hour', 'timestamp'], ['label', 'string'], ['file', 'string'], ['events', 'bigint'], ['in_scope', 'bigint'],
      ['stored', 'bigint'], ['bad_lines', 'bigint'], ['bytes', 'bigint'], ['scope', 'string'], ['read_at', 'timestamp'],
    ],
  },
  github_fetches: {
    role: 'bookkeeping',
    key: ['login'],
    // status: ok | not-found; a login fetched within the TTL is not asked for again.
    columns: [['login', 'string'], ['status', 'string'], ['etag', 'string', 'null'], ['fetched_at', 'timestamp']],
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
    // One entry (line) can list two employers without dates: the company is part of a row's identity.
    key: ['login', 'from_date', 'source', 'line', 'company'],
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
  // --- raw: GitHub activity from GH Archive (src/ingest/gharchive.ts); one row per event, stored once by id
  events: {
    role: 'raw',
    key: ['id'],
    partitionByMonth: 'created_at',
    columns: [
      ['id', 'string'], ['type', 'string'], ['actor_login', 'string'], ['actor_id', 'bigint', 'null'],
      ['repo', 'string'], ['repo_id', 'bigint', 'null'], ['org', 'string', 'null'], ['created_at', 'timestamp'],
      ['action', 'string', 'null'], ['number', 'int', 'null'], ['merged', 'bool', 'null'], ['subject_login', 'string', 'null'],
      ['commits', 'int', 'null'], ['distinct_commits', 'int', 'null'], ['ref', 'string', 'null'], ['review_state', 'string', 'null'],
      // body_sig: a hash of the normalised text of long comments (src/activity/body-signature.ts); the text is not kept.
      ['body_length', 'int', 'null'], ['body_sig', 'string', 'null'], ['format', 'string'], ['hour', 'timestamp'],
    ],
  },
  event_commits: {
    role: 'raw',
    key: ['event_id', 'sha'],
    partitionByMonth: 'created_at',
    columns: [
      ['event_id', 'string'], ['repo', 'string'], ['sha', 'string'], ['author_name', 'string'], ['author_email', 'string'],
      ['is_distinct', 'bool'], ['created_at', 'timestamp'],
    ],
  },
  // --- derived: identity
  aliases: {
    role: 'derived',
    key: ['alias_id'],
    columns: [
      ['alias_id', 'string'], ['name', 'string'], ['email', 'string'], ['login', 'string', 'null'],
      ['contributions', 'bigint'], ['bot_kind', 'string', 'null'], ['bot_rule', 'string', 'null'], ['opted_out', 'bool'],
      // origin: git (a name + e-mail from commits or pushed commits) | github (an account seen in GitHub activity)
      ['origin', 'string'],
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
  country_evidence: {
    role: 'derived',
    key: ['person_id', 'kind', 'key'],
    columns: [
      // kind: declared | clock | mail. key: the country (declared, mail) or offset|season (clock).
      ['person_id', 'string'], ['kind', 'string'], ['key', 'string'], ['weight', 'double'],
      ['detail', 'string'], ['source', 'string'],
    ],
  },
  country_probabilities: {
    role: 'derived',
    key: ['person_id', 'country'],
    columns: [['person_id', 'string'], ['country', 'string'], ['p', 'double']],
  },
  country_model: {
    role: 'derived',
    key: ['name'],
    columns: [['name', 'string'], ['value', 'string']],
  },
  country_vectors: {
    // Per person with country evidence: its kinds as bits (1 declared, 2 clock, 4 mail), and country_probabilities as
    // one distribution (JSON [[country, p], ...]), the same id for the same distribution (src/stages/country_vectors.ts).
    role: 'derived',
    key: ['person_id'],
    columns: [['person_id', 'string'], ['evidence', 'int'], ['vector_id', 'int', 'null'], ['distribution', 'string', 'null']],
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
  // --- derived: GitHub activity (the counting spec: data/contribution-spec.yaml)
  activity_bots: {
    role: 'derived',
    key: ['login'],
    // confidence: confirmed (data/bots.yaml) | suspected (behaviour: src/activity/automation.ts)
    columns: [['login', 'string'], ['kind', 'string'], ['confidence', 'string'], ['rule', 'string']],
  },
  contribution_rules: {
    role: 'derived',
    key: ['ordinal'],
    // The kind rules of the counting spec in force at the last rebuild, first match wins (data/contribution-spec.yaml).
    columns: [
      ['ordinal', 'int'], ['kind', 'string'], ['type', 'string'], ['actions', 'strings'], ['merged', 'bool', 'null'], ['credit', 'string'],
    ],
  },
  contribution_items: {
    role: 'derived',
    key: ['item', 'kind', 'login'],
    // The steps of stage contribution_credits before employers are known: counted events, pushes (kind push), commits.
    columns: [
      ['item', 'string'], ['kind', 'string'], ['repo', 'string'], ['happened_at', 'timestamp'], ['person_id', 'string', 'null'],
      ['login', 'string'], ['email', 'string', 'null'], ['git_company', 'string', 'null'], ['git_source', 'string', 'null'],
      ['git_owner', 'string', 'null'],
    ],
  },
  contribution_credits: {
    role: 'derived',
    key: ['item', 'kind', 'login'],
    partitionByMonth: 'happened_at',
    // One row per (contribution, person credited). item: an event id, or repo@sha for a commit. person_id is null
    // for deleted accounts (GitHub's "ghost"): counted as contributions, never as a contributor.
    columns: [
      ['item', 'string'], ['kind', 'string'], ['repo', 'string'], ['happened_at', 'timestamp'], ['person_id', 'string', 'null'],
      ['login', 'string'], ['company', 'string'], ['company_source', 'string'], ['owner', 'string'],
    ],
  },
  // --- raw: areas (SIGs, working groups, committees, or a community's own areas; docs/areas.md)
  area_groups: {
    role: 'raw',
    key: ['source', 'area'],
    // kind: sig | wg | committee | ug | area. label: what OWNERS files write (sig/node), '' when none.
    columns: [['source', 'string'], ['area', 'string'], ['kind', 'string'], ['name', 'string'], ['label', 'string']],
  },
  area_paths: {
    role: 'raw',
    key: ['source', 'repo', 'dir', 'area', 'subproject'],
    // dir '' is the whole repository. origin says which rule put it there.
    columns: [
      ['source', 'string'], ['area', 'string'], ['subproject', 'string'], ['repo', 'string'], ['dir', 'string'], ['origin', 'string'],
    ],
  },
  area_leads: {
    role: 'raw',
    key: ['source', 'area', 'subproject', 'login', 'role'],
    columns: [
      ['source', 'string'], ['area', 'string'], ['subproject', 'string'], ['login', 'string'], ['role', 'string'],
      ['name', 'string', 'null'], ['company', 'string', 'null'],
    ],
  },
  owners_files: {
    role: 'raw',
    key: ['repo', 'dir'],
    // Logins with OWNERS_ALIASES expanded; labels as written (sig/node, area/foo).
    columns: [
      ['source', 'string'], ['repo', 'string'], ['dir', 'string'], ['labels', 'strings'], ['approvers', 'strings'], ['reviewers', 'strings'],
    ],
  },
  // --- derived: the community lens
  area_dirs: {
    role: 'derived',
    key: ['repo', 'dir', 'area', 'subproject'],
    columns: [['repo', 'string'], ['dir', 'string'], ['area', 'string'], ['subproject', 'string'], ['origin', 'string']],
  },
  commit_areas: {
    role: 'derived',
    key: ['repo', 'sha', 'area'],
    columns: [['repo', 'string'], ['sha', 'string'], ['area', 'string']],
  },
  commit_kinds: {
    role: 'derived',
    key: ['repo', 'sha', 'kind'],
    columns: [['repo', 'string'], ['sha', 'string'], ['kind', 'string'], ['files', 'int']],
  },
  area_roles: {
    role: 'derived',
    key: ['login', 'area', 'role'],
    // area '' when the OWNERS directory is in no area; place: the OWNERS directory or the sigs.yaml entry.
    columns: [
      ['login', 'string'], ['person_id', 'string', 'null'], ['area', 'string'], ['role', 'string'], ['place', 'string'],
    ],
  },
} as const satisfies Record<string, TableDecl>;

export type TableName = keyof typeof tables;
export const tableNames = Object.keys(tables) as TableName[];

/** Derived tables in the order the pipeline rebuilds them. */
export const derivedTables = tableNames.filter((t) => tables[t].role === 'derived');
