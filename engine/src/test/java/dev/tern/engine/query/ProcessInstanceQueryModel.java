package dev.tern.engine.query;

import dev.tern.engine.query.QuerySnapshot.Incident;
import dev.tern.engine.query.QuerySnapshot.Instance;
import dev.tern.engine.query.QuerySnapshot.Variable;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Evaluates a {@link ProcessInstanceQuery} over a {@link QuerySnapshot} in plain Java. */
final class ProcessInstanceQueryModel {

  private final QuerySnapshot data;

  ProcessInstanceQueryModel(QuerySnapshot data) {
    this.data = data;
  }

  Set<String> ids(ProcessInstanceQuery query) {
    return Terms.select(data.instances(), query, query.orQueries(), this::matches, Instance::id);
  }

  private boolean matches(ProcessInstanceQuery q, Instance pi, boolean orQuery) {
    Terms t = new Terms();
    t.in(q.processInstanceIds(), pi.id());
    t.eq(q.processDefinitionId(), pi.definitionId());
    t.eq(q.processDefinitionKey(), pi.definitionKey());
    t.in(q.processDefinitionKeyIn(), pi.definitionKey());
    t.notIn(q.processDefinitionKeyNotIn(), pi.definitionKey());
    t.eq(q.businessKey(), pi.businessKey());
    t.like(q.businessKeyLike(), pi.businessKey());
    if (q.deploymentId() != null) {
      t.add(definition(pi).deploymentId().equals(q.deploymentId()));
    }
    t.flag(
        q.caseInstanceId() != null || q.superCaseInstance() != null || q.subCaseInstance() != null,
        false);
    t.eq(q.superProcessInstance(), pi.superId());
    if (q.subProcessInstance() != null) {
      t.add(
          data.instances().stream()
              .anyMatch(s -> s.id().equals(q.subProcessInstance()) && pi.id().equals(s.superId())));
    }
    t.flag(q.active(), !pi.suspended());
    t.flag(q.suspended(), pi.suspended());
    t.related(incidents(pi), q.withIncident(), incidentFilters(q), orQuery);
    t.in(q.tenantIdIn(), pi.tenantId());
    t.flag(q.withoutTenantId(), pi.tenantId() == null);
    t.flag(q.processDefinitionWithoutTenantId(), definition(pi).tenantId() == null);
    if (q.activityIdIn() != null && !q.activityIdIn().isEmpty()) {
      t.add(
          data.executions().stream()
              .anyMatch(
                  e ->
                      e.processInstanceId().equals(pi.id())
                          && q.activityIdIn().contains(e.activityId())));
    }
    t.flag(q.rootProcessInstances(), pi.superId() == null);
    t.flag(
        q.leafProcessInstances(),
        data.instances().stream().noneMatch(c -> pi.id().equals(c.superId())));
    t.eq(q.rootProcessInstanceId(), pi.rootId());
    if (q.variables() != null) {
      List<Variable> own =
          data.variables().stream().filter(v -> v.processInstanceId().equals(pi.id())).toList();
      for (VariableCondition condition : q.variables()) {
        t.add(
            VariableMatch.any(
                own, condition, q.variableNamesIgnoreCase(), q.variableValuesIgnoreCase()));
      }
    }
    return t.holds(orQuery);
  }

  private static List<Predicate<Incident>> incidentFilters(ProcessInstanceQuery q) {
    List<Predicate<Incident>> filters = new ArrayList<>();
    if (q.incidentId() != null) {
      filters.add(i -> i.id().equals(q.incidentId()));
    }
    if (q.incidentType() != null) {
      filters.add(i -> i.type().equals(q.incidentType()));
    }
    if (q.incidentMessage() != null) {
      filters.add(i -> q.incidentMessage().equals(i.message()));
    }
    if (q.incidentMessageLike() != null) {
      filters.add(
          i -> i.message() != null && VariableMatch.like(i.message(), q.incidentMessageLike()));
    }
    return filters;
  }

  private List<Incident> incidents(Instance pi) {
    return data.incidents().stream().filter(i -> pi.id().equals(i.processInstanceId())).toList();
  }

  private QuerySnapshot.Definition definition(Instance pi) {
    return data.definitions().stream()
        .filter(d -> d.id().equals(pi.definitionId()))
        .findFirst()
        .orElseThrow();
  }
}
