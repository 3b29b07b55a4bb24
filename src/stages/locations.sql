-- Declared profile locations of each person's logins.
SELECT pl.person_id, pr.login, pr.location
FROM (SELECT person_id, lower(unnest(logins)) AS login FROM people) pl
JOIN profiles pr ON lower(pr.login) = pl.login
WHERE pr.location IS NOT NULL
ORDER BY pl.person_id, pr.login
