-- Why aliases were joined into each person.
SELECT person_id, kind, detail FROM identity_evidence ORDER BY person_id, kind, detail
