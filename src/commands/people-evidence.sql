-- Why aliases were joined into each person.
SELECT person_id, kind, detail FROM identity_evidence
WHERE $person_id IS NULL OR person_id = $person_id
ORDER BY person_id, kind, detail
