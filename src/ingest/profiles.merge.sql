INSERT INTO profiles SELECT * FROM stage_profiles
