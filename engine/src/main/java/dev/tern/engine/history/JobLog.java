package dev.tern.engine.history;

import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * The job log as the job capability writes it: an entry per event of a job's life, copied from the
 * job rows themselves (one statement for any number of jobs).
 */
public interface JobLog {

  /**
   * Logs the jobs with these ids in the given state, as their rows are now.
   *
   * @param jobIds a bounded set of job ids
   * @return the number of entries written
   */
  int log(Handle handle, LogState state, Collection<String> jobIds);

  /**
   * Logs a failure of the job as its row is now (its exception recorded), but with the retries it
   * had when it failed, as Camunda logs them (3, 2, 1 for a job failing three times, not 2, 1, 0).
   */
  int logFailure(Handle handle, String jobId, int retriesBeforeFailure);
}
