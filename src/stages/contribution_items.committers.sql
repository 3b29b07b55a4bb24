-- Step 3 (commit role committer, source git): the committer of each git commit, when the e-mail belongs to exactly one
-- person and that person is not credited with the commit already.
INSERT INTO stage_contribution_items
WITH git_people AS (
  SELECT a.email, min(ap.person_id) AS person_id
  FROM aliases a JOIN alias_people ap ON ap.alias_id = a.alias_id
  WHERE a.origin = 'git' AND a.email <> ''
  GROUP BY a.email HAVING count(DISTINCT ap.person_id) = 1
)
SELECT x.item, 'commits', x.repo, x.happened_at, x.person_id, '', x.email, NULL, NULL, NULL
FROM (
  SELECT c.repo || '@' || c.sha AS item, c.repo, c.author_at AS happened_at, g.person_id, lower(trim(c.committer_email)) AS email
  FROM commits c JOIN git_people g ON g.email = lower(trim(c.committer_email))
) x
ANTI JOIN (SELECT item, person_id FROM contribution_items WHERE kind = 'commits') i ON i.item = x.item AND i.person_id = x.person_id
