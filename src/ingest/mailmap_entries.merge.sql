INSERT INTO mailmap_entries SELECT * FROM stage_mailmap_entries
