package dev.tern.engine.runtime;

import dev.tern.engine.deployment.DeploymentService;

import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.UserTaskListener;
import java.util.List;

import dev.tern.engine.FieldLimits;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.Database;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Starts process instances and moves waiting tokens on. Each call runs synchronously in one
 * transaction until every token rests (wait state, timer, async boundary, parallel join) or the
 * instance has ended, as Camunda does.
 *
 * <p>Errors: an unknown definition, instance or waiting task is a {@link NotFoundException}; an
 * expression the model and the given variables cannot evaluate (unknown variable, non-Boolean
 * condition, no selectable outgoing flow, bad timer value) is a {@code ProcessEngineException}
 * (category {@code BAD_REQUEST}: the caller's data or model is at fault, so the edge answers 4xx);
 * an exception thrown by a delegate, bean or connector propagates as is (the edge answers 500).
 * Whatever fails, nothing of the call is kept.
 */
public final class RuntimeService {

  private final Database database;
  private final DeployedProcesses processes;
  private final Interpreter interpreter;
  private final Authorizer authorizer = new Authorizer();

  RuntimeService(Database database, DeployedProcesses processes, Interpreter interpreter) {
    this.database = database;
    this.processes = processes;
    this.interpreter = interpreter;
  }

  /**
   * Starts the definition with this id. Variable values are {@link TypedValue}s or plain Java
   * values (String, Boolean, Integer, Short, Long, Double, Date/Instant, null; maps and lists are
   * stored as JSON).
   */
  public ProcessInstance startProcessInstanceById(
      String definitionId, String businessKey, Map<String, ?> variables) {
    return database.inTransactionWithGenericPlans(
        handle -> startProcessInstanceById(handle, definitionId, businessKey, variables));
  }

  /**
   * {@link #startProcessInstanceById(String, String, Map)} with Camunda's checks: {@code CREATE} on
   * process instances, then {@code CREATE_INSTANCE} on the definition (by key).
   */
  public ProcessInstance startProcessInstanceById(
      Caller caller, String definitionId, String businessKey, Map<String, ?> variables) {
    return database.inTransactionWithGenericPlans(
        handle -> {
          requireStorable(businessKey, variables);
          DeployedProcess process = byId(handle, definitionId);
          checkCreate(handle, caller, process);
          return interpreter.start(handle, process, businessKey, variables);
        });
  }

  /** As {@link #startProcessInstanceById(String, String, Map)}, in the caller's transaction. */
  public ProcessInstance startProcessInstanceById(
      Handle handle, String definitionId, String businessKey, Map<String, ?> variables) {
    requireStorable(businessKey, variables);
    return interpreter.start(handle, byId(handle, definitionId), businessKey, variables);
  }

  /**
   * Starts the latest version of the definition with this key (of the tenant; tenant null: of no
   * tenant) in one transaction, with the checks of Camunda's REST start by key: a definition the
   * caller may not read is "not found", then {@code CREATE} on process instances and {@code
   * CREATE_INSTANCE} on the definition.
   */
  public ProcessInstance startLatestProcessInstanceByKey(
      Caller caller, String key, String tenantId, String businessKey, Map<String, ?> variables) {
    return database.inTransactionWithGenericPlans(
        handle -> {
          DeployedProcess process =
              processes
                  .findLatestByKey(handle, key, tenantId)
                  .filter(
                      found ->
                          authorizer.granted(
                              handle,
                              caller,
                              PermissionCheck.of(Permission.READ, Resource.PROCESS_DEFINITION, found.key())))
                  .orElseThrow(() -> DeploymentService.latestNotFound(key, tenantId));
          requireStorable(businessKey, variables);
          checkCreate(handle, caller, process);
          return interpreter.start(handle, process, businessKey, variables);
        });
  }

  private void checkCreate(Handle handle, Caller caller, DeployedProcess process) {
    authorizer.check(handle, caller, PermissionCheck.of(Permission.CREATE, Resource.PROCESS_INSTANCE));
    authorizer.check(
        handle,
        caller,
        PermissionCheck.of(Permission.CREATE_INSTANCE, Resource.PROCESS_DEFINITION, process.key()));
  }

  private DeployedProcess byId(Handle handle, String definitionId) {
    return processes
        .findById(handle, definitionId)
        .orElseThrow(
            () -> new NotFoundException("No matching definition with id " + definitionId));
  }

  /**
   * Starts the latest version of the definition with this key: of the given tenant, or (tenant id
   * null) of the definitions that belong to no tenant.
   */
  public ProcessInstance startProcessInstanceByKey(
      String key, String tenantId, String businessKey, Map<String, ?> variables) {
    return database.inTransactionWithGenericPlans(
        handle -> startProcessInstanceByKey(handle, key, tenantId, businessKey, variables));
  }

  /** As {@link #startProcessInstanceByKey(String, String, String, Map)}, in the caller's transaction. */
  public ProcessInstance startProcessInstanceByKey(
      Handle handle, String key, String tenantId, String businessKey, Map<String, ?> variables) {
    requireStorable(businessKey, variables);
    FieldLimits.requireAtMost("tenantId", tenantId, FieldLimits.ID);
    DeployedProcess process =
        processes
            .findLatestByKey(handle, key, tenantId)
            .orElseThrow(() -> DeploymentService.latestNotFound(key, tenantId));
    return interpreter.start(handle, process, businessKey, variables);
  }

  /** Completes the user task a token of the instance waits in, and moves the token on. */
  public void completeUserTask(String processInstanceId, String activityId) {
    completeUserTask(processInstanceId, activityId, Map.of());
  }

  /** As {@link #completeUserTask(String, String)}, first setting the given process variables. */
  public void completeUserTask(
      String processInstanceId, String activityId, Map<String, ?> variables) {
    database.useTransaction(
        handle -> interpreter.completeUserTask(handle, processInstanceId, activityId, variables));
  }

  /**
   * Locks the process instance row for the rest of the caller's transaction, so that what follows
   * (e.g. finishing an external task) cannot interleave with other continuations of the instance.
   *
   * @return false when the instance does not exist
   */
  public boolean lockProcessInstance(Handle handle, String processInstanceId) {
    return interpreter.lock(handle, processInstanceId);
  }

  /**
   * Moves on the token waiting in the external task's activity, in the caller's transaction (the
   * caller has removed the external task).
   */
  public void completeExternalTask(
      Handle handle,
      String processInstanceId,
      String executionId,
      Map<String, ?> variables,
      Map<String, ?> localVariables) {
    interpreter.completeExternalTask(
        handle, processInstanceId, executionId, variables, localVariables);
  }

  /**
   * Moves on the token waiting in a user task's activity, in the caller's transaction (the caller
   * has locked the instance and removed the task): the variables become process variables.
   */
  public void completeUserTaskExecution(
      Handle handle, String processInstanceId, String executionId, Map<String, ?> variables) {
    interpreter.completeExternalTask(handle, processInstanceId, executionId, variables, Map.of());
  }

  /**
   * The task listeners of the user task an execution waits in and that execution, for the task
   * capability to run them when a task is assigned, updated, completed or deleted through its API;
   * in the caller's transaction (the caller has locked the instance).
   */
  public UserTaskContext userTaskContext(
      Handle handle,
      String processDefinitionId,
      String activityId,
      String processInstanceId,
      String executionId) {
    List<UserTaskListener> listeners =
        processes
            .findById(handle, processDefinitionId)
            .flatMap(p -> p.model().findNode(activityId))
            .filter(n -> n.kind() instanceof NodeKind.UserTask)
            .map(n -> ((NodeKind.UserTask) n.kind()).task().listeners())
            .orElse(List.of());
    return listeners.isEmpty()
        ? UserTaskContext.NONE
        : new UserTaskContext(
            listeners, () -> interpreter.waitingExecution(handle, processInstanceId, executionId));
  }

  /**
   * Throws a BPMN error from the external task's activity, in the caller's transaction (the caller
   * has removed the external task).
   */
  public void throwBpmnError(
      Handle handle,
      String processInstanceId,
      String executionId,
      String errorCode,
      String errorMessage,
      Map<String, ?> variables) {
    interpreter.throwBpmnError(
        handle, processInstanceId, executionId, errorCode, errorMessage, variables);
  }

  /**
   * Throws an escalation from the activity a token waits in, in the caller's transaction; refused
   * (nothing changed) when no boundary event catches it.
   */
  public void throwEscalation(
      Handle handle,
      String processInstanceId,
      String executionId,
      String escalationCode,
      Map<String, ?> variables) {
    interpreter.throwEscalation(handle, processInstanceId, executionId, escalationCode, variables);
  }

  private static void requireStorable(String businessKey, Map<String, ?> variables) {
    FieldLimits.requireAtMost("businessKey", businessKey, FieldLimits.NAME);
    if (variables != null) {
      FieldLimits.requireEachAtMost("variable name", variables.keySet(), FieldLimits.NAME);
    }
  }
}
