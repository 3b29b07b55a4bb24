-- Stage `contribution_credits`, step 1: every counted event under the spec in force, with the kind of the first rule it
-- matches (contribution_rules, in spec order) and the person its login belongs to. An event of the kind `commits` (a
-- push) is kept as a `push` row: the later steps read its commits, and it is never counted itself.
INSERT INTO stage_contribution_items
WITH names AS (
  -- A renamed repository is reported under the latest name its events carry (GoogleCloudPlatform/kubernetes -> kubernetes/kubernetes).
  SELECT repo_id, arg_max(repo, created_at) AS name FROM events WHERE repo_id IS NOT NULL GROUP BY repo_id
),
first_rule AS (
  -- The first rule (spec order) for each combination of type, action and merged flag: a few dozen rows, not one per event.
  SELECT c.type, c.action, c.merged, min(r.ordinal) AS ordinal
  FROM (SELECT DISTINCT type, action, merged FROM events WHERE list_contains($event_types, type)) c
  JOIN contribution_rules r
    ON (r.type = c.type OR r.type = '*')
   AND (len(r.actions) = 0 OR list_contains(r.actions, c.action))
   AND (r.merged IS NULL OR r.merged = c.merged)
  GROUP BY ALL
),
ruled AS (
  SELECT e.id, coalesce(n.name, e.repo) AS repo, e.created_at, r.kind,
    CASE r.credit WHEN 'subject' THEN e.subject_login ELSE e.actor_login END AS login
  FROM events e
  JOIN first_rule f ON f.type = e.type AND f.action IS NOT DISTINCT FROM e.action AND f.merged IS NOT DISTINCT FROM e.merged
  JOIN contribution_rules r ON r.ordinal = f.ordinal
  LEFT JOIN names n ON n.repo_id = e.repo_id
),
logins AS (SELECT DISTINCT person_id, lower(unnest(logins)) AS login FROM people)
SELECT r.id, CASE r.kind WHEN 'commits' THEN 'push' ELSE r.kind END, r.repo, r.created_at, l.person_id, coalesce(r.login, ''),
  NULL, NULL, NULL, NULL
FROM ruled r LEFT JOIN logins l ON l.login = lower(r.login) AND l.login <> $deleted
