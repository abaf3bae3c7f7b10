-- A token resting at an activity that has its own execution in Camunda (a timer catch event, an
-- event-based gateway, an activity with boundary events) rests there under a new id; outer_id is
-- the id it had before and takes again when it leaves.
ALTER TABLE tern_execution ADD COLUMN outer_id VARCHAR(64);

