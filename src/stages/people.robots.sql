-- Logins gitdm files under its robots pseudo-company (the name is bound).
SELECT DISTINCT lower(login) AS login FROM gitdm_affiliations WHERE company = $robots
