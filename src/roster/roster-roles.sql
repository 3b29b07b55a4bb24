-- `census roster`: roles held by the requested handles ($handles, lower-cased) or the people they name ($persons), with
-- the name and company sigs.yaml gives a lead (for people the git history does not know).
SELECT r.login, r.person_id, r.area, coalesce(g.name, '') AS area_name, r.role, r.place,
  (SELECT any_value(l.name) FROM area_leads l WHERE lower(l.login) = r.login) AS lead_name,
  (SELECT any_value(l.company) FROM area_leads l WHERE lower(l.login) = r.login) AS lead_company
FROM area_roles r
LEFT JOIN (SELECT area, min(name) AS name FROM area_groups GROUP BY area) g ON g.area = r.area
WHERE list_contains($handles, r.login) OR list_contains($persons, r.person_id)
ORDER BY r.login, r.role, r.area
