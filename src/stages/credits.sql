-- Stage `credits`: one row per (commit, person) credited as author or co-author, with the employer at the commit's date.
-- Employer: the gitdm affiliation in force that day (latest start wins on overlap), else the work e-mail domain, else Unknown.
INSERT INTO credits
WITH credited AS (
  SELECT c.repo, c.sha, ap.person_id, 'author' AS role, c.author_at AS authored_at, c.author_tz AS tz, lower(trim(c.author_email)) AS email
  FROM commits c
  JOIN aliases a ON a.name = c.author_name AND a.email = lower(trim(c.author_email)) AND a.origin = 'git'
  JOIN alias_people ap ON ap.alias_id = a.alias_id
  UNION ALL
  SELECT co.repo, co.sha, ap.person_id, 'coauthor' AS role, c.author_at AS authored_at, c.author_tz AS tz, lower(trim(co.email)) AS email
  FROM commit_coauthors co
  JOIN commits c ON c.repo = co.repo AND c.sha = co.sha
  JOIN aliases a ON a.name = co.name AND a.email = lower(trim(co.email)) AND a.origin = 'git'
  JOIN alias_people ap ON ap.alias_id = a.alias_id
),
once AS (
  -- A person who is both author and co-author of a commit is credited once, as author.
  SELECT repo, sha, person_id, min(role) AS role, min(authored_at) AS authored_at, arg_min(tz, role) AS tz, arg_min(email, role) AS email
  FROM credited GROUP BY repo, sha, person_id
),
dated AS (
  SELECT o.*, (
    -- On a tie (gitdm lists two employers without dates) the later line of the file wins, whatever the engine.
    SELECT arg_max(f.company, (coalesce(f.from_date, DATE '1900-01-01'), coalesce(TRY_CAST(string_split(f.ref, ':')[-1] AS INTEGER), 0), f.ref))
    FROM affiliations f
    WHERE f.person_id = o.person_id
      AND (f.from_date IS NULL OR f.from_date <= o.authored_at)
      AND (f.until_date IS NULL OR o.authored_at < f.until_date)
  ) AS gitdm_company
  FROM once o
)
SELECT a.*, coalesce((
    SELECT arg_max(o.owner, o.from_date) FROM company_owners o WHERE o.company = a.company AND o.from_date <= a.authored_at
  ), a.company) AS owner
FROM (
  SELECT d.repo, d.sha, d.person_id, d.role, d.authored_at, d.tz,
    coalesce(d.gitdm_company, ec.company, $unknown) AS company,
    CASE WHEN d.gitdm_company IS NOT NULL THEN 'gitdm' WHEN ec.company IS NOT NULL THEN 'domain' ELSE 'none' END AS company_source
  FROM dated d
  LEFT JOIN email_companies ec ON ec.email = d.email
) a
