package dev.tern.engine.externaltask;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.ServiceImplementation;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.runtime.DeployedProcesses;
import dev.tern.engine.runtime.RuntimeService;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.VariableStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * External tasks, as Camunda's {@code ExternalTaskService}: workers fetch and lock tasks by topic,
 * then complete them, report a failure or a BPMN error; operators query them and set retries and
 * priorities.
 *
 * <p>Errors follow Camunda 7.24's REST answers: an unknown task is a {@link NotFoundException}
 * ({@code External task with id … does not exist}); a worker that does not hold the lock, an
 * expired lock on extension, or a missing or negative argument is a {@link ProcessEngineException}
 * (400). A call that finishes a task first locks its process instance, then the task, as every
 * continuation of an instance does, so it cannot interleave with a timer of the same instance.
 *
 * <p>Authorizations as in Camunda: queries and fetches return only tasks of instances the {@link
 * Caller} may read ({@code READ} on the instance or {@code READ_INSTANCE} on its definition), a
 * fetch also needs {@code UPDATE} / {@code UPDATE_INSTANCE}; commands on one task need {@code
 * UPDATE} on its instance or {@code UPDATE_INSTANCE} on its definition. The methods without a
 * caller are the engine's own (no checks).
 */
public final class ExternalTaskService {

  private static final boolean COMPLETED = true;

  private final Database database;
  private final Clock clock;
  private final ExternalTaskStore store;
  private final IncidentStore incidents;
  private final RuntimeService runtime;
  private final VariableStore variables;
  private final DeployedProcesses processes;
  private final ExternalTaskSignal signal;
  private final Authorizer authorizer = new Authorizer();

  public ExternalTaskService(
      Database database,
      Clock clock,
      ExternalTaskStore store,
      IncidentStore incidents,
      RuntimeService runtime,
      VariableStore variables,
      DeployedProcesses processes,
      ExternalTaskSignal signal) {
    this.database = database;
    this.clock = clock;
    this.store = store;
    this.incidents = incidents;
    this.runtime = runtime;
    this.variables = variables;
    this.processes = processes;
    this.signal = signal;
  }

  /** Wakes waiting fetches of this node when a task may have become available. */
  public ExternalTaskSignal signal() {
    return signal;
  }

  public ExternalTaskQuery createQuery() {
    return new ExternalTaskQuery();
  }

  public List<ExternalTask> list(ExternalTaskQuery query, int firstResult, int maxResults) {
    return database.withHandle(h -> store.list(h, query, firstResult, maxResults));
  }

  public long count(ExternalTaskQuery query) {
    return database.withHandle(h -> store.count(h, query));
  }

  /** The tasks the query selects that the caller may read. */
  public List<ExternalTask> list(
      Caller caller, ExternalTaskQuery query, int firstResult, int maxResults) {
    return list(query.readableBy(caller), firstResult, maxResults);
  }

  public long count(Caller caller, ExternalTaskQuery query) {
    return count(query.readableBy(caller));
  }

  public ExternalTask get(String id) {
    return get(Caller.SYSTEM, id);
  }

  /** The task; one the caller may not read is unknown to it, as Camunda's query-based look-up. */
  public ExternalTask get(Caller caller, String id) {
    return database
        .withHandle(h -> store.find(h, id).filter(task -> granted(h, caller, task, READ)))
        .orElseThrow(() -> notFound(id));
  }

  /**
   * The details of the task's last failure, or null; with {@code READ} on the instance or {@code
   * READ_INSTANCE}.
   */
  public String errorDetails(Caller caller, String id) {
    return database.withHandle(
        h -> {
          ExternalTask task = store.find(h, id).orElseThrow(() -> notFound(id));
          check(h, caller, task, READ);
          return store.errorDetails(h, id);
        });
  }

  /** Reading a task's instance: {@code READ} on it or {@code READ_INSTANCE} on its definition. */
  private static final Permission[] READ = {Permission.READ, Permission.READ_INSTANCE};

