-- Stage `commit_kinds`: the kinds of work in each commit, one row per kind with its number of files.
-- Each file takes the first kind whose rule matches `owner/name:path` (data/work-kinds.yaml, in its order), else $fallback.
-- Paths are classified once each and joined back by a 64-bit hash of (repo, path): a string join spilled DuckDB's pool
-- and took 2.5x as long on the Kubernetes logs. Two of 508k paths sharing a hash (odds about 1 in 10^8) would swap kinds.
INSERT INTO commit_kinds
WITH classified AS (
  SELECT h, CASE
      WHEN regexp_full_match(key, $re_1) THEN $kind_1
      WHEN regexp_full_match(key, $re_2) THEN $kind_2
      WHEN regexp_full_match(key, $re_3) THEN $kind_3
      WHEN regexp_full_match(key, $re_4) THEN $kind_4
      ELSE $fallback END AS kind
  FROM (SELECT DISTINCT hash(repo, path) AS h, repo || ':' || path AS key FROM commit_files)
)
SELECT f.repo, f.sha, c.kind, count(*) AS files
FROM commit_files f JOIN classified c ON c.h = hash(f.repo, f.path)
GROUP BY f.repo, f.sha, c.kind
