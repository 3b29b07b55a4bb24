-- Staged events already stored (a copy of an event in another hour file) leave the stage: each event is stored once,
-- under the first hour read. A copy has the same id and created_at, so only stored events of the stage's instants
-- are compared (DuckDB skips the other row groups by their created_at min/max).
DELETE FROM stage_events s
USING (
  SELECT id, created_at FROM events
  WHERE created_at BETWEEN (SELECT min(created_at) FROM stage_events) AND (SELECT max(created_at) FROM stage_events)
) e
WHERE e.id = s.id AND e.created_at = s.created_at
