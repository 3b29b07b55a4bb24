-- The distinct country distributions of the model (src/stages/country_vectors.ts), by id.
SELECT vector_id, any_value(distribution) AS distribution FROM country_vectors WHERE vector_id IS NOT NULL GROUP BY vector_id