  /** Camunda's {@code checkUpdateProcessInstanceById}: {@code UPDATE} / {@code UPDATE_INSTANCE}. */
  private static final Permission[] UPDATE = {Permission.UPDATE, Permission.UPDATE_INSTANCE};

  private boolean granted(Handle h, Caller caller, ExternalTask task, Permission[] onInstance) {
    return authorizer.grantedAny(h, caller, checks(task, onInstance));
  }

  private void check(Handle h, Caller caller, ExternalTask task, Permission[] onInstance) {
    authorizer.check(h, caller, checks(task, onInstance));
  }

  private static PermissionCheck[] checks(ExternalTask task, Permission[] onInstance) {
    return new PermissionCheck[] {
      PermissionCheck.of(onInstance[0], Resource.PROCESS_INSTANCE, task.processInstanceId()),
      PermissionCheck.of(onInstance[1], Resource.PROCESS_DEFINITION, task.processDefinitionKey())
    };
  }

  public List<String> topicNames(
      boolean withLockedTasks, boolean withUnlockedTasks, boolean withRetriesLeft) {
    return database.withHandle(
        h -> store.topicNames(h, withLockedTasks, withUnlockedTasks, withRetriesLeft));
  }

  /** Locks up to {@code maxTasks} available tasks of the request's topics for its worker. */
  public List<LockedExternalTask> fetchAndLock(FetchRequest request) {
    return fetchAndLock(Caller.SYSTEM, request);
  }

  /**
   * {@link #fetchAndLock(FetchRequest)} over the tasks the caller may read and update ({@code
   * READ} and {@code UPDATE} on the instance, or {@code READ_INSTANCE} and {@code UPDATE_INSTANCE}
   * on its definition, in any combination), as Camunda's fetch filters them.
   */
  public List<LockedExternalTask> fetchAndLock(Caller caller, FetchRequest request) {
    requireNotNull("workerId", request.workerId());
    if (request.maxTasks() < 0) {
      throw new ProcessEngineException("maxResults is not greater than or equal to 0");
    }
    for (TopicRequest topic : request.topics()) {
      requireNotNull("topicName", topic.topicName());
      if (topic.lockDuration() <= 0) {
        throw new ProcessEngineException("lockTime is not greater than 0");
      }
    }
    return database.inTransaction(
        h ->
            store.claim(h, request, fetchable(caller)).stream()
                .map(task -> locked(h, request, task))
                .toList());
  }

  private dev.tern.engine.query.Restriction fetchable(Caller caller) {
    dev.tern.engine.query.Restriction updatable =
        authorizer.restriction(
            caller,
            new Authorizer.RowCheck(Permission.UPDATE, Resource.PROCESS_INSTANCE, "t.process_instance_id"),
            new Authorizer.RowCheck(
                Permission.UPDATE_INSTANCE, Resource.PROCESS_DEFINITION, "t.proc_def_key"));
    return ExternalTaskQuery.readable(caller).and(updatable);
  }

  private LockedExternalTask locked(Handle h, FetchRequest request, ExternalTask task) {
    TopicRequest topic =
        request.topics().stream()
            .filter(t -> t.topicName().equals(task.topicName()))
            .findFirst()
            .orElseThrow();
    Map<String, TypedValue> values = new LinkedHashMap<>();
    if (!topic.localVariables()) {
      Map<String, TypedValue> all = variables.all(h, task.processInstanceId());
      if (topic.variables() == null) {
        values.putAll(all);
      } else {
        for (String name : topic.variables()) {
          if (all.containsKey(name)) {
            values.put(name, all.get(name));
          }
        }
      }
    }
    Map<String, String> properties =
        topic.includeExtensionProperties() ? extensionProperties(h, task) : Map.of();
    return new LockedExternalTask(task, store.errorDetails(h, task.id()), values, properties);
  }

