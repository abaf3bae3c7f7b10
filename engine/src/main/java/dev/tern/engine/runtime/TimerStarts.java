package dev.tern.engine.runtime;

import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.deployment.model.TimerDefinition;
import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobDefinition;
import dev.tern.engine.job.JobDefinitions;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The timer jobs of timer start events, as Camunda keeps them: the latest version of a definition
 * has one job per timer start event (a new version replaces the older versions' jobs, and deleting
 * its deployment schedules the previous version's again); a due job
 * first schedules the cycle's next firing, if any is left, then starts an instance. The job's
 * {@code handlerConfig} holds the firings left of an {@code R<n>} cycle (none: without end).
 */
public final class TimerStarts implements DeploymentService.DefinitionListener {

  static final String TYPE = "timer-start-event";

  private final Clock clock;
  private final Ids ids;
  private final Jobs jobs;
  private final JobDefinitions jobDefinitions;

  public TimerStarts(Clock clock, Ids ids, Jobs jobs, JobDefinitions jobDefinitions) {
    this.clock = clock;
    this.ids = ids;
    this.jobs = jobs;
    this.jobDefinitions = jobDefinitions;
  }

  @Override
  public void deployed(Handle handle, ProcessDefinition definition, ProcessModel model) {
    deleteOlderVersionsJobs(handle, definition);
    schedule(handle, definition, model);
  }

  /** The previous version is the latest again: its timers are scheduled anew from now. */
  @Override
  public void latestAgain(Handle handle, ProcessDefinition definition, ProcessModel model) {
    schedule(handle, definition, model);
  }

  private void schedule(Handle handle, ProcessDefinition definition, ProcessModel model) {
    Instant now = now();
    for (FlowNode node : model.nodes().values()) {
      if (!(node.kind() instanceof NodeKind.TimerStartEvent start)) {
        continue;
      }
      TimerDefinition timer = start.timer();
      Integer firings =
          timer.type() == TimerDefinition.Type.CYCLE
              ? TimerSchedule.repetitions(timer.expression())
              : null;
      Instant due =
          TimerSchedule.dueDate(timer.type(), timer.expression(), now, clock.getZone())
              .truncatedTo(ChronoUnit.MILLIS);
      JobDefinition jobDefinition =
          jobDefinitions.findByProcessDefinition(handle, definition.id()).stream()
              .filter(d -> TYPE.equals(d.jobType()) && node.id().equals(d.activityId()))
              .findFirst()
              .orElse(null);
      insert(
          handle,
          Job.builder()
              .processDefinitionId(definition.id())
              .processDefinitionKey(definition.key())
              .deploymentId(definition.deploymentId())
              .tenantId(definition.tenantId())
              .activityId(node.id())
              .jobDefinitionId(jobDefinition == null ? null : jobDefinition.id())
              .exclusive(node.continuation().exclusive()),
          due,
          firings);
    }
  }

  /**
   * Schedules the next firing of a cycle whose job is due now, unless it was the last one.
   *
   * @param cycle the timer start event's cycle
   */
  void scheduleNext(Handle handle, Job due, String cycle) {
    Integer left = due.handlerConfig() == null ? null : Integer.valueOf(due.handlerConfig());
    if (left != null && left <= 1) {
      return;
    }
    Instant previous = due.dueDate() == null ? now() : due.dueDate();
    Instant next =
        TimerSchedule.nextCycleOccurrence(cycle, previous, clock.getZone())
            .truncatedTo(ChronoUnit.MILLIS);
    insert(
        handle,
        Job.builder()
            .processDefinitionId(due.processDefinitionId())
            .processDefinitionKey(due.processDefinitionKey())
            .deploymentId(due.deploymentId())
            .tenantId(due.tenantId())
            .activityId(due.activityId())
            .jobDefinitionId(due.jobDefinitionId())
            .exclusive(due.exclusive()),
        next,
        left == null ? null : left - 1);
  }

  private void insert(Handle handle, Job.Builder job, Instant due, Integer firingsLeft) {
    jobs.insert(
        handle,
        job.id(ids.next())
            .kind(Job.TIMER)
            .handlerType(TYPE)
            .handlerConfig(firingsLeft == null ? null : String.valueOf(firingsLeft))
            .retries(RuntimeJobs.DEFAULT_RETRIES)
            .dueDate(due)
            .createTime(now())
            .build());
  }

  private void deleteOlderVersionsJobs(Handle handle, ProcessDefinition definition) {
    List<String> older =
        handle
            .createQuery(
                "SELECT j.id FROM tern_job j WHERE j.handler_type = :type AND j.proc_def_id IN"
                    + " (SELECT d.id FROM tern_process_definition d WHERE d.proc_key = :key AND"
                    + " d.id <> :id AND "
                    + (definition.tenantId() == null ? "d.tenant_id IS NULL" : "d.tenant_id = :tenantId")
                    + ")")
            .bind("type", TYPE)
            .bind("key", definition.key())
            .bind("id", definition.id())
            .bind("tenantId", definition.tenantId())
            .mapTo(String.class)
            .list();
    if (!older.isEmpty()) {
      jobs.delete(handle, older);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
