package dev.tern.engine.history;

import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.query.Sorting;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.query.VariableCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A selection of historic process instances, with the BPMN filters of Camunda 7.24's {@code
 * HistoricProcessInstanceQueryDto}. {@link #idsSql(Dialect)} gives the selection as a sub-select of ids.
 *
 * <p>Unset filters are null (lists) or false (flags); set filters are ANDed.
 *
 * @param withJobsRetrying instances with a failed job that still has retries
 * @param incidentStatus {@code open} or {@code resolved}
 * @param caseInstanceId matches nothing (no CMMN)
 * @param superCaseInstanceId matches nothing (no CMMN)
 * @param subCaseInstanceId matches nothing (no CMMN)
 * @param activityIdIn a token or an open incident at one of these activities
 * @param executedActivityIdIn a finished activity instance of one of these activities
 * @param activeActivityIdIn an unfinished activity instance of one of these activities
 * @param orQueries each one's filters are ORed; the groups are ANDed with the rest
 */
public record HistoricProcessInstanceQuery(
    String processInstanceId,
    List<String> processInstanceIds,
    List<String> processInstanceIdNotIn,
    String processDefinitionId,
    String processDefinitionKey,
    List<String> processDefinitionKeyIn,
    List<String> processDefinitionKeyNotIn,
    String processDefinitionName,
    String processDefinitionNameLike,
    String processInstanceBusinessKey,
    List<String> processInstanceBusinessKeyIn,
    String processInstanceBusinessKeyLike,
    boolean rootProcessInstances,
    String rootProcessInstanceId,
    boolean finished,
    boolean unfinished,
    boolean withJobsRetrying,
    boolean withIncidents,
    boolean withRootIncidents,
    List<String> incidentIdIn,
    String incidentType,
    String incidentStatus,
    String incidentMessage,
    String incidentMessageLike,
    Instant startedBefore,
    Instant startedAfter,
    Instant finishedBefore,
    Instant finishedAfter,
    Instant executedActivityAfter,
    Instant executedActivityBefore,
    Instant executedJobAfter,
    Instant executedJobBefore,
    String startedBy,
    String superProcessInstanceId,
    String subProcessInstanceId,
    String caseInstanceId,
    String superCaseInstanceId,
    String subCaseInstanceId,
    List<String> tenantIdIn,
    boolean withoutTenantId,
    List<String> activityIdIn,
    List<String> executedActivityIdIn,
    List<String> activeActivityIdIn,
    boolean active,
    boolean suspended,
    boolean completed,
    boolean externallyTerminated,
    boolean internallyTerminated,
    List<VariableCondition> variables,
    boolean variableNamesIgnoreCase,
    boolean variableValuesIgnoreCase,
    List<HistoricProcessInstanceQuery> orQueries,
    List<Sorting> sorting) {

  /** The {@code sortBy} values Camunda accepts for historic process instances. */
  public static final java.util.Set<String> SORT_BY =
      HistoricProcessInstanceQuerySql.SORT_COLUMNS.keySet();

  public HistoricProcessInstanceQuery {
    processInstanceIds = processInstanceIds == null ? null : List.copyOf(processInstanceIds);
    processInstanceIdNotIn = processInstanceIdNotIn == null ? null : List.copyOf(processInstanceIdNotIn);
    processDefinitionKeyIn = processDefinitionKeyIn == null ? null : List.copyOf(processDefinitionKeyIn);
    processDefinitionKeyNotIn = processDefinitionKeyNotIn == null ? null : List.copyOf(processDefinitionKeyNotIn);
    processInstanceBusinessKeyIn = processInstanceBusinessKeyIn == null ? null : List.copyOf(processInstanceBusinessKeyIn);
    incidentIdIn = incidentIdIn == null ? null : List.copyOf(incidentIdIn);
    tenantIdIn = tenantIdIn == null ? null : List.copyOf(tenantIdIn);
    activityIdIn = activityIdIn == null ? null : List.copyOf(activityIdIn);
    executedActivityIdIn = executedActivityIdIn == null ? null : List.copyOf(executedActivityIdIn);
    activeActivityIdIn = activeActivityIdIn == null ? null : List.copyOf(activeActivityIdIn);
    variables = variables == null ? null : List.copyOf(variables);
    orQueries = orQueries == null ? null : List.copyOf(orQueries);
    sorting = sorting == null ? null : List.copyOf(sorting);
  }

  /**
   * {@code SELECT hpi.id FROM tern_hi_process_instance hpi WHERE …} with named binds (prefix
   * {@code hpiq}).
   */
  public SqlFragment idsSql(Dialect dialect) {
    return HistoricProcessInstanceQuerySql.idsSql(this, dialect);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.processInstanceId = processInstanceId;
    b.processInstanceIds = processInstanceIds;
    b.processInstanceIdNotIn = processInstanceIdNotIn;
    b.processDefinitionId = processDefinitionId;
    b.processDefinitionKey = processDefinitionKey;
    b.processDefinitionKeyIn = processDefinitionKeyIn;
    b.processDefinitionKeyNotIn = processDefinitionKeyNotIn;
    b.processDefinitionName = processDefinitionName;
    b.processDefinitionNameLike = processDefinitionNameLike;
    b.processInstanceBusinessKey = processInstanceBusinessKey;
    b.processInstanceBusinessKeyIn = processInstanceBusinessKeyIn;
    b.processInstanceBusinessKeyLike = processInstanceBusinessKeyLike;
    b.rootProcessInstances = rootProcessInstances;
    b.rootProcessInstanceId = rootProcessInstanceId;
    b.finished = finished;
    b.unfinished = unfinished;
    b.withJobsRetrying = withJobsRetrying;
    b.withIncidents = withIncidents;
    b.withRootIncidents = withRootIncidents;
    b.incidentIdIn = incidentIdIn;
    b.incidentType = incidentType;
    b.incidentStatus = incidentStatus;
    b.incidentMessage = incidentMessage;
    b.incidentMessageLike = incidentMessageLike;
    b.startedBefore = startedBefore;
    b.startedAfter = startedAfter;
    b.finishedBefore = finishedBefore;
    b.finishedAfter = finishedAfter;
    b.executedActivityAfter = executedActivityAfter;
    b.executedActivityBefore = executedActivityBefore;
    b.executedJobAfter = executedJobAfter;
    b.executedJobBefore = executedJobBefore;
    b.startedBy = startedBy;
    b.superProcessInstanceId = superProcessInstanceId;
    b.subProcessInstanceId = subProcessInstanceId;
    b.caseInstanceId = caseInstanceId;
    b.superCaseInstanceId = superCaseInstanceId;
    b.subCaseInstanceId = subCaseInstanceId;
    b.tenantIdIn = tenantIdIn;
    b.withoutTenantId = withoutTenantId;
    b.activityIdIn = activityIdIn;
    b.executedActivityIdIn = executedActivityIdIn;
    b.activeActivityIdIn = activeActivityIdIn;
    b.active = active;
    b.suspended = suspended;
    b.completed = completed;
    b.externallyTerminated = externallyTerminated;
    b.internallyTerminated = internallyTerminated;
    b.variables = variables;
    b.variableNamesIgnoreCase = variableNamesIgnoreCase;
    b.variableValuesIgnoreCase = variableValuesIgnoreCase;
    b.orQueries = orQueries;
    b.sorting = sorting;
    return b;
  }

  /** Fluent construction of a query; every filter starts unset. */
  public static final class Builder {
    private String processInstanceId;
    private List<String> processInstanceIds;
    private List<String> processInstanceIdNotIn;
    private String processDefinitionId;
    private String processDefinitionKey;
    private List<String> processDefinitionKeyIn;
    private List<String> processDefinitionKeyNotIn;
    private String processDefinitionName;
    private String processDefinitionNameLike;
    private String processInstanceBusinessKey;
    private List<String> processInstanceBusinessKeyIn;
    private String processInstanceBusinessKeyLike;
    private boolean rootProcessInstances;
    private String rootProcessInstanceId;
    private boolean finished;
    private boolean unfinished;
    private boolean withJobsRetrying;
    private boolean withIncidents;
    private boolean withRootIncidents;
    private List<String> incidentIdIn;
    private String incidentType;
    private String incidentStatus;
    private String incidentMessage;
    private String incidentMessageLike;
    private Instant startedBefore;
    private Instant startedAfter;
    private Instant finishedBefore;
    private Instant finishedAfter;
    private Instant executedActivityAfter;
    private Instant executedActivityBefore;
    private Instant executedJobAfter;
    private Instant executedJobBefore;
    private String startedBy;
    private String superProcessInstanceId;
    private String subProcessInstanceId;
    private String caseInstanceId;
    private String superCaseInstanceId;
    private String subCaseInstanceId;
    private List<String> tenantIdIn;
    private boolean withoutTenantId;
    private List<String> activityIdIn;
    private List<String> executedActivityIdIn;
    private List<String> activeActivityIdIn;
    private boolean active;
    private boolean suspended;
    private boolean completed;
    private boolean externallyTerminated;
    private boolean internallyTerminated;
    private List<VariableCondition> variables;
    private boolean variableNamesIgnoreCase;
    private boolean variableValuesIgnoreCase;
    private List<HistoricProcessInstanceQuery> orQueries;
    private List<Sorting> sorting;

    private Builder() {}

    public Builder processInstanceId(String processInstanceId) {
      this.processInstanceId = processInstanceId;
      return this;
    }

    public Builder processInstanceIds(Collection<String> processInstanceIds) {
      this.processInstanceIds = processInstanceIds == null ? null : new ArrayList<>(processInstanceIds);
      return this;
    }

    public Builder processInstanceIds(String... processInstanceIds) {
      return processInstanceIds(Arrays.asList(processInstanceIds));
    }

    public Builder processInstanceIdNotIn(Collection<String> processInstanceIdNotIn) {
      this.processInstanceIdNotIn = processInstanceIdNotIn == null ? null : new ArrayList<>(processInstanceIdNotIn);
      return this;
    }

    public Builder processInstanceIdNotIn(String... processInstanceIdNotIn) {
      return processInstanceIdNotIn(Arrays.asList(processInstanceIdNotIn));
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

    public Builder processDefinitionName(String processDefinitionName) {
      this.processDefinitionName = processDefinitionName;
      return this;
    }

    public Builder processDefinitionNameLike(String processDefinitionNameLike) {
      this.processDefinitionNameLike = processDefinitionNameLike;
      return this;
    }

    public Builder processInstanceBusinessKey(String processInstanceBusinessKey) {
      this.processInstanceBusinessKey = processInstanceBusinessKey;
      return this;
    }

    public Builder processInstanceBusinessKeyIn(Collection<String> processInstanceBusinessKeyIn) {
      this.processInstanceBusinessKeyIn = processInstanceBusinessKeyIn == null ? null : new ArrayList<>(processInstanceBusinessKeyIn);
      return this;
    }

    public Builder processInstanceBusinessKeyIn(String... processInstanceBusinessKeyIn) {
      return processInstanceBusinessKeyIn(Arrays.asList(processInstanceBusinessKeyIn));
    }

    public Builder processInstanceBusinessKeyLike(String processInstanceBusinessKeyLike) {
      this.processInstanceBusinessKeyLike = processInstanceBusinessKeyLike;
      return this;
    }

    public Builder rootProcessInstances(boolean rootProcessInstances) {
      this.rootProcessInstances = rootProcessInstances;
      return this;
    }

    public Builder rootProcessInstanceId(String rootProcessInstanceId) {
      this.rootProcessInstanceId = rootProcessInstanceId;
      return this;
    }

    public Builder finished(boolean finished) {
      this.finished = finished;
      return this;
    }

    public Builder unfinished(boolean unfinished) {
      this.unfinished = unfinished;
      return this;
    }

    public Builder withJobsRetrying(boolean withJobsRetrying) {
      this.withJobsRetrying = withJobsRetrying;
      return this;
    }

    public Builder withIncidents(boolean withIncidents) {
      this.withIncidents = withIncidents;
      return this;
    }

    public Builder withRootIncidents(boolean withRootIncidents) {
      this.withRootIncidents = withRootIncidents;
      return this;
    }

    public Builder incidentIdIn(Collection<String> incidentIdIn) {
      this.incidentIdIn = incidentIdIn == null ? null : new ArrayList<>(incidentIdIn);
      return this;
    }

    public Builder incidentIdIn(String... incidentIdIn) {
      return incidentIdIn(Arrays.asList(incidentIdIn));
    }

    public Builder incidentType(String incidentType) {
      this.incidentType = incidentType;
      return this;
    }

    public Builder incidentStatus(String incidentStatus) {
      this.incidentStatus = incidentStatus;
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

    public Builder startedBefore(Instant startedBefore) {
      this.startedBefore = startedBefore;
      return this;
    }

    public Builder startedAfter(Instant startedAfter) {
      this.startedAfter = startedAfter;
      return this;
    }

    public Builder finishedBefore(Instant finishedBefore) {
      this.finishedBefore = finishedBefore;
      return this;
    }

    public Builder finishedAfter(Instant finishedAfter) {
      this.finishedAfter = finishedAfter;
      return this;
    }

    public Builder executedActivityAfter(Instant executedActivityAfter) {
      this.executedActivityAfter = executedActivityAfter;
      return this;
    }

    public Builder executedActivityBefore(Instant executedActivityBefore) {
      this.executedActivityBefore = executedActivityBefore;
      return this;
    }

    public Builder executedJobAfter(Instant executedJobAfter) {
      this.executedJobAfter = executedJobAfter;
      return this;
    }

    public Builder executedJobBefore(Instant executedJobBefore) {
      this.executedJobBefore = executedJobBefore;
      return this;
    }

    public Builder startedBy(String startedBy) {
      this.startedBy = startedBy;
      return this;
    }

    public Builder superProcessInstanceId(String superProcessInstanceId) {
      this.superProcessInstanceId = superProcessInstanceId;
      return this;
    }

    public Builder subProcessInstanceId(String subProcessInstanceId) {
      this.subProcessInstanceId = subProcessInstanceId;
      return this;
    }

    public Builder caseInstanceId(String caseInstanceId) {
      this.caseInstanceId = caseInstanceId;
      return this;
    }

    public Builder superCaseInstanceId(String superCaseInstanceId) {
      this.superCaseInstanceId = superCaseInstanceId;
      return this;
    }

    public Builder subCaseInstanceId(String subCaseInstanceId) {
      this.subCaseInstanceId = subCaseInstanceId;
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

    public Builder activityIdIn(Collection<String> activityIdIn) {
      this.activityIdIn = activityIdIn == null ? null : new ArrayList<>(activityIdIn);
      return this;
    }

    public Builder activityIdIn(String... activityIdIn) {
      return activityIdIn(Arrays.asList(activityIdIn));
    }

    public Builder executedActivityIdIn(Collection<String> executedActivityIdIn) {
      this.executedActivityIdIn = executedActivityIdIn == null ? null : new ArrayList<>(executedActivityIdIn);
      return this;
    }

    public Builder executedActivityIdIn(String... executedActivityIdIn) {
      return executedActivityIdIn(Arrays.asList(executedActivityIdIn));
    }

    public Builder activeActivityIdIn(Collection<String> activeActivityIdIn) {
      this.activeActivityIdIn = activeActivityIdIn == null ? null : new ArrayList<>(activeActivityIdIn);
      return this;
    }

    public Builder activeActivityIdIn(String... activeActivityIdIn) {
      return activeActivityIdIn(Arrays.asList(activeActivityIdIn));
    }

    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    public Builder suspended(boolean suspended) {
      this.suspended = suspended;
      return this;
    }

    public Builder completed(boolean completed) {
      this.completed = completed;
      return this;
    }

    public Builder externallyTerminated(boolean externallyTerminated) {
      this.externallyTerminated = externallyTerminated;
      return this;
    }

    public Builder internallyTerminated(boolean internallyTerminated) {
      this.internallyTerminated = internallyTerminated;
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

    public Builder orQueries(Collection<HistoricProcessInstanceQuery> orQueries) {
      this.orQueries = orQueries == null ? null : new ArrayList<>(orQueries);
      return this;
    }

    public Builder sorting(Collection<Sorting> sorting) {
      this.sorting = sorting == null ? null : new ArrayList<>(sorting);
      return this;
    }

    public HistoricProcessInstanceQuery build() {
      return new HistoricProcessInstanceQuery(processInstanceId, processInstanceIds, processInstanceIdNotIn, processDefinitionId, processDefinitionKey, processDefinitionKeyIn, processDefinitionKeyNotIn, processDefinitionName, processDefinitionNameLike, processInstanceBusinessKey, processInstanceBusinessKeyIn, processInstanceBusinessKeyLike, rootProcessInstances, rootProcessInstanceId, finished, unfinished, withJobsRetrying, withIncidents, withRootIncidents, incidentIdIn, incidentType, incidentStatus, incidentMessage, incidentMessageLike, startedBefore, startedAfter, finishedBefore, finishedAfter, executedActivityAfter, executedActivityBefore, executedJobAfter, executedJobBefore, startedBy, superProcessInstanceId, subProcessInstanceId, caseInstanceId, superCaseInstanceId, subCaseInstanceId, tenantIdIn, withoutTenantId, activityIdIn, executedActivityIdIn, activeActivityIdIn, active, suspended, completed, externallyTerminated, internallyTerminated, variables, variableNamesIgnoreCase, variableValuesIgnoreCase, orQueries, sorting);
    }
  }
}
