-- The people behind one company or one country of the share reports, most contributions first: the dashboard's
-- drill-down from a table row to person pages. Same scope filter as the reports; opted-out people are never listed.
-- A person's country here is the model's most probable one (country_probabilities; HK, MO, TW folded on request),
-- with its probability; people with no country evidence are Unknown.
WITH scope AS (
  SELECT cr.person_id, cr.authored_at, CASE WHEN $roll_up THEN cr.owner ELSE cr.company END AS company
  FROM credits cr JOIN people p ON p.person_id = cr.person_id
  WHERE ($since IS NULL OR cr.authored_at >= CAST($since AS TIMESTAMP))
    AND ($until IS NULL OR cr.authored_at < CAST($until AS TIMESTAMP))
    AND (len($repos) = 0 OR EXISTS (SELECT 1 FROM unnest($repos) AS t(pattern) WHERE cr.repo LIKE t.pattern ESCAPE '\'))
    AND ($include_bots OR p.bot_kind IS NULL)
    AND NOT p.opted_out
),
probabilities AS (
  SELECT person_id, CASE WHEN list_contains($fold, country) THEN $fold_into ELSE country END AS country, sum(p) AS p
  FROM country_probabilities GROUP BY ALL
),
likeliest AS (
  SELECT person_id, arg_max(country, p) AS country, max(p) AS p FROM probabilities GROUP BY person_id
),
labelled AS (
  SELECT s.*, coalesce(b.country, $unknown) AS country, b.p AS country_p
  FROM scope s LEFT JOIN likeliest b ON b.person_id = s.person_id
)
SELECT x.person_id, p.display_name, p.logins, count(*) AS contributions,
  strftime(min(x.authored_at), '%Y-%m-%d') AS first_contribution,
  strftime(max(x.authored_at), '%Y-%m-%d') AS last_contribution,
  arg_max(x.company, x.authored_at) AS latest_company, any_value(x.country) AS country, round(any_value(x.country_p), 2) AS country_p
FROM labelled x JOIN people p ON p.person_id = x.person_id
WHERE ($company IS NULL OR x.company = $company)
  AND ($country IS NULL OR x.country = $country)
GROUP BY x.person_id, p.display_name, p.logins
ORDER BY contributions DESC, x.person_id
LIMIT $limit
