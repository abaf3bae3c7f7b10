package dev.tern.engine.runtime;

import dev.tern.engine.FieldLimits;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.event.EventSubscription;
import dev.tern.engine.event.EventSubscriptionStore;
import dev.tern.engine.event.MessageCorrelation;
import dev.tern.engine.event.MessageCorrelationResult;
import dev.tern.engine.event.SubscribedTokens;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.VariableCondition;
import dev.tern.engine.query.VariableOperator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Delivers messages as Camunda's {@code MessageCorrelationBuilder} does: first to waiting tokens
 * (message catch events, receive tasks, message boundary events) that match the criteria, then, when
 * none does, to message start events of the latest definitions. Without {@code all} exactly one
 * receiver must match; with it every one receives the message. Either way nothing matching is an
 * error ({@code MismatchingMessageCorrelationException}) and nothing is changed.
 */
public final class MessageCorrelationService {

  static final String MISMATCH = "MismatchingMessageCorrelationException";

  private final Database database;
  private final Clock clock;
  private final DeployedProcesses processes;
  private final EventSubscriptionStore subscriptions;
  private final Interpreter interpreter;
  private final CorrelationChecks checks;

  MessageCorrelationService(
      Database database,
      Clock clock,
      DeployedProcesses processes,
      EventSubscriptionStore subscriptions,
      Interpreter interpreter) {
    this.database = database;
    this.clock = clock;
    this.processes = processes;
    this.subscriptions = subscriptions;
    this.interpreter = interpreter;
    this.checks = new CorrelationChecks(processes);
  }

  /** Correlates in one transaction; the results in order of delivery. */
  public List<MessageCorrelationResult> correlate(MessageCorrelation correlation) {
    return correlate(Caller.SYSTEM, correlation);
  }

  /**
   * Correlates in one transaction, after checking the caller may reach every receiver ({@link
   * CorrelationChecks}); the results in order of delivery.
   */
  public List<MessageCorrelationResult> correlate(Caller caller, MessageCorrelation correlation) {
    FieldLimits.requireAtMost("businessKey", correlation.businessKey(), FieldLimits.NAME);
    FieldLimits.requireAtMost("tenantId", correlation.tenantId(), FieldLimits.ID);
    return database.inTransaction(handle -> correlate(handle, caller, correlation));
  }

  private List<MessageCorrelationResult> correlate(
      Handle handle, Caller caller, MessageCorrelation correlation) {
    String name = correlation.messageName();
    List<EventSubscription> waiting = waitingTokens(handle, correlation);
    List<StartCandidate> starts = List.of();
    if (correlation.all() || waiting.isEmpty()) {
      starts = startEvents(handle, correlation);
    }
    if (!correlation.all()) {
      if (waiting.size() > 1) {
        throw new ProcessEngineException(
            MISMATCH,
            "ENGINE-13031 Cannot correlate a message with name '"
                + name
                + "' to a single execution. "
                + waiting.size()
                + " executions match the correlation keys: "
                + correlation.correlationSetText());
      }
      if (waiting.isEmpty() && starts.size() > 1) {
        throw new ProcessEngineException(
            MISMATCH,
            "ENGINE-13030 Cannot correlate a message with name '"
                + name
                + "' to a single process definition. "
                + starts.size()
                + " process definitions match the correlations keys: "
                + correlation.correlationSetText());
      }
    }
    for (EventSubscription subscription : waiting) {
      checks.check(handle, caller, subscription);
    }
    for (StartCandidate start : starts) {
      checks.check(handle, caller, start.subscription());
    }
    List<MessageCorrelationResult> results = new ArrayList<>();
    for (EventSubscription subscription : waiting) {
      interpreter
          .deliver(
              handle,
              subscription,
              variables(correlation.processVariables()),
              variables(correlation.processVariablesLocal()),
              variables(correlation.processVariablesToTriggeredScope()))
          .ifPresent(
              d ->
                  results.add(
                      new MessageCorrelationResult(
                          MessageCorrelationResult.Type.EXECUTION,
                          d.executionId(),
                          subscription.processInstanceId(),
                          subscription.processDefinitionId(),
                          null,
                          subscription.tenantId(),
                          d.executionEnded(),
                          d.instanceEnded(),
                          d.suspended())));
    }
    for (StartCandidate start : starts) {
      ProcessInstance instance =
          interpreter.start(
              handle,
              start.process(),
              correlation.businessKey(),
              variables(correlation.processVariables()),
              startVariables(correlation),
              start.subscription().activityId());
      results.add(
          new MessageCorrelationResult(
              MessageCorrelationResult.Type.PROCESS_DEFINITION,
              instance.id(),
              instance.id(),
              instance.definitionId(),
              instance.businessKey(),
              instance.tenantId(),
              instance.ended(),
              instance.ended(),
              instance.suspended()));
    }
    if (results.isEmpty()) {
      throw new ProcessEngineException(
          MISMATCH,
          "Cannot correlate message '"
              + name
              + "': No process definition or execution matches the parameters");
    }
    return results;
  }

