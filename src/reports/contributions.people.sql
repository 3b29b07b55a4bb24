-- Per period and person in scope: contributions of every kind under the counting spec, the declared country, the
-- country distribution and kinds of evidence (country_vectors) and the opt-out flag: the raw material of
-- contributions-by-country under the country model. A deleted account ("ghost") has no person: its contributions are
-- counted, Unknown, with no contributor.
WITH scope AS (
  SELECT cc.person_id, cc.kind, coalesce(p.opted_out, false) AS opted_out,
    CASE $period WHEN 'year' THEN strftime(cc.happened_at, '%Y')
                 WHEN 'quarter' THEN strftime(cc.happened_at, '%Y') || '-Q' || quarter(cc.happened_at)
                 WHEN 'month' THEN strftime(cc.happened_at, '%Y-%m')
                 ELSE 'all' END AS period
  FROM contribution_credits cc LEFT JOIN people p ON p.person_id = cc.person_id
  WHERE ($since IS NULL OR cc.happened_at >= CAST($since AS TIMESTAMP))
    AND ($until IS NULL OR cc.happened_at < CAST($until AS TIMESTAMP))
    AND (len($repos) = 0 OR EXISTS (SELECT 1 FROM unnest($repos) AS t(pattern) WHERE cc.repo LIKE t.pattern ESCAPE '\'))
    AND ($include_bots OR p.bot_kind IS NULL)
    AND NOT ($strict_optout AND coalesce(p.opted_out, false))
)
SELECT s.period, s.person_id, s.kind, bool_or(s.opted_out) AS opted_out, count(*) AS n, any_value(l.country) AS declared,
  any_value(v.vector_id) AS vector, coalesce(any_value(v.evidence), 0) AS evidence
FROM scope s LEFT JOIN locations l ON l.person_id = s.person_id LEFT JOIN country_vectors v ON v.person_id = s.person_id
GROUP BY s.period, s.person_id, s.kind
ORDER BY s.period, s.person_id, s.kind
