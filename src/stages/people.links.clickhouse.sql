-- ClickHouse sibling of people.links.sql (checked against sha256 1e3be2fa3c2b; src/store/clickhouse-siblings.test.ts).
-- people.links.sql with qualified columns: in ClickHouse the alias `'gitdm' AS source` would shadow the column in `source || ':'`.
SELECT 'gitdm' AS source, g.login AS login, g.email AS email, NULL AS to_email, g.source || ':' || toString(g.line) AS ref
FROM gitdm_identities g
UNION ALL
SELECT 'profile' AS source, p.login AS login, lowerUTF8(trim(p.email)) AS email, NULL AS to_email, p.source || ':' || p.login AS ref
FROM profiles p WHERE p.email IS NOT NULL AND trim(p.email) <> ''
