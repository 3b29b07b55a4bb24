-- Geocoded declared locations.
SELECT l.person_id, l.country, l.location_text, l.rule, l.login
FROM locations l JOIN people p ON p.person_id = l.person_id
WHERE l.country IS NOT NULL AND p.bot_kind IS NULL AND NOT p.opted_out
