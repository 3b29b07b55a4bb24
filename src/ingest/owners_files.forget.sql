-- Re-imported OWNERS replace what the same source gave, and any earlier copy of the same directories.
DELETE FROM owners_files WHERE source = $source OR (repo, dir) IN (SELECT repo, dir FROM stage_owners_files)
