package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.MultiInstance;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobDefinition;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.persistence.BeforeCommit;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The jobs the interpreter makes (async continuations, timers) and removes (an activity ends or is
 * interrupted, the instance ends). Inserts go through the job capability's {@link Jobs}.
 */
final class RuntimeJobs {

  static final String ASYNC_CONTINUATION = "async-continuation";
  static final String TIMER_INTERMEDIATE = "timer-intermediate-transition";
  static final String TIMER_TRANSITION = "timer-transition";
  /** Camunda's handler type of the timer that starts an event sub-process. */
  static final String TIMER_EVENT_SUB_PROCESS = "timer-start-event-subprocess";
  static final String ASYNC_BEFORE = "async-before";
  static final String ASYNC_AFTER = "async-after";
  /** Camunda's default number of attempts; a retry cycle applies from the first failure on. */
  static final int DEFAULT_RETRIES = 3;

  private final Jobs jobStore;
  private final IncidentStore incidentStore;
  private final Clock clock;
  private final Ids ids;

  RuntimeJobs(Jobs jobStore, IncidentStore incidentStore, Clock clock, Ids ids) {
    this.jobStore = jobStore;
    this.incidentStore = incidentStore;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * An async continuation of a token at a node. At a multi-instance activity it belongs to the body
   * ({@code …#multiInstanceBody}, the activity's own continuation) unless the token is an inner
   * instance (the loop's continuation), as in Camunda.
   */
  void insertAsync(Run run, Token token, FlowNode node, String configuration) {
    MultiInstance loop = run.process.model().multiInstanceOf(node.id());
    if (loop != null && token.miInstance) {
      insert(run, token.id, node.id(), loop.inner().exclusive(), Job.MESSAGE, ASYNC_CONTINUATION, configuration, null);
    } else {
      String activityId = loop == null ? node.id() : MultiInstance.bodyId(node.id());
      insert(run, token.id, activityId, node.continuation().exclusive(), Job.MESSAGE, ASYNC_CONTINUATION, configuration, null);
    }
  }

  void insertTimer(Run run, Token token, FlowNode timerNode, String handlerType, Instant dueDate) {
    insertTimer(run, token, timerNode, handlerType, dueDate, timerNode.id());
  }

  /** A timer job whose configuration says more than its node (a cycle's firings left). */
  void insertTimer(
      Run run,
      Token token,
      FlowNode timerNode,
      String handlerType,
      Instant dueDate,
      String configuration) {
    insert(run, token.ownExecution(), timerNode, Job.TIMER, handlerType, configuration, dueDate);
  }

  /**
   * The timer job of an event sub-process's timer start event; {@code executionId} is the
   * sub-process token of its scope, or null in the process scope.
   */
  void insertEventSubProcessTimer(
      Run run, String executionId, FlowNode startEvent, Instant dueDate, String configuration) {
    insert(run, executionId, startEvent, Job.TIMER, TIMER_EVENT_SUB_PROCESS, configuration, dueDate);
  }

  /** Deletes the event sub-process timers of a scope (a sub-process token, or null: the process). */
  void deleteEventSubProcessTimers(
      Handle handle, String processInstanceId, String executionId, String exceptJobId) {
    delete(
        handle,
        "j.process_instance_id = :pi AND j.handler_type = :type AND "
            + (executionId == null ? "j.execution_id IS NULL" : "j.execution_id = :executionId"),
        executionId == null
            ? Map.of("pi", processInstanceId, "type", TIMER_EVENT_SUB_PROCESS)
            : Map.of("pi", processInstanceId, "type", TIMER_EVENT_SUB_PROCESS, "executionId", executionId),
        exceptJobId);
  }

  private void insert(
      Run run,
      String executionId,
      FlowNode node,
      String kind,
      String handlerType,
      String configuration,
      Instant dueDate) {
    insert(
        run,
        executionId,
        node.id(),
        node.continuation().exclusive(),
        kind,
        handlerType,
        configuration,
        dueDate);
  }

  private void insert(
      Run run,
      String executionId,
      String activityId,
      boolean exclusive,
      String kind,
      String handlerType,
      String configuration,
      Instant dueDate) {
    deleteOfEndedExecutions(run.handle);
    JobDefinition definition = definitionFor(run, activityId, handlerType, configuration);
    jobStore.insert(
        run.handle,
        Job.builder()
            .id(ids.next())
            .kind(kind)
            .handlerType(handlerType)
            .handlerConfig(configuration)
            .jobDefinitionId(definition == null ? null : definition.id())
            .processInstanceId(run.instance.id())
            .executionId(executionId)
            .processDefinitionId(run.instance.processDefinitionId())
            .processDefinitionKey(run.instance.processDefinitionKey())
            .activityId(activityId)
            .deploymentId(run.process.deploymentId())
            .tenantId(run.instance.tenantId())
            .retries(DEFAULT_RETRIES)
            .dueDate(dueDate)
            .createTime(Instant.now(clock))
            .exclusive(exclusive)
            .suspended(run.instance.suspended() || (definition != null && definition.suspended()))
            .priority(
                definition != null && definition.overridingPriority() != null
                    ? definition.overridingPriority()
                    : 0L)
            .build());
  }

  /**
   * The job definition the deployment made for this job: same activity and type; async jobs also
   * need their side (async-before/after) unless the definition leaves it open. Timer definitions
   * carry the timer expression as configuration, so they match by activity and type.
   */
  private static JobDefinition definitionFor(
      Run run, String activityId, String jobType, String configuration) {
    JobDefinition fallback = null;
    for (JobDefinition candidate : run.jobDefinitions()) {
      if (!activityId.equals(candidate.activityId()) || !jobType.equals(candidate.jobType())) {
        continue;
      }
      if (Objects.equals(configuration, candidate.jobConfiguration())) {
        return candidate;
      }
      boolean sideOpen = candidate.jobConfiguration() == null;
      if (fallback == null && (sideOpen || !ASYNC_CONTINUATION.equals(jobType))) {
        fallback = candidate;
      }
    }
    return fallback;
  }

  /** Whether a job still exists (a concurrent transaction may have removed it meanwhile). */
  boolean exists(Handle handle, String jobId) {
    return jobStore.findById(handle, jobId).isPresent();
  }

  /** Deletes the jobs of one token except the job now executing (the executor deletes that one). */
  void deleteForExecution(Handle handle, String executionId, String exceptJobId) {
    delete(handle, "j.execution_id = :executionId", Map.of("executionId", executionId), exceptJobId);
  }

  /**
   * Deletes the jobs of a token that runs as its sub-process's scope execution (its async
   * continuations), not the sub-process's boundary and event sub-process timers, which name the
   * same execution.
   */
  void deleteContinuations(Handle handle, String executionId, String exceptJobId) {
    deleteOfType(handle, executionId, ASYNC_CONTINUATION, exceptJobId);
  }

  /** Deletes the boundary timer jobs of one token (its activity ended normally). */
  void deleteBoundaryTimers(Handle handle, String executionId, String exceptJobId) {
    deleteOfType(handle, executionId, TIMER_TRANSITION, exceptJobId);
  }

  private void deleteOfType(Handle handle, String executionId, String type, String exceptJobId) {
    delete(
        handle,
        "j.execution_id = :executionId AND j.handler_type = :type",
        Map.of("executionId", executionId, "type", type),
        exceptJobId);
  }

  /** Deletes every job of an instance that ended, except the job now executing. */
  void deleteForInstance(Handle handle, String processInstanceId, String exceptJobId) {
    BeforeCommit.peek(handle, EndedExecutions.class)
        .ifPresent(ended -> ended.executions.removeIf(e -> e.processInstanceId().equals(processInstanceId)));
    delete(handle, "j.process_instance_id = :pi", Map.of("pi", processInstanceId), exceptJobId);
  }

  /**
   * The jobs of a token whose execution ended (its row is gone), except the job now executing:
   * deleted later in the transaction, before the next job is written or moved and at the latest
   * before commit, so that an instance that ends in the same call deletes them with its other jobs
   * ({@link #deleteForInstance}) instead of one more look-up per ended execution. The row's id is
   * free meanwhile; a job written to it later must not be taken for one of these, hence the
   * deletion before every job write.
   *
   * @param continuationsOnly only the async continuations (the token ran as its sub-process's
   *     scope execution, whose boundary and event sub-process timers name it too)
   */
  void deleteForEndedExecution(
      Handle handle,
      String processInstanceId,
      String executionId,
      boolean continuationsOnly,
      String exceptJobId) {
    BeforeCommit.held(
            handle, EndedExecutions.class, EndedExecutions::new, ended -> deleteOfEndedExecutions(handle))
        .executions
        .add(new EndedExecution(processInstanceId, executionId, continuationsOnly, exceptJobId));
  }

  /** Deletes the jobs of the executions {@link #deleteForEndedExecution} held back. */
  void deleteOfEndedExecutions(Handle handle) {
    List<EndedExecution> ended =
        BeforeCommit.peek(handle, EndedExecutions.class).map(e -> e.executions).orElse(List.of());
    if (ended.isEmpty()) {
      return;
    }
    List<EndedExecution> due = List.copyOf(ended);
    ended.clear();
    for (EndedExecution execution : due) {
      if (execution.continuationsOnly()) {
        deleteContinuations(handle, execution.executionId(), execution.exceptJobId());
      } else {
        deleteForExecution(handle, execution.executionId(), execution.exceptJobId());
      }
    }
  }

  private record EndedExecution(
      String processInstanceId, String executionId, boolean continuationsOnly, String exceptJobId) {}

  /** One transaction's {@link EndedExecution}s. */
  private static final class EndedExecutions {
    final List<EndedExecution> executions = new ArrayList<>();
  }

  /**
   * Deletes jobs through the job store (which writes their deletion log) and marks the failedJob
   * incidents of those jobs deleted. The selections are one token's or one instance's jobs: few.
   */
  private void delete(Handle handle, String where, Map<String, Object> binds, String exceptJobId) {
    Map<String, Object> all = new HashMap<>(binds);
    all.put("exceptJobId", exceptJobId == null ? "" : exceptJobId);
    String condition = where + " AND j.id <> :exceptJobId";
    var select = handle.createQuery("SELECT j.id FROM tern_job j WHERE " + condition);
    all.forEach(select::bind);
    List<String> ids = select.mapTo(String.class).list();
    if (ids.isEmpty()) {
      return;
    }
    incidentStore.deleteFailedJobIncidents(handle, ids);
    jobStore.delete(handle, ids);
  }
}
