-- Every repository read, with its commit count: the dashboard's repository filter offers these and their owners.
SELECT repo, count(*) AS commits FROM commits GROUP BY repo ORDER BY repo
