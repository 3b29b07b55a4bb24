-- `census roster`: each requested handle ($handles, lower-cased) that names a person, with employer now, declared country
-- and the span of their contributions to the repositories in scope (any date).
WITH wanted AS (SELECT DISTINCT unnest($handles) AS handle),
logins AS (SELECT person_id, lower(unnest(logins)) AS login FROM people),
matched AS (
  SELECT w.handle, min(l.person_id) AS person_id
  FROM wanted w JOIN logins l ON l.login = w.handle GROUP BY w.handle
),
scoped AS (
  SELECT cr.person_id, cr.authored_at, cr.company
  FROM credits cr
  WHERE cr.person_id IN (SELECT person_id FROM matched)
    AND (len($repos) = 0 OR EXISTS (SELECT 1 FROM unnest($repos) AS t(pattern) WHERE cr.repo LIKE t.pattern ESCAPE '\'))
),
counts AS (
  SELECT person_id, count(*) AS contributions, min(authored_at) AS first_at, max(authored_at) AS last_at,
    arg_max(company, authored_at) FILTER (WHERE company <> $unknown) AS last_company
  FROM scoped GROUP BY person_id
),
current_aff AS (
  SELECT person_id, arg_max(company, coalesce(from_date, DATE '1900-01-01')) AS company
  FROM affiliations
  WHERE (until_date IS NULL OR until_date > current_date) AND person_id IN (SELECT person_id FROM matched)
  GROUP BY person_id
)
SELECT m.handle, m.person_id, p.display_name, p.opted_out, p.bot_kind,
  coalesce(a.company, c.last_company) AS company_now,
  CASE WHEN a.company IS NOT NULL THEN 'gitdm (current)' WHEN c.last_company IS NOT NULL THEN 'at the latest contribution' END AS company_source,
  CASE WHEN p.opted_out THEN NULL ELSE l.country END AS country, l.location_text,
  coalesce(c.contributions, 0) AS contributions,
  strftime(c.first_at, '%Y-%m-%d') AS first_contribution, strftime(c.last_at, '%Y-%m-%d') AS latest_contribution
FROM matched m
JOIN people p ON p.person_id = m.person_id
LEFT JOIN counts c ON c.person_id = m.person_id
LEFT JOIN current_aff a ON a.person_id = m.person_id
LEFT JOIN locations l ON l.person_id = m.person_id
