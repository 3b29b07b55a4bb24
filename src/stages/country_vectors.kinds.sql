-- Which kinds of country evidence each person has (declared, clock, mail).
SELECT person_id, list(DISTINCT kind) AS kinds FROM country_evidence GROUP BY person_id
