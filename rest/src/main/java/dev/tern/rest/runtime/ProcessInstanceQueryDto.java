package dev.tern.rest.runtime;

import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.Sorting;
import dev.tern.rest.support.SortingDto;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Camunda's {@code ProcessInstanceQueryDto}: the JSON body of {@code POST /process-instance} and, field
 * for field, the query string of {@code GET /process-instance}; both become one {@link
 * ProcessInstanceQuery}.
 */
public record ProcessInstanceQueryDto(
    String deploymentId,
    String processDefinitionId,
    String processDefinitionKey,
    List<String> processDefinitionKeyIn,
    List<String> processDefinitionKeyNotIn,
    String businessKey,
    String businessKeyLike,
    String caseInstanceId,
    String superProcessInstance,
    String subProcessInstance,
    String superCaseInstance,
    String subCaseInstance,
    Boolean active,
    Boolean suspended,
    List<String> processInstanceIds,
    Boolean withIncident,
    String incidentId,
    String incidentType,
    String incidentMessage,
    String incidentMessageLike,
    List<String> tenantIdIn,
    Boolean withoutTenantId,
    Boolean processDefinitionWithoutTenantId,
    List<String> activityIdIn,
    Boolean rootProcessInstances,
    Boolean leafProcessInstances,
    String rootProcessInstanceId,
    List<VariableQueryParameterDto> variables,
    Boolean variableNamesIgnoreCase,
    Boolean variableValuesIgnoreCase,
    List<ProcessInstanceQueryDto> orQueries,
    List<SortingDto> sorting) {

  /** The {@code sortBy} values Camunda accepts here. */
  public static final Set<String> SORT_BY = ProcessInstanceQuery.SORT_BY;

  /** The same query from a query string (one {@code sortBy}/{@code sortOrder} pair). */
  public static ProcessInstanceQuery fromQueryString(QueryParams params) {
    ProcessInstanceQueryDto dto =
        new ProcessInstanceQueryDto(
        params.string("deploymentId"),
        params.string("processDefinitionId"),
        params.string("processDefinitionKey"),
        params.list("processDefinitionKeyIn"),
        params.list("processDefinitionKeyNotIn"),
        params.string("businessKey"),
        params.string("businessKeyLike"),
        params.string("caseInstanceId"),
        params.string("superProcessInstance"),
        params.string("subProcessInstance"),
        params.string("superCaseInstance"),
        params.string("subCaseInstance"),
        params.bool("active"),
        params.bool("suspended"),
        params.list("processInstanceIds"),
        params.bool("withIncident"),
        params.string("incidentId"),
        params.string("incidentType"),
        params.string("incidentMessage"),
        params.string("incidentMessageLike"),
        params.list("tenantIdIn"),
        params.bool("withoutTenantId"),
        params.bool("processDefinitionWithoutTenantId"),
        params.list("activityIdIn"),
        params.bool("rootProcessInstances"),
        params.bool("leafProcessInstances"),
        params.string("rootProcessInstanceId"),
        VariableQueries.parse(params.string("variables")),
        params.bool("variableNamesIgnoreCase"),
        params.bool("variableValuesIgnoreCase"),
        null,
        null);
    return dto.toQuery(Sorting.fromQuery(params, SORT_BY));
  }

  /** A body without filters. */
  public static ProcessInstanceQueryDto empty() {
    return new ProcessInstanceQueryDto(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The engine query of a JSON body, sorted by its {@code sorting} array. */
  public ProcessInstanceQuery toQuery() {
    return toQuery(Sorting.fromBody(sorting, SORT_BY));
  }

  private ProcessInstanceQuery toQuery(List<Sorting.Criterion> criteria) {
    ProcessInstanceQuery.Builder b = ProcessInstanceQuery.builder();
    b.deploymentId(deploymentId);
    b.processDefinitionId(processDefinitionId);
    b.processDefinitionKey(processDefinitionKey);
    if (processDefinitionKeyIn != null && !processDefinitionKeyIn.isEmpty()) {
      b.processDefinitionKeyIn(processDefinitionKeyIn);
    }
    if (processDefinitionKeyNotIn != null && !processDefinitionKeyNotIn.isEmpty()) {
      b.processDefinitionKeyNotIn(processDefinitionKeyNotIn);
    }
    b.businessKey(businessKey);
    b.businessKeyLike(businessKeyLike);
    b.caseInstanceId(caseInstanceId);
    b.superProcessInstance(superProcessInstance);
    b.subProcessInstance(subProcessInstance);
    b.superCaseInstance(superCaseInstance);
    b.subCaseInstance(subCaseInstance);
    b.active(Boolean.TRUE.equals(active));
    b.suspended(Boolean.TRUE.equals(suspended));
    if (processInstanceIds != null) {
      b.processInstanceIds(processInstanceIds);
    }
    b.withIncident(Boolean.TRUE.equals(withIncident));
    b.incidentId(incidentId);
    b.incidentType(incidentType);
    b.incidentMessage(incidentMessage);
    b.incidentMessageLike(incidentMessageLike);
    if (tenantIdIn != null && !tenantIdIn.isEmpty()) {
      b.tenantIdIn(tenantIdIn);
    }
    b.withoutTenantId(Boolean.TRUE.equals(withoutTenantId));
    b.processDefinitionWithoutTenantId(Boolean.TRUE.equals(processDefinitionWithoutTenantId));
    if (activityIdIn != null && !activityIdIn.isEmpty()) {
      b.activityIdIn(activityIdIn);
    }
    b.rootProcessInstances(Boolean.TRUE.equals(rootProcessInstances));
    b.leafProcessInstances(Boolean.TRUE.equals(leafProcessInstances));
    b.rootProcessInstanceId(rootProcessInstanceId);
    b.variables(VariableQueries.conditions(variables));
    b.variableNamesIgnoreCase(Boolean.TRUE.equals(variableNamesIgnoreCase));
    b.variableValuesIgnoreCase(Boolean.TRUE.equals(variableValuesIgnoreCase));
    if (orQueries != null) {
      List<ProcessInstanceQuery> or = new ArrayList<>();
      for (ProcessInstanceQueryDto orQuery : orQueries) {
        if (orQuery != null) {
          or.add(orQuery.toQuery(List.of()));
        }
      }
      b.orQueries(or);
    }
    b.sorting(
        criteria.stream()
            .map(c -> new dev.tern.engine.query.Sorting(c.sortBy(), c.ascending()))
            .toList());
    return b.build();
  }
}
