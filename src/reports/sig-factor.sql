-- Bus factor ($by_company false) or elephant factor ($by_company true) per SIG (or area) and period: the fewest people, or
-- companies, whose contributions make up more than half of the area's. The elephant factor counts only contributions with a
-- known employer other than $independent (self-employed people are not one organisation); attributed_pct says how many that is.
WITH scope AS (
  SELECT cr.repo, cr.sha, cr.person_id, p.opted_out,
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
placed AS (
  SELECT s.period, coalesce(ca.area, $no_area) AS area, s.person_id,
    CASE WHEN s.opted_out OR s.company IN ($unknown, $independent) THEN NULL ELSE s.company END AS organisation
  FROM scope s LEFT JOIN commit_areas ca ON ca.repo = s.repo AND ca.sha = s.sha
  WHERE NOT $segment_on OR (s.period || '|' || s.person_id) IN (SELECT unnest($segment_members))
),
units AS (
  SELECT period, area, CASE WHEN $by_company THEN organisation ELSE person_id END AS unit, count(*) AS n
  FROM placed WHERE NOT $by_company OR organisation IS NOT NULL
  GROUP BY ALL
),
ranked AS (
  SELECT *,
    coalesce(sum(n) OVER (PARTITION BY period, area ORDER BY n DESC, unit ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
    sum(n) OVER (PARTITION BY period, area) AS total
  FROM units
),
factors AS (
  SELECT period, area, count(*) FILTER (WHERE 2 * before <= total) AS factor, count(*) AS units,
    max(total) AS counted, round(100.0 * max(n) / max(total), 1) AS top_pct,
    first(unit ORDER BY n DESC, unit) FILTER (WHERE $by_company) AS top_unit
  FROM ranked GROUP BY period, area
),
sizes AS (
  SELECT period, area, count(DISTINCT person_id) AS contributors, count(*) AS contributions FROM placed GROUP BY period, area
)
SELECT s.period,
  CASE WHEN s.area = $no_area THEN NULL ELSE rank() OVER (PARTITION BY s.period, s.area = $no_area ORDER BY s.contributions DESC) END AS rank,
  s.area, coalesce(g.name, '') AS name, s.contributors, s.contributions,
  f.factor, f.units, f.top_pct, f.top_unit, round(100.0 * coalesce(f.counted, 0) / s.contributions, 1) AS attributed_pct
FROM sizes s
LEFT JOIN factors f ON f.period = s.period AND f.area = s.area
LEFT JOIN (SELECT area, min(name) AS name FROM area_groups GROUP BY area) g ON g.area = s.area
ORDER BY s.period, s.area = $no_area, s.contributions DESC, s.area
