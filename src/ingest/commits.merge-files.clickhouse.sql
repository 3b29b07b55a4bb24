-- ClickHouse sibling of commits.merge-files.sql (checked against sha256 f906461072cb; src/store/clickhouse-siblings.test.ts).
-- Files not stored yet, by their own key rather than by commit: with no transactions, an interrupted ingest may have
-- stored a commit without its files, and the re-run must still add them.
INSERT INTO commit_files
SELECT s.* FROM stage_commit_files s
LEFT ANTI JOIN (SELECT repo, sha, path FROM commit_files WHERE repo IN (SELECT repo FROM stage_commit_files)) c
  ON c.repo = s.repo AND c.sha = s.sha AND c.path = s.path
