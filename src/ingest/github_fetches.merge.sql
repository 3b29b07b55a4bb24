INSERT INTO github_fetches SELECT * FROM stage_github_fetches
