-- What the database was built from, per kind of source: the dashboard footer's data completeness.
SELECT kind, count(*) AS sources, sum(records) AS records, sum(bad_records) AS bad_records,
  strftime(min(finished_at), '%Y-%m-%d %H:%M') AS first_read, strftime(max(finished_at), '%Y-%m-%d %H:%M') AS last_read
FROM ingest_sources GROUP BY kind ORDER BY kind
