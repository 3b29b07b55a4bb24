-- Drop an hour's completeness record before recording its new read (same transaction).
DELETE FROM gharchive_hours WHERE hour = CAST($hour AS TIMESTAMP)