  private Map<String, String> extensionProperties(Handle h, ExternalTask task) {
    return processes
        .findById(h, task.processDefinitionId())
        .flatMap(p -> p.model().findNode(task.activityId()))
        .map(FlowNode::kind)
        .filter(NodeKind.ServiceTask.class::isInstance)
        .map(k -> ((NodeKind.ServiceTask) k).implementation())
        .filter(ServiceImplementation.External.class::isInstance)
        .map(i -> ((ServiceImplementation.External) i).properties())
        .orElse(Map.of());
  }

  /** Completes the task: sets the variables and moves the waiting token on. */
  public void complete(
      String id, String workerId, Map<String, ?> newVariables, Map<String, ?> localVariables) {
    complete(Caller.SYSTEM, id, workerId, newVariables, localVariables);
  }

  public void complete(
      Caller caller,
      String id,
      String workerId,
      Map<String, ?> newVariables,
      Map<String, ?> localVariables) {
    finish(
        caller,
        id,
        workerId,
        "External Task " + id + " cannot be completed by worker '" + workerId,
        (h, task) -> {
          store.delete(h, id, COMPLETED);
          runtime.completeExternalTask(
              h,
              task.processInstanceId(),
              task.executionId(),
              orEmpty(newVariables),
              orEmpty(localVariables));
        });
  }

  /**
   * Reports a failure: with retries left the task is fetchable again after {@code retryTimeout}
   * milliseconds; at 0 retries it gets a {@code failedExternalTask} incident.
   */
  public void handleFailure(
      Caller caller,
      String id,
      String workerId,
      String errorMessage,
      String errorDetails,
      int retries,
      long retryTimeout,
      Map<String, ?> newVariables) {
    if (retries < 0) {
      throw new ProcessEngineException("retries is not greater than or equal to 0");
    }
    if (retryTimeout < 0) {
      throw new ProcessEngineException("retryDuration is not greater than or equal to 0");
    }
    finish(
        caller,
        id,
        workerId,
        "Failure of External Task " + id + " cannot be reported by worker '" + workerId,
        (h, task) -> {
          if (newVariables != null && !newVariables.isEmpty()) {
            variables.setAll(h, task.processInstanceId(), typed(newVariables));
          }
          store.fail(h, id, errorMessage, errorDetails, retries, after(now(), retryTimeout));
        });
  }

  /** Throws a BPMN error from the task's activity (caught by an error boundary event, or not). */
  public void handleBpmnError(
      String id, String workerId, String errorCode, String errorMessage, Map<String, ?> newVariables) {
    handleBpmnError(Caller.SYSTEM, id, workerId, errorCode, errorMessage, newVariables);
  }

  public void handleBpmnError(
      Caller caller,
      String id,
      String workerId,
      String errorCode,
      String errorMessage,
      Map<String, ?> newVariables) {
    requireNotNull("workerId", workerId);
    requireNotNull("errorCode", errorCode);
    finish(
        caller,
        id,
        workerId,
        "Bpmn error of External Task " + id + " cannot be reported by worker '" + workerId,
        (h, task) -> {
          store.delete(h, id, !COMPLETED);
          runtime.throwBpmnError(
              h,
              task.processInstanceId(),
              task.executionId(),
              errorCode,
              errorMessage,
              orEmpty(newVariables));
        });
  }

  /** Extends the lock of the worker that holds it by {@code newDuration} ms from now. */
  public void extendLock(Caller caller, String id, String workerId, long newDuration) {
    if (newDuration <= 0) {
      throw new ProcessEngineException("lockTime is not greater than 0");
    }
    finish(
        caller,
        id,
        workerId,
        "The lock of the External Task " + id + " cannot be extended by worker '" + workerId + "'",
        (h, task) -> {
          Instant now = now();
          if (task.lockExpirationTime() == null || task.lockExpirationTime().isBefore(now)) {
            throw new ProcessEngineException(
                "Cannot extend a lock that expired: lockExpirationTime is not greater than or"
                    + " equal to "
                    + now.toEpochMilli());
          }
          store.lock(h, id, workerId, after(now, newDuration));
        });
  }

