-- Co-authors of commits not stored yet.
INSERT INTO commit_coauthors
SELECT s.* FROM stage_commit_coauthors s
ANTI JOIN commits c ON c.repo = s.repo AND c.sha = s.sha
