package dev.tern.engine.runtime;

import dev.tern.engine.FieldLimits;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.event.EventSubscription;
import dev.tern.engine.persistence.Database;
import java.util.List;
import java.util.Map;

/**
 * Sends signals from outside ({@code POST /signal}, Camunda's {@code SignalEventReceivedBuilder}):
 * to every subscribed token and signal start event, or to one token. A signal nobody waits for is
 * no error.
 */
public final class SignalService {

  private final Database database;
  private final SignalReceivers receivers;
  private final Interpreter interpreter;

  private final CorrelationChecks checks;

  SignalService(
      Database database,
      SignalReceivers receivers,
      Interpreter interpreter,
      DeployedProcesses processes) {
    this.checks = new CorrelationChecks(processes);
    this.database = database;
    this.receivers = receivers;
    this.interpreter = interpreter;
  }

  /**
   * @param executionId deliver only to this token (it must wait for the signal); null: broadcast
   * @param tenantId only subscriptions of this tenant (not with {@code executionId})
   * @param withoutTenantId only subscriptions of no tenant
   * @param variables set on each receiving instance, or on each started one
   */
  public void signal(
      String name,
      String executionId,
      String tenantId,
      boolean withoutTenantId,
      Map<String, ?> variables) {
    signal(Caller.SYSTEM, name, executionId, tenantId, withoutTenantId, variables);
  }

  /** As {@link #signal(String, String, String, boolean, Map)}, checking the caller may reach every receiver first. */
  public void signal(
      Caller caller,
      String name,
      String executionId,
      String tenantId,
      boolean withoutTenantId,
      Map<String, ?> variables) {
    FieldLimits.requireAtMost("tenantId", tenantId, FieldLimits.ID);
    if (executionId != null && (tenantId != null || withoutTenantId)) {
      throw new ProcessEngineException(
          "BadUserRequestException",
          "ENGINE-13027 Cannot specify a tenant-id when deliver a signal to a single execution.");
    }
    SignalReceivers.Tenants tenants =
        tenantId != null
            ? new SignalReceivers.Tenants(SignalReceivers.Tenants.Mode.EXACTLY, tenantId)
            : withoutTenantId
                ? new SignalReceivers.Tenants(SignalReceivers.Tenants.Mode.NONE, null)
                : SignalReceivers.Tenants.ANY;
    Map<String, ?> values = variables == null ? Map.of() : variables;
    database.useTransaction(
        handle -> {
          List<EventSubscription> found = receivers.find(handle, name, executionId, tenants);
          if (executionId != null && found.isEmpty()) {
            throw new ProcessEngineException(
                "Execution '"
                    + executionId
                    + "' has not subscribed to a signal event with name '"
                    + name
                    + "'.");
          }
          for (EventSubscription receiver : found) {
            checks.check(handle, caller, receiver);
          }
          interpreter.sendSignal(handle, found, values);
        });
  }
}
