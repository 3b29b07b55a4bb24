-- ClickHouse sibling of credits.sql (checked against sha256 1ebcdf48e134; src/store/clickhouse-siblings.test.ts).
-- Stage `credits` on ClickHouse: as credits.sql, with its correlated subqueries (employer and owner at the commit's
-- date) written as LEFT JOINs aggregated per credit. An unmatched joined row is all NULL (join_use_nulls).
INSERT INTO credits
WITH credited AS (
  SELECT c.repo AS repo, c.sha AS sha, ap.person_id AS person_id, 'author' AS role, c.author_at AS authored_at, c.author_tz AS tz,
    lowerUTF8(trim(c.author_email)) AS email
  FROM commits c
  JOIN aliases a ON a.name = c.author_name AND a.email = lowerUTF8(trim(c.author_email)) AND a.origin = 'git'
  JOIN alias_people ap ON ap.alias_id = a.alias_id
  UNION ALL
  SELECT co.repo, co.sha, ap.person_id, 'coauthor', c.author_at, c.author_tz, lowerUTF8(trim(co.email))
  FROM commit_coauthors co
  JOIN commits c ON c.repo = co.repo AND c.sha = co.sha
  JOIN aliases a ON a.name = co.name AND a.email = lowerUTF8(trim(co.email)) AND a.origin = 'git'
  JOIN alias_people ap ON ap.alias_id = a.alias_id
),
once AS (
  -- A person who is both author and co-author of a commit is credited once, as author.
  -- (Qualified names: in ClickHouse an alias such as `role` would otherwise shadow the column inside argMin.)
  SELECT cr.repo AS repo, cr.sha AS sha, cr.person_id AS person_id, min(cr.role) AS role, min(cr.authored_at) AS authored_at,
    argMin(cr.tz, cr.role) AS tz, argMin(cr.email, cr.role) AS email
  FROM credited cr GROUP BY cr.repo, cr.sha, cr.person_id
),
dated AS (
  -- The gitdm affiliation in force that day; the latest start wins on overlap, then the later line of the file.
  SELECT o.repo AS repo, o.sha AS sha, o.person_id AS person_id, o.role AS role, o.authored_at AS authored_at, o.tz AS tz, o.email AS email,
    countIf(f.person_id IS NOT NULL AND (f.from_date IS NULL OR f.from_date <= o.authored_at)
      AND (f.until_date IS NULL OR o.authored_at < f.until_date) AS in_force) AS affiliations_in_force,
    if(affiliations_in_force = 0, NULL, argMaxIf(f.company,
      (coalesce(f.from_date, toDate32('1900-01-01')), toInt32OrZero(splitByChar(':', f.ref)[-1]), f.ref), in_force)) AS gitdm_company
  FROM once o
  LEFT JOIN affiliations f ON f.person_id = o.person_id
  GROUP BY o.repo, o.sha, o.person_id, o.role, o.authored_at, o.tz, o.email
),
attributed AS (
  SELECT d.repo AS repo, d.sha AS sha, d.person_id AS person_id, d.role AS role, d.authored_at AS authored_at, d.tz AS tz,
    coalesce(d.gitdm_company, ec.company, {unknown:String}) AS company,
    multiIf(d.gitdm_company IS NOT NULL, 'gitdm', ec.company IS NOT NULL, 'domain', 'none') AS company_source
  FROM dated d
  LEFT JOIN email_companies ec ON ec.email = d.email
)
SELECT a.repo, a.sha, a.person_id, a.role, a.authored_at, a.tz, a.company, a.company_source,
  coalesce(if(countIf(o.company IS NOT NULL AND o.from_date <= a.authored_at AS owned) = 0, NULL, argMaxIf(o.owner, o.from_date, owned)), a.company) AS owner
FROM attributed a
LEFT JOIN company_owners o ON o.company = a.company
GROUP BY a.repo, a.sha, a.person_id, a.role, a.authored_at, a.tz, a.company, a.company_source
