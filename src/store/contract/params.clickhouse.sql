-- ClickHouse sibling of params.sql (checked against sha256 7a2ea1c6edac; src/store/clickhouse-siblings.test.ts).
-- Contract: params.sql with ClickHouse's list functions and explicit {name:Type} parameters.
SELECT person_id FROM people
WHERE ({name:Nullable(String)} IS NULL OR display_name = {name:Nullable(String)})
  AND (empty({ids:Array(String)}) OR has({ids:Array(String)}, person_id)) AND {flag:Bool}
ORDER BY person_id