  /** Locks the task for a worker unless another worker holds an unexpired lock. */
  public void lock(Caller caller, String id, String workerId, long lockDuration) {
    requireNotNull("workerId", workerId);
    if (lockDuration <= 0) {
      throw new ProcessEngineException("lockDuration is not greater than 0");
    }
    database.useTransaction(
        h -> {
          ExternalTask task = lockTask(h, id);
          Instant now = now();
          if (task.workerId() != null && !workerId.equals(task.workerId()) && task.lockedAt(now)) {
            throw new ProcessEngineException(
                "RestException",
                "External Task "
                    + id
                    + " cannot be locked by worker '"
                    + workerId
                    + "'. It is locked by worker '"
                    + task.workerId()
                    + "'.");
          }
          check(h, caller, task, UPDATE);
          ensureActive(task);
          store.lock(h, id, workerId, after(now, lockDuration));
        });
  }

  public void unlock(Caller caller, String id) {
    database.useTransaction(
        h -> {
          check(h, caller, lockTask(h, id), UPDATE);
          store.unlock(h, id);
        });
  }

  /** Sets the retries; 0 opens a {@code failedExternalTask} incident, more resolves it. */
  public void setRetries(Caller caller, String id, int retries) {
    if (retries < 0) {
      throw new ProcessEngineException("retries is not greater than or equal to 0");
    }
    database.useTransaction(
        h -> {
          check(h, caller, lockTask(h, id), UPDATE);
          store.setRetries(h, List.of(id), retries);
        });
  }

  public void setPriority(Caller caller, String id, long priority) {
    database.useTransaction(
        h -> {
          check(h, caller, lockTask(h, id), UPDATE);
          store.setPriority(h, id, priority);
        });
  }

  private interface Action {
    void apply(Handle handle, ExternalTask task);
  }

  /** Runs a worker's action on a task it must hold the lock of. */
  private void finish(
      Caller caller, String id, String workerId, String wrongWorker, Action action) {
    requireNotNull("workerId", workerId);
    database.useTransaction(
        h -> {
          ExternalTask task = lockTask(h, id);
          if (!workerId.equals(task.workerId())) {
            throw new ProcessEngineException(
                "RestException",
                wrongWorker + "'. It is locked by worker '" + task.workerId() + "'.");
          }
          check(h, caller, task, UPDATE);
          ensureActive(task);
          action.apply(h, task);
        });
  }

  /** Locks the task's instance, then the task (the order every continuation uses). */
  private ExternalTask lockTask(Handle h, String id) {
    ExternalTask seen = store.find(h, id).orElseThrow(() -> notFound(id));
    runtime.lockProcessInstance(h, seen.processInstanceId());
    return store.lockRow(h, id).orElseThrow(() -> notFound(id));
  }

  private static void ensureActive(ExternalTask task) {
    if (task.suspended()) {
      throw new ProcessEngineException(
          "SuspendedEntityInteractionException",
          "ExternalTask with id '" + task.id() + "' is suspended.");
    }
  }

  private static Map<String, TypedValue> typed(Map<String, ?> values) {
    Map<String, TypedValue> typed = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            typed.put(name, value instanceof TypedValue t ? t : TypedValue.fromJava(value)));
    return typed;
  }

  private static Map<String, ?> orEmpty(Map<String, ?> values) {
    return values == null ? Map.of() : values;
  }

  private static void requireNotNull(String name, Object value) {
    if (value == null) {
      throw new ProcessEngineException("NullValueException", name + " is null");
    }
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("RestException", "External task with id " + id + " does not exist");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Durations beyond a century are cut to one, so no lock time overflows a timestamp. */
  static final long MAX_MILLIS = 100L * 366 * 24 * 3600 * 1000;

  static Instant after(Instant start, long millis) {
    return start.plusMillis(Math.min(millis, MAX_MILLIS));
  }
}
