-- `census roster`: the day after the latest contribution in scope, the default end of the segment window.
SELECT strftime(max(cr.authored_at) + INTERVAL 1 DAY, '%Y-%m-%d') AS until
FROM credits cr
WHERE len($repos) = 0 OR EXISTS (SELECT 1 FROM unnest($repos) AS t(pattern) WHERE cr.repo LIKE t.pattern ESCAPE '\')
