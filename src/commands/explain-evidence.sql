-- One person's country evidence, with where each piece came from.
SELECT kind, key, weight, detail, source FROM country_evidence WHERE person_id = $person_id ORDER BY kind, weight DESC, key
