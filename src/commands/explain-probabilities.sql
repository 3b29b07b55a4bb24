-- One person's country probabilities from the model, in country order.
SELECT country, p FROM country_probabilities WHERE person_id = $person_id ORDER BY country
