INSERT INTO area_paths SELECT * FROM stage_area_paths
