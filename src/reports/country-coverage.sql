-- Which signals each person has, for the per-method coverage.
SELECT person_id, list(DISTINCT kind) AS kinds FROM country_evidence GROUP BY person_id
