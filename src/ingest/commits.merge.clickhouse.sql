-- ClickHouse sibling of commits.merge.sql (checked against sha256 0ae34e3f73f2; src/store/clickhouse-siblings.test.ts).
-- Commits not stored yet. (ReplacingMergeTree on (repo, sha) would also fold a repeat: reads run with FINAL.)
INSERT INTO commits
SELECT s.* FROM stage_commits s
LEFT ANTI JOIN (SELECT repo, sha FROM commits WHERE repo IN (SELECT repo FROM stage_commits)) c ON c.repo = s.repo AND c.sha = s.sha
