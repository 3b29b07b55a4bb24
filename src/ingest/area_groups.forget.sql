-- A re-imported area source (sigs.yaml, an areas file) replaces what the same source gave before.
DELETE FROM area_groups WHERE source = $source
