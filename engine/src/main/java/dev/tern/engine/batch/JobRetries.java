package dev.tern.engine.batch;

import java.time.Instant;

/**
 * What a set-job-retries operation writes to each job.
 *
 * @param retries the new retries, at least 0
 * @param dueDateSet whether the due date changes at all (an absent {@code dueDate} leaves it)
 * @param dueDate the new due date when {@code dueDateSet}; null clears it (the job is due now)
 */
public record JobRetries(int retries, boolean dueDateSet, Instant dueDate) {

  public static JobRetries of(int retries) {
    return new JobRetries(retries, false, null);
  }

  public static JobRetries withDueDate(int retries, Instant dueDate) {
    return new JobRetries(retries, true, dueDate);
  }
}
