-- Does the store already hold commits of this repository? (If not, rows go straight in; no anti-join needed.)
SELECT count(*) AS n FROM (SELECT 1 FROM commits WHERE repo = $repo LIMIT 1)
