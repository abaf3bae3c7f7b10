package dev.tern.engine.job;

import org.jdbi.v3.core.Handle;

/**
 * Runs one kind of job. The executor calls {@link #execute} inside the job's transaction and then
 * deletes the job; an exception rolls the work back and counts as a failed attempt.
 */
public interface JobHandler {

  /** The {@code handler_type} of the jobs this handler runs. */
  String type();

  void execute(Job job, Handle handle);
}
