-- The new events of this hour.
INSERT INTO events SELECT * FROM stage_events
