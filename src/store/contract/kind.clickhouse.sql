-- ClickHouse sibling of kind.sql (checked against sha256 bb464bf5e6f3; src/store/clickhouse-siblings.test.ts).
-- Contract: ClickHouse's sibling of kind.sql.
SELECT 'clickhouse' AS kind
