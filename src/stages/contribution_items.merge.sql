-- One step's rows into contribution_items, only when the step found some. DuckDB 1.5.5 loses the rows of a large
-- INSERT into a table that received an INSERT of zero rows earlier in the same transaction (a whole rebuild is one),
-- so each step writes a fresh stage and an empty stage is never merged.
INSERT INTO contribution_items SELECT * FROM stage_contribution_items
