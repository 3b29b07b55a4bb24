-- Segments of every contributor in scope, per period (definitions: src/segments/segments.ts, docs/segments.md).
-- First and previous contributions are looked up over the whole history of the repositories in scope, not only the window.
WITH history AS (
  SELECT cr.person_id, cr.authored_at, p.opted_out
  FROM credits cr JOIN people p ON p.person_id = cr.person_id
  WHERE (len($repos) = 0 OR EXISTS (SELECT 1 FROM unnest($repos) AS t(pattern) WHERE cr.repo LIKE t.pattern ESCAPE '\'))
    AND ($include_bots OR p.bot_kind IS NULL)
    AND NOT ($strict_optout AND p.opted_out)
    AND ($kind IS NULL OR EXISTS (SELECT 1 FROM commit_kinds k WHERE k.repo = cr.repo AND k.sha = cr.sha AND k.kind = $kind))
),
sequenced AS (
  SELECT person_id, opted_out, authored_at,
    min(authored_at) OVER (PARTITION BY person_id) AS first_at,
    lag(authored_at) OVER (PARTITION BY person_id ORDER BY authored_at) AS previous_at
  FROM history
),
scoped AS (
  SELECT *,
    CASE $period WHEN 'year' THEN strftime(authored_at, '%Y')
                 WHEN 'quarter' THEN strftime(authored_at, '%Y') || '-Q' || quarter(authored_at)
                 WHEN 'month' THEN strftime(authored_at, '%Y-%m')
                 ELSE 'all' END AS period
  FROM sequenced
  WHERE ($since IS NULL OR authored_at >= CAST($since AS TIMESTAMP))
    AND ($until IS NULL OR authored_at < CAST($until AS TIMESTAMP))
),
per_person AS (
  SELECT period, person_id, any_value(opted_out) AS opted_out, count(*) AS contributions,
    bool_or(authored_at = first_at) AS is_new,
    bool_or(previous_at IS NOT NULL AND authored_at >= previous_at + to_days(CAST($gap_days AS INTEGER))) AS is_episodic,
    min(first_at) AS first_at, min(authored_at) AS first_in_period, max(authored_at) AS latest_in_period
  FROM scoped GROUP BY period, person_id
),
ranked AS (
  -- The onion: people by contributions, most first (ties by id, so the result is stable); "before" is what the people
  -- ahead of someone already make up.
  SELECT *,
    coalesce(sum(contributions) OVER (PARTITION BY period ORDER BY contributions DESC, person_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
    sum(contributions) OVER (PARTITION BY period) AS total
  FROM per_person
)
SELECT r.period, r.person_id, r.opted_out, r.contributions, r.is_new, r.is_episodic,
  CASE WHEN r.before < $core_share * r.total THEN 'core'
       WHEN r.before < $regular_share * r.total THEN 'regular'
       ELSE 'casual' END AS tier,
  coalesce((SELECT list(DISTINCT ar.role ORDER BY ar.role) FROM area_roles ar WHERE ar.person_id = r.person_id), []) AS roles,
  strftime(r.first_at, '%Y-%m-%d') AS first_contribution,
  strftime(r.latest_in_period, '%Y-%m-%d') AS latest_in_period
FROM ranked r
ORDER BY r.period, r.contributions DESC, r.person_id
