-- Commits not stored yet: a re-ingest of the same history adds nothing.
INSERT INTO commits
SELECT s.* FROM stage_commits s
ANTI JOIN commits c ON c.repo = s.repo AND c.sha = s.sha
