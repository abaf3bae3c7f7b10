package dev.tern.engine.history;

import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * The job log as the job capability writes it: an entry per event of a job's life, copied from the
 * job rows themselves (one statement for any number of jobs).
 */
public interface JobLog {

  /** The {@code job_state} codes, as Camunda numbers them. */
  enum State {
    CREATED(0),
    FAILED(1),
    SUCCESSFUL(2),
    DELETED(3);

    private final int code;

    State(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  /**
   * Logs the jobs with these ids in the given state, as their rows are now.
   *
   * @param jobIds a bounded set of job ids
   * @return the number of entries written
   */
  int log(Handle handle, State state, Collection<String> jobIds);
}
