-- Every record problem kept in the ingest log.
SELECT source_id, file, line, byte_offset, reason, sample FROM ingest_problems ORDER BY source_id, line
