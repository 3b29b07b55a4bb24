-- Each person's logins, one row each, lower-cased for joining.
SELECT person_id, lower(login) AS login FROM (SELECT person_id, unnest(logins) AS login FROM people)
