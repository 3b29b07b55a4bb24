-- Contract: column types as a caller reads them (BIGINT as numbers, TIMESTAMP and DATE as ISO instants, lists as arrays).
SELECT c.sha, c.author_at, c.author_tz, c.added, c.subject, f.old_path, f.added AS file_added, f.is_binary, a.from_date, a.until_date, p.logins
FROM commits c
JOIN commit_files f ON f.repo = c.repo AND f.sha = c.sha
JOIN affiliations a ON a.ref = c.sha
JOIN people p ON p.person_id = a.person_id
ORDER BY c.sha, f.path
