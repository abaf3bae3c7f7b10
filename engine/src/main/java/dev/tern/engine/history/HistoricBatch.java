package dev.tern.engine.history;

import java.time.Instant;

/** A row of {@code tern_hi_batch}: a batch as history keeps it, finished or not. */
public record HistoricBatch(
    String id,
    String type,
    int totalJobs,
    int batchJobsPerSeed,
    int invocationsPerBatchJob,
    String seedJobDefinitionId,
    String monitorJobDefinitionId,
    String batchJobDefinitionId,
    String tenantId,
    String createUserId,
    Instant startTime,
    Instant executionStartTime,
    Instant endTime,
    Instant removalTime) {}
