-- Claims and lease renewals change only lock_owner, lock_expiration_time and rev. With no index on
-- those columns (the claim walks tern_job_claim_order) and, on PostgreSQL, room left in each page,
-- they are HOT updates that write no index entry at all.
DROP INDEX tern_job_lock_expiration;
${job_table_fillfactor}
