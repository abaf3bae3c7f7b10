package dev.tern.engine.authorization;

import dev.tern.engine.InvalidRequestException;

/** Camunda 7.24's resource types, with its numbers and names (its {@code Resources} enum). */
public enum Resource {
  APPLICATION("Application", 0),
  USER("User", 1),
  GROUP("Group", 2),
  GROUP_MEMBERSHIP("Group membership", 3),
  AUTHORIZATION("Authorization", 4),
  FILTER("Filter", 5),
  PROCESS_DEFINITION("ProcessDefinition", 6),
  TASK("Task", 7),
  PROCESS_INSTANCE("ProcessInstance", 8),
  DEPLOYMENT("Deployment", 9),
  DECISION_DEFINITION("DecisionDefinition", 10),
  TENANT("Tenant", 11),
  TENANT_MEMBERSHIP("TenantMembership", 12),
  BATCH("Batch", 13),
  DECISION_REQUIREMENTS_DEFINITION("DecisionRequirementsDefinition", 14),
  REPORT("Report", 15),
  DASHBOARD("Dashboard", 16),
  OPERATION_LOG_CATEGORY("OperationLogCatgeory", 17),
  OPTIMIZE("Optimize", 18),
  HISTORIC_TASK("HistoricTask", 19),
  HISTORIC_PROCESS_INSTANCE("HistoricProcessInstance", 20),
  SYSTEM("System", 21);

  private final String resourceName;
  private final int type;

  Resource(String resourceName, int type) {
    this.resourceName = resourceName;
    this.type = type;
  }

  /** Camunda's name, as in error messages ({@code 'READ' permission on resource 'Batch'}). */
  public String resourceName() {
    return resourceName;
  }

  /** Camunda's number, as in {@code resourceType} of an authorization. */
  public int type() {
    return type;
  }

  public static Resource of(int type) {
    for (Resource r : values()) {
      if (r.type == type) {
        return r;
      }
    }
    throw new InvalidRequestException("Invalid resource type '" + type + "'");
  }
}
