INSERT INTO area_groups SELECT * FROM stage_area_groups
