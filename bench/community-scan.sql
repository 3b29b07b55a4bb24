-- The physical reference for the community-lens bench: one plain pass over every changed path.
SELECT count(*) AS files, count(DISTINCT repo || ':' || path) AS paths, sum(length(path)) AS bytes FROM commit_files
