-- For activity_bots.test.ts: every flagged account.
SELECT login, kind, confidence, rule FROM activity_bots ORDER BY login
