-- The number of items a batch snapshotted, so the batch job that applies the last chunk can tell
-- that the batch is complete (items_done = total_items) without waiting for the monitor job.
ALTER TABLE tern_batch ADD COLUMN total_items BIGINT NOT NULL DEFAULT 0;
