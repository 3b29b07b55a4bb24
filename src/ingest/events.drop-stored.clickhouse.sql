-- ClickHouse sibling of events.drop-stored.sql (checked against sha256 81b34708a02f; src/store/clickhouse-siblings.test.ts).
-- events.drop-stored.sql for ClickHouse, which has no DELETE ... USING: the same rows deleted by a tuple IN.
DELETE FROM stage_events WHERE (id, created_at) IN (
  SELECT id, created_at FROM events
  WHERE created_at BETWEEN (SELECT min(created_at) FROM stage_events) AND (SELECT max(created_at) FROM stage_events)
)
