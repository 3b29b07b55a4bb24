-- ClickHouse sibling of segments.sql (checked against sha256 ef49e1652b2c; src/store/clickhouse-siblings.test.ts).
-- segments.sql for ClickHouse: DuckDB's spelling rewritten by src/store/clickhouse-dialect.ts; lag() as lagInFrame over
-- a Nullable column (NULL before a person's first row, as in DuckDB); an interval as toIntervalDay; aggregates read
-- qualified columns (the alias `first_at` would shadow the column); each person's roles (a correlated
-- `list(DISTINCT ... ORDER BY ...)` in DuckDB) joined from one grouped pass over area_roles.
WITH history AS (
  SELECT cr.person_id AS person_id, cr.authored_at AS authored_at, p.opted_out AS opted_out
  FROM credits cr JOIN people p ON p.person_id = cr.person_id
  WHERE (toInt64(length($repos)) = 0 OR EXISTS (SELECT 1 FROM (SELECT arrayJoin($repos) AS pattern) AS t WHERE cr.repo LIKE t.pattern ESCAPE '\\'))
    AND ($include_bots OR p.bot_kind IS NULL)
    AND NOT ($strict_optout AND p.opted_out)
    AND ($kind IS NULL OR EXISTS (SELECT 1 FROM commit_kinds k WHERE k.repo = cr.repo AND k.sha = cr.sha AND k.kind = $kind))
),
sequenced AS (
  SELECT person_id, opted_out, authored_at,
    min(authored_at) OVER (PARTITION BY person_id) AS first_at,
    lagInFrame(toNullable(authored_at)) OVER (PARTITION BY person_id ORDER BY authored_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS previous_at
  FROM history
),
scoped AS (
  SELECT *,
    CASE $period WHEN 'year' THEN formatDateTime(authored_at, '%Y')
                 WHEN 'quarter' THEN formatDateTime(authored_at, '%Y') || '-Q' || quarter(authored_at)
                 WHEN 'month' THEN formatDateTime(authored_at, '%Y-%m')
                 ELSE 'all' END AS period
  FROM sequenced
  WHERE ($since IS NULL OR authored_at >= CAST($since AS TIMESTAMP))
    AND ($until IS NULL OR authored_at < CAST($until AS TIMESTAMP))
),
per_person AS (
  SELECT sc.period AS period, sc.person_id AS person_id, any(sc.opted_out) AS opted_out, count(*) AS contributions,
    max(toBool(sc.authored_at = sc.first_at)) AS is_new,
    max(toBool(sc.previous_at IS NOT NULL AND sc.authored_at >= sc.previous_at + toIntervalDay($gap_days))) AS is_episodic,
    min(sc.first_at) AS first_at, min(sc.authored_at) AS first_in_period, max(sc.authored_at) AS latest_in_period
  FROM scoped sc GROUP BY sc.period, sc.person_id
),
ranked AS (
  -- The onion: people by contributions, most first (ties by id, so the result is stable); "before" is what the people
  -- ahead of someone already make up.
  SELECT *,
    coalesce(sum(contributions) OVER (PARTITION BY period ORDER BY contributions DESC, person_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
    sum(contributions) OVER (PARTITION BY period) AS total
  FROM per_person
)
SELECT r.period AS period, r.person_id AS person_id, r.opted_out AS opted_out, r.contributions AS contributions, r.is_new AS is_new, r.is_episodic AS is_episodic,
  CASE WHEN r.before < $core_share * r.total THEN 'core'
       WHEN r.before < $regular_share * r.total THEN 'regular'
       ELSE 'casual' END AS tier,
  rr.roles AS roles,
  formatDateTime(r.first_at, '%Y-%m-%d') AS first_contribution,
  formatDateTime(r.latest_in_period, '%Y-%m-%d') AS latest_in_period
FROM ranked r
LEFT JOIN (SELECT ar.person_id AS person_id, arraySort(groupUniqArray(ar.role)) AS roles FROM area_roles ar
  WHERE ar.person_id IS NOT NULL GROUP BY ar.person_id) rr ON rr.person_id = r.person_id
ORDER BY r.period, r.contributions DESC, r.person_id
