-- Stage `contribution_credits`, last step: each contribution item (not the pushes themselves) with the employer at its
-- date: a git credit's own (the credits stage decided it); else the gitdm affiliation in force; else the work-mail
-- domain of a pushed commit's author; else the domain of the person's latest work-mail commit within $recent_days
-- before; else Unknown. Owner: the company's owner at that date, when it had been acquired.
INSERT INTO contribution_credits
WITH dated AS (
  SELECT i.*, (
    -- On a tie (gitdm lists two employers without dates) the later line of the file wins, whatever the engine.
    SELECT arg_max(f.company, (coalesce(f.from_date, DATE '1900-01-01'), coalesce(TRY_CAST(string_split(f.ref, ':')[-1] AS INTEGER), 0), f.ref))
    FROM affiliations f
    WHERE f.person_id = i.person_id AND (f.from_date IS NULL OR f.from_date <= i.happened_at) AND (f.until_date IS NULL OR i.happened_at < f.until_date)
  ) AS gitdm_company
  FROM contribution_items i
  WHERE i.kind <> 'push'
),
recent AS (
  SELECT d.*, w.company AS recent_company, d.happened_at - w.authored_at <= to_days($recent_days) AS recent_ok
  FROM dated d
  ASOF LEFT JOIN (SELECT person_id, authored_at, company FROM credits WHERE company_source = 'domain') w
    ON w.person_id = d.person_id AND d.happened_at >= w.authored_at
),
labelled AS (
  SELECT r.item, r.kind, r.repo, r.happened_at, r.person_id, r.login, r.git_owner,
    CASE WHEN r.git_source IS NOT NULL THEN r.git_company
         ELSE coalesce(r.gitdm_company, ec.company, CASE WHEN r.recent_ok THEN r.recent_company END, $unknown) END AS company,
    CASE WHEN r.git_source IS NOT NULL THEN r.git_source
         WHEN r.gitdm_company IS NOT NULL THEN 'gitdm'
         WHEN ec.company IS NOT NULL THEN 'domain'
         WHEN r.recent_ok THEN 'domain (recent commit)'
         ELSE 'none' END AS company_source
  FROM recent r LEFT JOIN email_companies ec ON ec.email = r.email
)
SELECT l.item, l.kind, l.repo, l.happened_at, l.person_id, l.login, l.company, l.company_source,
  coalesce(l.git_owner, (SELECT arg_max(o.owner, o.from_date) FROM company_owners o WHERE o.company = l.company AND o.from_date <= l.happened_at), l.company) AS owner
FROM labelled l
