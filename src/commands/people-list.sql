-- One row per person for `census people`: identity, bot flag, employer now, declared country and contribution count.
WITH counts AS (
  SELECT person_id, count(*) AS contributions, max(authored_at) AS last_at, arg_max(company, authored_at) AS last_company
  FROM credits GROUP BY person_id
),
current_aff AS (
  SELECT person_id, arg_max(company, coalesce(from_date, DATE '1900-01-01')) AS company
  FROM affiliations
  WHERE until_date IS NULL OR until_date > current_date
  GROUP BY person_id
)
SELECT p.person_id, p.display_name, p.names, p.logins, p.emails, p.bot_kind, p.bot_rule, p.opted_out,
  coalesce(a.company, c.last_company, $unknown) AS company_now,
  CASE WHEN a.company IS NOT NULL THEN 'gitdm (current)' WHEN c.last_company IS NOT NULL THEN 'latest contribution' ELSE 'none' END AS company_source,
  l.country, l.rule AS country_rule, l.location_text, l.login AS location_login,
  coalesce(c.contributions, 0) AS contributions,
  strftime(c.last_at, '%Y-%m-%d') AS last_contribution
FROM people p
LEFT JOIN counts c ON c.person_id = p.person_id
LEFT JOIN current_aff a ON a.person_id = p.person_id
LEFT JOIN locations l ON l.person_id = p.person_id
WHERE ($include_bots OR p.bot_kind IS NULL)
  AND ($person_id IS NULL OR p.person_id = $person_id)
ORDER BY contributions DESC, p.person_id
