package dev.tern.engine.batch;

/**
 * A batch with its progress, counted in batch jobs as Camunda counts them.
 *
 * @param remainingJobs batch jobs not yet done, including failed ones and ones still to be created
 * @param completedJobs batch jobs done
 * @param failedJobs batch jobs without retries left
 */
public record BatchStatistics(Batch batch, int remainingJobs, int completedJobs, int failedJobs) {}
