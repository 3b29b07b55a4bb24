-- The evidence the country model read for one person: declared location, commit clocks, mail domains, with sources.
SELECT kind, detail, source, weight FROM country_evidence WHERE person_id = $person_id ORDER BY kind, weight DESC, detail
