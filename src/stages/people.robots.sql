-- Logins gitdm files under its robots pseudo-company, in any case as gitdmCompanyKind reads it (the marker is bound).
SELECT DISTINCT lower(login) AS login FROM gitdm_affiliations WHERE lower(company) = $robots
