-- Pushed commits of the events an hour gave before (runs before events.forget-hour, which it needs).
DELETE FROM event_commits WHERE event_id IN (SELECT id FROM events WHERE hour = CAST($hour AS TIMESTAMP))
