-- An hour read again (new content or another scope) replaces what the same hour gave before.
DELETE FROM events WHERE hour = CAST($hour AS TIMESTAMP)
