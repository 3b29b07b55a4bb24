-- Keep this read's problems.
INSERT INTO ingest_problems SELECT * FROM stage_ingest_problems
