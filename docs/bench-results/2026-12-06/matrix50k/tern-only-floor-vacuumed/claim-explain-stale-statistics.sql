\timing off
BEGIN;
SET LOCAL lock_timeout = '20s';
EXPLAIN (COSTS OFF) SELECT j.id FROM tern_job j WHERE (j.due_date IS NULL OR j.due_date <= now()) AND j.suspended = FALSE AND j.retries > 0
 AND (j.lock_owner IS NULL OR j.lock_expiration_time IS NULL OR j.lock_expiration_time < now())
 AND NOT (j.is_exclusive AND j.process_instance_id IS NOT NULL AND EXISTS (SELECT 1 FROM tern_job o WHERE o.process_instance_id = j.process_instance_id AND o.is_exclusive AND o.id <> j.id AND o.lock_owner IS NOT NULL AND o.lock_expiration_time >= now()))
 AND (j.lock_owner IS NULL OR NOT j.lock_owner = ANY(ARRAY['x']))
 ORDER BY j.priority DESC, j.due_date ASC NULLS FIRST, j.id LIMIT 16 FOR UPDATE SKIP LOCKED;
UPDATE tern_job SET retries = 0;
ANALYZE tern_job;
UPDATE tern_job SET retries = 2;
SELECT count(*) AS claimable_now FROM tern_job WHERE retries > 0;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT j.id FROM tern_job j WHERE (j.due_date IS NULL OR j.due_date <= now()) AND j.suspended = FALSE AND j.retries > 0
 AND (j.lock_owner IS NULL OR j.lock_expiration_time IS NULL OR j.lock_expiration_time < now())
 AND NOT (j.is_exclusive AND j.process_instance_id IS NOT NULL AND EXISTS (SELECT 1 FROM tern_job o WHERE o.process_instance_id = j.process_instance_id AND o.is_exclusive AND o.id <> j.id AND o.lock_owner IS NOT NULL AND o.lock_expiration_time >= now()))
 AND (j.lock_owner IS NULL OR NOT j.lock_owner = ANY(ARRAY['x']))
 ORDER BY j.priority DESC, j.due_date ASC NULLS FIRST, j.id LIMIT 16 FOR UPDATE SKIP LOCKED;
ROLLBACK;
