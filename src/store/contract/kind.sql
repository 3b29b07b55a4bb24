-- Contract: the shared statement, run by a backend without a sibling of its own.
SELECT 'shared' AS kind
