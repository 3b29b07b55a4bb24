-- Every e-mail of every person, with the alias it came from.
SELECT ap.person_id, a.email, a.alias_id
FROM aliases a JOIN alias_people ap ON ap.alias_id = a.alias_id
JOIN people p ON p.person_id = ap.person_id
WHERE p.bot_kind IS NULL AND NOT p.opted_out AND NOT a.opted_out
ORDER BY ap.person_id, a.email, a.alias_id
