-- Files of commits not stored yet (runs before commits.merge so the anti-join still sees them as new).
INSERT INTO commit_files
SELECT s.* FROM stage_commit_files s
ANTI JOIN commits c ON c.repo = s.repo AND c.sha = s.sha
