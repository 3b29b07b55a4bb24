-- Per SIG (or area) and period: contributors, contributions, and the companies and declared countries behind them, with coverage.
-- A commit that touched several areas counts in each, so area rows add up to more than the totals; $no_area holds the
-- contributions whose changed paths no imported OWNERS directory or area covers.
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
filtered AS (
  SELECT * FROM scope WHERE NOT $segment_on OR (period || '|' || person_id) IN (SELECT unnest($segment_members))
),
placed AS (
  SELECT f.period, f.person_id, coalesce(ca.area, $no_area) AS area, ca.area IS NOT NULL AS mapped,
    CASE WHEN f.opted_out THEN NULL WHEN f.company = $unknown THEN NULL ELSE f.company END AS company,
    CASE WHEN f.opted_out OR l.country IS NULL THEN NULL WHEN list_contains($fold, l.country) THEN $fold_into ELSE l.country END AS country,
    f.repo || ':' || f.sha || ':' || f.person_id AS credit
  FROM filtered f
  LEFT JOIN commit_areas ca ON ca.repo = f.repo AND ca.sha = f.sha
  LEFT JOIN locations l ON l.person_id = f.person_id
),
per_area AS (
  SELECT period, area,
    count(DISTINCT person_id) AS contributors,
    count(*) AS contributions,
    count(DISTINCT company) AS companies,
    count(DISTINCT person_id) FILTER (WHERE company IS NOT NULL) AS company_known,
    count(DISTINCT country) AS countries,
    count(DISTINCT person_id) FILTER (WHERE country IS NOT NULL) AS country_known
  FROM placed GROUP BY period, area
),
top_company AS (
  SELECT period, area, first(company ORDER BY n DESC, company) AS top_company, max(n) AS top_n
  FROM (SELECT period, area, company, count(*) AS n FROM placed WHERE company IS NOT NULL GROUP BY ALL)
  GROUP BY period, area
),
totals AS (
  SELECT period, count(DISTINCT person_id) AS all_contributors, count(DISTINCT credit) AS all_contributions,
    count(DISTINCT credit) FILTER (WHERE mapped) AS mapped_contributions
  FROM placed GROUP BY period
)
SELECT a.period,
  CASE WHEN a.area = $no_area THEN NULL ELSE rank() OVER (PARTITION BY a.period, a.area = $no_area ORDER BY a.contributors DESC) END AS rank,
  a.area, coalesce(g.name, '') AS name, coalesce(g.kind, '') AS area_kind,
  a.contributors, a.contributions,
  a.companies, round(100.0 * a.company_known / a.contributors, 1) AS company_coverage_pct,
  tc.top_company, round(100.0 * tc.top_n / a.contributions, 1) AS top_company_pct,
  a.countries, round(100.0 * a.country_known / a.contributors, 1) AS country_coverage_pct,
  t.all_contributors, t.all_contributions, t.mapped_contributions
FROM per_area a
JOIN totals t ON t.period = a.period
LEFT JOIN top_company tc ON tc.period = a.period AND tc.area = a.area
LEFT JOIN (SELECT area, min(name) AS name, min(kind) AS kind FROM area_groups GROUP BY area) g ON g.area = a.area
ORDER BY a.period, a.area = $no_area, a.contributors DESC, a.contributions DESC, a.area
