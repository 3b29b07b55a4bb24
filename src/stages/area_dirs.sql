-- Stage `area_dirs`: every directory that names an area: from sigs.yaml subprojects and areas files (area_paths), and
-- from OWNERS labels. A label names the imported group that carries it (sig/node -> sig-node); a group label no imported
-- group carries ($group_labels: sig/, wg/, committee/, ug/) names the folder Kubernetes would give it (sig/node -> sig-node).
INSERT INTO area_dirs
SELECT repo, dir, area, subproject, min(origin) AS origin FROM (
  SELECT repo, dir, area, subproject, origin FROM area_paths
  UNION ALL
  SELECT l.repo, l.dir, coalesce(g.area, replace(l.label, '/', '-')) AS area, '' AS subproject, 'OWNERS label ' || l.label AS origin
  FROM (SELECT repo, dir, unnest(labels) AS label FROM owners_files) l
  LEFT JOIN (SELECT label, min(area) AS area FROM area_groups WHERE label <> '' GROUP BY label) g ON g.label = l.label
  WHERE g.area IS NOT NULL OR regexp_matches(l.label, $group_labels)
)
GROUP BY repo, dir, area, subproject
