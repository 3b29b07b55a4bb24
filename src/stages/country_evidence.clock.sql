-- Commit clocks per person: author offsets by month of the UTC date, authored commits only, bots and opted-out people
-- left out, and commits GitHub itself made (web UI, squash merges) left out: their author clock is often the merger's.
SELECT cr.person_id, c.author_tz AS tz, month(c.author_at) AS month, count(*) AS commits,
  max(c.repo || '@' || left(c.sha, 12)) AS example
FROM credits cr
JOIN commits c ON c.repo = cr.repo AND c.sha = cr.sha
JOIN people p ON p.person_id = cr.person_id
WHERE cr.role = 'author' AND p.bot_kind IS NULL AND NOT p.opted_out
  AND NOT list_contains($web_committers, lower(c.committer_email))
GROUP BY ALL
-- Ordered: the stage keeps the first example it reads for each clock, the same on every engine.
ORDER BY cr.person_id, tz, month
