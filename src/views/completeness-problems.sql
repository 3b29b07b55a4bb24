-- How many records could not be used (listed one by one by `census status --problems`).
SELECT count(*) AS problems FROM ingest_problems
