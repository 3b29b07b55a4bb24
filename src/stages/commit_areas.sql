-- Stage `commit_areas`: the areas each commit worked in. Every changed path (and the old path of a rename) belongs to the
-- areas of the deepest directory in area_dirs that contains it; a commit counts once for each area its paths reach.
-- Paths under no such directory give no area: the commit is reported as unmapped, never guessed. A repository mapped only
-- as a whole, and a commit that changed no file, take the areas of the repository root without reading the paths.
-- Files of one folder share their areas, so the deepest match is found once per folder (90k, not 950k paths on Kubernetes).
INSERT INTO commit_areas
WITH nested AS (SELECT DISTINCT repo FROM area_dirs WHERE dir <> ''),
touched AS (
  SELECT repo, sha, parse_dirpath(path, 'forward_slash') AS folder FROM commit_files WHERE repo IN (SELECT repo FROM nested)
  UNION ALL
  SELECT repo, sha, parse_dirpath(old_path, 'forward_slash') FROM commit_files WHERE old_path IS NOT NULL AND repo IN (SELECT repo FROM nested)
),
deepest AS (
  SELECT f.repo, f.folder, d.area
  FROM (SELECT DISTINCT repo, folder FROM touched) f
  JOIN area_dirs d ON d.repo = f.repo AND (d.dir = '' OR f.folder = d.dir OR starts_with(f.folder, d.dir || '/'))
  QUALIFY length(d.dir) = max(length(d.dir)) OVER (PARTITION BY f.repo, f.folder)
)
SELECT DISTINCT t.repo, t.sha, d.area FROM touched t JOIN deepest d ON d.repo = t.repo AND d.folder = t.folder
UNION
SELECT c.repo, c.sha, d.area
FROM commits c JOIN area_dirs d ON d.repo = c.repo AND d.dir = ''
WHERE c.repo NOT IN (SELECT repo FROM nested) OR c.files = 0
