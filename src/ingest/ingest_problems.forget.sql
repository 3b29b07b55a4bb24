-- Problems logged by an earlier read of this source are replaced by this read's.
DELETE FROM ingest_problems WHERE source_id = $source_id
