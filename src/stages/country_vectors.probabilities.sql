-- Every person's country probabilities from the model, in country order (people with no country evidence have none).
SELECT person_id, country, p FROM country_probabilities ORDER BY person_id, country
