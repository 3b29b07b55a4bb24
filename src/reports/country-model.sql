-- How the country model was fitted, for report headers.
SELECT name, value FROM country_model ORDER BY name
