-- Drop the bookkeeping of a source before recording its new state (same transaction).
DELETE FROM ingest_sources WHERE source_id = $source_id
