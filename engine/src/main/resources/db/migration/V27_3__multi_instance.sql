-- Multi-instance activities: the token at the activity's multi-instance body (state BODY) counts its
-- instances; each instance (a child of the body) knows its loop counter.
ALTER TABLE tern_execution ADD COLUMN loop_counter INTEGER;
ALTER TABLE tern_execution ADD COLUMN nr_instances INTEGER;
ALTER TABLE tern_execution ADD COLUMN nr_completed INTEGER;
