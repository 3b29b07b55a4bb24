-- Record a completed ingest of a source unit.
INSERT INTO ingest_sources VALUES ($source_id, $kind, $location, $repo, $fingerprint, $records, $added, $bad_records, $bytes, now()::TIMESTAMP)
