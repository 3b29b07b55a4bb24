-- Per period and person in scope: contributions (commits authored or co-authored), the declared country, the person's
-- country distribution and kinds of evidence (country_vectors): the raw material of the country estimate
-- (src/reports/country-estimates.ts) and of the profile-only figure beside it. No person id: the estimate needs none.
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
per_person AS (
  SELECT period, person_id, bool_or(opted_out) AS opted_out, count(*) AS contributions FROM scope GROUP BY period, person_id
)
SELECT s.period, s.opted_out, s.contributions, l.country AS declared, v.vector_id AS vector, coalesce(v.evidence, 0) AS evidence
FROM per_person s LEFT JOIN locations l ON l.person_id = s.person_id LEFT JOIN country_vectors v ON v.person_id = s.person_id
ORDER BY s.period, s.person_id
