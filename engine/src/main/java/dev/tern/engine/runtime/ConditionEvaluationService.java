package dev.tern.engine.runtime;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.TernException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.el.VariableSource;
import dev.tern.engine.event.EventSubscription;
import dev.tern.engine.event.EventSubscriptionStore;
import dev.tern.engine.persistence.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Camunda's {@code RuntimeService.createConditionEvaluation} ({@code POST /condition}): the
 * conditional start events of the latest definitions evaluate their conditions with the given
 * variables, and each whose condition holds starts an instance with them, in one transaction. A
 * condition naming a variable that is not given does not hold (the Camunda 7.24 reference answers
 * so); no conditional start event at all is an error ({@code ENGINE-13043}).
 */
public final class ConditionEvaluationService {

  /**
   * What to evaluate with.
   *
   * @param tenantId only start events of this tenant's definitions
   * @param withoutTenantId only those of definitions without a tenant
   * @param processDefinitionId only this definition's start events
   */
  public record ConditionEvaluation(
      Map<String, ?> variables,
      String businessKey,
      String tenantId,
      boolean withoutTenantId,
      String processDefinitionId) {}

  private static final String CONDITIONAL = "conditional";

  private final Database database;
  private final DeployedProcesses processes;
  private final EventSubscriptionStore subscriptions;
  private final Interpreter interpreter;
  private final ConditionalEvents conditions;
  private final CorrelationChecks checks;

  ConditionEvaluationService(
      Database database,
      DeployedProcesses processes,
      EventSubscriptionStore subscriptions,
      Interpreter interpreter,
      ConditionalEvents conditions) {
    this.database = database;
    this.processes = processes;
    this.subscriptions = subscriptions;
    this.interpreter = interpreter;
    this.conditions = conditions;
    this.checks = new CorrelationChecks(processes);
  }

  /** Evaluates and starts; the started instances in the order of their start events' deployment. */
  public List<ProcessInstance> evaluate(Caller caller, ConditionEvaluation evaluation) {
    if (evaluation.tenantId() != null && evaluation.withoutTenantId()) {
      throw new InvalidRequestException(
          "Parameter 'tenantId' cannot be used together with parameter 'withoutTenantId'.");
    }
    Map<String, ?> variables = evaluation.variables() == null ? Map.of() : evaluation.variables();
    return database.inTransaction(
        handle -> {
          if (evaluation.processDefinitionId() != null
              && processes.findById(handle, evaluation.processDefinitionId()).isEmpty()) {
            throw new TernException(
                TernException.Category.BAD_REQUEST,
                "NotFoundException",
                "no deployed process definition found with id '"
                    + evaluation.processDefinitionId()
                    + "': processDefinition is null");
          }
          List<EventSubscription> starts = new ArrayList<>();
          for (EventSubscription s :
              subscriptions.findStartSubscriptions(handle, CONDITIONAL)) {
            if (selected(s, evaluation)) {
              starts.add(s);
            }
          }
          if (starts.isEmpty()) {
            throw new ProcessEngineException(
                "ENGINE-13043 No subscriptions were found during evaluation of the conditional start"
                    + " events.");
          }
          List<ProcessInstance> started = new ArrayList<>();
          for (EventSubscription start : starts) {
            DeployedProcess process = processes.findById(handle, start.processDefinitionId()).orElse(null);
            if (process == null
                || process.suspended()
                || !holds(process, start, variables)) {
              continue;
            }
            checks.check(handle, caller, start);
            started.add(
                interpreter.start(
                    handle, process, evaluation.businessKey(), variables, Map.of(), start.activityId()));
          }
          return started;
        });
  }

  private static boolean selected(EventSubscription start, ConditionEvaluation evaluation) {
    if (evaluation.processDefinitionId() != null
        && !evaluation.processDefinitionId().equals(start.processDefinitionId())) {
      return false;
    }
    if (evaluation.tenantId() != null) {
      return evaluation.tenantId().equals(start.tenantId());
    }
    return !evaluation.withoutTenantId() || start.tenantId() == null;
  }

  /** Whether the start event's condition holds; one naming a variable not given does not. */
  private boolean holds(DeployedProcess process, EventSubscription start, Map<String, ?> variables) {
    VariableSource given =
        name -> {
          if (!variables.containsKey(name)) {
            return Optional.empty();
          }
          Object value = variables.get(name);
          if (value instanceof TypedValue typed) {
            value = typed.value();
          }
          return Optional.of(Objects.requireNonNullElse(value, VariableSource.NULL));
        };
    try {
      return conditions.holds(process.model(), start, given);
    } catch (ProcessEngineException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(UNKNOWN_PROPERTY)) {
        return false;
      }
      throw e;
    } catch (TernException e) {
      throw e;
    } catch (RuntimeException e) {
      // a value the condition cannot use (e.g. text compared with a number): the caller's mistake
      throw new ProcessEngineException(
          "Error while evaluating the condition of conditional start event '"
              + start.activityId()
              + "'. Cause: "
              + e.getMessage());
    }
  }

  /** How {@code Expressions} reports an identifier that resolves to nothing. */
  private static final String UNKNOWN_PROPERTY = "Unknown property used in expression";
}
