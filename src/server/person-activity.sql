-- One person's contributions per year and repository, with the employer credited at the time: the person page.
-- Opted-out people have no activity to show (the caller has already refused them; this is the second lock).
SELECT strftime(cr.authored_at, '%Y') AS year, cr.repo, cr.company, count(*) AS contributions,
  count(*) FILTER (WHERE cr.role = 'coauthor') AS coauthored
FROM credits cr JOIN people p ON p.person_id = cr.person_id
WHERE cr.person_id = $person_id AND NOT p.opted_out
GROUP BY ALL
ORDER BY year, contributions DESC, cr.repo
