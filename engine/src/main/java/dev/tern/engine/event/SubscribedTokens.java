package dev.tern.engine.event;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.VariableCondition;
import dev.tern.engine.query.VariableConditionSql;
import java.util.List;

/**
 * The tokens a message or signal may reach: subscriptions of active instances, filtered by
 * Camunda's correlation criteria. {@code correlationKeys} compare process variables; {@code
 * localCorrelationKeys} compare the variables held by the subscribed token itself (Tern keeps
 * variables on the instance's own token only, so a concurrent token has none).
 */
public final class SubscribedTokens {

  private static final VariableConditionSql LOCAL =
      new VariableConditionSql("tern_variable", "execution_id", null);

  @SuppressWarnings("unchecked")
  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder(
              "tern_event_subscription s JOIN tern_process_instance pi ON pi.id ="
                  + " s.process_instance_id",
              "s.id")
          .tieBreaker("s.created ASC, s.id ASC")
          .equal("eventType", "s.event_type")
          .equal("eventName", "s.event_name")
          .equalOrAnyOf("processInstanceId", "s.process_instance_id")
          .equal("businessKey", "pi.business_key")
          .equal("tenantId", "s.tenant_id")
          .flag("withoutTenantId", "s.tenant_id IS NULL")
          .where("tenantIdOrNone", Type.STRING, "(s.tenant_id = ? OR s.tenant_id IS NULL)")
          .equal("executionId", "s.execution_id")
          .flag("active", "pi.suspended = FALSE")
          .variables(
              "correlationKeys",
              new VariableConditionSql("tern_variable", "act_inst_id", null),
              "s.process_instance_id")
          .filter(
              "localCorrelationKeys",
              Type.VARIABLES,
              (w, v, c) ->
                  LOCAL.addTo(w, "s.execution_id", (List<VariableCondition>) v, false, false))
          .build();

  private SubscribedTokens() {}
}
