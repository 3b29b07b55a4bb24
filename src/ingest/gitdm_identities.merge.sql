INSERT INTO gitdm_identities SELECT * FROM stage_gitdm_identities
