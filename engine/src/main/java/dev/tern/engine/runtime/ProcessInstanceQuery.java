package dev.tern.engine.runtime;

import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.query.Sorting;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.query.VariableCondition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A selection of process instances, with the filters of Camunda 7.24's {@code ProcessInstanceQueryDto}.
 * {@link ProcessInstanceQuerySql} compiles it; {@link #idsSql(Dialect)} gives the selection as a sub-select
 * of instance ids for set-based statements.
 *
 * <p>Unset filters are null (lists) or false (flags); set filters are ANDed.
 *
 * @param deploymentId only instances of definitions in this deployment
 * @param businessKeyLike SQL LIKE pattern
 * @param caseInstanceId accepted for Camunda compatibility; Tern has no CMMN, so it matches nothing
 * @param superCaseInstance matches nothing (no CMMN)
 * @param subCaseInstance matches nothing (no CMMN)
 * @param superProcessInstance instances called by this instance
 * @param subProcessInstance the instance that called this one
 * @param processInstanceIds any number of ids: bound as one array parameter
 * @param activityIdIn instances with a token at one of these activities
 * @param orQueries each one's filters are ORed; the groups are ANDed with the rest
 */
public record ProcessInstanceQuery(
    String deploymentId,
    String processDefinitionId,
    String processDefinitionKey,
    List<String> processDefinitionKeyIn,
    List<String> processDefinitionKeyNotIn,
    String businessKey,
    String businessKeyLike,
    String caseInstanceId,
    String superCaseInstance,
    String subCaseInstance,
    String superProcessInstance,
    String subProcessInstance,
    boolean active,
    boolean suspended,
    List<String> processInstanceIds,
    boolean withIncident,
    String incidentId,
    String incidentType,
    String incidentMessage,
    String incidentMessageLike,
    List<String> tenantIdIn,
    boolean withoutTenantId,
    boolean processDefinitionWithoutTenantId,
    List<String> activityIdIn,
    boolean rootProcessInstances,
    boolean leafProcessInstances,
    String rootProcessInstanceId,
    List<VariableCondition> variables,
    boolean variableNamesIgnoreCase,
    boolean variableValuesIgnoreCase,
    List<ProcessInstanceQuery> orQueries,
    List<Sorting> sorting) {

  /** The {@code sortBy} values Camunda accepts for process instances. */
  public static final java.util.Set<String> SORT_BY = ProcessInstanceQuerySql.SORT_COLUMNS.keySet();

  public ProcessInstanceQuery {
    processDefinitionKeyIn = processDefinitionKeyIn == null ? null : List.copyOf(processDefinitionKeyIn);
    processDefinitionKeyNotIn = processDefinitionKeyNotIn == null ? null : List.copyOf(processDefinitionKeyNotIn);
    processInstanceIds = processInstanceIds == null ? null : List.copyOf(processInstanceIds);
    tenantIdIn = tenantIdIn == null ? null : List.copyOf(tenantIdIn);
    activityIdIn = activityIdIn == null ? null : List.copyOf(activityIdIn);
    variables = variables == null ? null : List.copyOf(variables);
    orQueries = orQueries == null ? null : List.copyOf(orQueries);
    sorting = sorting == null ? null : List.copyOf(sorting);
  }

  /**
   * {@code SELECT pi.id FROM tern_process_instance pi WHERE …} with named binds (prefix {@code
   * piq}): embed it in {@code INSERT … SELECT} or {@code … IN (…)} to act on the selection
   * without loading ids.
   */
  public SqlFragment idsSql(Dialect dialect) {
    return ProcessInstanceQuerySql.idsSql(this, dialect);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.deploymentId = deploymentId;
    b.processDefinitionId = processDefinitionId;
    b.processDefinitionKey = processDefinitionKey;
    b.processDefinitionKeyIn = processDefinitionKeyIn;
    b.processDefinitionKeyNotIn = processDefinitionKeyNotIn;
    b.businessKey = businessKey;
    b.businessKeyLike = businessKeyLike;
    b.caseInstanceId = caseInstanceId;
    b.superCaseInstance = superCaseInstance;
    b.subCaseInstance = subCaseInstance;
    b.superProcessInstance = superProcessInstance;
    b.subProcessInstance = subProcessInstance;
    b.active = active;
    b.suspended = suspended;
    b.processInstanceIds = processInstanceIds;
    b.withIncident = withIncident;
    b.incidentId = incidentId;
    b.incidentType = incidentType;
    b.incidentMessage = incidentMessage;
    b.incidentMessageLike = incidentMessageLike;
    b.tenantIdIn = tenantIdIn;
    b.withoutTenantId = withoutTenantId;
    b.processDefinitionWithoutTenantId = processDefinitionWithoutTenantId;
    b.activityIdIn = activityIdIn;
    b.rootProcessInstances = rootProcessInstances;
    b.leafProcessInstances = leafProcessInstances;
    b.rootProcessInstanceId = rootProcessInstanceId;
    b.variables = variables;
    b.variableNamesIgnoreCase = variableNamesIgnoreCase;
    b.variableValuesIgnoreCase = variableValuesIgnoreCase;
    b.orQueries = orQueries;
    b.sorting = sorting;
    return b;
  }

  /** Fluent construction of a query; every filter starts unset. */
  public static final class Builder {
    private String deploymentId;
    private String processDefinitionId;
    private String processDefinitionKey;
    private List<String> processDefinitionKeyIn;
    private List<String> processDefinitionKeyNotIn;
    private String businessKey;
    private String businessKeyLike;
    private String caseInstanceId;
    private String superCaseInstance;
    private String subCaseInstance;
    private String superProcessInstance;
    private String subProcessInstance;
    private boolean active;
    private boolean suspended;
    private List<String> processInstanceIds;
    private boolean withIncident;
    private String incidentId;
    private String incidentType;
    private String incidentMessage;
    private String incidentMessageLike;
    private List<String> tenantIdIn;
    private boolean withoutTenantId;
    private boolean processDefinitionWithoutTenantId;
    private List<String> activityIdIn;
    private boolean rootProcessInstances;
    private boolean leafProcessInstances;
    private String rootProcessInstanceId;
    private List<VariableCondition> variables;
    private boolean variableNamesIgnoreCase;
    private boolean variableValuesIgnoreCase;
    private List<ProcessInstanceQuery> orQueries;
    private List<Sorting> sorting;

    private Builder() {}

    public Builder deploymentId(String deploymentId) {
      this.deploymentId = deploymentId;
      return this;
    }

    public Builder processDefinitionId(String processDefinitionId) {
      this.processDefinitionId = processDefinitionId;
      return this;
    }

    public Builder processDefinitionKey(String processDefinitionKey) {
      this.processDefinitionKey = processDefinitionKey;
      return this;
    }

    public Builder processDefinitionKeyIn(Collection<String> processDefinitionKeyIn) {
      this.processDefinitionKeyIn = processDefinitionKeyIn == null ? null : new ArrayList<>(processDefinitionKeyIn);
      return this;
    }

    public Builder processDefinitionKeyIn(String... processDefinitionKeyIn) {
      return processDefinitionKeyIn(Arrays.asList(processDefinitionKeyIn));
    }

    public Builder processDefinitionKeyNotIn(Collection<String> processDefinitionKeyNotIn) {
      this.processDefinitionKeyNotIn = processDefinitionKeyNotIn == null ? null : new ArrayList<>(processDefinitionKeyNotIn);
      return this;
    }

    public Builder processDefinitionKeyNotIn(String... processDefinitionKeyNotIn) {
      return processDefinitionKeyNotIn(Arrays.asList(processDefinitionKeyNotIn));
    }

    public Builder businessKey(String businessKey) {
      this.businessKey = businessKey;
      return this;
    }

    public Builder businessKeyLike(String businessKeyLike) {
      this.businessKeyLike = businessKeyLike;
      return this;
    }

    public Builder caseInstanceId(String caseInstanceId) {
      this.caseInstanceId = caseInstanceId;
      return this;
    }

    public Builder superCaseInstance(String superCaseInstance) {
      this.superCaseInstance = superCaseInstance;
      return this;
    }

    public Builder subCaseInstance(String subCaseInstance) {
      this.subCaseInstance = subCaseInstance;
      return this;
    }

    public Builder superProcessInstance(String superProcessInstance) {
      this.superProcessInstance = superProcessInstance;
      return this;
    }

    public Builder subProcessInstance(String subProcessInstance) {
      this.subProcessInstance = subProcessInstance;
      return this;
    }

    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    public Builder suspended(boolean suspended) {
      this.suspended = suspended;
      return this;
    }

    public Builder processInstanceIds(Collection<String> processInstanceIds) {
      this.processInstanceIds = processInstanceIds == null ? null : new ArrayList<>(processInstanceIds);
      return this;
    }

    public Builder processInstanceIds(String... processInstanceIds) {
      return processInstanceIds(Arrays.asList(processInstanceIds));
    }

    public Builder withIncident(boolean withIncident) {
      this.withIncident = withIncident;
      return this;
    }

    public Builder incidentId(String incidentId) {
      this.incidentId = incidentId;
      return this;
    }

    public Builder incidentType(String incidentType) {
      this.incidentType = incidentType;
      return this;
    }

    public Builder incidentMessage(String incidentMessage) {
      this.incidentMessage = incidentMessage;
      return this;
    }

    public Builder incidentMessageLike(String incidentMessageLike) {
      this.incidentMessageLike = incidentMessageLike;
      return this;
    }

    public Builder tenantIdIn(Collection<String> tenantIdIn) {
      this.tenantIdIn = tenantIdIn == null ? null : new ArrayList<>(tenantIdIn);
      return this;
    }

    public Builder tenantIdIn(String... tenantIdIn) {
      return tenantIdIn(Arrays.asList(tenantIdIn));
    }

    public Builder withoutTenantId(boolean withoutTenantId) {
      this.withoutTenantId = withoutTenantId;
      return this;
    }

    public Builder processDefinitionWithoutTenantId(boolean processDefinitionWithoutTenantId) {
      this.processDefinitionWithoutTenantId = processDefinitionWithoutTenantId;
      return this;
    }

    public Builder activityIdIn(Collection<String> activityIdIn) {
      this.activityIdIn = activityIdIn == null ? null : new ArrayList<>(activityIdIn);
      return this;
    }

    public Builder activityIdIn(String... activityIdIn) {
      return activityIdIn(Arrays.asList(activityIdIn));
    }

    public Builder rootProcessInstances(boolean rootProcessInstances) {
      this.rootProcessInstances = rootProcessInstances;
      return this;
    }

    public Builder leafProcessInstances(boolean leafProcessInstances) {
      this.leafProcessInstances = leafProcessInstances;
      return this;
    }

    public Builder rootProcessInstanceId(String rootProcessInstanceId) {
      this.rootProcessInstanceId = rootProcessInstanceId;
      return this;
    }

    public Builder variables(Collection<VariableCondition> variables) {
      this.variables = variables == null ? null : new ArrayList<>(variables);
      return this;
    }

    public Builder variableNamesIgnoreCase(boolean variableNamesIgnoreCase) {
      this.variableNamesIgnoreCase = variableNamesIgnoreCase;
      return this;
    }

    public Builder variableValuesIgnoreCase(boolean variableValuesIgnoreCase) {
      this.variableValuesIgnoreCase = variableValuesIgnoreCase;
      return this;
    }

    public Builder orQueries(Collection<ProcessInstanceQuery> orQueries) {
      this.orQueries = orQueries == null ? null : new ArrayList<>(orQueries);
      return this;
    }

    public Builder sorting(Collection<Sorting> sorting) {
      this.sorting = sorting == null ? null : new ArrayList<>(sorting);
      return this;
    }

    public ProcessInstanceQuery build() {
      return new ProcessInstanceQuery(deploymentId, processDefinitionId, processDefinitionKey, processDefinitionKeyIn, processDefinitionKeyNotIn, businessKey, businessKeyLike, caseInstanceId, superCaseInstance, subCaseInstance, superProcessInstance, subProcessInstance, active, suspended, processInstanceIds, withIncident, incidentId, incidentType, incidentMessage, incidentMessageLike, tenantIdIn, withoutTenantId, processDefinitionWithoutTenantId, activityIdIn, rootProcessInstances, leafProcessInstances, rootProcessInstanceId, variables, variableNamesIgnoreCase, variableValuesIgnoreCase, orQueries, sorting);
    }
  }
}
