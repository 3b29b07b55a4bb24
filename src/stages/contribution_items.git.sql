-- Step 2 (commit role author, source git): every git author and co-author credit, with its own employer at the date.
INSERT INTO stage_contribution_items
SELECT repo || '@' || sha, 'commits', repo, authored_at, person_id, '', NULL, company, company_source, owner FROM credits
