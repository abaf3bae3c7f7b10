package dev.tern.engine.runtime;

import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobHandler;
import java.util.List;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/**
 * The job handlers of the interpreter, for the job executor to register: {@code
 * async-continuation}, {@code timer-intermediate-transition}, {@code timer-transition} and {@code
 * timer-start-event}. Each continues the job's token (or starts an instance) inside the job's
 * transaction.
 */
public final class RuntimeJobHandlers {

  private final List<JobHandler> handlers;

  RuntimeJobHandlers(Interpreter interpreter) {
    this.handlers =
        List.of(
            handler(RuntimeJobs.ASYNC_CONTINUATION, interpreter::continueAsync),
            handler(RuntimeJobs.TIMER_INTERMEDIATE, interpreter::fireIntermediateTimer),
            handler(RuntimeJobs.TIMER_TRANSITION, interpreter::fireBoundaryTimer),
            handler(TimerStarts.TYPE, interpreter::fireTimerStart));
  }

  public List<JobHandler> all() {
    return handlers;
  }

  private static JobHandler handler(String type, BiConsumer<Handle, Job> body) {
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
