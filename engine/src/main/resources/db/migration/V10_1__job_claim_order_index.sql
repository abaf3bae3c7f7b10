-- The executor's claim walks this index in claim order and stops at the first free due jobs,
-- instead of sorting every acquirable job on each claim. On PostgreSQL the index holds only jobs
-- that can be claimed at all, so thousands of jobs without retries (incidents) are never walked.
CREATE INDEX tern_job_claim_order ON tern_job (priority DESC, due_date NULLS FIRST, id)${claimable_jobs_only};
