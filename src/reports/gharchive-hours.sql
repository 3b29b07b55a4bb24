-- Every GH Archive hour read: its start (epoch seconds) and how many events the file held, in scope or not.
SELECT CAST(epoch(hour) AS BIGINT) AS hour, events, in_scope, bad_lines, scope, file FROM gharchive_hours ORDER BY hour
