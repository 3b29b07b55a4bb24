-- The country evidence of every person, for the model.
SELECT person_id, kind, key, weight FROM country_evidence ORDER BY person_id, kind, key
