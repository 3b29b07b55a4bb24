-- Newly imported profiles replace earlier ones of the same login (compared case-insensitively).
DELETE FROM profiles WHERE lower(login) IN (SELECT lower(login) FROM stage_profiles)
