INSERT INTO area_leads SELECT * FROM stage_area_leads
