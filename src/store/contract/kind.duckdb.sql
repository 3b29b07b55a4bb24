-- Contract: DuckDB's sibling of kind.sql.
SELECT 'duckdb' AS kind
