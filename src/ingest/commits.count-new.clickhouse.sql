-- ClickHouse sibling of commits.count-new.sql (checked against sha256 d54e384e0d5d; src/store/clickhouse-siblings.test.ts).
-- How many staged commits are new (the right side is read for the staged repositories only: the sort key starts with repo).
SELECT count() AS n FROM stage_commits s
LEFT ANTI JOIN (SELECT repo, sha FROM commits WHERE repo IN (SELECT repo FROM stage_commits)) c ON c.repo = s.repo AND c.sha = s.sha
