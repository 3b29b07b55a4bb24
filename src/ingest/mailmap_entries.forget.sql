-- A .mailmap read again replaces what the same source gave before.
DELETE FROM mailmap_entries WHERE source = $source
