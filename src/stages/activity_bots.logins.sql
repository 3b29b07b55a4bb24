-- Every account that acted in an event, except GitHub's placeholder for deleted accounts.
SELECT DISTINCT actor_login AS login FROM events WHERE lower(actor_login) <> $deleted ORDER BY login
