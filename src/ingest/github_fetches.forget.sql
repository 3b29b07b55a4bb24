-- The answers just received replace earlier ones for the same logins.
DELETE FROM github_fetches WHERE lower(login) IN (SELECT lower(login) FROM stage_github_fetches)
