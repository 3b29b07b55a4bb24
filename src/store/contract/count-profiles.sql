-- Contract: rows in a table, as a number.
SELECT count(*) AS n FROM profiles
