-- Step 5 (commit role pusher, source pushes): who pushed each commit, once per commit and person (a deleted account: per
-- login), unless already credited.
INSERT INTO stage_contribution_items
SELECT x.item, 'commits', x.repo, x.happened_at, x.person_id, x.login, NULL, NULL, NULL, NULL
FROM (
  SELECT p.repo || '@' || ec.sha AS item, p.repo, p.person_id, p.login, min(p.happened_at) AS happened_at
  FROM contribution_items p JOIN event_commits ec ON ec.event_id = p.item
  WHERE p.kind = 'push'
  GROUP BY ALL
) x
ANTI JOIN (SELECT item, coalesce(person_id, 'login:' || lower(login)) AS who FROM contribution_items WHERE kind = 'commits') i
  ON i.item = x.item AND i.who = coalesce(x.person_id, 'login:' || lower(x.login))
