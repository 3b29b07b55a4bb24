-- Contributions of every kind under the counting spec (contribution_credits), by employer at the contribution's
-- date ($dimension 'company') or by declared country ('country'), with coverage and rank.
-- Denominator: every contributor in scope, Unknown included as a row; with $known_only the attributed ones only.
-- A deleted account's contributions count (as Unknown) but it is no contributor: its person_id is null.
WITH scope AS (
  SELECT cc.person_id, cc.kind, cc.company, cc.owner, coalesce(p.opted_out, false) AS opted_out,
    CASE $period WHEN 'year' THEN strftime(cc.happened_at, '%Y')
                 WHEN 'quarter' THEN strftime(cc.happened_at, '%Y') || '-Q' || quarter(cc.happened_at)
                 WHEN 'month' THEN strftime(cc.happened_at, '%Y-%m')
                 ELSE 'all' END AS period
  FROM contribution_credits cc LEFT JOIN people p ON p.person_id = cc.person_id
  WHERE ($since IS NULL OR cc.happened_at >= CAST($since AS TIMESTAMP))
    AND ($until IS NULL OR cc.happened_at < CAST($until AS TIMESTAMP))
    AND (len($repos) = 0 OR EXISTS (SELECT 1 FROM unnest($repos) AS t(pattern) WHERE cc.repo LIKE t.pattern ESCAPE '\'))
    AND ($include_bots OR p.bot_kind IS NULL)
    AND NOT ($strict_optout AND coalesce(p.opted_out, false))
),
labelled AS (
  SELECT s.period, s.person_id, s.kind,
    CASE WHEN s.opted_out THEN $unknown
         WHEN $dimension = 'company' THEN CASE WHEN $roll_up THEN s.owner ELSE s.company END
         WHEN l.country IS NULL THEN $unknown
         WHEN list_contains($fold, l.country) THEN $fold_into
         ELSE l.country END AS label
  FROM scope s LEFT JOIN locations l ON $dimension = 'country' AND l.person_id = s.person_id
),
grouped AS (
  SELECT period, label, count(DISTINCT person_id) AS contributors, count(*) AS contributions,
    count(*) FILTER (WHERE kind = 'prs_opened') AS prs_opened,
    count(*) FILTER (WHERE kind = 'prs_merged') AS prs_merged,
    count(*) FILTER (WHERE kind = 'reviews') AS reviews,
    count(*) FILTER (WHERE kind = 'review_comments') AS review_comments,
    count(*) FILTER (WHERE kind = 'issue_comments') AS issue_comments,
    count(*) FILTER (WHERE kind = 'issues') AS issues,
    count(*) FILTER (WHERE kind = 'commit_comments') AS commit_comments,
    count(*) FILTER (WHERE kind = 'commits') AS commits,
    count(*) FILTER (WHERE kind = 'other') AS other
  FROM labelled GROUP BY period, label
),
totals AS (
  SELECT period,
    count(DISTINCT person_id) AS all_contributors,
    count(*) AS all_contributions,
    count(DISTINCT person_id) FILTER (WHERE label <> $unknown) AS known_contributors,
    count(*) FILTER (WHERE label <> $unknown) AS known_contributions
  FROM labelled GROUP BY period
)
SELECT g.*,
  round(100.0 * g.contributors / nullif(CASE WHEN $known_only THEN t.known_contributors ELSE t.all_contributors END, 0), 2) AS contributors_pct,
  round(100.0 * g.contributions / CASE WHEN $known_only THEN t.known_contributions ELSE t.all_contributions END, 2) AS contributions_pct,
  rank() OVER (PARTITION BY g.period ORDER BY g.contributors DESC, g.contributions DESC) AS rank,
  t.all_contributors, t.known_contributors, t.all_contributions, t.known_contributions
FROM grouped g JOIN totals t ON t.period = g.period
WHERE NOT ($known_only AND g.label = $unknown)
ORDER BY g.period, g.contributors DESC, g.contributions DESC, g.label
