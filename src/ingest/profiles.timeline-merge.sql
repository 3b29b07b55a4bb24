-- Timeline actor_attributes fill in logins with no profile yet; an imported or fetched profile is never replaced.
INSERT INTO profiles
SELECT s.* FROM stage_profiles s
ANTI JOIN profiles p ON lower(p.login) = lower(s.login)
