SELECT count(*) AS n FROM contribution_credits
