-- `census roster`: contributions of the given people ($persons) per area and per kind of work, in the repositories in scope.
-- dimension 'area' rows use $no_area for commits in no area; dimension 'kind' rows count a commit once per kind.
WITH scoped AS (
  SELECT cr.repo, cr.sha, cr.person_id FROM credits cr
  WHERE list_contains($persons, cr.person_id)
    AND (len($repos) = 0 OR EXISTS (SELECT 1 FROM unnest($repos) AS t(pattern) WHERE cr.repo LIKE t.pattern ESCAPE '\'))
),
work AS (
  SELECT s.person_id, 'area' AS dimension, coalesce(ca.area, $no_area) AS label, count(*) AS contributions
  FROM scoped s LEFT JOIN commit_areas ca ON ca.repo = s.repo AND ca.sha = s.sha
  GROUP BY ALL
  UNION ALL
  SELECT s.person_id, 'kind' AS dimension, k.kind AS label, count(*) AS contributions
  FROM scoped s JOIN commit_kinds k ON k.repo = s.repo AND k.sha = s.sha
  GROUP BY ALL
)
SELECT w.*, coalesce(g.name, w.label) AS name
FROM work w LEFT JOIN (SELECT area, min(name) AS name FROM area_groups GROUP BY area) g ON w.dimension = 'area' AND g.area = w.label
ORDER BY w.person_id, w.dimension, w.contributions DESC, w.label
