INSERT INTO owners_files SELECT * FROM stage_owners_files
