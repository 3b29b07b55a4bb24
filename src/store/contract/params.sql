-- Contract: a scalar, a possibly-null scalar and a list, bound by name.
SELECT person_id FROM people
WHERE ($name IS NULL OR display_name = $name) AND (len($ids) = 0 OR list_contains($ids, person_id)) AND $flag
ORDER BY person_id
