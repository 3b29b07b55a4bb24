-- The person behind a person id, a login or an e-mail (any of their aliases).
SELECT DISTINCT p.person_id, p.display_name, p.logins, p.emails, p.bot_kind, p.bot_rule, p.opted_out
FROM people p
LEFT JOIN alias_people ap ON ap.person_id = p.person_id
LEFT JOIN aliases a ON a.alias_id = ap.alias_id
WHERE p.person_id = $who OR list_contains(p.logins, lower($who)) OR a.email = lower(trim($who))
