-- Accounts to ask GitHub about: every login of a person who is neither a bot nor opted out, never asked or last
-- asked before $fresh_after; most active first. The ETag of a stored profile lets GitHub answer "not modified"
-- (which costs no rate limit).
WITH activity AS (
  SELECT person_id, count(*) AS n FROM contribution_credits WHERE person_id IS NOT NULL GROUP BY person_id
),
logins AS (
  SELECT p.person_id, unnest(p.logins) AS login FROM people p WHERE p.bot_kind IS NULL AND NOT p.opted_out
)
SELECT l.login,
  CASE WHEN f.status = 'ok' AND EXISTS (SELECT 1 FROM profiles pr WHERE lower(pr.login) = lower(l.login) AND pr.source = $source) THEN f.etag END AS etag
FROM logins l
LEFT JOIN activity a ON a.person_id = l.person_id
LEFT JOIN github_fetches f ON lower(f.login) = lower(l.login)
WHERE (f.login IS NULL OR f.fetched_at < CAST($fresh_after AS TIMESTAMP))
  AND lower(l.login) <> $deleted AND l.login NOT LIKE 'opted-out.%'
ORDER BY coalesce(a.n, 0) DESC, l.login
