-- The dates the credited contributions span, and the repositories they come from.
SELECT strftime(min(authored_at), '%Y-%m-%d') AS first_contribution, strftime(max(authored_at), '%Y-%m-%d') AS last_contribution,
  count(DISTINCT repo) AS repositories
FROM credits
