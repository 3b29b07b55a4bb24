-- A re-imported gitdm file replaces what the same file gave before.
DELETE FROM gitdm_identities WHERE source = $source
