-- For contribution_credits.test.ts: contributions per kind.
SELECT kind, count(*) AS n FROM contribution_credits GROUP BY kind ORDER BY kind
