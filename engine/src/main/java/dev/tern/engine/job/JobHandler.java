package dev.tern.engine.job;

import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/**
 * Runs one kind of job. The executor calls {@link #execute} inside the job's transaction and then
 * deletes the job; an exception rolls the work back and counts as a failed attempt.
 */
public interface JobHandler {

  /** The {@code handler_type} of the jobs this handler runs. */
  String type();

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
