-- Contract: staged rows merged into their table by SQL.
INSERT INTO profiles SELECT * FROM stage_profiles