  /**
   * Correlates a message to every waiting token of the given process instances, as a
   * correlate-message batch job does (Camunda's {@code correlateAll} per instance): tokens of
   * suspended instances and message start events are not reached, an instance without a matching
   * token is passed over, and the variables are set on each instance as its tokens receive it.
   *
   * @param messageName the message, or null for any message
   */
  public void correlateAllIn(
      Handle handle,
      List<String> processInstanceIds,
      String messageName,
      Map<String, TypedValue> variables) {
    FilterQuery query = new FilterQuery(SubscribedTokens.DEFINITION);
    query.set("eventType", EventSubscription.MESSAGE);
    query.set("eventName", messageName);
    query.set("active", true);
    query.set("processInstanceIdIn", processInstanceIds);
    for (EventSubscription subscription : subscriptions.find(handle, query, clock.instant())) {
      interpreter.deliver(handle, subscription, variables, Map.of(), Map.of());
    }
  }

  private List<EventSubscription> waitingTokens(Handle handle, MessageCorrelation correlation) {
    FilterQuery query = new FilterQuery(SubscribedTokens.DEFINITION);
    query.set("eventType", EventSubscription.MESSAGE);
    query.set("eventName", correlation.messageName());
    query.set("active", true);
    query.set("businessKey", correlation.businessKey());
    query.set("processInstanceId", correlation.processInstanceId());
    if (correlation.tenantId() != null) {
      query.set("tenantId", correlation.tenantId());
    } else if (correlation.withoutTenantId()) {
      query.set("withoutTenantId", true);
    }
    query.set("correlationKeys", conditions(correlation.correlationKeys()));
    query.set("localCorrelationKeys", conditions(correlation.localCorrelationKeys()));
    return subscriptions.find(handle, query, clock.instant());
  }

  private record StartCandidate(EventSubscription subscription, DeployedProcess process) {}

  /** Start subscriptions of active definitions (correlation keys do not apply to them). */
  private List<StartCandidate> startEvents(Handle handle, MessageCorrelation correlation) {
    List<StartCandidate> found = new ArrayList<>();
    for (EventSubscription s :
        subscriptions.findStartSubscriptions(handle, EventSubscription.MESSAGE, correlation.messageName())) {
      if (correlation.tenantSet() && !java.util.Objects.equals(s.tenantId(), correlation.tenantId())) {
        continue;
      }
      processes
          .findById(handle, s.processDefinitionId())
          .filter(p -> !p.suspended())
          .ifPresent(p -> found.add(new StartCandidate(s, p)));
    }
    return found;
  }

  private static List<VariableCondition> conditions(Map<String, ?> keys) {
    if (keys == null || keys.isEmpty()) {
      return null;
    }
    List<VariableCondition> conditions = new ArrayList<>();
    keys.forEach(
        (name, value) ->
            conditions.add(
                VariableCondition.of(
                    name,
                    VariableOperator.EQ,
                    value instanceof TypedValue typed ? typed.value() : value)));
    return conditions;
  }

  /**
   * A message start event's local variables and those for its triggered scope: both are the new
   * process instance's (Camunda 7.24 sets both on it).
   */
  private static Map<String, ?> startVariables(MessageCorrelation correlation) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(variables(correlation.processVariablesLocal()));
    all.putAll(variables(correlation.processVariablesToTriggeredScope()));
    return all;
  }

  private static Map<String, ?> variables(Map<String, ?> values) {
    return values == null ? Map.of() : values;
  }
}
