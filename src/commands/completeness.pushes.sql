-- Pushed commits (GH Archive PushEvents) against git history, per repository that has both, within [$from, $to).
-- Git side: commits committed in the window (the default branch, no merges). Push side: distinct shas pushed in
-- the window to any branch (at most 20 listed per push). A pushed sha is matched against the whole git history.
WITH names AS (
  SELECT repo_id, arg_max(repo, created_at) AS name FROM events WHERE repo_id IS NOT NULL GROUP BY repo_id
),
pushed AS (
  SELECT DISTINCT coalesce(n.name, e.repo) AS repo, ec.sha
  FROM event_commits ec JOIN events e ON e.id = ec.event_id LEFT JOIN names n ON n.repo_id = e.repo_id
  WHERE ec.created_at >= CAST($from AS TIMESTAMP) AND ec.created_at < CAST($to AS TIMESTAMP)
),
git AS (
  SELECT repo, sha, committer_at >= CAST($from AS TIMESTAMP) AND committer_at < CAST($to AS TIMESTAMP) AS in_window
  FROM commits WHERE repo IN (SELECT repo FROM pushed)
)
SELECT r.repo,
  (SELECT count(*) FROM git g WHERE g.repo = r.repo AND g.in_window) AS git_commits,
  (SELECT count(*) FROM pushed p WHERE p.repo = r.repo) AS pushed_commits,
  (SELECT count(*) FROM pushed p JOIN git g ON g.repo = p.repo AND g.sha = p.sha WHERE p.repo = r.repo) AS both_seen,
  (SELECT count(*) FROM git g WHERE g.repo = r.repo AND g.in_window AND NOT EXISTS (SELECT 1 FROM pushed p WHERE p.repo = g.repo AND p.sha = g.sha)) AS git_only,
  (SELECT count(*) FROM pushed p WHERE p.repo = r.repo AND NOT EXISTS (SELECT 1 FROM git g WHERE g.repo = p.repo AND g.sha = p.sha)) AS pushed_only
FROM (SELECT DISTINCT repo FROM git) r
ORDER BY r.repo
