-- Every (name, e-mail) that authored or co-authored a commit (in git, or in a push GH Archive recorded), with how many contributions it made.
SELECT name, lower(trim(email)) AS email, count(*) AS contributions
FROM (
  SELECT author_name AS name, author_email AS email FROM commits
  UNION ALL
  SELECT name, email FROM commit_coauthors
  UNION ALL
  SELECT author_name AS name, author_email AS email FROM event_commits
)
GROUP BY ALL
ORDER BY email, name
