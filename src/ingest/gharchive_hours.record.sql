-- What one hour file held: every event (the volume completeness is judged on), those in scope, those stored.
INSERT INTO gharchive_hours VALUES (CAST($hour AS TIMESTAMP), $label, $file, $events, $in_scope, $stored, $bad_lines, $bytes, $scope, now()::TIMESTAMP)
