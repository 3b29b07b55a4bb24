-- Contributors and contributions (commits authored or co-authored) by declared country, with coverage and rank.
-- Denominator: every contributor in scope, Unknown included as a row; with $known_only the located ones only (DevStats' way).
WITH scope AS (
  SELECT cr.person_id, p.opted_out,
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
labelled AS (
  SELECT s.period, s.person_id,
    CASE WHEN s.opted_out OR l.country IS NULL THEN $unknown
         WHEN list_contains($fold, l.country) THEN $fold_into
         ELSE l.country END AS label
  FROM scope s LEFT JOIN locations l ON l.person_id = s.person_id
),
grouped AS (
  SELECT period, label, count(DISTINCT person_id) AS contributors, count(*) AS contributions
  FROM labelled GROUP BY period, label
),
totals AS (
  SELECT period,
    count(DISTINCT person_id) AS all_contributors,
    count(*) AS all_contributions,
    count(DISTINCT person_id) FILTER (WHERE label <> $unknown) AS known_contributors,
    count(*) FILTER (WHERE label <> $unknown) AS known_contributions
  FROM labelled GROUP BY period
)
SELECT g.period, g.label AS country, g.contributors,
  round(100.0 * g.contributors / CASE WHEN $known_only THEN t.known_contributors ELSE t.all_contributors END, 2) AS contributors_pct,
  g.contributions,
  round(100.0 * g.contributions / CASE WHEN $known_only THEN t.known_contributions ELSE t.all_contributions END, 2) AS contributions_pct,
  rank() OVER (PARTITION BY g.period ORDER BY g.contributors DESC) AS rank,
  t.all_contributors, t.known_contributors, t.all_contributions, t.known_contributions
FROM grouped g JOIN totals t ON t.period = g.period
WHERE NOT ($known_only AND g.label = $unknown)
ORDER BY g.period, g.contributors DESC, g.contributions DESC, g.label
