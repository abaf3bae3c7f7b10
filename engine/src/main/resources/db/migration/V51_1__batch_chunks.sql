-- A batch's snapshot of its selection as one row per chunk (the items one batch job applies)
-- instead of one row per item: creating a batch over 100,000 jobs wrote 100,000 rows and index
-- entries (about 17 MB of WAL on PostgreSQL), now 50. A chunk's seq is the number of its first
-- item (chunk k of a batch with n invocations per batch job starts at k * n), as the batch jobs'
-- "from:to" configurations name it; item_count is the length of item_ids. Chunks of batches
-- running at the upgrade are built from their items (a batch job deletes its whole chunk at once,
-- so no chunk is half done).
CREATE TABLE tern_batch_chunk (
  batch_id   VARCHAR(64) NOT NULL,
  seq        BIGINT NOT NULL,
  item_count INTEGER NOT NULL,
  item_ids   VARCHAR(64) ARRAY NOT NULL,
  PRIMARY KEY (batch_id, seq)
);
INSERT INTO tern_batch_chunk (batch_id, seq, item_count, item_ids)
SELECT i.batch_id, i.seq - MOD(i.seq, b.invocations_per_batch_job), COUNT(*),
  ARRAY_AGG(i.item_id ORDER BY i.seq)
FROM tern_batch_item i JOIN tern_batch b ON b.id = i.batch_id
GROUP BY i.batch_id, i.seq - MOD(i.seq, b.invocations_per_batch_job);
DROP TABLE tern_batch_item;
