-- Step 4 (commit role author, source pushes): the author a push lists for each commit, once per commit and person
-- (the earliest push), unless already credited from git.
INSERT INTO stage_contribution_items
SELECT x.item, 'commits', x.repo, x.happened_at, x.person_id, '', x.email, NULL, NULL, NULL
FROM (
  SELECT p.repo || '@' || ec.sha AS item, p.repo, ap.person_id, lower(trim(ec.author_email)) AS email, min(p.happened_at) AS happened_at
  FROM contribution_items p
  JOIN event_commits ec ON ec.event_id = p.item
  JOIN aliases a ON a.origin = 'git' AND a.name = ec.author_name AND a.email = lower(trim(ec.author_email))
  JOIN alias_people ap ON ap.alias_id = a.alias_id
  WHERE p.kind = 'push'
  GROUP BY ALL
) x
ANTI JOIN (SELECT item, person_id FROM contribution_items WHERE kind = 'commits') i ON i.item = x.item AND i.person_id = x.person_id
