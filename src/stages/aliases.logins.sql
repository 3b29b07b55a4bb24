-- Every GitHub account seen in events, as actor or as the author of the pull request or issue acted on, with its
-- number of events. GitHub's placeholder for deleted accounts ($deleted) is nobody in particular and is left out.
SELECT login, count(*) AS contributions
FROM (
  SELECT actor_login AS login FROM events
  UNION ALL
  SELECT subject_login AS login FROM events WHERE subject_login IS NOT NULL
)
WHERE lower(login) <> $deleted
GROUP BY login
ORDER BY lower(login), login
