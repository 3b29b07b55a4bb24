-- Contributors and contributions per kind of work (data/work-kinds.yaml) and period. A commit with several kinds of work
-- counts for each, so rows add up to more than the total; a commit that changed no file has no kind.
WITH scope AS (
  SELECT cr.repo, cr.sha, cr.person_id,
    CASE $period WHEN 'year' THEN strftime(cr.authored_at, '%Y')
                 WHEN 'quarter' THEN strftime(cr.authored_at, '%Y') || '-Q' || quarter(cr.authored_at)
                 WHEN 'month' THEN strftime(cr.authored_at, '%Y-%m')
                 ELSE 'all' END AS period
  FROM credits cr JOIN people p ON p.person_id = cr.person_id
  WHERE ($since IS NULL OR cr.authored_at >= CAST($since AS TIMESTAMP))
    AND ($until IS NULL OR cr.authored_at < CAST($until AS TIMESTAMP))
    AND (len($repos) = 0 OR EXISTS (SELECT 1 FROM unnest($repos) AS t(pattern) WHERE cr.repo LIKE t.pattern ESCAPE '\'))
    AND ($include_bots OR p.bot_kind IS NULL)
    AND NOT ($strict_optout AND p.opted_out)
),
filtered AS (
  SELECT * FROM scope WHERE NOT $segment_on OR (period || '|' || person_id) IN (SELECT unnest($segment_members))
),
totals AS (SELECT period, count(DISTINCT person_id) AS all_contributors, count(*) AS all_contributions FROM filtered GROUP BY period)
SELECT f.period, rank() OVER (PARTITION BY f.period ORDER BY count(*) DESC) AS rank, k.kind,
  count(DISTINCT f.person_id) AS contributors, round(100.0 * count(DISTINCT f.person_id) / any_value(t.all_contributors), 2) AS contributors_pct,
  count(*) AS contributions, round(100.0 * count(*) / any_value(t.all_contributions), 2) AS contributions_pct,
  sum(k.files) AS files
FROM filtered f JOIN commit_kinds k ON k.repo = f.repo AND k.sha = f.sha
JOIN totals t ON t.period = f.period
WHERE $kind IS NULL OR k.kind = $kind
GROUP BY f.period, k.kind
ORDER BY f.period, contributions DESC, k.kind
