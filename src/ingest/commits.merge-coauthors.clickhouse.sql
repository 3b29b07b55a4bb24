-- ClickHouse sibling of commits.merge-coauthors.sql (checked against sha256 375f7acce5ee; src/store/clickhouse-siblings.test.ts).
-- Co-authors not stored yet, by their own key (see commits.merge-files.clickhouse.sql).
INSERT INTO commit_coauthors
SELECT s.* FROM stage_commit_coauthors s
LEFT ANTI JOIN (SELECT repo, sha, ordinal FROM commit_coauthors WHERE repo IN (SELECT repo FROM stage_commit_coauthors)) c
  ON c.repo = s.repo AND c.sha = s.sha AND c.ordinal = s.ordinal
