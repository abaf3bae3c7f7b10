package dev.tern.engine.job;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/**
 * Runs one kind of job. The executor calls {@link #execute} inside the job's transaction and then
 * deletes the job; an exception rolls the work back and counts as a failed attempt.
 */
public interface JobHandler {

  /** The {@code handler_type} of the jobs this handler runs. */
  String type();

  /**
   * Locks the process instance of an exclusive job for the rest of the transaction, before the
   * job is read again. A handler that reads the instance anyway can lock it with that read and
   * keep the row for {@link #execute}; by default only the lock is taken.
   */
  default void lockInstance(Handle handle, String processInstanceId) {
    handle
        .createQuery("SELECT id FROM tern_process_instance WHERE id = :id FOR UPDATE")
        .bind("id", processInstanceId)
        .mapTo(String.class)
        .findOne();
  }

  /**
   * Reads an exclusive job again once {@link #lockInstance} holds its instance. A handler that reads
   * other rows of the job anyway (after the lock, so they are current) can read them in the same
   * statement ({@link Jobs#findByIdJoined}) and keep them for {@link #execute}.
   */
  default Optional<Job> readLocked(Handle handle, String jobId, Jobs jobs) {
    return jobs.findById(handle, jobId);
  }

  void execute(Job job, Handle handle);

  /** A handler of the jobs of this type that runs {@code body} with the handle and the job. */
  static JobHandler of(String type, BiConsumer<Handle, Job> body) {
    return new JobHandler() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public void execute(Job job, Handle handle) {
        body.accept(handle, job);
      }

      @Override
      public String toString() {
        return "JobHandler[" + type + "]";
      }
    };
  }
}
