-- Accounts with enough long comments to judge templating: how many, and how many share the most common text.
WITH texts AS (
  SELECT actor_login AS login, body_sig, count(*) AS n FROM events WHERE body_sig IS NOT NULL GROUP BY actor_login, body_sig
)
SELECT login, sum(n) AS long_comments, max(n) AS top_template
FROM texts GROUP BY login HAVING sum(n) >= $min_long
