package dev.tern.engine.query;

import dev.tern.engine.query.QuerySnapshot.Incident;
import dev.tern.engine.query.QuerySnapshot.Instance;
import dev.tern.engine.query.QuerySnapshot.Variable;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Evaluates a {@link ProcessInstanceQuery} over a {@link QuerySnapshot} in plain Java. */
final class ProcessInstanceQueryModel {

  private final QuerySnapshot data;

  ProcessInstanceQueryModel(QuerySnapshot data) {
    this.data = data;
  }

  Set<String> ids(ProcessInstanceQuery query) {
    return data.instances().stream()
        .filter(pi -> matches(query, pi, false))
        .filter(
            pi ->
                query.orQueries() == null
                    || query.orQueries().stream().allMatch(or -> matches(or, pi, true)))
        .map(Instance::id)
        .collect(Collectors.toSet());
  }

  /** Set filters are ANDed, or (inside an or-query) ORed; none set matches everything. */
  private boolean matches(ProcessInstanceQuery q, Instance pi, boolean orQuery) {
    List<Boolean> terms = new ArrayList<>();
    if (q.processInstanceIds() != null) {
      terms.add(q.processInstanceIds().contains(pi.id()));
    }
    eq(terms, q.processDefinitionId(), pi.definitionId());
    eq(terms, q.processDefinitionKey(), pi.definitionKey());
    in(terms, q.processDefinitionKeyIn(), pi.definitionKey());
    if (q.processDefinitionKeyNotIn() != null && !q.processDefinitionKeyNotIn().isEmpty()) {
      terms.add(!q.processDefinitionKeyNotIn().contains(pi.definitionKey()));
    }
    eq(terms, q.businessKey(), pi.businessKey());
    if (q.businessKeyLike() != null) {
      terms.add(pi.businessKey() != null && VariableMatch.like(pi.businessKey(), q.businessKeyLike()));
    }
    if (q.deploymentId() != null) {
      terms.add(definition(pi).deploymentId().equals(q.deploymentId()));
    }
    if (q.caseInstanceId() != null || q.superCaseInstance() != null || q.subCaseInstance() != null) {
      terms.add(false);
    }
    eq(terms, q.superProcessInstance(), pi.superId());
    if (q.subProcessInstance() != null) {
      terms.add(
          data.instances().stream()
              .anyMatch(s -> s.id().equals(q.subProcessInstance()) && pi.id().equals(s.superId())));
    }
    flag(terms, q.active(), !pi.suspended());
    flag(terms, q.suspended(), pi.suspended());
    incidents(q, pi, orQuery, terms);
    in(terms, q.tenantIdIn(), pi.tenantId());
    flag(terms, q.withoutTenantId(), pi.tenantId() == null);
    flag(terms, q.processDefinitionWithoutTenantId(), definition(pi).tenantId() == null);
    if (q.activityIdIn() != null && !q.activityIdIn().isEmpty()) {
      terms.add(
          data.executions().stream()
              .anyMatch(
                  e ->
                      e.processInstanceId().equals(pi.id())
                          && q.activityIdIn().contains(e.activityId())));
    }
    flag(terms, q.rootProcessInstances(), pi.superId() == null);
    flag(
        terms,
        q.leafProcessInstances(),
        data.instances().stream().noneMatch(c -> pi.id().equals(c.superId())));
    eq(terms, q.rootProcessInstanceId(), pi.rootId());
    if (q.variables() != null) {
      List<Variable> own =
          data.variables().stream().filter(v -> v.processInstanceId().equals(pi.id())).toList();
      for (VariableCondition condition : q.variables()) {
        terms.add(
            VariableMatch.any(
                own, condition, q.variableNamesIgnoreCase(), q.variableValuesIgnoreCase()));
      }
    }
    return orQuery
        ? terms.isEmpty() || terms.contains(true)
        : !terms.contains(false);
  }

  /**
   * Outside an or-query all incident filters describe one incident; inside one each filter (and
   * {@code withIncident}) is an alternative of its own.
   */
  private void incidents(ProcessInstanceQuery q, Instance pi, boolean orQuery, List<Boolean> terms) {
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
      filters.add(i -> i.message() != null && VariableMatch.like(i.message(), q.incidentMessageLike()));
    }
    List<Incident> own =
        data.incidents().stream().filter(i -> pi.id().equals(i.processInstanceId())).toList();
    if (orQuery) {
      flag(terms, q.withIncident(), !own.isEmpty());
      filters.forEach(f -> terms.add(own.stream().anyMatch(f)));
    } else if (q.withIncident() || !filters.isEmpty()) {
      terms.add(own.stream().anyMatch(i -> filters.stream().allMatch(f -> f.test(i))));
    }
  }

  private QuerySnapshot.Definition definition(Instance pi) {
    return data.definitions().stream()
        .filter(d -> d.id().equals(pi.definitionId()))
        .findFirst()
        .orElseThrow();
  }

  static void eq(List<Boolean> terms, Object expected, Object actual) {
    if (expected != null) {
      terms.add(Objects.equals(expected, actual));
    }
  }

  static void in(List<Boolean> terms, List<String> expected, String actual) {
    if (expected != null && !expected.isEmpty()) {
      terms.add(actual != null && expected.contains(actual));
    }
  }

  static void flag(List<Boolean> terms, boolean set, boolean holds) {
    if (set) {
      terms.add(holds);
    }
  }
}
