package dev.tern.engine.runtime;

import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobHandler;
import dev.tern.engine.job.Jobs;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/**
 * The job handlers of the interpreter, for the job executor to register: {@code
 * async-continuation}, {@code timer-intermediate-transition}, {@code timer-transition}, {@code
 * timer-start-event-subprocess} and {@code timer-start-event}. Each continues the job's token (or starts an instance) inside the job's
 * transaction.
 */
public final class RuntimeJobHandlers {

  private final List<JobHandler> handlers;

  RuntimeJobHandlers(Interpreter interpreter) {
    this.handlers =
        List.of(
            new TokenJobHandler(RuntimeJobs.ASYNC_CONTINUATION, interpreter, interpreter::continueAsync),
            new TokenJobHandler(RuntimeJobs.TIMER_INTERMEDIATE, interpreter, interpreter::fireIntermediateTimer),
            new TokenJobHandler(RuntimeJobs.TIMER_TRANSITION, interpreter, interpreter::fireBoundaryTimer),
            new TokenJobHandler(RuntimeJobs.TIMER_EVENT_SUB_PROCESS, interpreter, interpreter::fireEventSubProcessTimer),
            JobHandler.of(TimerStarts.TYPE, interpreter::fireTimerStart));
  }

  public List<JobHandler> all() {
    return handlers;
  }

  /**
   * A job of a running instance's token: the instance row read with its lock and the token's
   * execution row read with the job are kept for the run ({@link Interpreter#lockForJob}, {@link
   * Interpreter#readLockedJob}).
   */
  private record TokenJobHandler(String type, Interpreter interpreter, BiConsumer<Handle, Job> body)
      implements JobHandler {

    @Override
    public void lockInstance(Handle handle, String processInstanceId) {
      interpreter.lockForJob(handle, processInstanceId);
    }

    @Override
    public Optional<Job> readLocked(Handle handle, String jobId, Jobs jobs) {
      return interpreter.readLockedJob(handle, jobId, jobs);
    }

    @Override
    public void execute(Job job, Handle handle) {
      body.accept(handle, job);
    }
  }
}
