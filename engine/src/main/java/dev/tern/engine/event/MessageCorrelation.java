package dev.tern.engine.event;

import java.util.Map;

/**
 * What a message correlation asks (Camunda's {@code MessageCorrelationBuilder}). Maps hold plain
 * values or typed values; null maps mean "not given".
 *
 * @param tenantId with {@code withoutTenantId} false: only this tenant's subscriptions (null: any)
 * @param all deliver to every match instead of exactly one
 */
public record MessageCorrelation(
    String messageName,
    String businessKey,
    String processInstanceId,
    String tenantId,
    boolean withoutTenantId,
    Map<String, ?> correlationKeys,
    Map<String, ?> localCorrelationKeys,
    Map<String, ?> processVariables,
    Map<String, ?> processVariablesLocal,
    Map<String, ?> processVariablesToTriggeredScope,
    boolean all) {

  public static Builder named(String messageName) {
    return new Builder(messageName);
  }

  /** Whether the tenant is part of the criteria ({@code tenantId} or {@code withoutTenantId}). */
  public boolean tenantSet() {
    return tenantId != null || withoutTenantId;
  }

  /** Camunda's {@code CorrelationSet} text, as its ambiguity errors print it. */
  public String correlationSetText() {
    return "CorrelationSet [businessKey="
        + businessKey
        + ", processInstanceId="
        + processInstanceId
        + ", processDefinitionId=null, correlationKeys="
        + correlationKeys
        + ", localCorrelationKeys="
        + localCorrelationKeys
        + ", tenantId="
        + tenantId
        + ", isTenantIdSet="
        + tenantSet()
        + ", isExecutionsOnly=false]";
  }

  /** Builds a {@link MessageCorrelation}; only the name is required. */
  public static final class Builder {
    private final String messageName;
    private String businessKey;
    private String processInstanceId;
    private String tenantId;
    private boolean withoutTenantId;
    private Map<String, ?> correlationKeys;
    private Map<String, ?> localCorrelationKeys;
    private Map<String, ?> processVariables;
    private Map<String, ?> processVariablesLocal;
    private Map<String, ?> processVariablesToTriggeredScope;
    private boolean all;

    private Builder(String messageName) {
      this.messageName = messageName;
    }

    public Builder businessKey(String businessKey) {
      this.businessKey = businessKey;
      return this;
    }

    public Builder processInstanceId(String processInstanceId) {
      this.processInstanceId = processInstanceId;
      return this;
    }

    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    public Builder withoutTenantId() {
      this.withoutTenantId = true;
      return this;
    }

    public Builder correlationKeys(Map<String, ?> keys) {
      this.correlationKeys = keys;
      return this;
    }

    public Builder localCorrelationKeys(Map<String, ?> keys) {
      this.localCorrelationKeys = keys;
      return this;
    }

    public Builder processVariables(Map<String, ?> variables) {
      this.processVariables = variables;
      return this;
    }

    public Builder processVariablesLocal(Map<String, ?> variables) {
      this.processVariablesLocal = variables;
      return this;
    }

    /**
     * Variables for the scope the message triggers: the event sub-process it starts (its local
     * variables), the process instance it starts, else the activity that received it.
     */
    public Builder processVariablesToTriggeredScope(Map<String, ?> variables) {
      this.processVariablesToTriggeredScope = variables;
      return this;
    }

    public Builder all(boolean all) {
      this.all = all;
      return this;
    }

    public MessageCorrelation build() {
      return new MessageCorrelation(
          messageName,
          businessKey,
          processInstanceId,
          tenantId,
          withoutTenantId,
          correlationKeys,
          localCorrelationKeys,
          processVariables,
          processVariablesLocal,
          processVariablesToTriggeredScope,
          all);
    }
  }
}
