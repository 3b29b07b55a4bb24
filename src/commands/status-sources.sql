-- What has been read: one row per source unit.
SELECT source_id, kind, location, records, added, bad_records, strftime(finished_at, '%Y-%m-%d %H:%M:%S') AS finished_at
FROM ingest_sources ORDER BY kind, source_id
