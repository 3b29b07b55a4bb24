-- Pushed commits of the new events only (a copy's commits were stored with the first copy).
INSERT INTO event_commits SELECT c.* FROM stage_event_commits c SEMI JOIN stage_events e ON e.id = c.event_id
