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
    return Terms.select(data.instances(), query.filters(), query.filters().orQueries(), this::matches, Instance::id);
  }

  private boolean matches(FilterQuery q, Instance pi, boolean orQuery) {
    Terms t = new Terms();
    t.in(q.value("processInstanceIds"), pi.id());
    t.eq(q.value("processDefinitionId"), pi.definitionId());
    t.eq(q.value("processDefinitionKey"), pi.definitionKey());
    t.in(q.value("processDefinitionKeyIn"), pi.definitionKey());
    t.notIn(q.value("processDefinitionKeyNotIn"), pi.definitionKey());
    t.eq(q.value("businessKey"), pi.businessKey());
    t.like(q.value("businessKeyLike"), pi.businessKey());
    if (q.<String>value("deploymentId") != null) {
      t.add(definition(pi).deploymentId().equals(q.<String>value("deploymentId")));
    }
    t.flag(
        q.value("caseInstanceId") != null || q.value("superCaseInstance") != null || q.value("subCaseInstance") != null,
        false);
    t.eq(q.value("superProcessInstance"), pi.superId());
    if (q.<String>value("subProcessInstance") != null) {
      t.add(
          data.instances().stream()
              .anyMatch(s -> s.id().equals(q.<String>value("subProcessInstance")) && pi.id().equals(s.superId())));
    }
    t.flag(q.isOn("active"), !pi.suspended());
    t.flag(q.isOn("suspended"), pi.suspended());
    t.related(incidents(pi), q.isOn("withIncident"), incidentFilters(q), orQuery);
    t.in(q.value("tenantIdIn"), pi.tenantId());
    t.flag(q.isOn("withoutTenantId"), pi.tenantId() == null);
    t.flag(q.isOn("processDefinitionWithoutTenantId"), definition(pi).tenantId() == null);
    if (q.<List<String>>value("activityIdIn") != null && !q.<List<String>>value("activityIdIn").isEmpty()) {
      t.add(
          data.executions().stream()
              .anyMatch(
                  e ->
                      e.processInstanceId().equals(pi.id())
                          && q.<List<String>>value("activityIdIn").contains(e.activityId())));
    }
    t.flag(q.isOn("rootProcessInstances"), pi.superId() == null);
    t.flag(
        q.isOn("leafProcessInstances"),
        data.instances().stream().noneMatch(c -> pi.id().equals(c.superId())));
    t.eq(q.value("rootProcessInstanceId"), pi.rootId());
    if (q.<List<VariableCondition>>value("variables") != null) {
      List<Variable> own =
          data.variables().stream().filter(v -> v.processInstanceId().equals(pi.id())).toList();
      for (VariableCondition condition : q.<List<VariableCondition>>value("variables")) {
        t.add(
            VariableMatch.any(
                own, condition, q.isOn("variableNamesIgnoreCase"), q.isOn("variableValuesIgnoreCase")));
      }
    }
    return t.holds(orQuery);
  }

  private static List<Predicate<Incident>> incidentFilters(FilterQuery q) {
    List<Predicate<Incident>> filters = new ArrayList<>();
    if (q.<String>value("incidentId") != null) {
      filters.add(i -> i.id().equals(q.<String>value("incidentId")));
    }
    if (q.<String>value("incidentType") != null) {
      filters.add(i -> i.type().equals(q.<String>value("incidentType")));
    }
    if (q.<String>value("incidentMessage") != null) {
      filters.add(i -> q.<String>value("incidentMessage").equals(i.message()));
    }
    if (q.<String>value("incidentMessageLike") != null) {
      filters.add(
          i -> i.message() != null && VariableMatch.like(i.message(), q.<String>value("incidentMessageLike")));
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
