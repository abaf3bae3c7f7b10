package dev.tern.rest.history;

import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.rest.runtime.VariableQueries;
import dev.tern.rest.runtime.VariableQueryParameterDto;
import java.time.Instant;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.Sorting;
import dev.tern.rest.support.SortingDto;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Camunda's {@code HistoricProcessInstanceQueryDto}: the JSON body of {@code POST
 * /history/process-instance} and, field for field, the query string of its GET; both become one
 * {@link HistoricProcessInstanceQuery}.
 */
public record HistoricProcessInstanceQueryDto(
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
    Boolean rootProcessInstances,
    String rootProcessInstanceId,
    Boolean finished,
    Boolean unfinished,
    Boolean withJobsRetrying,
    Boolean withIncidents,
    Boolean withRootIncidents,
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
    Boolean withoutTenantId,
    List<String> activityIdIn,
    List<String> executedActivityIdIn,
    List<String> activeActivityIdIn,
    Boolean active,
    Boolean suspended,
    Boolean completed,
    Boolean externallyTerminated,
    Boolean internallyTerminated,
    List<VariableQueryParameterDto> variables,
    Boolean variableNamesIgnoreCase,
    Boolean variableValuesIgnoreCase,
    List<HistoricProcessInstanceQueryDto> orQueries,
    List<SortingDto> sorting) {

  /** The {@code sortBy} values Camunda accepts here. */
  public static final Set<String> SORT_BY = HistoricProcessInstanceQuery.SORT_BY;

  /** The same query from a query string (one {@code sortBy}/{@code sortOrder} pair). */
  public static HistoricProcessInstanceQuery fromQueryString(QueryParams params) {
    HistoricProcessInstanceQueryDto dto =
        new HistoricProcessInstanceQueryDto(
        params.string("processInstanceId"),
        params.list("processInstanceIds"),
        params.list("processInstanceIdNotIn"),
        params.string("processDefinitionId"),
        params.string("processDefinitionKey"),
        params.list("processDefinitionKeyIn"),
        params.list("processDefinitionKeyNotIn"),
        params.string("processDefinitionName"),
        params.string("processDefinitionNameLike"),
        params.string("processInstanceBusinessKey"),
        params.list("processInstanceBusinessKeyIn"),
        params.string("processInstanceBusinessKeyLike"),
        params.bool("rootProcessInstances"),
        params.string("rootProcessInstanceId"),
        params.bool("finished"),
        params.bool("unfinished"),
        params.bool("withJobsRetrying"),
        params.bool("withIncidents"),
        params.bool("withRootIncidents"),
        params.list("incidentIdIn"),
        params.string("incidentType"),
        params.string("incidentStatus"),
        params.string("incidentMessage"),
        params.string("incidentMessageLike"),
        params.date("startedBefore"),
        params.date("startedAfter"),
        params.date("finishedBefore"),
        params.date("finishedAfter"),
        params.date("executedActivityAfter"),
        params.date("executedActivityBefore"),
        params.date("executedJobAfter"),
        params.date("executedJobBefore"),
        params.string("startedBy"),
        params.string("superProcessInstanceId"),
        params.string("subProcessInstanceId"),
        params.string("caseInstanceId"),
        params.string("superCaseInstanceId"),
        params.string("subCaseInstanceId"),
        params.list("tenantIdIn"),
        params.bool("withoutTenantId"),
        params.list("activityIdIn"),
        params.list("executedActivityIdIn"),
        params.list("activeActivityIdIn"),
        params.bool("active"),
        params.bool("suspended"),
        params.bool("completed"),
        params.bool("externallyTerminated"),
        params.bool("internallyTerminated"),
        VariableQueries.parse(params.string("variables")),
        params.bool("variableNamesIgnoreCase"),
        params.bool("variableValuesIgnoreCase"),
        null,
        null);
    return dto.toQuery(Sorting.fromQuery(params, SORT_BY));
  }

  /** A body without filters. */
  public static HistoricProcessInstanceQueryDto empty() {
    return new HistoricProcessInstanceQueryDto(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The engine query of a JSON body, sorted by its {@code sorting} array. */
  public HistoricProcessInstanceQuery toQuery() {
    return toQuery(Sorting.fromBody(sorting, SORT_BY));
  }

  private HistoricProcessInstanceQuery toQuery(List<Sorting.Criterion> criteria) {
    HistoricProcessInstanceQuery.Builder b = HistoricProcessInstanceQuery.builder();
    b.processInstanceId(processInstanceId);
    if (processInstanceIds != null) {
      b.processInstanceIds(processInstanceIds);
    }
    if (processInstanceIdNotIn != null && !processInstanceIdNotIn.isEmpty()) {
      b.processInstanceIdNotIn(processInstanceIdNotIn);
    }
    b.processDefinitionId(processDefinitionId);
    b.processDefinitionKey(processDefinitionKey);
    if (processDefinitionKeyIn != null && !processDefinitionKeyIn.isEmpty()) {
      b.processDefinitionKeyIn(processDefinitionKeyIn);
    }
    if (processDefinitionKeyNotIn != null && !processDefinitionKeyNotIn.isEmpty()) {
      b.processDefinitionKeyNotIn(processDefinitionKeyNotIn);
    }
    b.processDefinitionName(processDefinitionName);
    b.processDefinitionNameLike(processDefinitionNameLike);
    b.processInstanceBusinessKey(processInstanceBusinessKey);
    if (processInstanceBusinessKeyIn != null && !processInstanceBusinessKeyIn.isEmpty()) {
      b.processInstanceBusinessKeyIn(processInstanceBusinessKeyIn);
    }
    b.processInstanceBusinessKeyLike(processInstanceBusinessKeyLike);
    b.rootProcessInstances(Boolean.TRUE.equals(rootProcessInstances));
    b.rootProcessInstanceId(rootProcessInstanceId);
    b.finished(Boolean.TRUE.equals(finished));
    b.unfinished(Boolean.TRUE.equals(unfinished));
    b.withJobsRetrying(Boolean.TRUE.equals(withJobsRetrying));
    b.withIncidents(Boolean.TRUE.equals(withIncidents));
    b.withRootIncidents(Boolean.TRUE.equals(withRootIncidents));
    if (incidentIdIn != null && !incidentIdIn.isEmpty()) {
      b.incidentIdIn(incidentIdIn);
    }
    b.incidentType(incidentType);
    b.incidentStatus(incidentStatus);
    b.incidentMessage(incidentMessage);
    b.incidentMessageLike(incidentMessageLike);
    b.startedBefore(startedBefore);
    b.startedAfter(startedAfter);
    b.finishedBefore(finishedBefore);
    b.finishedAfter(finishedAfter);
    b.executedActivityAfter(executedActivityAfter);
    b.executedActivityBefore(executedActivityBefore);
    b.executedJobAfter(executedJobAfter);
    b.executedJobBefore(executedJobBefore);
    b.startedBy(startedBy);
    b.superProcessInstanceId(superProcessInstanceId);
    b.subProcessInstanceId(subProcessInstanceId);
    b.caseInstanceId(caseInstanceId);
    b.superCaseInstanceId(superCaseInstanceId);
    b.subCaseInstanceId(subCaseInstanceId);
    if (tenantIdIn != null && !tenantIdIn.isEmpty()) {
      b.tenantIdIn(tenantIdIn);
    }
    b.withoutTenantId(Boolean.TRUE.equals(withoutTenantId));
    if (activityIdIn != null && !activityIdIn.isEmpty()) {
      b.activityIdIn(activityIdIn);
    }
    if (executedActivityIdIn != null && !executedActivityIdIn.isEmpty()) {
      b.executedActivityIdIn(executedActivityIdIn);
    }
    if (activeActivityIdIn != null && !activeActivityIdIn.isEmpty()) {
      b.activeActivityIdIn(activeActivityIdIn);
    }
    b.active(Boolean.TRUE.equals(active));
    b.suspended(Boolean.TRUE.equals(suspended));
    b.completed(Boolean.TRUE.equals(completed));
    b.externallyTerminated(Boolean.TRUE.equals(externallyTerminated));
    b.internallyTerminated(Boolean.TRUE.equals(internallyTerminated));
    b.variables(VariableQueries.conditions(variables));
    b.variableNamesIgnoreCase(Boolean.TRUE.equals(variableNamesIgnoreCase));
    b.variableValuesIgnoreCase(Boolean.TRUE.equals(variableValuesIgnoreCase));
    if (orQueries != null) {
      List<HistoricProcessInstanceQuery> or = new ArrayList<>();
      for (HistoricProcessInstanceQueryDto orQuery : orQueries) {
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
