-- .mailmap entries read from clones or given with --mailmap.
SELECT source, line, proper_name, proper_email, commit_name, commit_email FROM mailmap_entries ORDER BY source, line
