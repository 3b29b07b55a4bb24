-- Accounts with enough events to judge their cadence: events per UTC hour of day, the total and the days active.
WITH busy AS (
  SELECT actor_login AS login, count(*) AS events, count(DISTINCT CAST(created_at AS DATE)) AS days
  FROM events
  WHERE lower(actor_login) <> $deleted
  GROUP BY actor_login
  HAVING count(*) >= $min_events
)
SELECT e.actor_login AS login, hour(e.created_at) AS h, count(*) AS n, any_value(b.events) AS events, any_value(b.days) AS days
FROM events e JOIN busy b ON b.login = e.actor_login
GROUP BY e.actor_login, hour(e.created_at)
