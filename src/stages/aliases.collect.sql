-- Every (name, e-mail) that authored or co-authored a commit, with how many contributions it made.
SELECT name, lower(trim(email)) AS email, count(*) AS contributions
FROM (
  SELECT author_name AS name, author_email AS email FROM commits
  UNION ALL
  SELECT name, email FROM commit_coauthors
)
GROUP BY ALL
ORDER BY email, name
