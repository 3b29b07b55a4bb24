INSERT INTO gitdm_affiliations SELECT * FROM stage_gitdm_affiliations
