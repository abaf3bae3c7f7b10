package dev.tern.engine.batch;

import java.time.Instant;

/**
 * A running batch (a row of {@code tern_batch}): work split into batch jobs that a seed job creates
 * and a monitor job oversees. Field names follow Camunda's {@code Batch}.
 *
 * @param totalJobs batch jobs needed to finish the batch
 * @param jobsCreated batch jobs the seed job has created so far
 */
public record Batch(
    String id,
    String type,
    int totalJobs,
    int jobsCreated,
    int batchJobsPerSeed,
    int invocationsPerBatchJob,
    String seedJobDefinitionId,
    String monitorJobDefinitionId,
    String batchJobDefinitionId,
    boolean suspended,
    String tenantId,
    String createUserId,
    Instant startTime,
    Instant executionStartTime) {

  /** The type of batches that set job retries. */
  public static final String TYPE_SET_JOB_RETRIES = "set-job-retries";

  /** The type of batches that set external task retries. */
  public static final String TYPE_SET_EXTERNAL_TASK_RETRIES = "set-external-task-retries";

  /** Camunda's {@code Batch.TYPE_CORRELATE_MESSAGE}: a message correlated to many instances. */
  public static final String TYPE_CORRELATE_MESSAGE = "correlate-message";

  /** Camunda's {@code Batch.TYPE_HISTORIC_PROCESS_INSTANCE_DELETION}. */
  public static final String TYPE_HISTORIC_PROCESS_INSTANCE_DELETION =
      "historic-process-instance-deletion";
}
