-- Evidence that a login and an e-mail, or two e-mails, belong to one person: gitdm headers and profiles.
SELECT 'gitdm' AS source, login, email, NULL AS to_email, source || ':' || line AS ref FROM gitdm_identities
UNION ALL
SELECT 'profile' AS source, login, lower(trim(email)) AS email, NULL AS to_email, source || ':' || login AS ref
FROM profiles WHERE email IS NOT NULL AND trim(email) <> ''
