-- How many staged commits are new.
SELECT count(*) AS n FROM stage_commits s
ANTI JOIN commits c ON c.repo = s.repo AND c.sha = s.sha
