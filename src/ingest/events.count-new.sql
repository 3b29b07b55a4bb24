-- How many staged events are new (after events.drop-stored).
SELECT count(*) AS n FROM stage_events
