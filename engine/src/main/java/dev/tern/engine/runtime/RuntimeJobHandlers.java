package dev.tern.engine.runtime;

import dev.tern.engine.job.JobHandler;
import java.util.List;

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
            JobHandler.of(RuntimeJobs.ASYNC_CONTINUATION, interpreter::lockForJob, interpreter::continueAsync),
            JobHandler.of(RuntimeJobs.TIMER_INTERMEDIATE, interpreter::lockForJob, interpreter::fireIntermediateTimer),
            JobHandler.of(RuntimeJobs.TIMER_TRANSITION, interpreter::lockForJob, interpreter::fireBoundaryTimer),
            JobHandler.of(RuntimeJobs.TIMER_EVENT_SUB_PROCESS, interpreter::lockForJob, interpreter::fireEventSubProcessTimer),
            JobHandler.of(TimerStarts.TYPE, interpreter::fireTimerStart));
  }

  public List<JobHandler> all() {
    return handlers;
  }
}
