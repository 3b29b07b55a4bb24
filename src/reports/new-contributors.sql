-- New contributors per period (members of the `new` segment, $new_members: first contribution to the repositories in scope
-- falls in the period), by employer at their first contribution of the period and by declared country, with coverage.
WITH scope AS (
  SELECT cr.person_id, cr.authored_at, p.opted_out,
    CASE WHEN $roll_up THEN cr.owner ELSE cr.company END AS company,
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
    AND ($kind IS NULL OR EXISTS (SELECT 1 FROM commit_kinds k WHERE k.repo = cr.repo AND k.sha = cr.sha AND k.kind = $kind))
),
everyone AS (SELECT period, count(DISTINCT person_id) AS all_contributors FROM scope GROUP BY period),
newcomers AS (
  SELECT period, person_id, any_value(opted_out) AS opted_out, arg_min(company, authored_at) AS company, count(*) AS contributions
  FROM scope
  WHERE (period || '|' || person_id) IN (SELECT unnest($new_members))
    AND (NOT $segment_on OR (period || '|' || person_id) IN (SELECT unnest($segment_members)))
  GROUP BY period, person_id
),
labelled AS (
  SELECT n.period, n.person_id, n.contributions, 'company' AS dimension,
    CASE WHEN n.opted_out THEN $unknown ELSE n.company END AS label
  FROM newcomers n
  UNION ALL
  SELECT n.period, n.person_id, n.contributions, 'country' AS dimension,
    CASE WHEN n.opted_out OR l.country IS NULL THEN $unknown WHEN list_contains($fold, l.country) THEN $fold_into ELSE l.country END
  FROM newcomers n LEFT JOIN locations l ON l.person_id = n.person_id
),
grouped AS (
  SELECT period, dimension, label, count(*) AS new_contributors, sum(contributions) AS contributions FROM labelled GROUP BY ALL
),
totals AS (
  SELECT period, dimension, count(*) AS all_new, count(*) FILTER (WHERE label <> $unknown) AS known_new,
    sum(contributions) AS all_contributions, coalesce(sum(contributions) FILTER (WHERE label <> $unknown), 0) AS known_contributions
  FROM labelled GROUP BY period, dimension
)
SELECT g.period, g.dimension, rank() OVER (PARTITION BY g.period, g.dimension ORDER BY g.new_contributors DESC) AS rank,
  g.label, g.new_contributors,
  round(100.0 * g.new_contributors / CASE WHEN $known_only THEN t.known_new ELSE t.all_new END, 2) AS new_contributors_pct,
  g.contributions, t.all_new, t.known_new, t.all_contributions, t.known_contributions, e.all_contributors
FROM grouped g JOIN totals t ON t.period = g.period AND t.dimension = g.dimension
JOIN everyone e ON e.period = g.period
WHERE NOT ($known_only AND g.label = $unknown)
ORDER BY g.period, g.dimension, g.new_contributors DESC, g.contributions DESC, g.label
