SELECT count(*) AS n FROM stage_contribution_items
