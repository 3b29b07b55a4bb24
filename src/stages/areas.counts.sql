-- What the area stages produced, for the rebuild log.
SELECT
  (SELECT count(*) FROM area_dirs) AS dirs,
  (SELECT count(DISTINCT area) FROM area_dirs) AS areas,
  (SELECT count(DISTINCT repo || sha) FROM commit_areas) AS commits,
  (SELECT count(*) FROM commits WHERE repo IN (SELECT repo FROM area_dirs)) AS commits_in_mapped_repos,
  (SELECT count(*) FROM area_roles) AS roles,
  (SELECT count(*) FROM area_roles WHERE person_id IS NOT NULL) AS roles_with_person
