-- The country model's probabilities for one person, likeliest first (none for a person without country evidence).
SELECT country, round(p, 3) AS p FROM country_probabilities WHERE person_id = $person_id ORDER BY p DESC, country LIMIT 8
