-- Per period and person in scope: contributions (commits authored or co-authored) and the declared country, the raw
-- material of the country estimate (src/reports/country-estimates.ts) and of the profile-only figure beside it.
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
)
SELECT s.period, s.person_id, bool_or(s.opted_out) AS opted_out, count(*) AS contributions, any_value(l.country) AS declared
FROM scope s LEFT JOIN locations l ON l.person_id = s.person_id
GROUP BY s.period, s.person_id
ORDER BY s.period, s.person_id
