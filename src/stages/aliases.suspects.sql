-- Accounts whose behaviour suggests automation (stage activity_bots, rebuilt before aliases).
SELECT login, kind, rule FROM activity_bots WHERE confidence = 'suspected'
