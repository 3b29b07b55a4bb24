-- A profile taken from a Timeline event's actor_attributes is replaced by a later one of the same login.
DELETE FROM profiles WHERE source = $source AND lower(login) IN (SELECT lower(login) FROM stage_profiles)
