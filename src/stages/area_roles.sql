-- Stage `area_roles`: who holds which role where. Reviewers and approvers come from OWNERS files and serve the area of
-- the OWNERS directory (its deepest area_dirs entry, '' when none); chairs, tech leads and subproject leads come from
-- sigs.yaml or an areas file. Logins are matched to people case-insensitively; person_id is null for a login with no commits.
INSERT INTO area_roles
WITH listed AS (
  SELECT repo, dir, unnest(approvers) AS login, 'approver' AS role FROM owners_files
  UNION ALL
  SELECT repo, dir, unnest(reviewers) AS login, 'reviewer' AS role FROM owners_files
),
placed AS (
  SELECT l.login, l.role, coalesce(d.area, '') AS area, l.repo || CASE WHEN l.dir = '' THEN '' ELSE '/' || l.dir END AS place
  FROM listed l
  LEFT JOIN area_dirs d ON d.repo = l.repo AND (d.dir = '' OR d.dir = l.dir OR starts_with(l.dir, d.dir || '/'))
  QUALIFY coalesce(length(d.dir), -1) = max(coalesce(length(d.dir), -1)) OVER (PARTITION BY l.repo, l.dir, l.login, l.role)
),
all_roles AS (
  SELECT lower(login) AS login, area, role, place FROM placed
  UNION ALL
  SELECT lower(login), area, role, CASE WHEN subproject = '' THEN source ELSE source || ' (' || subproject || ')' END FROM area_leads
),
logins AS (SELECT lower(login) AS login, min(person_id) AS person_id FROM (SELECT person_id, unnest(logins) AS login FROM people) GROUP BY 1)
SELECT r.login, any_value(pl.person_id) AS person_id, r.area, r.role, min(r.place) AS place
FROM all_roles r LEFT JOIN logins pl ON pl.login = r.login
GROUP BY r.login, r.area, r.role
