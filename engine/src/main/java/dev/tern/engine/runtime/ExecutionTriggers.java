package dev.tern.engine.runtime;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.event.EventSubscription;
import dev.tern.engine.event.EventSubscriptionQuery;
import dev.tern.engine.event.EventSubscriptionStore;
import dev.tern.engine.persistence.Database;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Triggers one execution from outside, as Camunda's {@code /execution/{id}/signal} and {@code
 * /execution/{id}/messageSubscriptions/{name}}: a message delivered to the execution's own
 * subscription, or a signal that moves the token on from where it waits. Moving a token needs
 * {@code UPDATE} on its instance or {@code UPDATE_INSTANCE} on its definition.
 */
public final class ExecutionTriggers {

  private static final String MESSAGE = "message";

  private final Database database;
  private final Clock clock;
  private final EventSubscriptionStore subscriptions;
  private final ExecutionStore executions;
  private final ProcessInstanceStore instances;
  private final Interpreter interpreter;
  private final DeployedProcesses processes;
  private final CorrelationChecks checks;
  private final Authorizer authorizer = new Authorizer();

  ExecutionTriggers(
      Database database,
      Clock clock,
      EventSubscriptionStore subscriptions,
      ExecutionStore executions,
      ProcessInstanceStore instances,
      Interpreter interpreter,
      DeployedProcesses processes) {
    this.database = database;
    this.clock = clock;
    this.subscriptions = subscriptions;
    this.executions = executions;
    this.instances = instances;
    this.interpreter = interpreter;
    this.processes = processes;
    this.checks = new CorrelationChecks(processes);
  }

  /**
   * The execution's subscription to the message of that name.
   *
   * @throws NotFoundException when it has none, or the caller may not read its instance
   */
  public EventSubscription messageSubscription(Caller caller, String executionId, String messageName) {
    return database.withHandle(
        handle ->
            find(handle, executionId, messageName)
                .filter(subscription -> readable(handle, caller, subscription))
                .orElseThrow(
                    () ->
                        new NotFoundException(
                            "Message event subscription for execution "
                                + executionId
                                + " named "
                                + messageName
                                + " does not exist")));
  }

  /**
   * Delivers the message to the execution's subscription; the variables become process variables.
   *
   * @throws InvalidRequestException when the execution has no such subscription
   */
  public void triggerMessage(
      Caller caller, String executionId, String messageName, Map<String, ?> variables) {
    database.useTransaction(
        handle -> {
          EventSubscription subscription =
              find(handle, executionId, messageName)
                  .orElseThrow(
                      () ->
                          new InvalidRequestException(
                              "Cannot trigger message "
                                  + messageName
                                  + " for execution "
                                  + executionId
                                  + ": Execution with id '"
                                  + executionId
                                  + "' does not have a subscription to a message event with name '"
                                  + messageName
                                  + "'"));
          checks.check(handle, caller, subscription);
          interpreter.deliver(handle, subscription, variables, Map.of(), Map.of());
        });
  }

  /**
   * Moves the token on from the receive task, message or signal catch event or user task it waits
   * at ({@link Interpreter#signalExecution}).
   */
  public void signal(Caller caller, String executionId, Map<String, ?> variables) {
    database.useTransaction(
        handle -> {
          executions
              .findExecution(handle, executionId)
              .ifPresent(row -> checkUpdate(handle, caller, row.processInstanceId()));
          interpreter.signalExecution(handle, executionId, variables);
        });
  }

  private Optional<EventSubscription> find(Handle handle, String executionId, String messageName) {
    EventSubscriptionQuery query = new EventSubscriptionQuery().eventType(MESSAGE).eventName(messageName);
    query.filters().set("executionId", executionId);
    return subscriptions.find(handle, query.filters(), clock.instant()).stream().findFirst();
  }

  private boolean readable(Handle handle, Caller caller, EventSubscription subscription) {
    return caller.unrestricted()
        || authorizer.grantedAny(
            handle,
            caller,
            PermissionCheck.of(Permission.READ, Resource.PROCESS_INSTANCE, subscription.processInstanceId()),
            PermissionCheck.of(
                Permission.READ_INSTANCE,
                Resource.PROCESS_DEFINITION,
                definitionKey(handle, subscription.processDefinitionId())));
  }

  private void checkUpdate(Handle handle, Caller caller, String processInstanceId) {
    if (caller.unrestricted()) {
      return;
    }
    String definitionKey =
        instances.find(handle, processInstanceId).map(RuntimeProcessInstance::processDefinitionKey).orElse(null);
    authorizer.check(
        handle,
        caller,
        PermissionCheck.of(Permission.UPDATE, Resource.PROCESS_INSTANCE, processInstanceId),
        PermissionCheck.of(Permission.UPDATE_INSTANCE, Resource.PROCESS_DEFINITION, definitionKey));
  }

  private String definitionKey(Handle handle, String definitionId) {
    return definitionId == null
        ? null
        : processes.findById(handle, definitionId).map(DeployedProcess::key).orElse(null);
  }
}
