-- For github-profiles.test.ts: the profiles stored, in login order.
SELECT login, location, source FROM profiles ORDER BY login
