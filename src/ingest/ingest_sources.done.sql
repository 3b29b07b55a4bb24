-- Has this source been ingested completely with this exact content?
SELECT records, added, bad_records FROM ingest_sources WHERE source_id = $source_id AND fingerprint = $fingerprint
